using Echelon.Music.Transport;

namespace Echelon.Music.Tests.Transport;

public sealed class BpmTests
{
    [Theory]
    [InlineData(40.0)]
    [InlineData(97.5)]
    [InlineData(200.0)]
    public void Constructor_InRange_KeepsTheValue(double value) => Assert.Equal(value, new Bpm(value).Value);

    [Theory]
    [InlineData(300.0)]
    [InlineData(39.99)]
    [InlineData(0.0)]
    [InlineData(-120.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_OutOfRange_NamesBpmAndTheRange(double value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Bpm(value));

        Assert.Equal("bpm", error.ParamName);
        Assert.StartsWith("bpm must be between 40 and 200", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_300_SaysWhatItGot()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Bpm(300));

        Assert.Contains("got 300", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_Is120() => Assert.Equal(120.0, default(Bpm).Value);

    [Fact]
    public void Default_EqualsAnExplicit120() => Assert.Equal(new Bpm(120), default);

    [Fact]
    public void SamplesPerBeat_At120And48k_Is24000() => Assert.Equal(24_000.0, new Bpm(120).SamplesPerBeat(48_000));

    [Fact]
    public void Clamp_BringsValuesIntoRange()
    {
        Assert.Equal(200.0, Bpm.Clamp(300).Value);
        Assert.Equal(40.0, Bpm.Clamp(1).Value);
        Assert.Equal(120.0, Bpm.Clamp(double.NaN).Value);
    }

    [Fact]
    public void Comparison_OrdersByTempo()
    {
        Assert.True(new Bpm(90) < new Bpm(91));
        Assert.True(new Bpm(150) >= new Bpm(150));
        Assert.Equal(-1, new Bpm(60).CompareTo(new Bpm(61)));
    }
}
