using System.Buffers.Binary;
using Echelon.Audio.Wav;
using Echelon.Testing;

namespace Echelon.Audio.Tests.Wav;

public sealed class WavWriterTests
{
    private static byte[] WriteToBytes(WavWriterOptions options, Action<WavWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, options, leaveOpen: true))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    [Fact]
    public void Header_Pcm16Stereo_IsThePlain44ByteHeaderByteByByte()
    {
        var bytes = WriteToBytes(
            new WavWriterOptions { SampleRate = 48_000, Channels = 2, Format = WavSampleFormat.Pcm16 },
            w => w.Write([0.5f, -1f], [-0.5f, 1f]));

        byte[] expected =
        [
            0x52, 0x49, 0x46, 0x46, 0x2C, 0x00, 0x00, 0x00, 0x57, 0x41, 0x56, 0x45, // "RIFF" 44 "WAVE"
            0x66, 0x6D, 0x74, 0x20, 0x10, 0x00, 0x00, 0x00,                         // "fmt " 16
            0x01, 0x00, 0x02, 0x00,                                                 // PCM, 2 channels
            0x80, 0xBB, 0x00, 0x00, 0x00, 0xEE, 0x02, 0x00,                         // 48000 Hz, 192000 B/s
            0x04, 0x00, 0x10, 0x00,                                                 // block align 4, 16 bits
            0x64, 0x61, 0x74, 0x61, 0x08, 0x00, 0x00, 0x00,                         // "data" 8
            0x00, 0x40, 0x00, 0xC0,                                                 // frame 0: +16384, -16384
            0x00, 0x80, 0xFF, 0x7F,                                                 // frame 1: -32768, +32767
        ];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Header_Pcm24MonoOddSize_IsExtensibleWithAPadByte()
    {
        var bytes = WriteToBytes(
            new WavWriterOptions { SampleRate = 48_000, Channels = 1, Format = WavSampleFormat.Pcm24 },
            w => w.Write([0.25f]));

        byte[] expected =
        [
            0x52, 0x49, 0x46, 0x46, 0x40, 0x00, 0x00, 0x00, 0x57, 0x41, 0x56, 0x45, // "RIFF" 64 (pad counted) "WAVE"
            0x66, 0x6D, 0x74, 0x20, 0x28, 0x00, 0x00, 0x00,                         // "fmt " 40
            0xFE, 0xFF, 0x01, 0x00,                                                 // WAVE_FORMAT_EXTENSIBLE, 1 channel
            0x80, 0xBB, 0x00, 0x00, 0x80, 0x32, 0x02, 0x00,                         // 48000 Hz, 144000 B/s
            0x03, 0x00, 0x18, 0x00,                                                 // block align 3, 24 bits
            0x16, 0x00, 0x18, 0x00,                                                 // cbSize 22, 24 valid bits
            0x04, 0x00, 0x00, 0x00,                                                 // mask: front centre
            0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00,                         // KSDATAFORMAT_SUBTYPE_PCM
            0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71,
            0x64, 0x61, 0x74, 0x61, 0x03, 0x00, 0x00, 0x00,                         // "data" 3
            0x00, 0x00, 0x20,                                                       // 0.25 × 2^23 = 0x200000
            0x00,                                                                   // pad byte
        ];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Header_Float32Stereo_IsExtensibleWithAFactChunk()
    {
        var bytes = WriteToBytes(
            new WavWriterOptions { SampleRate = 48_000, Channels = 2, Format = WavSampleFormat.IeeeFloat32 },
            w => w.Write([1f], [-0.5f]));

        byte[] expected =
        [
            0x52, 0x49, 0x46, 0x46, 0x50, 0x00, 0x00, 0x00, 0x57, 0x41, 0x56, 0x45, // "RIFF" 80 "WAVE"
            0x66, 0x6D, 0x74, 0x20, 0x28, 0x00, 0x00, 0x00,                         // "fmt " 40
            0xFE, 0xFF, 0x02, 0x00,                                                 // extensible, 2 channels
            0x80, 0xBB, 0x00, 0x00, 0x00, 0xDC, 0x05, 0x00,                         // 48000 Hz, 384000 B/s
            0x08, 0x00, 0x20, 0x00,                                                 // block align 8, 32 bits
            0x16, 0x00, 0x20, 0x00,                                                 // cbSize 22, 32 valid bits
            0x03, 0x00, 0x00, 0x00,                                                 // mask: front left | front right
            0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00,                         // KSDATAFORMAT_SUBTYPE_IEEE_FLOAT
            0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71,
            0x66, 0x61, 0x63, 0x74, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, // "fact" 4: 1 frame
            0x64, 0x61, 0x74, 0x61, 0x08, 0x00, 0x00, 0x00,                         // "data" 8
            0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xBF,                         // 1.0f, -0.5f
        ];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Header_Pcm16SixChannels_IsExtensibleWithNoSpeakerMask()
    {
        var bytes = WriteToBytes(
            new WavWriterOptions { Channels = 6, Format = WavSampleFormat.Pcm16 },
            w => w.WriteInterleaved(new float[12]));

        Assert.Equal(0xFFFE, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(20)));
        Assert.Equal(6, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(22)));
        Assert.Equal(12, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(32)));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(40)));
        Assert.Equal(68 + 24, bytes.Length);
    }

    [Fact]
    public void Write_NoFrames_GivesAValidEmptyFile()
    {
        var bytes = WriteToBytes(new WavWriterOptions { Format = WavSampleFormat.Pcm16 }, w => w.Write([], []));

        Assert.Equal(44, bytes.Length);
        var audio = WavReader.Read(new MemoryStream(bytes));
        Assert.Equal(0, audio.FrameCount);
        Assert.Equal(2, audio.ChannelCount);
    }

    [Fact]
    public void Write_IntegerFormats_ClipToFullScaleAndCount()
    {
        WavWriter? kept = null;
        var bytes = WriteToBytes(
            new WavWriterOptions { Channels = 1, Format = WavSampleFormat.Pcm16 },
            w =>
            {
                w.Write([1.5f, -2f, 1f, -1f, 0.999f]);
                kept = w;
            });

        var samples = bytes.AsSpan(44);
        Assert.Equal(32767, BinaryPrimitives.ReadInt16LittleEndian(samples));
        Assert.Equal(-32768, BinaryPrimitives.ReadInt16LittleEndian(samples[2..]));
        Assert.Equal(32767, BinaryPrimitives.ReadInt16LittleEndian(samples[4..]));
        Assert.Equal(-32768, BinaryPrimitives.ReadInt16LittleEndian(samples[6..]));
        Assert.Equal(2, kept!.ClippedSampleCount); // ±1.0 exactly is full scale, not a clip
        Assert.Equal(0, kept.NonFiniteSampleCount);
    }

    [Fact]
    public void Write_NonFiniteIntoPcm24_NaNBecomesZeroInfinityFullScale()
    {
        WavWriter? kept = null;
        var bytes = WriteToBytes(
            new WavWriterOptions { Channels = 1, Format = WavSampleFormat.Pcm24 },
            w =>
            {
                w.Write([float.NaN, float.PositiveInfinity, float.NegativeInfinity]);
                kept = w;
            });

        var audio = WavReader.Read(new MemoryStream(bytes));
        Assert.Equal([0f, 8388607f / 8388608f, -1f], audio.Channels[0]);
        Assert.Equal(3, kept!.NonFiniteSampleCount);
        Assert.Equal(0, kept.ClippedSampleCount);
    }

    [Fact]
    public void Write_NonFiniteIntoFloat_IsKeptAndCounted()
    {
        WavWriter? kept = null;
        var bytes = WriteToBytes(
            new WavWriterOptions { Channels = 1, Format = WavSampleFormat.IeeeFloat32 },
            w =>
            {
                w.Write([float.NaN, 2f, float.NegativeInfinity]);
                kept = w;
            });

        var audio = WavReader.Read(new MemoryStream(bytes));
        Assert.True(float.IsNaN(audio.Channels[0][0]));
        Assert.Equal(2f, audio.Channels[0][1]);
        Assert.Equal(2, kept!.NonFiniteSampleCount);
        Assert.Equal(0, kept.ClippedSampleCount); // float is not clipped
        Assert.Equal(2, audio.NonFiniteSampleCount);
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16, 1)]
    [InlineData(WavSampleFormat.Pcm24, 2)]
    [InlineData(WavSampleFormat.IeeeFloat32, 2)]
    [InlineData(WavSampleFormat.Pcm24, 3)]
    public void Write_InPiecesOfAnySize_GivesTheSameBytesAsOneWrite(WavSampleFormat format, int channels)
    {
        var frames = 20_000;
        var interleaved = Noise(frames * channels, seed: 7);
        var options = new WavWriterOptions { Channels = channels, Format = format, Dither = format != WavSampleFormat.IeeeFloat32 };

        var whole = WriteToBytes(options, w => WritePlanarOrInterleaved(w, interleaved, 0, frames));
        var pieces = WriteToBytes(options, w =>
        {
            var at = 0;
            foreach (var size in new[] { 0, 1, 7, 4095, 4096, 4097, 1 })
            {
                WritePlanarOrInterleaved(w, interleaved, at, size);
                at += size;
            }

            WritePlanarOrInterleaved(w, interleaved, at, frames - at);
        });

        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void Dither_SameSeed_SameBytes_OtherSeed_OtherBytes()
    {
        var signal = Noise(10_000, seed: 3, amplitude: 0.1f);
        byte[] Write(ulong seed) => WriteToBytes(
            new WavWriterOptions { Channels = 1, Format = WavSampleFormat.Pcm16, Dither = true, DitherSeed = seed },
            w => w.Write(signal));

        Assert.Equal(Write(1), Write(1));
        Assert.NotEqual(Write(1), Write(2));
    }

    [Fact]
    public void Dither_Off_IsPlainRounding()
    {
        var signal = Noise(10_000, seed: 3, amplitude: 0.1f);
        var bytes = WriteToBytes(new WavWriterOptions { Channels = 1, Format = WavSampleFormat.Pcm16 }, w => w.Write(signal));

        for (var i = 0; i < signal.Length; i++)
        {
            var expected = (short)Math.Round(signal[i] * 32768.0, MidpointRounding.ToEven);
            Assert.Equal(expected, BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(44 + (2 * i))));
        }
    }

    [Fact]
    public void Dither_On_ErrorIsTriangularWithinOneAndAHalfLsbAndUnbiased()
    {
        // A constant a quarter of an LSB above a code: plain rounding would always lose it; TPDF keeps it on average.
        const double lsb = 1.0 / 32768;
        var level = (float)(100.25 * lsb);
        var signal = Enumerable.Repeat(level, 100_000).ToArray();
        var bytes = WriteToBytes(
            new WavWriterOptions { Channels = 1, Format = WavSampleFormat.Pcm16, Dither = true, DitherSeed = 11 },
            w => w.Write(signal));

        var audio = WavReader.Read(new MemoryStream(bytes));
        var errors = audio.Channels[0].Select(x => (x - level) / lsb).ToArray();
        Assert.All(errors, e => Assert.InRange(e, -1.5, 1.5));
        Assert.Equal(0, errors.Average(), 0.01);
        Assert.True(errors.Distinct().Count() >= 3, "TPDF dither of ±1 LSB spreads over at least three codes");
    }

    [Fact]
    public void Dither_Float32_IsIgnored()
    {
        var signal = Noise(1000, seed: 5);
        var plain = WriteToBytes(new WavWriterOptions { Channels = 1, Format = WavSampleFormat.IeeeFloat32 }, w => w.Write(signal));
        var dithered = WriteToBytes(new WavWriterOptions { Channels = 1, Format = WavSampleFormat.IeeeFloat32, Dither = true }, w => w.Write(signal));

        Assert.Equal(plain, dithered);
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16, false)]
    [InlineData(WavSampleFormat.Pcm24, true)]
    [InlineData(WavSampleFormat.IeeeFloat32, false)]
    public void Write_AfterWarmUp_AllocatesNothing(WavSampleFormat format, bool dither)
    {
        // Constant memory however long the file: each block reuses the writer's buffers.
        var left = Noise(10_000, seed: 1);
        var right = Noise(10_000, seed: 2);
        using var writer = new WavWriter(new DiscardingStream(), new WavWriterOptions { Channels = 2, Format = format, Dither = dither });
        var writes = 0;
        var allocated = AllocationProbe.SteadyStateBytes(
            () =>
            {
                writer.Write(left, right);
                writes++;
            },
            warmUp: 1,
            iterations: 50);

        Assert.Equal(0, allocated);
        Assert.True(writes >= 51);
        Assert.Equal(writes * 10_000L, writer.FramesWritten);
    }

    [Fact]
    public void Write_LongStream_PatchesSizesPastSixteenBits()
    {
        var stream = new MemoryStream();
        var block = Noise(48_000, seed: 9);
        using (var writer = new WavWriter(stream, new WavWriterOptions { Channels = 2, Format = WavSampleFormat.Pcm24 }, leaveOpen: true))
        {
            for (var i = 0; i < 10; i++)
            {
                writer.Write(block, block);
            }
        }

        var bytes = stream.ToArray();
        Assert.Equal((uint)(bytes.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(480_000u * 6, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(64)));
        Assert.Equal(480_000, WavReader.Read(new MemoryStream(bytes)).FrameCount);
    }

    [Fact]
    public void Flush_MidStream_LeavesAReadableFileAndWritingGoesOn()
    {
        using var stream = new MemoryStream();
        using var writer = new WavWriter(stream, new WavWriterOptions { Channels = 1, Format = WavSampleFormat.IeeeFloat32 }, leaveOpen: true);
        writer.Write([0.1f, 0.2f, 0.3f]);
        writer.Flush();

        var snapshot = WavReader.Read(new MemoryStream(stream.ToArray()));
        Assert.Equal([0.1f, 0.2f, 0.3f], snapshot.Channels[0]);

        writer.Write([0.4f]);
        writer.Dispose();
        Assert.Equal([0.1f, 0.2f, 0.3f, 0.4f], WavReader.Read(new MemoryStream(stream.ToArray())).Channels[0]);
    }

    [Fact]
    public void Dispose_Twice_IsHarmless_AndWriteAfterDisposeThrows()
    {
        var stream = new MemoryStream();
        var writer = new WavWriter(stream, new WavWriterOptions { Channels = 1 });
        writer.Dispose();
        writer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => writer.Write([0f]));
        Assert.False(stream.CanWrite); // not left open: the writer closed it
    }

    [Fact]
    public void Write_WrongShape_Throws()
    {
        using var stereo = new WavWriter(new MemoryStream(), new WavWriterOptions { Channels = 2 });
        using var three = new WavWriter(new MemoryStream(), new WavWriterOptions { Channels = 3 });

        Assert.Throws<InvalidOperationException>(() => stereo.Write([0f]));
        Assert.Throws<ArgumentException>(() => stereo.Write([0f, 0f], [0f]));
        Assert.Throws<ArgumentException>(() => three.WriteInterleaved([0f, 0f]));
        Assert.Throws<InvalidOperationException>(() => three.Write([0f], [0f]));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(48_000, 0)]
    [InlineData(48_000, 65)]
    [InlineData(-1, 1)]
    public void Constructor_OutOfRange_Throws(int rate, int channels) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WavWriter(new MemoryStream(), new WavWriterOptions { SampleRate = rate, Channels = channels }));

    [Fact]
    public void Constructor_UnseekableStream_Throws() =>
        Assert.Throws<ArgumentException>(() => new WavWriter(new ForwardOnlyStream([]), new WavWriterOptions()));

    internal static float[] Noise(int count, ulong seed, float amplitude = 1f)
    {
        var rng = new Peers.TestRandom(seed);
        var samples = new float[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = amplitude * (float)rng.NextSigned();
        }

        return samples;
    }

    private static void WritePlanarOrInterleaved(WavWriter writer, float[] interleaved, int frame, int frames)
    {
        var channels = writer.Options.Channels;
        if (channels == 2)
        {
            var left = new float[frames];
            var right = new float[frames];
            for (var i = 0; i < frames; i++)
            {
                left[i] = interleaved[2 * (frame + i)];
                right[i] = interleaved[(2 * (frame + i)) + 1];
            }

            writer.Write(left, right);
        }
        else
        {
            writer.WriteInterleaved(interleaved.AsSpan(frame * channels, frames * channels));
        }
    }
}
