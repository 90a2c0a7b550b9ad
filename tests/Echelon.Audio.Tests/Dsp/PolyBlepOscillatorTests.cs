using Echelon.Audio.Dsp;
using Xunit.Abstractions;

namespace Echelon.Audio.Tests.Dsp;

public sealed class PolyBlepOscillatorTests(ITestOutputHelper output)
{
    private const int Rate = DspTestKit.SampleRate;

    // 3 kHz is 48 kHz / 16, where every fold-over partial lands exactly on a harmonic and cannot be told
    // apart from it. 2,990 Hz has the same fold-over partials (the 9th, 10th, 11th… land at 21.1, 18.1,
    // 15.1 kHz…) but between the harmonics, and 299 whole periods fill the 4,800-sample window exactly.
    private const double TestFrequency = 2990;
    private const int Window = 4800;
    private const int Settle = 480;

    [Theory]
    [InlineData(OscillatorWaveform.Saw)]
    [InlineData(OscillatorWaveform.Square)]
    [InlineData(OscillatorWaveform.Triangle)]
    public void FoldOverPartials_AreAtLeast40DbBelowTheFundamental(OscillatorWaveform waveform)
    {
        float[] x = Render(waveform, TestFrequency, Settle + Window).AsSpan(Settle).ToArray();

        double worst = WorstFoldOver(x, TestFrequency, oddOnly: waveform != OscillatorWaveform.Saw, out int worstPartial);

        output.WriteLine($"{waveform} at {TestFrequency} Hz: worst fold-over partial {worstPartial} at {worst:F1} dB");
        Assert.True(worst <= -40, $"{waveform}: partial {worstPartial} folds back at {worst:F1} dB relative to the fundamental.");
    }

    [Fact]
    public void NaiveSaw_FailsTheSameAliasTest()
    {
        var x = new float[Window];
        double phase = 0;
        for (int i = 0; i < Settle + Window; i++)
        {
            if (i >= Settle)
            {
                x[i - Settle] = (float)((2 * phase) - 1);
            }

            phase += TestFrequency / Rate;
            phase -= Math.Floor(phase);
        }

        double worst = WorstFoldOver(x, TestFrequency, oddOnly: false, out int partial);

        output.WriteLine($"naive saw: worst fold-over partial {partial} at {worst:F1} dB");
        Assert.True(worst > -25, $"the naive saw should alias badly, got {worst:F1} dB");
    }

    [Fact]
    public void PartialJustAboveNyquist_IsAlsoRejected()
    {
        // At 3,010 Hz the 8th partial (24,080 Hz) folds to 23,920 Hz, right next to Nyquist: the hardest case.
        const double f = 3010;
        float[] x = Render(OscillatorWaveform.Saw, f, Settle + Window).AsSpan(Settle).ToArray();
        double fundamental = DspTestKit.Amplitude(x, f);

        double eighth = DspTestKit.Db(DspTestKit.Amplitude(x, DspTestKit.Alias(8 * f)) / fundamental);

        output.WriteLine($"saw at {f} Hz: 8th partial folded to {DspTestKit.Alias(8 * f)} Hz at {eighth:F1} dB");
        Assert.True(eighth <= -40, $"8th partial at {eighth:F1} dB");
    }

    [Theory]
    [InlineData(OscillatorWaveform.Saw, 2 / Math.PI, 1)]
    [InlineData(OscillatorWaveform.Square, 4 / Math.PI, 2)]
    [InlineData(OscillatorWaveform.Triangle, 8 / (Math.PI * Math.PI), 2)]
    public void AudibleHarmonics_HaveTheirTheoreticalAmplitudes(OscillatorWaveform waveform, double fundamental, int step)
    {
        // 100 Hz: 4,800 samples hold 10 whole periods. Harmonics up to 15 kHz are within 0.2 dB of the ideal.
        const double f = 100;
        float[] x = Render(waveform, f, Settle + Window).AsSpan(Settle).ToArray();
        double power = waveform == OscillatorWaveform.Triangle ? 2 : 1;

        for (int k = 1; k * f <= 15_000; k += step)
        {
            double expected = fundamental / Math.Pow(k, power);
            double actual = DspTestKit.Amplitude(x, k * f);
            Assert.True(Math.Abs(DspTestKit.Db(actual / expected)) < 0.2, $"{waveform} harmonic {k}: {actual} vs {expected}");
        }
    }

    [Fact]
    public void Sine_IsTheSineDelayedByTheLatency()
    {
        float[] x = Render(OscillatorWaveform.Sine, 1000, 2000);
        int lag = PolyBlepOscillator.LatencySamples;

        for (int i = 0; i < x.Length; i++)
        {
            double expected = i < lag ? 0 : Math.Sin(2 * Math.PI * 1000.0 * (i - lag) / Rate);
            Assert.True(Math.Abs(x[i] - expected) < 1e-6, $"sample {i}: {x[i]} vs {expected}");
        }
    }

