using Echelon.Audio.Wav;
using static Echelon.Testing.WavBytes;

namespace Echelon.Audio.Tests.Wav;

public sealed class WavReaderTests
{
    private static WavAudio Read(byte[] bytes, WavReadOptions? options = null) =>
        WavReader.Read(new MemoryStream(bytes), options, "t.wav");

    private static WavFormatException Fails(byte[] bytes, WavReadOptions? options = null)
    {
        var seekable = Assert.Throws<WavFormatException>(() => Read(bytes, options));

        // A pipe gives the same answer at the same offset: the reader never relies on Seek or Length.
        var forward = Assert.Throws<WavFormatException>(() => WavReader.Read(new ForwardOnlyStream(bytes), options, "t.wav"));
        Assert.Equal(seekable.Offset, forward.Offset);
        Assert.Equal(seekable.Field, forward.Field);
        Assert.Equal("t.wav", seekable.File);
        Assert.StartsWith($"t.wav: byte {seekable.Offset}: {seekable.Field}: ", seekable.Message, StringComparison.Ordinal);
        return seekable;
    }

    // ---- formats ---------------------------------------------------------------------------

    [Fact]
    public void Read_Pcm8_IsUnsignedAroundOneTwentyEight()
    {
        var audio = Read(Riff(Fmt(1, 1, 8000, 8), Chunk("data", [0, 64, 128, 192, 255])));

        Assert.Equal([-1f, -0.5f, 0f, 0.5f, 127f / 128f], audio.Channels[0]);
        Assert.Equal(8, audio.BitsPerSample);
        Assert.Equal(8000, audio.SampleRate);
        Assert.Equal(5, audio.DataBytes);
    }

    [Fact]
    public void Read_Pcm16Stereo_IsPlanar()
    {
        var audio = Read(Riff(Fmt(1, 2, 44_100, 16), Chunk("data", Int16s(16384, -16384, -32768, 32767))));

        Assert.Equal(2, audio.ChannelCount);
        Assert.Equal([0.5f, -1f], audio.Channels[0]);
        Assert.Equal([-0.5f, 32767f / 32768f], audio.Channels[1]);
        Assert.Equal(1, audio.FormatTag);
        Assert.False(audio.IsExtensible);
    }

    [Fact]
    public void Read_Pcm24_SignExtends()
    {
        var audio = Read(Riff(Fmt(1, 1, 48_000, 24), Chunk("data", Int24s(0x400000, -0x800000, 0x7FFFFF, -1))));

        Assert.Equal([0.5f, -1f, 8388607f / 8388608f, -1f / 8388608f], audio.Channels[0]);
    }

    [Fact]
    public void Read_Pcm32_ScalesByTwoToTheThirtyOne()
    {
        var audio = Read(Riff(Fmt(1, 1, 48_000, 32), Chunk("data", Int32s(int.MinValue, 1 << 30, 0))));

        Assert.Equal([-1f, 0.5f, 0f], audio.Channels[0]);
    }

    [Fact]
    public void Read_Float64_RoundsToFloat()
    {
        var audio = Read(Riff(Fmt(3, 1, 48_000, 64), Chunk("data", Doubles(0.1, -0.75, 1.5))));

        Assert.Equal([0.1f, -0.75f, 1.5f], audio.Channels[0]);
        Assert.Equal(3, audio.FormatTag);
        Assert.Equal(64, audio.BitsPerSample);
    }

    [Fact]
    public void Read_ExtensibleFloat32WithSixChannels_ReadsTheSubFormatAndMask()
    {
        var frame = Enumerable.Range(0, 6).Select(c => c / 10f).ToArray();
        var audio = Read(Riff(
            Chunk("fmt ", ExtensibleBody(3, 6, 96_000, 32, 32, 0x3F)),
            Chunk("fact", Int32s(1)),
            Chunk("data", Floats(frame))));

        Assert.True(audio.IsExtensible);
        Assert.Equal(3, audio.FormatTag);
        Assert.Equal(0x3Fu, audio.ChannelMask);
        Assert.Equal(6, audio.ChannelCount);
        for (var c = 0; c < 6; c++)
        {
            Assert.Equal(c / 10f, audio.Channels[c][0]);
        }

        Assert.Equal(["fact"], audio.SkippedChunks);
    }

    [Fact]
    public void Read_Extensible20BitsIn24_KeepsValidBits()
    {
        var audio = Read(Riff(Chunk("fmt ", ExtensibleBody(1, 1, 48_000, 24, 20, 0x4)), Chunk("data", Int24s(0x400000))));

        Assert.Equal(24, audio.BitsPerSample);
        Assert.Equal(20, audio.ValidBitsPerSample);
        Assert.Equal(0.5f, audio.Channels[0][0]);
    }

