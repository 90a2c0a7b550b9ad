namespace Echelon.Core.Metrics;

/// <summary>
/// Jerk of a latent trajectory (DESIGN §3, "jerk of x*"): the norm of the third time derivative,
/// estimated by the third backward difference. Low jerk means the control stream moves smoothly.
/// </summary>
/// <remarks>Thread-safe and allocation-free.</remarks>
public static class Jerk
{
    /// <summary>
    /// Jerk norms of a trajectory: for frames t = 3 … frames−1,
    /// <c>‖x_t − 3x_{t−1} + 3x_{t−2} − x_{t−3}‖₂ / dt³</c>, written to <c>jerkNorms[t − 3]</c>.
    /// </summary>
    /// <remarks>The third backward difference is exact for cubics: x = t³ gives 6 per component.</remarks>
    /// <param name="x">Row-major trajectory, frames × <paramref name="dim"/>.</param>
    /// <param name="dim">Values per frame (&gt; 0); <c>x.Length</c> must be a multiple of it.</param>
    /// <param name="dt">Frame period in seconds (&gt; 0, finite).</param>
    /// <param name="jerkNorms">Destination of length frames − 3.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> or <paramref name="dt"/> is not positive, or <paramref name="dt"/> is not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is not whole frames, has fewer than 4 frames,
    /// or <paramref name="jerkNorms"/> is not frames − 3 long.</exception>
    public static void Compute(ReadOnlySpan<double> x, int dim, double dt, Span<double> jerkNorms)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dim);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dt);
        if (!double.IsFinite(dt))
        {
            throw new ArgumentOutOfRangeException(nameof(dt), dt, "The frame period must be finite.");
        }

        if (x.Length % dim != 0)
        {
            throw new ArgumentException(
                $"x has {x.Length} values, which is not a whole number of frames of dim {dim}.", nameof(x));
        }

        int frames = x.Length / dim;
        if (frames < 4)
        {
            throw new ArgumentException(
                $"Jerk needs at least 4 frames (a third difference); x has {frames}.", nameof(x));
        }

        if (jerkNorms.Length != frames - 3)
        {
            throw new ArgumentException(
                $"jerkNorms must have frames - 3 = {frames - 3} slots, but has {jerkNorms.Length}.", nameof(jerkNorms));
        }

        double inverseDtCubed = 1.0 / (dt * dt * dt);
        for (int t = 3; t < frames; t++)
        {
            ReadOnlySpan<double> x0 = x.Slice(t * dim, dim);
            ReadOnlySpan<double> x1 = x.Slice((t - 1) * dim, dim);
            ReadOnlySpan<double> x2 = x.Slice((t - 2) * dim, dim);
            ReadOnlySpan<double> x3 = x.Slice((t - 3) * dim, dim);
            double sumSquares = 0.0;
            for (int c = 0; c < dim; c++)
            {
                // Grouped as (x0 − x3) − 3(x1 − x2): differences of neighbours first, which keeps
                // the cancellation small for smooth trajectories.
                double d = (x0[c] - x3[c]) - (3.0 * (x1[c] - x2[c]));
                sumSquares += d * d;
            }

            jerkNorms[t - 3] = Math.Sqrt(sumSquares) * inverseDtCubed;
        }
    }

    /// <summary>Median and 95th percentile (numpy linear) of the jerk norms, sorting once.</summary>
    /// <param name="jerkNorms">Output of <see cref="Compute"/>; left untouched.</param>
    /// <param name="scratch">At least <c>jerkNorms.Length</c> long; receives the sorted copy.</param>
    /// <exception cref="ArgumentException"><paramref name="jerkNorms"/> is empty, or <paramref name="scratch"/> is too short.</exception>
    public static (double Median, double P95) Summarize(ReadOnlySpan<double> jerkNorms, Span<double> scratch)
    {
        Span<double> sorted = Statistics.SortIntoScratch(jerkNorms, scratch, nameof(jerkNorms));
        return (Statistics.PercentileOfSorted(sorted, 50.0), Statistics.PercentileOfSorted(sorted, 95.0));
    }
}
