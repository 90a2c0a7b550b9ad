using Echelon.Audio.Wav;

namespace Echelon.Audio.Tests.Peers;

public sealed class SoxStatsTests
{
    // Printed by sox 14.4.2 for `sox -n -r 48000 -b 24 -c 2 out.wav synth 0.1 sine 440` then `sox out.wav -n stats`.
    private const string Stereo = """
                     Overall     Left      Right
        DC offset   0.000000  0.000000  0.000000
        Min level  -1.000000 -1.000000 -1.000000
        Max level   1.000000  1.000000  1.000000
        Pk lev dB      -0.00     -0.00     -0.00
        RMS lev dB     -3.01     -3.01     -3.01
        RMS Pk dB      -3.01     -3.01     -3.01
        RMS Tr dB      -3.01     -3.01     -3.01
        Crest factor       -      1.41      1.41
        Flat factor     0.00      0.00      0.00
        Pk count           8         8         8
        Bit-depth      24/24     24/24     24/24
        Num samples    4.80k
        Length s       0.100
        Scale max   1.000000
        Window s       0.050
        """;

    // Printed by sox 14.4.2 for a 20 s mono click track over a noise bed.
    private const string Mono = """
        DC offset   0.000152
        Min level  -0.502657
        Max level   0.502599
        Pk lev dB      -5.97
        RMS lev dB    -34.60
        RMS Pk dB     -24.79
        RMS Tr dB     -55.63
        Crest factor   27.00
        Flat factor     0.00
        Pk count           2
        Bit-depth      32/32
        Num samples     960k
        Length s      20.000
        Scale max   1.000000
        Window s       0.050
        """;

    [Fact]
    public void Parse_Stereo_ReadsOverallAndChannelColumns()
    {
        var stats = SoxStats.Parse(Stereo);

        Assert.Equal(["Overall", "Left", "Right"], stats.Columns);
        Assert.Equal(0.0, stats.DcOffset);
        Assert.Equal(-1.0, stats.MinLevel);
        Assert.Equal(-0.0, stats.PeakLevelDb);
        Assert.Equal(-3.01, stats.RmsLevelDb);
        Assert.Equal(-3.01, stats.Value("RMS lev dB", 2));
        Assert.True(double.IsNaN(stats.Value("Crest factor")));
        Assert.Equal(1.41, stats.Value("Crest factor", 1));
        Assert.Equal(4800, stats.Value("Num samples", 2));
        Assert.Equal(0.1, stats.LengthSeconds);
        Assert.Null(stats.NonFiniteSampleCount);
    }

    [Fact]
    public void Parse_Mono_ReadsOneColumnWithSuffixesAndInfinity()
    {
        var stats = SoxStats.Parse("sox WARN dither: dither clipped 3 samples; decrease volume?\n" + Mono);

        Assert.Equal(["Overall"], stats.Columns);
        Assert.Equal(0.000152, stats.DcOffset);
        Assert.Equal(-5.97, stats.PeakLevelDb);
        Assert.Equal(-34.60, stats.RmsLevelDb);
        Assert.Equal(27.0, stats.Value("Crest factor"));
        Assert.Equal(960_000, stats.Value("Num samples"));
        Assert.Equal(20.0, stats.LengthSeconds);
    }

    [Fact]
    public void Parse_Silence_ReadsMinusInfinity()
    {
        var stats = SoxStats.Parse("DC offset   0.000000\nPk lev dB       -inf\nRMS lev dB      -inf\n");

        Assert.Equal(double.NegativeInfinity, stats.PeakLevelDb);
        Assert.Equal(double.NegativeInfinity, stats.RmsLevelDb);
    }

    [Fact]
    public void Parse_ABadValue_ThrowsNamingLineAndRow()
    {
        var e = Assert.Throws<FormatException>(() => SoxStats.Parse(Mono.Replace("-5.97", "-5,97", StringComparison.Ordinal)));
        Assert.Equal("sox stats line 4: Pk lev dB: '-5,97' is not a number.", e.Message);
    }

    [Fact]
    public void Parse_NoPeakRow_Throws()
    {
        var e = Assert.Throws<FormatException>(() => SoxStats.Parse("DC offset 0.0\nRMS lev dB -3.0\n"));
        Assert.Contains("'Pk lev dB'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_UnknownRow_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => SoxStats.Parse(Mono).Value("Loudness"));

    [PeerFact("sox")]
    [Trait("Peer", "sox")]
    public void Measure_MinusSixDbfsSine_ReportsPeakMinusSix()
    {
        using var dir = new TempDirectory();
        var path = dir.File("sine.wav");
        TestSignals.WriteSine(path, 997, peakDbfs: -6, seconds: 1, channels: 2);

        var stats = SoxStats.Measure(path);

        Assert.Equal(-6.0, stats.PeakLevelDb, 0.05);
        Assert.Equal(-6.0 - (10 * Math.Log10(2)), stats.RmsLevelDb, 0.05); // a sine's RMS is peak/√2
        Assert.True(Math.Abs(stats.DcOffset) < 0.001, $"DC offset {stats.DcOffset}");
        Assert.Equal(1.0, stats.LengthSeconds, 0.0005);
        Assert.Equal(["Overall", "Left", "Right"], stats.Columns);
        Assert.Equal(0, stats.NonFiniteSampleCount);
        Assert.Equal(0, stats.SubnormalSampleCount);
    }

    [PeerFact("sox")]
    [Trait("Peer", "sox")]
    public void Measure_FloatFileWithNaN_CountsItThroughOurReader()
    {
        using var dir = new TempDirectory();
        var path = dir.File("nan.wav");
        var samples = new float[4800];
        samples[10] = float.NaN;
        samples[20] = float.PositiveInfinity;
        samples[30] = 1e-40f; // subnormal
        using (var writer = WavWriter.Create(path, new WavWriterOptions { Channels = 1, Format = WavSampleFormat.IeeeFloat32 }))
        {
            writer.Write(samples);
        }

        var stats = SoxStats.Measure(path);

        Assert.Equal(2, stats.NonFiniteSampleCount);
        Assert.Equal(1, stats.SubnormalSampleCount);
    }
}
