using System.Buffers.Binary;

namespace Echelon.Studio.Web;

/// <summary>
/// The binary message <c>/ws/audio</c> sends: a 20-byte little-endian header, then the frames as 16-bit
/// little-endian samples, channels interleaved (L R L R …).
/// </summary>
/// <remarks>
/// <code>
/// offset size field
///  0     2    magic "EP" (0x45 0x50)
///  2     1    version (1)
///  3     1    flags: bit 0 = discontinuity (frames were skipped before this packet: a counted gap)
///  4     2    channels (uint16)
///  6     2    frames in this packet (uint16)
///  8     4    sample rate, Hz (uint32)
/// 12     8    sequence: index of the packet's first frame since the broadcast began (uint64)
/// 20     …    frames × channels × int16
/// </code>
/// Without a gap, a packet's sequence is the previous packet's sequence plus its frame count, so a client can
/// check continuity itself. Design note 0016 has the reasons. Thread-safe (no state).
/// </remarks>
public static class PcmPacket
{
    /// <summary>Bytes before the first sample.</summary>
    public const int HeaderBytes = 20;

    /// <summary>The format version this code writes and reads.</summary>
    public const byte Version = 1;

    /// <summary>First magic byte: 'E'.</summary>
    public const byte Magic0 = 0x45;

    /// <summary>Second magic byte: 'P'.</summary>
    public const byte Magic1 = 0x50;

    /// <summary>Flag bit: frames were skipped (a gap) before this packet.</summary>
    public const byte DiscontinuityFlag = 0x01;

    /// <summary>Most frames one packet can carry (the frame count is a uint16).</summary>
    public const int MaxFrames = ushort.MaxValue;

    /// <summary>Bytes a packet of <paramref name="frames"/> frames of <paramref name="channels"/> channels takes.</summary>
    public static int SizeOf(int frames, int channels) => HeaderBytes + (frames * channels * sizeof(short));

    /// <summary>Writes a header into the first <see cref="HeaderBytes"/> bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than the header.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Channels, frames or sample rate out of their field's range.</exception>
    public static void WriteHeader(Span<byte> destination, in PcmPacketHeader header)
    {
        if (destination.Length < HeaderBytes)
        {
            throw new ArgumentException($"a PCM packet header needs {HeaderBytes} bytes; got {destination.Length}.", nameof(destination));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(header.Channels, 1, nameof(header));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(header.Channels, ushort.MaxValue, nameof(header));
        ArgumentOutOfRangeException.ThrowIfNegative(header.Frames, nameof(header));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(header.Frames, MaxFrames, nameof(header));
        ArgumentOutOfRangeException.ThrowIfLessThan(header.SampleRate, 1, nameof(header));
        ArgumentOutOfRangeException.ThrowIfNegative(header.Sequence, nameof(header));

        destination[0] = Magic0;
        destination[1] = Magic1;
        destination[2] = Version;
        destination[3] = header.Discontinuity ? DiscontinuityFlag : (byte)0;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], (ushort)header.Channels);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], (ushort)header.Frames);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], (uint)header.SampleRate);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[12..], (ulong)header.Sequence);
    }

    /// <summary>
    /// Reads a packet's header and checks it against the packet's length; false, with the reason in
    /// <paramref name="problem"/>, for anything that is not a whole version-1 packet.
    /// </summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> packet, out PcmPacketHeader header, out string? problem)
    {
        header = default;
        if (packet.Length < HeaderBytes)
        {
            problem = $"{packet.Length} bytes; a packet has at least the {HeaderBytes}-byte header";
            return false;
        }

        if (packet[0] != Magic0 || packet[1] != Magic1)
        {
            problem = $"magic 0x{packet[0]:x2} 0x{packet[1]:x2}; expected 0x45 0x50 (\"EP\")";
            return false;
        }

        if (packet[2] != Version)
        {
            problem = $"version {packet[2]}; this reader knows version {Version}";
            return false;
        }

        int channels = BinaryPrimitives.ReadUInt16LittleEndian(packet[4..]);
        int frames = BinaryPrimitives.ReadUInt16LittleEndian(packet[6..]);
        uint sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(packet[8..]);
        ulong sequence = BinaryPrimitives.ReadUInt64LittleEndian(packet[12..]);
        if (channels == 0 || sampleRate == 0 || sampleRate > int.MaxValue || sequence > long.MaxValue)
        {
            problem = $"channels {channels}, sample rate {sampleRate}, sequence {sequence}: out of range";
            return false;
        }

        if (packet.Length != SizeOf(frames, channels))
        {
            problem = $"{packet.Length} bytes; {frames} frames of {channels} channels need {SizeOf(frames, channels)}";
            return false;
        }

        header = new PcmPacketHeader((long)sequence, (int)sampleRate, channels, frames, (packet[3] & DiscontinuityFlag) != 0);
        problem = null;
        return true;
    }
}
