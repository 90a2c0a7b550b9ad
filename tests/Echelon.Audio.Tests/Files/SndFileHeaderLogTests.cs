using Echelon.Audio.Files;

namespace Echelon.Audio.Tests.Files;

/// <summary>The shortfall rule on header logs as libsndfile 1.2.0 wrote them for files cut in half.</summary>
public sealed class SndFileHeaderLogTests
{
    [Fact]
    public void FindShortfall_WavLog_TakesTheDataLineAfterTheRiffLine()
    {
        const string log = "File : trunc.wav\nLength : 123504\nRIFF : 246998 (should be 123496)\nWAVE\nfmt  : 16\n" +
                           "  Format        : 0x1 => WAVE_FORMAT_PCM\n  Channels      : 1\ndata : 246962 (should be 123460)\nEnd\n";

        Assert.Equal(new SndFileHeaderLog.Shortfall("data", 246_962, 123_460), SndFileHeaderLog.FindShortfall(log));
    }

    [Fact]
    public void FindShortfall_AiffAuW64Logs_FindTheirOwnFields()
    {
        Assert.Equal("SSND", SndFileHeaderLog.FindShortfall("FORM : 88280 (should be 44136)\n AIFF\n COMM : 18\n SSND : 88208 (should be 44064)\n")?.Field);
        Assert.Equal("Data Size", SndFileHeaderLog.FindShortfall(".snd\n  Data Offset : 44\n  Data Size   : 88200 (should be 44078)\n")?.Field);
        Assert.Equal("riff", SndFileHeaderLog.FindShortfall("riff : 88304 (should be 44152)\nwave\n fmt : 40\ndata : 88224\n")?.Field);
    }

    [Fact]
    public void FindShortfall_StreamingLengthUnknown_IsNotACut()
    {
        // 0xFFFFFFFF is what streaming writers put in sizes they cannot know; libsndfile logs it like a cut.
        const string log = "RIFF : 4294967295\nWAVE\nfmt  : 16\ndata : 4294967295 (should be 200)\nEnd\n";

        Assert.Null(SndFileHeaderLog.FindShortfall(log));
    }

    [Fact]
    public void FindShortfall_CompleteFileOrLongerThanDeclared_IsNull()
    {
        Assert.Null(SndFileHeaderLog.FindShortfall("RIFF : 36\nWAVE\nfmt  : 16\ndata : 0\nEnd\n"));
        Assert.Null(SndFileHeaderLog.FindShortfall("data : 100 (should be 200)\n"));
        Assert.Null(SndFileHeaderLog.FindShortfall(string.Empty));
    }
}
