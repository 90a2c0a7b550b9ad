using Echelon.Audio.Analysis;
using Echelon.Testing;

namespace Echelon.Audio.Tests.Analysis;

public sealed class PitchDetectorTests
{
    private static readonly ListeningOptions s_options = new() { SampleRate = 48_000 };

    [Theory]
    [InlineData(55.0)]
    [InlineData(110.0)]
    [InlineData(220.0)]
    [InlineData(261.63)]
    [InlineData(440.0)]
    [InlineData(987.77)]
    [InlineData(1760.0)]
    public void Sine_IsFoundWithinTwoCents_Voiced_AndConfident(double hz)
    {
        var detector = new PitchDetector(s_options);
        float[] x = ListeningSignals.Sine(hz, 0.2)[..detector.InputSize];
        PitchEstimate estimate = detector.Estimate(x);
        Assert.True(estimate.Voiced);
        Assert.InRange(Cents(estimate.FrequencyHz, hz), -2, 2);
        Assert.True(estimate.Confidence > 0.95, $"confidence {estimate.Confidence}");
        Assert.Equal(69 + (12 * Math.Log2(hz / 440)), estimate.MidiNote, 0.02);
    }

    [Fact]
    public void HarmonicRichTone_GivesItsFundamental_NotAnOctave()
    {
        // A sawtooth-like tone whose second harmonic is as loud as the first.
        var detector = new PitchDetector(s_options);
        var x = new float[detector.InputSize];
        for (int i = 0; i < x.Length; i++)
        {
            double t = i / 48_000.0;
            x[i] = (float)((0.3 * Math.Sin(2 * Math.PI * 196 * t)) + (0.3 * Math.Sin(2 * Math.PI * 392 * t)) + (0.2 * Math.Sin(2 * Math.PI * 588 * t)));
        }

        PitchEstimate estimate = detector.Estimate(x);
        Assert.True(estimate.Voiced);
        Assert.InRange(Cents(estimate.FrequencyHz, 196), -5, 5);
    }

    [Fact]
    public void Noise_IsUnvoiced_AndSilence_IsSilent()
    {
        var detector = new PitchDetector(s_options);
        PitchEstimate noise = detector.Estimate(ListeningSignals.Noise(0.1, -20).AsSpan(0, detector.InputSize));
        Assert.False(noise.Voiced);
        Assert.True(noise.Confidence < 0.75, $"noise confidence {noise.Confidence}");

        PitchEstimate silent = detector.Estimate(new float[detector.InputSize]);
        Assert.Equal(PitchEstimate.Silent, silent);
        Assert.True(double.IsNaN(silent.MidiNote));

        // A sine below the silence gate (−60 dBFS RMS) is silent too.
        PitchEstimate quiet = detector.Estimate(ListeningSignals.Sine(440, 0.1, amplitude: 0.0005).AsSpan(0, detector.InputSize));
        Assert.False(quiet.Voiced);
        Assert.Equal(0, quiet.FrequencyHz);
    }

    [Theory]
    [InlineData(82.4, 1u)]
    [InlineData(196.0, 2u)]
    [InlineData(440.0, 3u)]
    [InlineData(0.0, 4u)]
    public void FastDifferenceFunction_MatchesTheDirectSum(double hz, ulong seed)
    {
        var detector = new PitchDetector(s_options);
        float[] x = hz > 0 ? ListeningSignals.Sine(hz, 0.1)[..detector.InputSize] : ListeningSignals.Noise(0.1, -12, seed: seed)[..detector.InputSize];
        float[] noise = ListeningSignals.Noise(0.1, -40, seed: seed)[..detector.InputSize];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] += noise[i];
        }

        PitchEstimate fast = detector.Estimate(x);
        float[] fastCurve = detector.NormalisedDifference.ToArray();
        int window = s_options.PitchWindow;
        var reference = new double[window];
        YinReference.NormalisedDifference(x, window, reference);
        for (int tau = 0; tau < window; tau++)
        {
            Assert.True(Math.Abs(fastCurve[tau] - reference[tau]) < 1e-3, $"d′({tau}): {fastCurve[tau]} vs {reference[tau]}");
        }

        PitchEstimate slow = YinReference.Estimate(detector, x, window, s_options.SilenceDbfs);
        Assert.Equal(slow.Voiced, fast.Voiced);
        Assert.InRange(Cents(fast.FrequencyHz, slow.FrequencyHz), -0.5, 0.5);
    }

    [Fact]
    public void Estimate_AllocatesNothing()
    {
        var detector = new PitchDetector(s_options);
        float[] x = ListeningSignals.Sine(330, 0.1)[..detector.InputSize];
        Assert.Equal(0, AllocationProbe.SteadyStateBytes(() => detector.Estimate(x)));
    }

    [Fact]
    public void WrongInputSize_SaysWhatItReads()
    {
        var detector = new PitchDetector(s_options);
        ArgumentException e = Assert.Throws<ArgumentException>(() => detector.Estimate(new float[100]));
        Assert.Contains("exactly 2048", e.Message, StringComparison.Ordinal);
    }

    internal static double Cents(double hz, double reference) => 1200 * Math.Log2(hz / reference);
}
