using System.Buffers.Binary;
using System.Text;

namespace Echelon.Audio.Wav;

/// <summary>
/// Reads a RIFF/WAVE file into planar float samples: PCM 8/16/24/32-bit and IEEE float 32/64-bit,
/// plain or <c>WAVE_FORMAT_EXTENSIBLE</c> headers, any channel count. Chunks other than
/// <c>fmt </c> and <c>data</c> (<c>LIST</c>, <c>fact</c>, <c>JUNK</c>, <c>bext</c>…) are skipped,
/// odd-sized chunks with their pad byte; whatever follows the data chunk is not read.
/// </summary>
/// <remarks>
/// <para>
/// Every malformed or unsupported file raises a <see cref="WavFormatException"/> that names the
/// byte offset and the header field (STYLE habit 13); a data chunk cut short is the one failure
/// with a policy, <see cref="WavReadOptions.AllowTruncated"/>. NaN and infinite samples never
/// throw: they are counted in <see cref="WavAudio.NonFiniteSampleCount"/>.
/// </para>
/// <para>
/// Works on non-seekable streams (chunks are skipped by reading). Threading: stateless, any thread;
/// not real-time safe (it reads files and allocates the result).
/// </para>
/// </remarks>
public static class WavReader
{
    /// <summary>Bytes read from the data chunk at a time (rounded down to whole frames).</summary>
    private const int BlockBytes = 1 << 16;

    private enum SampleKind
    {
        UInt8,
        Int16,
        Int24,
        Int32,
        Float32,
        Float64,
    }

    /// <summary>Reads the WAV file at <paramref name="path"/>.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="options">Failure policies; <see cref="WavReadOptions.Default"/> when null.</param>
    /// <returns>The decoded audio.</returns>
    /// <exception cref="WavFormatException">The file is not a WAV file this reader decodes, or is cut short.</exception>
    public static WavAudio Read(string path, WavReadOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        return Read(stream, options, path);
    }

    /// <summary>Reads a WAV file from <paramref name="stream"/>, starting at its current position.</summary>
    /// <param name="stream">A readable stream; byte offsets in errors count from where reading starts.</param>
    /// <param name="options">Failure policies; <see cref="WavReadOptions.Default"/> when null.</param>
    /// <param name="name">The name errors use for the stream (a path, usually).</param>
    /// <returns>The decoded audio.</returns>
    /// <exception cref="WavFormatException">The data is not a WAV file this reader decodes, or is cut short.</exception>
    public static WavAudio Read(Stream stream, WavReadOptions? options = null, string name = "(stream)")
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= WavReadOptions.Default;
        var input = new Input(stream);

        Span<byte> head = stackalloc byte[12];
        var n = input.ReadUpTo(head);
        if (n == 0)
        {
            throw new WavFormatException(name, 0, "RIFF", "the file is empty (0 bytes); a WAV file starts with a 12-byte RIFF/WAVE header.");
        }

        if (n < 4 || !head[..4].SequenceEqual("RIFF"u8))
        {
            throw new WavFormatException(name, 0, "RIFF", $"not a RIFF file: it starts with {FourCc(head[..Math.Min(n, 4)])}{NotRiffHint(head[..Math.Min(n, 4)])}.");
        }

        if (n < 12)
        {
            throw new WavFormatException(name, n, "RIFF header", $"the file ends after {n} bytes, inside the 12-byte RIFF/WAVE header.");
        }

        if (!head[8..12].SequenceEqual("WAVE"u8))
        {
            throw new WavFormatException(name, 8, "WAVE", $"not a WAVE file: the RIFF form type is {FourCc(head[8..12])}, expected 'WAVE'.");
        }

