namespace Echelon.Core.Metrics;

/// <summary>
/// Streaming count, mean, variance, minimum and maximum by Welford's algorithm: one pass, O(1)
/// memory, and no catastrophic cancellation when the values sit far from zero (unlike Σx² − n·mean²).
/// </summary>
/// <remarks>
/// Not thread-safe: one instance per producer thread. <see cref="Add"/> is allocation-free and
/// safe on the control thread. Non-finite values (NaN, ±∞) are rejected at the edge and counted
/// in <see cref="RejectedCount"/> rather than poisoning every statistic (STYLE habit 10).
/// Before the first accepted value, <see cref="Mean"/>, <see cref="Min"/>, <see cref="Max"/> and
/// the variances are NaN.
/// </remarks>
public sealed class RunningStats
{
    private long _count;
    private long _rejected;
    private double _mean;
    private double _sumSquaredDeviations;
    private double _min = double.NaN;
    private double _max = double.NaN;

    /// <summary>Number of accepted (finite) values.</summary>
    public long Count => _count;

    /// <summary>Number of non-finite values passed to <see cref="Add"/> and ignored.</summary>
    public long RejectedCount => _rejected;

    /// <summary>Mean of the accepted values; NaN before the first.</summary>
    public double Mean => _count == 0 ? double.NaN : _mean;

    /// <summary>Population variance <c>Σ(x − mean)² / n</c> (numpy's <c>var</c> default); NaN before the first value.</summary>
    public double Variance => _count == 0 ? double.NaN : _sumSquaredDeviations / _count;

    /// <summary>Sample (unbiased) variance <c>Σ(x − mean)² / (n − 1)</c>; NaN with fewer than two values.</summary>
    public double SampleVariance => _count < 2 ? double.NaN : _sumSquaredDeviations / (_count - 1);

    /// <summary>Population standard deviation, <c>sqrt(Variance)</c>.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Smallest accepted value; NaN before the first.</summary>
    public double Min => _min;

    /// <summary>Largest accepted value; NaN before the first.</summary>
    public double Max => _max;

    /// <summary>Adds one value. Non-finite values are counted in <see cref="RejectedCount"/> and otherwise ignored.</summary>
    /// <param name="value">The observation.</param>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            _rejected++;
            return;
        }

        _count++;
        double delta = value - _mean;
        _mean += delta / _count;
        _sumSquaredDeviations += delta * (value - _mean);
        if (_count == 1)
        {
            _min = value;
            _max = value;
        }
        else
        {
            _min = Math.Min(_min, value);
            _max = Math.Max(_max, value);
        }
    }

    /// <summary>Forgets every value, accepted and rejected.</summary>
    public void Reset()
    {
        _count = 0;
        _rejected = 0;
        _mean = 0.0;
        _sumSquaredDeviations = 0.0;
        _min = double.NaN;
        _max = double.NaN;
    }
}
