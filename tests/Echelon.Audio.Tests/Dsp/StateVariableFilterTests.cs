using System.Numerics;
using Echelon.Audio.Dsp;

namespace Echelon.Audio.Tests.Dsp;

public sealed class StateVariableFilterTests : StateVariableFilterContract
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

    private protected override IStateVariableFilter Create(FilterMode mode, double cutoff, double resonance) =>
        new StateVariableFilter { Mode = mode, Cutoff = cutoff, Resonance = resonance };
}