        Fmt? fmt = null;
        var skipped = new List<string>();
        Span<byte> chunkHeader = stackalloc byte[8];
        while (true)
        {
            var chunkAt = input.Position;
            n = input.ReadUpTo(chunkHeader);
            if (n == 0)
            {
                throw fmt is null
                    ? new WavFormatException(name, chunkAt, "fmt ", $"no fmt chunk: the file ends at byte {chunkAt} without one{SkippedList(skipped)}.")
                    : new WavFormatException(name, chunkAt, "data", $"no data chunk: the file ends at byte {chunkAt} without one{SkippedList(skipped)}.");
            }

            if (n < 8)
            {
                throw new WavFormatException(name, chunkAt, "chunk header", $"the file ends {n} bytes into an 8-byte chunk header, before any data chunk.");
            }

            var id = chunkHeader[..4];
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            if (id.SequenceEqual("fmt "u8))
            {
                fmt = ReadFmt(input, name, chunkAt, size);
                SkipPad(input, size);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (fmt is not { } format)
                {
                    throw new WavFormatException(name, chunkAt, "fmt ", $"no fmt chunk before the data chunk at byte {chunkAt}; the format must precede the samples.");
                }

                return ReadData(input, name, chunkAt, size, format, options, skipped);
            }
            else
            {
                var idText = Encoding.Latin1.GetString(id);
                var want = (long)size + (size & 1);
                var got = input.Skip(want);
                if (got < size)
                {
                    throw new WavFormatException(name, input.Position, idText,
                        $"chunk {FourCc(id)} at byte {chunkAt} declares {size} bytes but the file ends after {got}, before any data chunk.");
                }

                skipped.Add(idText);
            }
        }
    }

    private static Fmt ReadFmt(Input input, string name, long chunkAt, uint size)
    {
        var body = chunkAt + 8;
        if (size < WavConstants.FmtPlainSize)
        {
            throw new WavFormatException(name, chunkAt + 4, "fmt size", $"the fmt chunk declares {size} bytes; it needs at least {WavConstants.FmtPlainSize}.");
        }

        if (size > 1024)
        {
            throw new WavFormatException(name, chunkAt + 4, "fmt size", $"the fmt chunk declares {size} bytes; no WAVE format header is longer than 1024.");
        }

        Span<byte> f = stackalloc byte[(int)size];
        var n = input.ReadUpTo(f);
        if (n < size)
        {
            throw new WavFormatException(name, body + n, "fmt ", $"the fmt chunk declares {size} bytes but the file ends after {n}.");
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(f);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(f[2..]);
        var rate = BinaryPrimitives.ReadUInt32LittleEndian(f[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(f[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(f[14..]);
        var effectiveTag = tag;
        var validBits = (int)bits;
        uint mask = 0;

        if (tag == WavConstants.FormatExtensible)
        {
            if (size < WavConstants.FmtExtensibleSize)
            {
                throw new WavFormatException(name, chunkAt + 4, "fmt size",
                    $"a WAVE_FORMAT_EXTENSIBLE header needs {WavConstants.FmtExtensibleSize} bytes; the fmt chunk declares {size}.");
            }

            effectiveTag = BinaryPrimitives.ReadUInt16LittleEndian(f[24..]);
            if (!f[26..40].SequenceEqual(WavConstants.SubFormatTail) ||
                (effectiveTag != WavConstants.FormatPcm && effectiveTag != WavConstants.FormatIeeeFloat))
            {
                throw new WavFormatException(name, body + 24, "fmt .SubFormat",
                    $"sub-format {new Guid(f[24..40])} is not supported; {WavConstants.Supported}.");
            }

            var declaredValid = BinaryPrimitives.ReadUInt16LittleEndian(f[18..]);
            if (declaredValid > bits)
            {
                throw new WavFormatException(name, body + 18, "fmt .wValidBitsPerSample",
                    $"{declaredValid} valid bits do not fit a {bits}-bit container.");
            }

            // 0 is written by some encoders to mean "all of them".
            validBits = declaredValid == 0 ? bits : declaredValid;
            mask = BinaryPrimitives.ReadUInt32LittleEndian(f[20..]);
        }
        else if (tag != WavConstants.FormatPcm && tag != WavConstants.FormatIeeeFloat)
        {
            throw new WavFormatException(name, body, "fmt .wFormatTag",
                $"format tag 0x{tag:X4} ({WavConstants.DescribeTag(tag)}) is not supported; {WavConstants.Supported}.");
        }

        if (channels == 0)
        {
            throw new WavFormatException(name, body + 2, "fmt .nChannels", "0 channels; at least 1 is needed.");
        }

        if (rate == 0)
        {
            throw new WavFormatException(name, body + 4, "fmt .nSamplesPerSec", "sample rate 0; it must be positive.");
        }

        SampleKind kind;
        if (effectiveTag == WavConstants.FormatPcm)
        {
            kind = bits switch
            {
                8 => SampleKind.UInt8,
                16 => SampleKind.Int16,
                24 => SampleKind.Int24,
                32 => SampleKind.Int32,
                _ => throw new WavFormatException(name, body + 14, "fmt .wBitsPerSample",
                    $"PCM with {bits} bits per sample is not supported; supported: 8, 16, 24, 32."),
            };
        }
        else
        {
            kind = bits switch
            {
                32 => SampleKind.Float32,
                64 => SampleKind.Float64,
                _ => throw new WavFormatException(name, body + 14, "fmt .wBitsPerSample",
                    $"IEEE float with {bits} bits per sample is not supported; supported: 32, 64."),
            };
        }

        var expectedAlign = channels * (bits / 8);
        if (blockAlign != expectedAlign)
        {
            throw new WavFormatException(name, body + 12, "fmt .nBlockAlign",
                $"block align {blockAlign} does not match {channels} channel(s) × {bits / 8} bytes = {expectedAlign}.");
        }

        return new Fmt(kind, effectiveTag, tag == WavConstants.FormatExtensible, channels, (int)Math.Min(rate, int.MaxValue), blockAlign, bits, validBits, mask);
    }

    private static WavAudio ReadData(Input input, string name, long chunkAt, uint declared, Fmt fmt, WavReadOptions options, List<string> skipped)
    {
        var dataStart = chunkAt + 8;
        var blockAlign = fmt.BlockAlign;
        if (declared % blockAlign != 0 && !options.AllowTruncated)
        {
            throw new WavFormatException(name, chunkAt + 4, "data size",
                $"the data chunk declares {declared} bytes, not a whole number of {blockAlign}-byte frames.");
        }

        var declaredFrames = declared / blockAlign;
        long capacity = input.Remaining is long remaining
            ? Math.Min(declaredFrames, remaining / blockAlign)
            : Math.Min(declaredFrames, 1 << 16);
        var channels = new float[fmt.Channels][];
        for (var c = 0; c < channels.Length; c++)
        {
            channels[c] = new float[capacity];
        }

        var buffer = new byte[Math.Max(1, BlockBytes / blockAlign) * blockAlign];
        var counts = default(Counts);
        long actual = 0;
        var frames = 0;
        while (actual < declared)
        {
            var want = (int)Math.Min(buffer.Length, declared - actual);
            var n = input.ReadUpTo(buffer.AsSpan(0, want));
            actual += n;
            var blockFrames = n / blockAlign;
            if (blockFrames > 0)
            {
                if ((long)frames + blockFrames > Array.MaxLength)
                {
                    throw new WavFormatException(name, dataStart + actual - n, "data",
                        $"more than {Array.MaxLength} frames per channel do not fit one array; split the file.");
                }

                if (frames + blockFrames > channels[0].Length)
                {
                    var grown = (int)Math.Min(Array.MaxLength, Math.Max(frames + (long)blockFrames, 2L * channels[0].Length));
                    for (var c = 0; c < channels.Length; c++)
                    {
                        Array.Resize(ref channels[c], grown);
                    }
                }

                Decode(fmt.Kind, buffer.AsSpan(0, blockFrames * blockAlign), channels, frames, options.ReplaceNonFinite, ref counts);
                frames += blockFrames;
            }

            if (n < want)
            {
                break;
            }
        }

        var truncated = actual < declared || declared % blockAlign != 0;
        if (actual < declared && !options.AllowTruncated)
        {
            throw new WavFormatException(name, dataStart + actual, "data",
                $"truncated: the data chunk at byte {chunkAt} declares {declared} bytes ({declaredFrames} frames) but only {actual} bytes are present; " +
                "the file was cut short (WavReadOptions.AllowTruncated reads what is there).");
        }

        for (var c = 0; c < channels.Length; c++)
        {
            if (channels[c].Length != frames)
            {
                Array.Resize(ref channels[c], frames);
            }
        }

        return new WavAudio
        {
            SampleRate = fmt.SampleRate,
            Channels = channels,
            FormatTag = fmt.Tag,
            IsExtensible = fmt.Extensible,
            BitsPerSample = fmt.Bits,
            ValidBitsPerSample = fmt.ValidBits,
            ChannelMask = fmt.Mask,
            DeclaredDataBytes = declared,
            DataBytes = (long)frames * blockAlign,
            IsTruncated = truncated,
            NonFiniteSampleCount = counts.NonFinite,
            SubnormalSampleCount = counts.Subnormal,
            SkippedChunks = skipped,
        };
    }

    /// <summary>Decodes whole interleaved frames into the planar arrays from frame <paramref name="at"/> on; the format switch runs once per block.</summary>
    private static void Decode(SampleKind kind, ReadOnlySpan<byte> src, float[][] dst, int at, bool replaceNonFinite, ref Counts counts)
    {
        var channels = dst.Length;
        switch (kind)
        {
            case SampleKind.UInt8:
                for (int i = 0, s = 0; s < src.Length; i++)
                {
                    for (var c = 0; c < channels; c++, s++)
                    {
                        dst[c][at + i] = (src[s] - 128) / 128f;
                    }
                }

                break;
            case SampleKind.Int16:
                for (int i = 0, s = 0; s < src.Length; i++)
                {
                    for (var c = 0; c < channels; c++, s += 2)
                    {
                        dst[c][at + i] = BinaryPrimitives.ReadInt16LittleEndian(src[s..]) / 32768f;
                    }
                }

                break;
            case SampleKind.Int24:
                for (int i = 0, s = 0; s < src.Length; i++)
                {
                    for (var c = 0; c < channels; c++, s += 3)
                    {
                        var v = src[s] | (src[s + 1] << 8) | ((sbyte)src[s + 2] << 16);
                        dst[c][at + i] = v / 8388608f;
                    }
                }

                break;
            case SampleKind.Int32:
                for (int i = 0, s = 0; s < src.Length; i++)
                {
                    for (var c = 0; c < channels; c++, s += 4)
                    {
                        // Scale in double, then round once to float (as sox does), not twice.
                        dst[c][at + i] = (float)(BinaryPrimitives.ReadInt32LittleEndian(src[s..]) * (1.0 / 2147483648.0));
                    }
                }

                break;
            case SampleKind.Float32:
                for (int i = 0, s = 0; s < src.Length; i++)
                {
                    for (var c = 0; c < channels; c++, s += 4)
                    {
                        dst[c][at + i] = Check(BinaryPrimitives.ReadSingleLittleEndian(src[s..]), replaceNonFinite, ref counts);
                    }
                }

                break;
            default:
                for (int i = 0, s = 0; s < src.Length; i++)
                {
                    for (var c = 0; c < channels; c++, s += 8)
                    {
                        dst[c][at + i] = Check((float)BinaryPrimitives.ReadDoubleLittleEndian(src[s..]), replaceNonFinite, ref counts);
                    }
                }

                break;
        }
    }

    private static float Check(float x, bool replaceNonFinite, ref Counts counts)
    {
        if (!float.IsFinite(x))
        {
            counts.NonFinite++;
            return replaceNonFinite ? 0f : x;
        }

        if (float.IsSubnormal(x))
        {
            counts.Subnormal++;
        }

        return x;
    }

    private static void SkipPad(Input input, uint size)
    {
        if ((size & 1) != 0)
        {
            input.Skip(1);
        }
    }

    private static string SkippedList(List<string> skipped) =>
        skipped.Count == 0 ? "" : $" (chunks seen: {string.Join(", ", skipped.Select(s => $"'{s}'"))})";

    private static string FourCc(ReadOnlySpan<byte> id)
    {
        foreach (var b in id)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return "0x" + Convert.ToHexString(id);
            }
        }

        return $"'{Encoding.ASCII.GetString(id)}'";
    }

    private static string NotRiffHint(ReadOnlySpan<byte> id) =>
        id.SequenceEqual("RIFX"u8) ? " (big-endian RIFF is not supported)"
        : id.SequenceEqual("RF64"u8) || id.SequenceEqual("BW64"u8) ? " (64-bit RF64/BW64 WAV is not supported)"
        : ", expected 'RIFF'";

    private readonly record struct Fmt(SampleKind Kind, int Tag, bool Extensible, int Channels, int SampleRate, int BlockAlign, int Bits, int ValidBits, uint Mask);

    private struct Counts
    {
        public long NonFinite;
        public long Subnormal;
    }

    /// <summary>A stream with a byte count from where reading began (streams that cannot seek have no Position).</summary>
    private sealed class Input(Stream stream)
    {
        private long _read;

        public long Position => _read;

        /// <summary>Bytes left in a seekable stream; null when the stream cannot tell.</summary>
        public long? Remaining => stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;

        /// <summary>Fills <paramref name="span"/> unless the stream ends first; returns the bytes read.</summary>
        public int ReadUpTo(Span<byte> span)
        {
            var n = stream.ReadAtLeast(span, span.Length, throwOnEndOfStream: false);
            _read += n;
            return n;
        }

        /// <summary>Skips up to <paramref name="count"/> bytes; returns how many the stream had.</summary>
        public long Skip(long count)
        {
            if (stream.CanSeek)
            {
                var n = Math.Min(count, Math.Max(0, stream.Length - stream.Position));
                stream.Position += n;
                _read += n;
                return n;
            }

            Span<byte> scratch = stackalloc byte[4096];
            long skipped = 0;
            while (skipped < count)
            {
                var n = ReadUpTo(scratch[..(int)Math.Min(scratch.Length, count - skipped)]);
                skipped += n;
                if (n == 0)
                {
                    break;
                }
            }

            return skipped;
        }
    }
}
