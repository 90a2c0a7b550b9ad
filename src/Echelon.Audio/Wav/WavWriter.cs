using System.Buffers.Binary;

namespace Echelon.Audio.Wav;

/// <summary>
/// Streams planar or interleaved float audio into a RIFF/WAVE file, in fixed-size blocks, so memory
/// stays constant however long the file grows. The header is written first with zero sizes and
/// patched with the final sizes on <see cref="Flush"/> and <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// <para>
/// Header: 16-bit mono or stereo gets the plain 44-byte <c>WAVE_FORMAT_PCM</c> header every reader
/// knows. 24-bit, float, and anything with more than two channels gets <c>WAVE_FORMAT_EXTENSIBLE</c>
/// (fmt size 40, sub-format PCM or IEEE float, valid bits = container bits), as Microsoft's
/// WAVEFORMATEXTENSIBLE documentation asks for more than 16 bits or more than 2 channels. Float
/// files also get a <c>fact</c> chunk (frames per channel), which the 1991 RIFF specification
/// requires for every non-PCM format. The channel mask is front-centre for mono, front-left |
/// front-right for stereo and 0 (no speaker assignment: stems, not a surround layout) otherwise.
/// </para>
/// <para>
/// Integer formats clip to [-1, 1] (counted in <see cref="ClippedSampleCount"/>), scale by 2^(bits-1),
/// round half to even and saturate, so +1.0 becomes the largest code; NaN becomes 0 and ±∞ full
/// scale, both counted in <see cref="NonFiniteSampleCount"/>. IeeeFloat32 stores each sample's bits
/// unchanged (non-finite values are counted, not hidden, so a checker reading the file sees them).
/// The file may hold at most 4 GiB (RIFF sizes are 32-bit); a write that would pass that throws
/// before anything is written, so the file stays valid.
/// </para>
/// <para>
/// Threading: one thread at a time; not real-time safe (it writes to a stream). After construction
/// writing allocates nothing.
/// </para>
/// </remarks>
public sealed class WavWriter : IDisposable
{
    /// <summary>Samples (not frames) converted per block written to the stream.</summary>
    private const int BlockSamples = 8192;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _start;
    private readonly int _headerBytes;
    private readonly int _bytesPerSample;
    private readonly int _blockAlign;
    private readonly long _maxFrames;
    private readonly long _factOffset;
    private readonly long _dataSizeOffset;
    private readonly bool _dither;
    private readonly byte[] _bytes;
    private readonly float[] _interleaved;
    private TpdfDither _rng;
    private long _dataBytes;
    private bool _disposed;