    [Fact]
    public void Read_UnknownAndOddSizedChunks_AreSkippedWithTheirPadBytes()
    {
        var audio = Read(Riff(
            Chunk("JUNK", [1, 2, 3]),                     // odd: a pad byte follows
            Fmt(1, 1, 48_000, 16),
            Chunk("LIST", "INFOISFT\x05\0\0\0Echo\0"u8.ToArray()),
            Chunk("bext", new byte[7]),
            Chunk("data", Int16s(1000, -1000)),
            Chunk("id3 ", [9, 9])));                      // after data: never read

        Assert.Equal([1000f / 32768, -1000f / 32768], audio.Channels[0]);
        Assert.Equal(["JUNK", "LIST", "bext"], audio.SkippedChunks);
    }

    [Fact]
    public void Read_OddSizedDataChunkOf8BitMono_ReadsEverySample()
    {
        var audio = Read(Riff(Fmt(1, 1, 8000, 8), Chunk("data", [128, 129, 130])));

        Assert.Equal(3, audio.FrameCount);
        Assert.False(audio.IsTruncated);
    }

    [Fact]
    public void Read_FmtWithCbSizeZero_IsAccepted()
    {
        var body = FmtBody(3, 1, 48_000, 32).Concat(new byte[2]).ToArray(); // WAVEFORMATEX, cbSize 0
        var audio = Read(Riff(Chunk("fmt ", body), Chunk("data", Floats(0.25f))));

        Assert.Equal(0.25f, audio.Channels[0][0]);
    }

    [Fact]
    public void Read_ForwardOnlyStream_GivesTheSameAudio()
    {
        var bytes = Riff(Chunk("JUNK", new byte[5001]), Fmt(1, 2, 48_000, 16), Chunk("data", Int16s(Enumerable.Range(0, 100_000).Select(i => (short)i).ToArray())));

        var seekable = Read(bytes);
        var forward = WavReader.Read(new ForwardOnlyStream(bytes));

        Assert.Equal(seekable.Channels[0], forward.Channels[0]);
        Assert.Equal(seekable.Channels[1], forward.Channels[1]);
        Assert.Equal(50_000, forward.FrameCount);
    }

    [Fact]
    public void Read_FloatFileWithNaNAndInfinity_CountsThemAndDoesNotThrow()
    {
        var bytes = Riff(Fmt(3, 1, 48_000, 32), Chunk("data", Floats(0.5f, float.NaN, float.NegativeInfinity, 1e-40f, 0f)));

        var audio = Read(bytes);
        Assert.Equal(2, audio.NonFiniteSampleCount);
        Assert.Equal(1, audio.SubnormalSampleCount);
        Assert.True(float.IsNaN(audio.Channels[0][1]));
        Assert.Equal(float.NegativeInfinity, audio.Channels[0][2]);

        var replaced = Read(bytes, new WavReadOptions { ReplaceNonFinite = true });
        Assert.Equal([0.5f, 0f, 0f, 1e-40f, 0f], replaced.Channels[0]);
        Assert.Equal(2, replaced.NonFiniteSampleCount);
    }

    [Fact]
    public void Read_Float64BeyondFloatRange_CountsAsNonFinite()
    {
        var audio = Read(Riff(Fmt(3, 1, 48_000, 64), Chunk("data", Doubles(1e300, double.NaN, 1e-320))));

        Assert.Equal(2, audio.NonFiniteSampleCount);
        Assert.Equal(0, audio.SubnormalSampleCount); // 1e-320 rounds to float 0, which is not subnormal
    }

    [Fact]
    public void Read_FromAFile_UsesThePathInErrors()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.wav");
        File.WriteAllBytes(path, "RIFF\0\0\0\0AVI "u8.ToArray());