    [Fact]
    public void PulseWidth_ShapesTheDutyCycleAndStaysZeroMean()
    {
        var oscillator = new PolyBlepOscillator { Waveform = OscillatorWaveform.Square, PulseWidth = 0.25, Frequency = 100 };
        oscillator.Prepare(Rate);
        var x = new float[Settle + Window];
        oscillator.Render(x);
        ReadOnlySpan<float> steady = x.AsSpan(Settle);

        double mean = 0;
        int high = 0;
        foreach (float v in steady)
        {
            mean += v;
            high += v > 0 ? 1 : 0;
        }

        Assert.True(Math.Abs(mean / steady.Length) < 1e-3, $"mean {mean / steady.Length}");
        Assert.InRange(high / (double)steady.Length, 0.24, 0.26);
    }

    [Fact]
    public void ResetPhase_ContinuesExactlyAsAFreshOscillator()
    {
        var running = new PolyBlepOscillator { Frequency = 440 };
        running.Prepare(Rate);
        var x = new float[1000];
        running.Render(x.AsSpan(0, 333));
        running.ResetPhase(0);
        running.Render(x.AsSpan(333));

        var fresh = new PolyBlepOscillator { Frequency = 440 };
        fresh.Prepare(Rate);
        var y = new float[1000 - 333];
        fresh.Render(y);

        // Once the reset's band-limited step has passed (8 samples after it, plus the latency), the two agree.
        for (int i = 2 * BlepKernel.HalfWidth; i < y.Length; i++)
        {
            Assert.True(Math.Abs(x[333 + i] - y[i]) < 1e-6, $"sample {i} after the reset: {x[333 + i]} vs {y[i]}");
        }

        DspTestKit.AssertClean(x);
        Assert.True(DspTestKit.Peak(x) < 1.2);
    }

    [Theory]
    [InlineData(OscillatorWaveform.Sine)]
    [InlineData(OscillatorWaveform.Saw)]
    [InlineData(OscillatorWaveform.Square)]
    [InlineData(OscillatorWaveform.Triangle)]
    public void BlockRendering_IsBitIdenticalToTicking(OscillatorWaveform waveform)
    {
        const int total = 12_000;
        int[] events = [1000, 4097, 7000, 9001];

        PolyBlepOscillator Create()
        {
            var o = new PolyBlepOscillator { Waveform = waveform, Frequency = 1234.5, PulseWidth = 0.3 };
            o.Prepare(Rate);
            return o;
        }

        void OnEvent(PolyBlepOscillator o, int e)
        {
            switch (e)
            {
                case 0: o.Frequency = 7000; break;
                case 1: o.ResetPhase(0.6); break;
                case 2: o.Frequency = 23_000; break;
                default: o.PulseWidth = 0.7; o.Frequency = 55; break;
            }
        }

        var reference = new float[total];
        PolyBlepOscillator r = Create();
        DspTestKit.Drive(total, 1, events, e => OnEvent(r, e), (offset, length) =>
        {
            if (length > 0)
            {
                reference[offset] = r.Tick();
            }
        });
        DspTestKit.AssertClean(reference);

        foreach (int blockSize in DspTestKit.SizesWithWhole(total))
        {
            var actual = new float[total];
            PolyBlepOscillator o = Create();
            DspTestKit.Drive(total, blockSize, events, e => OnEvent(o, e), (offset, length) => o.Render(actual.AsSpan(offset, length)));
            DspTestKit.AssertBitIdentical(reference, actual, $"{waveform}, blocks of {blockSize}");
        }
    }

    [Theory]
    [InlineData(OscillatorWaveform.Sine)]
    [InlineData(OscillatorWaveform.Saw)]
    [InlineData(OscillatorWaveform.Square)]
    [InlineData(OscillatorWaveform.Triangle)]
    public void Render_MatchesTheDoublePrecisionReference_WithinFloatRounding(OscillatorWaveform waveform)
    {
        // The fast path (integer phase, float residuals, eight samples at a time) against the plain per-sample
        // double-precision polyBLEP, through frequency changes, a pulse-width change and phase resets.
        const int total = 48_000;
        int[] events = [3000, 9001, 17_000, 30_000, 41_234];
        var fast = new PolyBlepOscillator { Waveform = waveform, Frequency = 110, PulseWidth = 0.3 };
        var reference = new PolyBlepReference { Waveform = waveform, Frequency = 110, PulseWidth = 0.3 };
        fast.Prepare(Rate);
        reference.Prepare(Rate);
        var x = new float[total];
        var y = new float[total];
        void OnEvent(int e)
        {
            switch (e)
            {
                case 0: fast.Frequency = reference.Frequency = 2990; break;
                case 1: fast.ResetPhase(0.25); reference.ResetPhase(0.25); break;
                case 2: fast.Frequency = reference.Frequency = 15_000; break;
                case 3: fast.PulseWidth = reference.PulseWidth = 0.71; fast.Frequency = reference.Frequency = 440; break;
                default: fast.ResetPhase(0.6); reference.ResetPhase(0.6); fast.Frequency = reference.Frequency = 61.7; break;
            }
        }

        DspTestKit.Drive(total, 128, events, OnEvent, (offset, length) =>
        {
            fast.Render(x.AsSpan(offset, length));
            reference.Render(y.AsSpan(offset, length));
        });

        double worst = 0;
        for (int i = 0; i < total; i++)
        {
            worst = Math.Max(worst, Math.Abs(x[i] - y[i]));
        }

        output.WriteLine($"{waveform}: largest difference from the reference {worst:E2}");
        Assert.True(worst < 1e-6, $"{waveform}: {worst:E2}");
        DspTestKit.AssertClean(x);
    }

