using Echelon.Core.Metrics;
using Echelon.Core.Numerics;

namespace Echelon.Core.Tests.Metrics;

public class RunningStatsTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1e6)] // far from zero: where the naive Σx² − n·mean² formula loses its digits
    public void Add_SeededGaussianData_MatchesTwoPassComputation(double offset)
    {
        var random = new DeterministicRandom(2024);
        var values = new double[10_000];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = offset + 3.0 + (2.0 * random.NextGaussian());
        }

        var stats = new RunningStats();
        foreach (double v in values)
        {
            stats.Add(v);
        }

        double mean = 0.0;
        foreach (double v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        double sumSquares = 0.0;
        foreach (double v in values)
        {
            sumSquares += (v - mean) * (v - mean);
        }

        Assert.Equal(values.Length, stats.Count);
        Assert.Equal(mean, stats.Mean, Math.Abs(mean) * 1e-12 + 1e-12);
        double variance = sumSquares / values.Length;
        Assert.Equal(variance, stats.Variance, variance * 1e-9);
        Assert.Equal(sumSquares / (values.Length - 1), stats.SampleVariance, variance * 1e-9);
        Assert.Equal(Math.Sqrt(variance), stats.StandardDeviation, 1e-9);
        Assert.Equal(values.Min(), stats.Min);
        Assert.Equal(values.Max(), stats.Max);
        Assert.InRange(stats.StandardDeviation, 1.9, 2.1); // the generator's own σ = 2
    }

    [Fact]
    public void Add_HandValues_GivesHandStatistics()
    {
        var stats = new RunningStats();
        foreach (double v in new double[] { 2, 4, 4, 4, 5, 5, 7, 9 })
        {
            stats.Add(v);
        }

        Assert.Equal(8, stats.Count);
        Assert.Equal(5.0, stats.Mean);
        Assert.Equal(4.0, stats.Variance);          // the textbook example: σ = 2
        Assert.Equal(32.0 / 7.0, stats.SampleVariance, 12);
        Assert.Equal(2.0, stats.StandardDeviation);
        Assert.Equal(2.0, stats.Min);
        Assert.Equal(9.0, stats.Max);
    }

    [Fact]
    public void NewInstance_NoValues_ReportsNaN()
    {
        var stats = new RunningStats();

        Assert.Equal(0, stats.Count);
        Assert.True(double.IsNaN(stats.Mean));
        Assert.True(double.IsNaN(stats.Variance));
        Assert.True(double.IsNaN(stats.SampleVariance));
        Assert.True(double.IsNaN(stats.Min));
        Assert.True(double.IsNaN(stats.Max));
    }

    [Fact]
    public void Add_OneValue_HasZeroVarianceAndUndefinedSampleVariance()
    {
        var stats = new RunningStats();
        stats.Add(-3.5);

        Assert.Equal(-3.5, stats.Mean);
        Assert.Equal(0.0, stats.Variance);
        Assert.True(double.IsNaN(stats.SampleVariance));
        Assert.Equal(-3.5, stats.Min);
        Assert.Equal(-3.5, stats.Max);
    }

    [Fact]
    public void Add_NonFiniteValues_AreRejectedAndCounted()
    {
        var stats = new RunningStats();
        stats.Add(1.0);
        stats.Add(double.NaN);
        stats.Add(double.PositiveInfinity);
        stats.Add(double.NegativeInfinity);
        stats.Add(3.0);

        Assert.Equal(2, stats.Count);
        Assert.Equal(3, stats.RejectedCount);
        Assert.Equal(2.0, stats.Mean);
        Assert.Equal(1.0, stats.Min);
        Assert.Equal(3.0, stats.Max);
    }

    [Fact]
    public void Reset_AfterValues_ForgetsEverything()
    {
        var stats = new RunningStats();
        stats.Add(1.0);
        stats.Add(double.NaN);

        stats.Reset();
        stats.Add(10.0);

        Assert.Equal(1, stats.Count);
        Assert.Equal(0, stats.RejectedCount);
        Assert.Equal(10.0, stats.Mean);
        Assert.Equal(0.0, stats.Variance);
        Assert.Equal(10.0, stats.Min);
        Assert.Equal(10.0, stats.Max);
    }
}