        var e = Assert.Throws<WavFormatException>(() => WavReader.Read(path));
        Assert.Equal(path, e.File);
        Assert.Equal(8, e.Offset);
    }

    // ---- errors, each with its byte offset -------------------------------------------------

    [Fact]
    public void Error_EmptyFile_AtByteZero()
    {
        var e = Fails([]);

        Assert.Equal(0, e.Offset);
        Assert.Equal("RIFF", e.Field);
        Assert.Contains("empty", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RIFX\0\0\0\0WAVE", "big-endian")]
    [InlineData("RF64\0\0\0\0WAVE", "RF64")]
    [InlineData("ID3\u0004", "0x49443304")]
    [InlineData("RI", "'RI'")]
    public void Error_NotRiff_AtByteZero(string start, string expected)
    {
        var e = Fails(System.Text.Encoding.Latin1.GetBytes(start));

        Assert.Equal(0, e.Offset);
        Assert.Equal("RIFF", e.Field);
        Assert.Contains(expected, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_RiffHeaderCutShort_AtTheEnd()
    {
        var e = Fails("RIFF\x10\0\0\0WA"u8.ToArray());

        Assert.Equal(10, e.Offset);
        Assert.Equal("RIFF header", e.Field);
    }

    [Fact]
    public void Error_NotWave_AtByteEight()
    {
        var e = Fails("RIFF\x04\0\0\0AVI "u8.ToArray());

        Assert.Equal(8, e.Offset);
        Assert.Equal("WAVE", e.Field);
        Assert.Contains("'AVI '", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_NoFmtChunkAtAll_AtTheEndOfTheFile()
    {
        var bytes = Riff(Chunk("LIST", new byte[10]));

        var e = Fails(bytes);
        Assert.Equal(bytes.Length, e.Offset);
        Assert.Equal("fmt ", e.Field);
        Assert.Contains("'LIST'", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_DataBeforeFmt_AtTheDataChunk()
    {
        var e = Fails(Riff(Chunk("JUNK", new byte[4]), Chunk("data", Int16s(1, 2)), Fmt(1, 1, 48_000, 16)));

        Assert.Equal(24, e.Offset);
        Assert.Equal("fmt ", e.Field);
    }

    [Fact]
    public void Error_NoDataChunk_AtTheEndOfTheFile()
    {
        var e = Fails(Riff(Fmt(1, 1, 48_000, 16), Chunk("fact", Int32s(0))));

        Assert.Equal(48, e.Offset);
        Assert.Equal("data", e.Field);
        Assert.Contains("no data chunk", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x0002, "Microsoft ADPCM")]
    [InlineData(0x0055, "MPEG layer 3")]
    [InlineData(0x1234, "unknown")]
    public void Error_UnsupportedFormatTag_AtTheTagNamingItAndTheSupportedOnes(int tag, string name)
    {
        var e = Fails(Riff(Fmt((ushort)tag, 1, 48_000, 16), Chunk("data", Int16s(0))));

        Assert.Equal(20, e.Offset);
        Assert.Equal("fmt .wFormatTag", e.Field);
        Assert.Contains($"0x{tag:X4} ({name})", e.Problem, StringComparison.Ordinal);
        Assert.Contains("0x0001 PCM", e.Problem, StringComparison.Ordinal);
        Assert.Contains("0x0003 IEEE float", e.Problem, StringComparison.Ordinal);
        Assert.Contains("0xFFFE extensible", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_ExtensibleWithUnsupportedSubFormat_AtTheSubFormat()
    {
        var e = Fails(Riff(Chunk("fmt ", ExtensibleBody(2, 1, 48_000, 16, 16, 4)), Chunk("data", Int16s(0))));

        Assert.Equal(44, e.Offset);
        Assert.Equal("fmt .SubFormat", e.Field);
        Assert.Contains("00000002-0000-0010-8000-00aa00389b71", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_ExtensibleFmtTooShort_AtTheFmtSize()
    {
        var body = FmtBody(0xFFFE, 1, 48_000, 16).Concat(new byte[2]).ToArray();
        var e = Fails(Riff(Chunk("fmt ", body), Chunk("data", Int16s(0))));

        Assert.Equal(16, e.Offset);
        Assert.Equal("fmt size", e.Field);
    }

    [Fact]
    public void Error_ValidBitsAboveContainer_AtValidBits()
    {
        var e = Fails(Riff(Chunk("fmt ", ExtensibleBody(1, 1, 48_000, 16, 24, 4)), Chunk("data", Int16s(0))));

        Assert.Equal(38, e.Offset);
        Assert.Equal("fmt .wValidBitsPerSample", e.Field);
    }

    [Fact]
    public void Error_FmtTooShort_AtTheFmtSize()
    {
        var e = Fails(Riff(Chunk("fmt ", new byte[14]), Chunk("data", Int16s(0))));

        Assert.Equal(16, e.Offset);
        Assert.Equal("fmt size", e.Field);
    }

    [Fact]
    public void Error_FmtCutShort_WhereTheFileEnds()
    {
        var bytes = Riff(Fmt(1, 1, 48_000, 16))[..30];

        var e = Fails(bytes);
        Assert.Equal(30, e.Offset);
        Assert.Equal("fmt ", e.Field);
    }

    [Fact]
    public void Error_ZeroChannels_AtNChannels()
    {
        var e = Fails(Riff(Chunk("fmt ", FmtBody(1, 0, 48_000, 16, blockAlign: 2)), Chunk("data", Int16s(0))));

        Assert.Equal(22, e.Offset);
        Assert.Equal("fmt .nChannels", e.Field);
    }

    [Fact]
    public void Error_ZeroSampleRate_AtNSamplesPerSec()
    {
        var e = Fails(Riff(Fmt(1, 1, 0, 16), Chunk("data", Int16s(0))));

        Assert.Equal(24, e.Offset);
        Assert.Equal("fmt .nSamplesPerSec", e.Field);
    }

    [Theory]
    [InlineData(1, 12, "PCM with 12 bits")]
    [InlineData(3, 16, "IEEE float with 16 bits")]
    public void Error_UnsupportedBitDepth_AtBitsPerSample(int tag, int bits, string expected)
    {
        var e = Fails(Riff(Chunk("fmt ", FmtBody((ushort)tag, 1, 48_000, (ushort)bits, blockAlign: 2)), Chunk("data", Int16s(0))));

        Assert.Equal(34, e.Offset);
        Assert.Equal("fmt .wBitsPerSample", e.Field);
        Assert.Contains(expected, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_BlockAlignMismatch_AtBlockAlign()
    {
        var e = Fails(Riff(Chunk("fmt ", FmtBody(1, 2, 48_000, 16, blockAlign: 2)), Chunk("data", Int16s(0))));

        Assert.Equal(32, e.Offset);
        Assert.Equal("fmt .nBlockAlign", e.Field);
        Assert.Contains("= 4", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_TruncatedData_WhereTheDataEndsWithExpectedAndActualBytes()
    {
        // Declares 400 bytes (100 stereo 16-bit frames), holds 102: 25 whole frames and half of one.
        var bytes = Riff(Fmt(1, 2, 48_000, 16), Chunk("data", new byte[102], declaredSize: 400));

        var e = Fails(bytes);
        Assert.Equal(44 + 102, e.Offset);
        Assert.Equal(bytes.Length, e.Offset);
        Assert.Equal("data", e.Field);
        Assert.Contains("declares 400 bytes (100 frames) but only 102 bytes are present", e.Problem, StringComparison.Ordinal);
        Assert.Contains("AllowTruncated", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowTruncated_TruncatedData_ReturnsTheWholeFramesAndReportsIt()
    {
        var samples = Enumerable.Range(0, 51).Select(i => (short)(i * 100)).ToArray();
        var bytes = Riff(Fmt(1, 2, 48_000, 16), Chunk("data", Int16s(samples), declaredSize: 400));

        var audio = Read(bytes, new WavReadOptions { AllowTruncated = true });

        Assert.True(audio.IsTruncated);
        Assert.Equal(25, audio.FrameCount);
        Assert.Equal(400, audio.DeclaredDataBytes);
        Assert.Equal(100, audio.DataBytes);
        Assert.Equal(4800f / 32768, audio.Channels[0][24]);
        Assert.Equal(4900f / 32768, audio.Channels[1][24]);
    }

    [Fact]
    public void Error_DataSizeNotWholeFrames_AtTheDataSize()
    {
        var bytes = Riff(Fmt(1, 2, 48_000, 16), Chunk("data", new byte[6]));

        var e = Fails(bytes);
        Assert.Equal(40, e.Offset);
        Assert.Equal("data size", e.Field);

        var audio = Read(bytes, new WavReadOptions { AllowTruncated = true });
        Assert.True(audio.IsTruncated);
        Assert.Equal(1, audio.FrameCount);
    }

    [Fact]
    public void Error_ChunkCutShortBeforeData_WhereTheFileEnds()
    {
        var bytes = Riff(Fmt(1, 1, 48_000, 16), Chunk("LIST", new byte[10], declaredSize: 5000));

        var e = Fails(bytes);
        Assert.Equal(bytes.Length, e.Offset);
        Assert.Equal("LIST", e.Field);
        Assert.Contains("declares 5000 bytes but the file ends after 10", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_ChunkHeaderCutShort_AtTheChunkHeader()
    {
        var bytes = Riff(Fmt(1, 1, 48_000, 16)).Concat("dat"u8.ToArray()).ToArray();

        var e = Fails(bytes);
        Assert.Equal(36, e.Offset);
        Assert.Equal("chunk header", e.Field);
    }
}
