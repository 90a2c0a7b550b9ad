using Echelon.Audio.Analysis;

namespace Echelon.Audio.Tests.Analysis;

public sealed class ListeningOptionsTests
{
    [Fact]
    public void Defaults_AreValid() => new ListeningOptions().Validate();

    public static TheoryData<ListeningOptions, string> BadOptions => new()
    {
        { new ListeningOptions { SampleRate = 4000 }, "SampleRate" },
        { new ListeningOptions { HopSize = 300 }, "HopSize" },
        { new ListeningOptions { SpectrumSize = 128, HopSize = 256 }, "SpectrumSize" },
        { new ListeningOptions { PitchWindow = 3000 }, "PitchWindow" },
        { new ListeningOptions { MinPitchHz = 10 }, "MinPitchHz" },
        { new ListeningOptions { MaxPitchHz = 30_000 }, "MaxPitchHz" },
        { new ListeningOptions { PitchThreshold = double.NaN }, "PitchThreshold" },
        { new ListeningOptions { MinBpm = 120, MaxBpm = 150 }, "MaxBpm" },
        { new ListeningOptions { PreferredBpm = 250 }, "PreferredBpm" },
        { new ListeningOptions { TempoHistorySeconds = 1 }, "TempoHistorySeconds" },
        { new ListeningOptions { BeatWarmUpSeconds = 20 }, "BeatWarmUpSeconds" },
        { new ListeningOptions { SilenceDbfs = 3 }, "SilenceDbfs" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validate_NamesTheSettingAndTheAllowedRange(ListeningOptions options, string name)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => options.Validate());
        Assert.Equal(name, e.ParamName);
        Assert.Contains(name + " must be", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyzer_RejectsBadOptions() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ListeningAnalyzer(new ListeningOptions { HopSize = 3 }));
}
