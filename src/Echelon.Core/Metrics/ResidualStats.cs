namespace Echelon.Core.Metrics;

/// <summary>Builds a <see cref="ResidualSummary"/> from a residual history.</summary>
/// <remarks>Thread-safe and allocation-free; sorts once into the caller's scratch.</remarks>
public static class ResidualStats
{
    /// <summary>Mean, median, P95, max and final value of <paramref name="residuals"/>.</summary>
    /// <param name="residuals">The residual history, in iteration (or frame) order; left untouched.</param>
    /// <param name="scratch">At least <c>residuals.Length</c> long; receives the sorted copy.</param>
    /// <exception cref="ArgumentException"><paramref name="residuals"/> is empty, or <paramref name="scratch"/> is too short.</exception>
    public static ResidualSummary Summarize(ReadOnlySpan<double> residuals, Span<double> scratch)
    {
        Span<double> sorted = Statistics.SortIntoScratch(residuals, scratch, nameof(residuals));

        // Span.Sort puts NaN first, so sorted[^1] would hide one; report NaN as numpy's max does.
        double max = double.IsNaN(sorted[0]) ? double.NaN : sorted[^1];
        return new ResidualSummary(
            Mean: Statistics.Mean(residuals),
            Median: Statistics.PercentileOfSorted(sorted, 50.0),
            P95: Statistics.PercentileOfSorted(sorted, 95.0),
            Max: max,
            Final: residuals[^1]);
    }
}
