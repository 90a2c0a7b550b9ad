using System.Buffers.Binary;

namespace Echelon.Protocols.Osc.Transport;

/// <summary>
/// Splits a TCP byte sequence into OSC packets by OSC 1.0's stream framing: each packet preceded by its
/// size as a big-endian int32. Bytes may arrive in any chunks; frames come out whole.
/// </summary>
/// <remarks>
/// A frame larger than <see cref="MaxFrameSize"/> is skipped and counted (the stream stays in step);
/// a negative size breaks the stream for good (<see cref="IsBroken"/>): there is no way to find the
/// next frame. One connection per decoder, one thread at a time. Allocates only its frame buffer, once.
/// </remarks>
public sealed class OscTcpFrameDecoder
{
    /// <summary>Bytes of the size prefix.</summary>
    public const int HeaderSize = 4;

    private readonly byte[] _frame;
    private readonly byte[] _header = new byte[HeaderSize];
    private int _headerFill;
    private int _frameLength = -1;
    private int _frameFill;
    private int _skip;

    /// <summary>A decoder keeping frames of up to <paramref name="maxFrameSize"/> bytes.</summary>
    public OscTcpFrameDecoder(int maxFrameSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameSize);
        MaxFrameSize = maxFrameSize;
        _frame = new byte[maxFrameSize];
    }

    /// <summary>Largest frame kept, in bytes.</summary>
    public int MaxFrameSize { get; }

    /// <summary>Frames skipped for being larger than <see cref="MaxFrameSize"/>.</summary>
    public long OversizeFrames { get; private set; }

    /// <summary>True once a negative size was read; nothing more can be decoded.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>
    /// Takes the next bytes of the connection and calls <paramref name="onFrame"/> for every frame they
    /// complete (the span is valid only during the call). Returns false once the stream is broken.
    /// </summary>
    public bool Feed(ReadOnlySpan<byte> data, Action<ReadOnlySpan<byte>> onFrame)
    {
        ArgumentNullException.ThrowIfNull(onFrame);
        while (!data.IsEmpty && !IsBroken)
        {
            if (_skip > 0)
            {
                int n = Math.Min(_skip, data.Length);
                _skip -= n;
                data = data[n..];
                continue;
            }

            if (_frameLength < 0)
            {
                int n = Math.Min(HeaderSize - _headerFill, data.Length);
                data[..n].CopyTo(_header.AsSpan(_headerFill));
                _headerFill += n;
                data = data[n..];
                if (_headerFill < HeaderSize)
                {
                    break;
                }

                _headerFill = 0;
                int length = BinaryPrimitives.ReadInt32BigEndian(_header);
                if (length < 0)
                {
                    IsBroken = true;
                    break;
                }

                if (length > MaxFrameSize)
                {
                    OversizeFrames++;
                    _skip = length;
                    continue;
                }

                _frameLength = length;
                _frameFill = 0;
            }

            int take = Math.Min(_frameLength - _frameFill, data.Length);
            data[..take].CopyTo(_frame.AsSpan(_frameFill));
            _frameFill += take;
            data = data[take..];
            if (_frameFill == _frameLength)
            {
                int complete = _frameLength;
                _frameLength = -1;
                onFrame(_frame.AsSpan(0, complete));
            }
        }

        // A zero-length frame completes as soon as its header does.
        if (_frameLength == 0 && !IsBroken)
        {
            _frameLength = -1;
            onFrame([]);
        }

        return !IsBroken;
    }

    /// <summary>Writes the size prefix of a packet of <paramref name="packetLength"/> bytes into the first 4 bytes of <paramref name="destination"/>.</summary>
    public static void WriteHeader(Span<byte> destination, int packetLength) =>
        BinaryPrimitives.WriteInt32BigEndian(destination, packetLength);
}
