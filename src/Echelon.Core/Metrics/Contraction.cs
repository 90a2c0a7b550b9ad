namespace Echelon.Core.Metrics;

/// <summary>
/// Contraction diagnostics of the equilibrium solver (DESIGN §3): the per-iteration ratio
/// <c>ρ_k = ‖z_{k+1} − z_k‖ / ‖z_k − z_{k−1}‖</c>, the health (share of ratios at or under 1) and
/// the headroom (how far the 95th-percentile ratio sits under 1).
/// </summary>
/// <remarks>
/// Thread-safe and allocation-free. NaN marks "no ratio measured" (for example the first
/// iteration of a frame, which has no previous step) and is skipped by <see cref="Health"/> and
/// <see cref="Headroom"/>; +∞ is a real measurement (a step out of a fixed point) and counts
/// as expanding.
/// </remarks>
public static class Contraction
{
    /// <summary>
    /// <c>ρ = stepNorm / previousStepNorm</c>. When the previous step is 0 the iterate was already
    /// at a fixed point: the ratio is 0 if it stayed there and +∞ if it moved away.
    /// </summary>
    /// <param name="previousStepNorm"><c>‖z_k − z_{k−1}‖</c>, non-negative.</param>
    /// <param name="stepNorm"><c>‖z_{k+1} − z_k‖</c>, non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">A norm is negative.</exception>
    public static double Ratio(double previousStepNorm, double stepNorm)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(previousStepNorm);
        ArgumentOutOfRangeException.ThrowIfNegative(stepNorm);
        if (previousStepNorm == 0.0)
        {
            return stepNorm == 0.0 ? 0.0 : double.PositiveInfinity;
        }

        return stepNorm / previousStepNorm;
    }

    /// <summary>
    /// Contraction health: the fraction of measured ratios that are finite and ≤ 1. DESIGN §3 asks
    /// for ≥ 0.95.
    /// </summary>
    /// <remarks>NaN entries are ignored entirely (neither numerator nor denominator). With no
    /// measured ratio at all (empty, or all NaN) there is no evidence of expansion and the result
    /// is 1.0.</remarks>
    /// <param name="ratios">Contraction ratios ρ.</param>
    /// <returns>A fraction in [0, 1].</returns>
    public static double Health(ReadOnlySpan<double> ratios)
    {
        int measured = 0;
        int contracting = 0;
        for (int i = 0; i < ratios.Length; i++)
        {
            double rho = ratios[i];
            if (double.IsNaN(rho))
            {
                continue;
            }

            measured++;
            if (rho <= 1.0)
            {
                // +∞ fails the test above, so "finite and ≤ 1" needs no second check.
                contracting++;
            }
        }

        return measured == 0 ? 1.0 : (double)contracting / measured;
    }

    /// <summary>
    /// Contraction headroom: <c>1 − P95(ρ)</c> over the measured (non-NaN) ratios, with numpy's
    /// linear percentile. It is the contraction margin left in the worst 5 % of iterations: 0.3
    /// means 95 % of steps shrink the error by at least 30 %; 0 means the iteration is at the edge
    /// of contraction; a negative value means it expands somewhere (−∞ if a P95 step left a fixed point).
    /// </summary>
    /// <remarks>With no measured ratio (empty, or all NaN) there is no margin to report and the
    /// result is NaN.</remarks>
    /// <param name="ratios">Contraction ratios ρ; left untouched.</param>
    /// <param name="scratch">At least <c>ratios.Length</c> long; receives the sorted measured ratios.</param>
    /// <exception cref="ArgumentException"><paramref name="scratch"/> is shorter than <paramref name="ratios"/>.</exception>
    public static double Headroom(ReadOnlySpan<double> ratios, Span<double> scratch)
    {
        if (scratch.Length < ratios.Length)
        {
            MetricsThrow.ScratchTooShort(nameof(scratch), scratch.Length, nameof(ratios), ratios.Length);
        }

        int measured = 0;
        for (int i = 0; i < ratios.Length; i++)
        {
            if (!double.IsNaN(ratios[i]))
            {
                scratch[measured++] = ratios[i];
            }
        }

        if (measured == 0)
        {
            return double.NaN;
        }

        Span<double> sorted = scratch[..measured];
        sorted.Sort();
        return 1.0 - Statistics.PercentileOfSorted(sorted, 95.0);
    }
}
