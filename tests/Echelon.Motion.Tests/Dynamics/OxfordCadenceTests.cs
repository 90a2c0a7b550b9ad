using Echelon.Motion.Dynamics;
using Echelon.Motion.Imu;
using Echelon.Motion.Tests.Infrastructure;

namespace Echelon.Motion.Tests.Dynamics;

/// <summary>
/// Real data: a phone carried in the hand while walking (Oxford step-counter validation trace, 194 s,
/// 326 ground-truth steps). The tempo slot, fed by nothing but the accelerometer, must read the
/// walker's step cadence.
/// </summary>
public sealed class OxfordCadenceTests
{
    [Fact]
    public void TempoSlot_ReadsTheGroundTruthStepCadenceWithinThreePercentOnceSettled()
    {
        using var source = new ImuCsvSource(SharedTestData.OxfordHandCsv);
        double[] steps = source.GroundTruthStepTimesNs.Select(ns => ns * 1e-9).ToArray();
        Assert.Equal(326, steps.Length);

        var errors = new List<double>();
        var readings = new List<double>();
        Dynamics128Pump.Run(source, new Dynamics128Builder(), 100.0, null, v =>
        {
            double t = v.TimeNs * 1e-9;
            if (t < 10.0 || v.TimeNs % 100_000_000 != 0)
            {
                return;
            }

            // Ground truth: the cadence of the steps in the last 8 s (the tracker's memory is 6 s).
            double[] window = steps.Where(s => s > t - 8.0 && s <= t).ToArray();
            if (window.Length < 4)
            {
                return;
            }

            Assert.True(v.IsValid(Dynamics128Layout.Tempo), $"tempo masked at {t:F1} s");
            double cadence = 60.0 * (window.Length - 1) / (window[^1] - window[0]);
            double tempo = 120.0 + (60.0 * v.Values[Dynamics128Layout.Tempo]);
            readings.Add(tempo);
            errors.Add(Math.Abs(tempo - cadence) / cadence);
        });

        Assert.True(errors.Count > 1500, $"{errors.Count} comparisons");
        double median = errors.Order().ElementAt(errors.Count / 2);
        double within = errors.Count(e => e < 0.03) / (double)errors.Count;
        Assert.True(median < 0.015, $"median error {median:P2}");
        Assert.True(within >= 0.9, $"{within:P1} of readings within 3 %");

        double overallCadence = 60.0 * (steps.Length - 1) / (steps[^1] - steps[0]);
        Assert.InRange(readings.Average(), overallCadence * 0.97, overallCadence * 1.03);
    }
}