    [Theory]
    [InlineData(1e-15)]
    [InlineData(1e-6)]
    [InlineData(23_999.999)]
    public void ExtremeFrequencies_RenderCleanly(double frequency)
    {
        // 1e−15 Hz is one unit of the 64-bit phase per sample (the smallest increment, whose period saturates);
        // just under Nyquist every sample has an edge.
        foreach (OscillatorWaveform waveform in Enum.GetValues<OscillatorWaveform>())
        {
            var oscillator = new PolyBlepOscillator { Waveform = waveform, Frequency = frequency };
            oscillator.Prepare(Rate);
            oscillator.ResetPhase(0.9);
            var x = new float[2000];
            oscillator.Render(x);
            DspTestKit.AssertClean(x, $"{waveform} at {frequency} Hz");
            Assert.True(DspTestKit.Peak(x) < 2, $"{waveform} at {frequency} Hz: peak {DspTestKit.Peak(x)}");
        }
    }

    [Fact]
    public void Render_AfterWarmUp_AllocatesNothing()
    {
        var oscillator = new PolyBlepOscillator { Waveform = OscillatorWaveform.Square, Frequency = 3000 };
        oscillator.Prepare(Rate);
        var block = new float[128];
        int i = 0;

        long bytes = DspTestKit.AllocatedBytes(() =>
        {
            oscillator.Waveform = (OscillatorWaveform)(i++ % 4);
            oscillator.ResetPhase(0.5);
            oscillator.Render(block);
            oscillator.Render([]);
            oscillator.Tick();
        });

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Parameters_OutOfRange_ThrowNamingTheRange()
    {
        var oscillator = new PolyBlepOscillator();
        oscillator.Prepare(Rate);

        var tooHigh = Assert.Throws<ArgumentOutOfRangeException>(() => oscillator.Frequency = 24_000);
        Assert.Equal("Frequency", tooHigh.ParamName);
        Assert.Contains("24000", tooHigh.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => oscillator.Frequency = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => oscillator.Frequency = double.NaN);
        Assert.Equal("PulseWidth", Assert.Throws<ArgumentOutOfRangeException>(() => oscillator.PulseWidth = 1).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => oscillator.Waveform = (OscillatorWaveform)9);
        Assert.Throws<ArgumentOutOfRangeException>(() => oscillator.ResetPhase(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => oscillator.Prepare(1000));
        Assert.Throws<InvalidOperationException>(() => new PolyBlepOscillator().Render(new float[4]));

        var slow = new PolyBlepOscillator { Frequency = 30_000 };
        Assert.Equal("Frequency", Assert.Throws<ArgumentOutOfRangeException>(() => slow.Prepare(44_100)).ParamName);
    }

    private static float[] Render(OscillatorWaveform waveform, double frequency, int length)
    {
        var oscillator = new PolyBlepOscillator { Waveform = waveform, Frequency = frequency };
        oscillator.Prepare(Rate);
        var x = new float[length];
        oscillator.Render(x);
        DspTestKit.AssertClean(x);
        return x;
    }

    /// <summary>Worst level (dB re the fundamental) among partials 9–15 that fold back below Nyquist.</summary>
    private static double WorstFoldOver(float[] x, double f, bool oddOnly, out int worstPartial)
    {
        double fundamental = DspTestKit.Amplitude(x, f);
        double worst = double.NegativeInfinity;
        worstPartial = 0;
        for (int k = 2; k <= 15; k++)
        {
            if (k * f <= Rate / 2.0 || (oddOnly && k % 2 == 0))
            {
                continue;
            }

            double level = DspTestKit.Db(DspTestKit.Amplitude(x, DspTestKit.Alias(k * f)) / fundamental);
            if (level > worst)
            {
                worst = level;
                worstPartial = k;
            }
        }

        return worst;
    }
}
