namespace Echelon.Audio.Tests.Peers;

public sealed class AubioOutputTests
{
    [Theory]
    [InlineData("120.18 bpm\n", 120.18)]
    [InlineData("  89.50 bpm  \n\n", 89.5)]
    public void ParseTempo_ABpmLine_ReturnsTheTempo(string stdout, double expected) =>
        Assert.Equal(expected, AubioOutput.ParseTempo(stdout));

    [Fact]
    public void ParseTempo_UnknownBpm_ReturnsNull() =>
        Assert.Null(AubioOutput.ParseTempo("unknown bpm\n"));

    [Theory]
    [InlineData("", "no output")]
    [InlineData("120.18\n", "line 1")]
    [InlineData("\nfast bpm\n", "line 2: bpm: 'fast'")]
    [InlineData("nan bpm\n", "line 1: bpm: 'nan'")]
    public void ParseTempo_Malformed_ThrowsNamingLineAndField(string stdout, string expected)
    {
        var e = Assert.Throws<FormatException>(() => AubioOutput.ParseTempo(stdout));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseTimes_OneTimePerLine_ReturnsAll() =>
        Assert.Equal([0.0, 0.49425, 0.993625], AubioOutput.ParseTimes("0.000000\n0.494250\n0.993625\n"));

    [Fact]
    public void ParseTimes_TwoFieldsOnALine_ThrowsNamingTheLine()
    {
        var e = Assert.Throws<FormatException>(() => AubioOutput.ParseTimes("0.5\n1.0 2.0\n", "aubiotrack"));
        Assert.StartsWith("aubiotrack line 2: time:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsePitch_TimeAndFrequencyPerHop_ReturnsFrames()
    {
        var frames = AubioOutput.ParsePitch("0.000000 62.459335\n0.005333 0.000000\n0.021333 442.022980\n");

        Assert.Equal(
            [new PitchFrame(0, 62.459335), new PitchFrame(0.005333, 0), new PitchFrame(0.021333, 442.02298)],
            frames);
    }

    [Theory]
    [InlineData("0.0 440.0\n0.1\n", "aubiopitch line 2: expected 'time frequency'")]
    [InlineData("0.0 4x0\n", "aubiopitch line 1: frequency: '4x0'")]
    public void ParsePitch_Malformed_ThrowsNamingLineAndField(string stdout, string expected)
    {
        var e = Assert.Throws<FormatException>(() => AubioOutput.ParsePitch(stdout));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
