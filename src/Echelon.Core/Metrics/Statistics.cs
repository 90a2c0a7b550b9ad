namespace Echelon.Core.Metrics;

/// <summary>
/// Order statistics and means over spans, matching numpy's defaults so that figures computed here
/// and in the offline notebooks agree to the last bit where the arithmetic allows.
/// </summary>
/// <remarks>
/// Pure functions: thread-safe and allocation-free. Sorting happens in a caller-owned scratch span,
/// never in the input and never in a rented or new buffer. NaN in the input propagates to the
/// result, as in numpy.
/// </remarks>
public static class Statistics
{
    /// <summary>
    /// The <paramref name="percent"/>-th percentile with numpy's default "linear" method
    /// (<c>np.percentile(values, percent)</c>): the sorted values are interpolated at the virtual
    /// index <c>(percent / 100)·(n − 1)</c>.
    /// </summary>
    /// <param name="values">The sample; left untouched.</param>
    /// <param name="percent">In [0, 100].</param>
    /// <param name="scratch">At least <c>values.Length</c> long; receives the sorted copy in its first <c>values.Length</c> slots.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty, or <paramref name="scratch"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside [0, 100] or NaN.</exception>
    public static double Percentile(ReadOnlySpan<double> values, double percent, Span<double> scratch)
    {
        CheckPercent(percent);
        Span<double> sorted = SortIntoScratch(values, scratch, nameof(values));
        return PercentileOfSorted(sorted, percent);
    }

    /// <summary>The median: <see cref="Percentile"/> at 50 (the mean of the two middle values for an even count).</summary>
    /// <param name="values">The sample; left untouched.</param>
    /// <param name="scratch">At least <c>values.Length</c> long; receives the sorted copy.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty, or <paramref name="scratch"/> is too short.</exception>
    public static double Median(ReadOnlySpan<double> values, Span<double> scratch) => Percentile(values, 50.0, scratch);

    /// <summary>The arithmetic mean.</summary>
    /// <param name="values">The sample.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            MetricsThrow.Empty(nameof(values));
        }

        double sum = 0.0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i];
        }

        return sum / values.Length;
    }

    /// <summary>Copies <paramref name="values"/> into the front of <paramref name="scratch"/> and sorts it there.</summary>
    internal static Span<double> SortIntoScratch(ReadOnlySpan<double> values, Span<double> scratch, string valuesName)
    {
        if (values.IsEmpty)
        {
            MetricsThrow.Empty(valuesName);
        }

        if (scratch.Length < values.Length)
        {
            MetricsThrow.ScratchTooShort(nameof(scratch), scratch.Length, valuesName, values.Length);
        }

        Span<double> sorted = scratch[..values.Length];
        values.CopyTo(sorted);
        sorted.Sort();
        return sorted;
    }

    /// <summary>numpy "linear" percentile of an already ascending-sorted, non-empty span.</summary>
    /// <remarks>
    /// Mirrors numpy's <c>_lerp</c>: interpolating from the upper neighbour when the fraction is at
    /// least ½ keeps the result monotone and exact at both ends, and gives numpy's own rounding.
    /// <c>Span.Sort</c> orders NaN first, so a NaN anywhere shows up at index 0.
    /// </remarks>
    internal static double PercentileOfSorted(ReadOnlySpan<double> sorted, double percent)
    {
        if (double.IsNaN(sorted[0]))
        {
            return double.NaN;
        }

        int n = sorted.Length;
        double virtualIndex = percent / 100.0 * (n - 1);
        int lower = (int)Math.Floor(virtualIndex);
        if (lower >= n - 1)
        {
            return sorted[n - 1];
        }

        double fraction = virtualIndex - lower;
        double below = sorted[lower];
        double above = sorted[lower + 1];
        double difference = above - below;
        return fraction >= 0.5
            ? above - (difference * (1.0 - fraction))
            : below + (difference * fraction);
    }

    internal static void CheckPercent(double percent)
    {
        // Written as !(in range) so that NaN is rejected as well.
        if (!(percent >= 0.0 && percent <= 100.0))
        {
            MetricsThrow.PercentOutOfRange(percent);
        }
    }
}