    /// <summary>Starts a WAV file at the current position of <paramref name="stream"/>.</summary>
    /// <param name="stream">A writable, seekable stream (the header is patched at the end).</param>
    /// <param name="options">Rate, channels, format and dither.</param>
    /// <param name="leaveOpen">When true, <see cref="Dispose"/> leaves the stream open.</param>
    /// <exception cref="ArgumentException">The stream cannot write or seek.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rate, channel count or format is out of range.</exception>
    public WavWriter(Stream stream, WavWriterOptions options, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        if (!stream.CanWrite || !stream.CanSeek)
        {
            throw new ArgumentException("The stream must be writable and seekable (the header is patched on Dispose).", nameof(stream));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.SampleRate, 1, "options.SampleRate");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.SampleRate, 768_000, "options.SampleRate");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Channels, 1, "options.Channels");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Channels, 64, "options.Channels");
        _bytesPerSample = options.Format switch
        {
            WavSampleFormat.Pcm16 => 2,
            WavSampleFormat.Pcm24 => 3,
            WavSampleFormat.IeeeFloat32 => 4,
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Format, "options.Format: allowed Pcm16, Pcm24, IeeeFloat32."),
        };

        Options = options;
        _stream = stream;
        _leaveOpen = leaveOpen;
        _start = stream.Position;
        _blockAlign = _bytesPerSample * options.Channels;
        _dither = options.Dither && options.Format != WavSampleFormat.IeeeFloat32;
        _rng = new TpdfDither(options.DitherSeed);
        _bytes = new byte[BlockSamples * _bytesPerSample];
        _interleaved = new float[BlockSamples];

        Span<byte> header = stackalloc byte[80];
        _headerBytes = BuildHeader(header, options, _bytesPerSample, out var factAt, out var dataSizeAt);
        _factOffset = factAt < 0 ? -1 : _start + factAt;
        _dataSizeOffset = _start + dataSizeAt;
        _maxFrames = (uint.MaxValue - (long)_headerBytes - 1) / _blockAlign;
        _stream.Write(header[.._headerBytes]);
    }

    /// <summary>What this writer writes.</summary>
    public WavWriterOptions Options { get; }

    /// <summary>Frames (samples per channel) written so far.</summary>
    public long FramesWritten => _dataBytes / _blockAlign;

    /// <summary>Finite samples outside [-1, 1] that an integer format clipped to full scale.</summary>
    public long ClippedSampleCount { get; private set; }

    /// <summary>NaN and infinite samples received (see the remarks for what each format does with them).</summary>
    public long NonFiniteSampleCount { get; private set; }

    /// <summary>The size of the header written before the sample data, in bytes (44, 68 or 80).</summary>
    public int HeaderBytes => _headerBytes;

    /// <summary>Creates (or overwrites) the file at <paramref name="path"/> and starts a WAV file in it.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="options">Rate, channels, format and dither.</param>
    /// <returns>A writer that owns the file; dispose it to finish the header.</returns>
    public static WavWriter Create(string path, WavWriterOptions options)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            return new WavWriter(stream, options);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Appends frames of a mono file.</summary>
    /// <param name="mono">One sample per frame; any length, zero included.</param>
    /// <exception cref="InvalidOperationException">The file is not mono, or would pass 4 GiB.</exception>
    public void Write(ReadOnlySpan<float> mono)
    {
        RequireChannels(1);
        WriteInterleaved(mono);
    }

    /// <summary>Appends frames of a stereo file from planar channels.</summary>
    /// <param name="left">Left channel; any length, zero included.</param>
    /// <param name="right">Right channel, the same length as <paramref name="left"/>.</param>
    /// <exception cref="ArgumentException">The channels differ in length.</exception>
    /// <exception cref="InvalidOperationException">The file is not stereo, or would pass 4 GiB.</exception>
    public void Write(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        RequireChannels(2);
        if (left.Length != right.Length)
        {
            throw new ArgumentException($"right has {right.Length} samples; left has {left.Length}.", nameof(right));
        }

        RequireRoom(left.Length);
        const int framesPerBlock = BlockSamples / 2;
        for (var offset = 0; offset < left.Length; offset += framesPerBlock)
        {
            var n = Math.Min(framesPerBlock, left.Length - offset);
            var l = left.Slice(offset, n);
            var r = right.Slice(offset, n);
            var buffer = _interleaved.AsSpan(0, 2 * n);
            for (var i = 0; i < n; i++)
            {
                buffer[2 * i] = l[i];
                buffer[(2 * i) + 1] = r[i];
            }

            EncodeAndWrite(buffer);
        }
    }

    /// <summary>Appends interleaved frames (frame 0 channel 0, frame 0 channel 1, …).</summary>
    /// <param name="interleaved">A whole number of frames; any length, zero included.</param>
    /// <exception cref="ArgumentException">The length is not a multiple of the channel count.</exception>
    /// <exception cref="InvalidOperationException">The file would pass 4 GiB.</exception>
    public void WriteInterleaved(ReadOnlySpan<float> interleaved)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var channels = Options.Channels;
        if (interleaved.Length % channels != 0)
        {
            throw new ArgumentException($"interleaved has {interleaved.Length} samples, not a multiple of {channels} channels.", nameof(interleaved));
        }

        RequireRoom(interleaved.Length / channels);
        var blockSamples = BlockSamples / channels * channels;
        for (var offset = 0; offset < interleaved.Length; offset += blockSamples)
        {
            EncodeAndWrite(interleaved.Slice(offset, Math.Min(blockSamples, interleaved.Length - offset)));
        }
    }

    /// <summary>
    /// Patches the header with the sizes so far and flushes the stream, so the file is readable as
    /// it stands (useful before a long pause). Writing can continue afterwards.
    /// </summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        PatchHeader();
        _stream.Flush();
    }

    /// <summary>Writes the pad byte an odd-sized data chunk needs, patches the header and closes the stream (unless left open).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if ((_dataBytes & 1) != 0)
            {
                // RIFF chunks are word-aligned: an odd data chunk is followed by one pad byte.
                _stream.WriteByte(0);
            }

            PatchHeader();
            _stream.Flush();
        }
        finally
        {
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
    }

    private static int BuildHeader(Span<byte> h, WavWriterOptions options, int bytesPerSample, out int factAt, out int dataSizeAt)
    {
        var channels = options.Channels;
        var isFloat = options.Format == WavSampleFormat.IeeeFloat32;
        var extensible = channels > 2 || bytesPerSample > 2;
        var blockAlign = bytesPerSample * channels;

        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], 0);
        "WAVE"u8.CopyTo(h[8..]);
        "fmt "u8.CopyTo(h[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], (uint)(extensible ? WavConstants.FmtExtensibleSize : WavConstants.FmtPlainSize));
        var tag = extensible ? WavConstants.FormatExtensible : isFloat ? WavConstants.FormatIeeeFloat : WavConstants.FormatPcm;
        BinaryPrimitives.WriteUInt16LittleEndian(h[20..], tag);
        BinaryPrimitives.WriteUInt16LittleEndian(h[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], (uint)options.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(h[28..], (uint)(options.SampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(h[32..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(h[34..], (ushort)(8 * bytesPerSample));
        var at = 36;
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(h[36..], 22);                       // cbSize
            BinaryPrimitives.WriteUInt16LittleEndian(h[38..], (ushort)(8 * bytesPerSample)); // wValidBitsPerSample
            var mask = channels switch { 1 => 0x4u, 2 => 0x3u, _ => 0u };
            BinaryPrimitives.WriteUInt32LittleEndian(h[40..], mask);                     // dwChannelMask
            BinaryPrimitives.WriteUInt16LittleEndian(h[44..], isFloat ? WavConstants.FormatIeeeFloat : WavConstants.FormatPcm);
            WavConstants.SubFormatTail.CopyTo(h[46..]);
            at = 60;
        }

        factAt = -1;
        if (isFloat)
        {
            factAt = at;
            "fact"u8.CopyTo(h[at..]);
            BinaryPrimitives.WriteUInt32LittleEndian(h[(at + 4)..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(h[(at + 8)..], 0);
            at += 12;
        }

        "data"u8.CopyTo(h[at..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[(at + 4)..], 0);
        dataSizeAt = at + 4;
        return at + 8;
    }

    private void RequireChannels(int channels)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Options.Channels != channels)
        {
            throw new InvalidOperationException(
                $"This writer has {Options.Channels} channel(s); use {(Options.Channels == 1 ? "Write(mono)" : Options.Channels == 2 ? "Write(left, right)" : "WriteInterleaved")}.");
        }
    }

    private void RequireRoom(int frames)
    {
        if (FramesWritten + frames > _maxFrames)
        {
            throw new InvalidOperationException(
                $"Writing {frames} more frames would pass the 4 GiB size limit of a RIFF/WAVE file ({_maxFrames} frames at this format); split the output.");
        }
    }

    private void EncodeAndWrite(ReadOnlySpan<float> samples)
    {
        var bytes = _bytes.AsSpan(0, samples.Length * _bytesPerSample);
        switch (Options.Format)
        {
            case WavSampleFormat.Pcm16:
                EncodePcm16(samples, bytes);
                break;
            case WavSampleFormat.Pcm24:
                EncodePcm24(samples, bytes);
                break;
            default:
                EncodeFloat32(samples, bytes);
                break;
        }

        _stream.Write(bytes);
        _dataBytes += bytes.Length;
    }

    private void EncodePcm16(ReadOnlySpan<float> samples, Span<byte> bytes)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            var q = Quantize(samples[i], 32768.0, 32767);
            BinaryPrimitives.WriteInt16LittleEndian(bytes[(2 * i)..], (short)q);
        }
    }

    private void EncodePcm24(ReadOnlySpan<float> samples, Span<byte> bytes)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            var q = Quantize(samples[i], 8388608.0, 8388607);
            var o = 3 * i;
            bytes[o] = (byte)q;
            bytes[o + 1] = (byte)(q >> 8);
            bytes[o + 2] = (byte)(q >> 16);
        }
    }

    private void EncodeFloat32(ReadOnlySpan<float> samples, Span<byte> bytes)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            var x = samples[i];
            if (!float.IsFinite(x))
            {
                NonFiniteSampleCount++;
            }

            BinaryPrimitives.WriteSingleLittleEndian(bytes[(4 * i)..], x);
        }
    }

    /// <summary>Clip, scale by <paramref name="scale"/> = 2^(bits-1), dither, round half to even, saturate.</summary>
    private int Quantize(float x, double scale, int max)
    {
        // One comparison pair catches both out-of-range values and NaN (every comparison with NaN is false).
        if (!(x >= -1f && x <= 1f))
        {
            if (float.IsNaN(x))
            {
                NonFiniteSampleCount++;
                x = 0f;
            }
            else
            {
                if (float.IsInfinity(x))
                {
                    NonFiniteSampleCount++;
                }
                else
                {
                    ClippedSampleCount++;
                }

                x = x > 0f ? 1f : -1f;
            }
        }

        var v = x * scale;
        if (_dither)
        {
            v += _rng.Next();
        }

        var q = Math.Round(v, MidpointRounding.ToEven);
        return q > max ? max : q < -max - 1 ? -max - 1 : (int)q;
    }

    private void PatchHeader()
    {
        var end = _stream.Position;
        Span<byte> word = stackalloc byte[4];
        var padded = _dataBytes + (_dataBytes & 1);
        Patch(_start + 4, (uint)(_headerBytes - 8 + padded), word);
        if (_factOffset >= 0)
        {
            Patch(_factOffset + 8, (uint)FramesWritten, word);
        }

        Patch(_dataSizeOffset, (uint)_dataBytes, word);
        _stream.Position = end;
    }

    private void Patch(long position, uint value, Span<byte> word)
    {
        _stream.Position = position;
        BinaryPrimitives.WriteUInt32LittleEndian(word, value);
        _stream.Write(word);
    }
}
