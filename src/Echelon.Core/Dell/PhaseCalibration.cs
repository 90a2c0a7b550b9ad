using Echelon.Core.Equilibrium;
using Echelon.Core.Metrics;
using Echelon.Core.Phase;

namespace Echelon.Core.Dell;

/// <summary>
/// Measures the phase head's systematic error on a clean probe and returns the correction: the
/// probe drives the rhythm slots with a raised cosine that peaks on the beat, at two tempos, through
/// the real fast solver and an uncorrected head; the circular mean error at each tempo gives a
/// constant offset δ₀ and a group delay τ (frames) with error(ω) ≈ −δ₀ − τ·ω.
/// </summary>
/// <remarks>Prepare-time (allocates, runs a few thousand solves). Deterministic.</remarks>
public static class PhaseCalibration
{
    private const double LowBpm = 80.0;
    private const double HighBpm = 160.0;

    /// <summary>Returns (δ₀, τ) for the given parameters' fast layer and head weights.</summary>
    public static (double Offset, double GroupDelayFrames) Calibrate(DellParameters parameters, IReadOnlyList<int> rhythmSlots)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(rhythmSlots);
        double errorLow = MeanError(parameters, rhythmSlots, LowBpm);
        double errorHigh = MeanError(parameters, rhythmSlots, HighBpm);
        double omegaLow = Omega(LowBpm, parameters.FrameRate);
        double omegaHigh = Omega(HighBpm, parameters.FrameRate);

        // error(ω) = −(δ₀ + τω): solve the two equations, unwrapping the difference.
        double slope = Circular.Wrap(errorHigh - errorLow) / (omegaHigh - omegaLow);
        double tau = Math.Max(0.0, -slope);
        double offset = Circular.Wrap(-errorLow - (tau * omegaLow));
        return (offset, tau);
    }

    private static double Omega(double bpm, double frameRate) => 2.0 * Math.PI * bpm / 60.0 / frameRate;

    private static double MeanError(DellParameters parameters, IReadOnlyList<int> rhythmSlots, double bpm)
    {
        var solver = new LimRpsSolver(parameters.Fast);
        var head = new PhaseHead(parameters.HeadWeights, 0.0, 0.0, parameters.ResonatorBeats, parameters.MeanBeats);
        double omega = Omega(bpm, parameters.FrameRate);
        var input = new double[parameters.Fast.InputSize];
        int frames = (int)(parameters.FrameRate * 60.0 / bpm * 24);
        int settle = frames / 3;
        double sumSin = 0.0;
        double sumCos = 0.0;
        for (int t = 0; t < frames; t++)
        {
            double theta = omega * t;
            double value = 0.5 + (0.5 * Math.Cos(theta));
            foreach (int slot in rhythmSlots)
            {
                input[slot] = value;
            }

            solver.Step(input);
            double measured = head.Measure(solver.State, omega);
            if (t >= settle)
            {
                double e = Circular.Wrap(measured - theta);
                sumSin += Math.Sin(e);
                sumCos += Math.Cos(e);
            }
        }

        return Math.Atan2(sumSin, sumCos);
    }
}
