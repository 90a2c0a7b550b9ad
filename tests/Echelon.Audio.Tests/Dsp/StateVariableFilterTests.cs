using System.Numerics;
using Echelon.Audio.Dsp;

namespace Echelon.Audio.Tests.Dsp;

public sealed class StateVariableFilterTests
{
    private const int Rate = DspTestKit.SampleRate;
    private const double Cutoff = 1000;

    public static TheoryData<FilterMode, double, double> ResponsePoints()
    {
        var data = new TheoryData<FilterMode, double, double>();
        foreach (FilterMode mode in Enum.GetValues<FilterMode>())
        {
            foreach (double q in new[] { Math.Sqrt(0.5), 4.0 })
            {
                foreach (double f in new[] { 100.0, 500.0, 1000.0, 2000.0, 5000.0 })
                {
                    if (!(mode == FilterMode.Notch && f == Cutoff))
                    {
                        data.Add(mode, q, f);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ResponsePoints))]
    public void MagnitudeResponse_MatchesTheAnalyticResponse(FilterMode mode, double q, double frequency)
    {
        var filter = new StateVariableFilter { Mode = mode, Cutoff = Cutoff, Resonance = q };
        filter.Prepare(Rate);
        float[] x = DspTestKit.Sine(Rate / 2, frequency, 0.5);
        filter.Process(x);

        double measured = DspTestKit.Amplitude(x.AsSpan(Rate / 4), frequency) / 0.5;

        // The filter's analytic response: the analog prototype at the pre-warped frequency (the bilinear map).
        double warped = Math.Tan(Math.PI * frequency / Rate) / Math.Tan(Math.PI * Cutoff / Rate);
        double exact = Analog(mode, q, warped);
        Assert.True(Math.Abs(DspTestKit.Db(measured / exact)) < 0.02, $"{mode} Q={q} at {frequency} Hz: {DspTestKit.Db(measured):F4} dB, analytic {DspTestKit.Db(exact):F4} dB");

        // And the analog prototype itself, unwarped, within 0.5 dB up to an octave above the cutoff
        // (at 5 kHz the warp alone moves the low-pass by 0.6 dB, as the bilinear transform must).
        if (frequency <= 2 * Cutoff)
        {
            double analog = Analog(mode, q, frequency / Cutoff);
            Assert.True(Math.Abs(DspTestKit.Db(measured / analog)) < 0.5, $"{mode} Q={q} at {frequency} Hz: {DspTestKit.Db(measured):F3} dB, analog {DspTestKit.Db(analog):F3} dB");
        }
    }

    [Fact]
    public void CutoffNextToNyquistAndHighResonance_StayStable()
    {
        var filter = new StateVariableFilter { Mode = FilterMode.LowPass, Cutoff = 23_999.9, Resonance = 50 };
        filter.Prepare(Rate);
        float[] x = DspTestKit.Noise(Rate, 1, 11);

        for (int block = 0; block < x.Length / 480; block++)
        {
            filter.Cutoff = block % 2 == 0 ? 23_999.9 : 20;
            filter.Resonance = block % 3 == 0 ? 50 : 0.05;
            filter.Process(x.AsSpan(block * 480, 480));
        }

        DspTestKit.AssertClean(x);
        Assert.True(DspTestKit.Peak(x) < 200, $"peak {DspTestKit.Peak(x)}");
    }

    [Fact]
    public void DecayingTail_NeverGoesSubnormal_AndReachesExactZero()
    {
        var filter = new StateVariableFilter { Mode = FilterMode.BandPass, Cutoff = 50, Resonance = 20 };
        filter.Prepare(Rate);
        var x = new float[20 * Rate];
        x[0] = 1;

        filter.Process(x);

        DspTestKit.AssertClean(x);
        Assert.Equal(0f, x[^1]);
    }

    [Fact]
    public void BlockProcessing_IsBitIdenticalToTicking()
    {
        const int total = 12_000;
        int[] events = [3000, 6001, 9002];
        float[] input = DspTestKit.Noise(total, 0.8, 5);

        StateVariableFilter Create()
        {
            var f = new StateVariableFilter { Mode = FilterMode.LowPass, Cutoff = 800, Resonance = 3 };
            f.Prepare(Rate);
            return f;
        }

        static void OnEvent(StateVariableFilter f, int e)
        {
            f.Mode = (FilterMode)((e + 1) % 4);
            f.Cutoff = 200 + (e * 5000);
        }

        var reference = new float[total];
        StateVariableFilter r = Create();
        DspTestKit.Drive(total, 1, events, e => OnEvent(r, e), (offset, length) =>
        {
            if (length > 0)
            {
                reference[offset] = r.Tick(input[offset]);
            }
        });

        foreach (int blockSize in DspTestKit.SizesWithWhole(total))
        {
            float[] actual = (float[])input.Clone();
            StateVariableFilter f = Create();
            DspTestKit.Drive(total, blockSize, events, e => OnEvent(f, e), (offset, length) => f.Process(actual.AsSpan(offset, length)));
            DspTestKit.AssertBitIdentical(reference, actual, $"blocks of {blockSize}");
        }

        DspTestKit.AssertClean(reference);
    }

    [Fact]
    public void Process_AfterWarmUp_AllocatesNothing()
    {
        var filter = new StateVariableFilter();
        filter.Prepare(Rate);
        float[] block = DspTestKit.Noise(128, 0.5, 1);

        Assert.Equal(0, DspTestKit.AllocatedBytes(() =>
        {
            filter.Cutoff = 2000;
            filter.Process(block);
            filter.Tick(0.1f);
        }));
    }

    [Fact]
    public void BadParameters_ThrowNamingTheRange()
    {
        var filter = new StateVariableFilter();
        filter.Prepare(Rate);

        var cutoff = Assert.Throws<ArgumentOutOfRangeException>(() => filter.Cutoff = 24_000);
        Assert.Equal("Cutoff", cutoff.ParamName);
        Assert.Contains("(0, 24000)", cutoff.Message, StringComparison.Ordinal);
        Assert.Equal("Resonance", Assert.Throws<ArgumentOutOfRangeException>(() => filter.Resonance = 0).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => filter.Mode = (FilterMode)9);
    }

    /// <summary>|H(jw)| of the analog prototype at normalised frequency w = f/fc.</summary>
    private static double Analog(FilterMode mode, double q, double w)
    {
        var s = new Complex(0, w);
        Complex denominator = (s * s) + (s / q) + 1;
        Complex numerator = mode switch
        {
            FilterMode.LowPass => 1,
            FilterMode.BandPass => s / q,
            FilterMode.HighPass => s * s,
            _ => (s * s) + 1,
        };
        return (numerator / denominator).Magnitude;
    }
}
