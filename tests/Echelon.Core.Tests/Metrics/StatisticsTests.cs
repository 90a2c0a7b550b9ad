using Echelon.Core.Metrics;

namespace Echelon.Core.Tests.Metrics;

public class StatisticsTests
{
    // Expected values are numpy's default (method="linear"): sorted a, h = (p/100)(n − 1),
    // result = a[⌊h⌋] + (h − ⌊h⌋)(a[⌊h⌋+1] − a[⌊h⌋]), worked out by hand.
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(25.0, 1.75)]  // h = 0.75
    [InlineData(50.0, 2.5)]   // h = 1.5
    [InlineData(95.0, 3.85)]  // h = 2.85
    [InlineData(100.0, 4.0)]
    public void Percentile_OneToFour_MatchesNumpyLinear(double percent, double expected)
    {
        double[] values = [1, 2, 3, 4];
        var scratch = new double[4];

        Assert.Equal(expected, Statistics.Percentile(values, percent, scratch), 12);
    }

    [Theory]
    [InlineData(90.0, 46.0)]  // h = 3.6: 40 + 0.6·10
    [InlineData(10.0, 14.0)]  // h = 0.4: 10 + 0.4·10
    [InlineData(62.5, 35.0)]  // h = 2.5
    public void Percentile_UnsortedInput_SortsFirst(double percent, double expected)
    {
        double[] values = [50, 10, 40, 20, 30];
        var scratch = new double[8];

        Assert.Equal(expected, Statistics.Percentile(values, percent, scratch), 12);
    }

    [Fact]
    public void Percentile_LeavesInputUntouchedAndSortsIntoScratch()
    {
        double[] values = [4, 1, 3, 2];
        var scratch = new double[5];
        scratch[4] = 99;

        _ = Statistics.Percentile(values, 50, scratch);

        Assert.Equal([4, 1, 3, 2], values);
        Assert.Equal([1, 2, 3, 4, 99], scratch);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(37.0)]
    [InlineData(100.0)]
    public void Percentile_SingleValue_IsThatValue(double percent)
    {
        Assert.Equal(7.0, Statistics.Percentile([7.0], percent, new double[1]));
    }

    [Fact]
    public void Percentile_TiedValues_InterpolatesBetweenEqualsExactly()
    {
        Assert.Equal(2.0, Statistics.Percentile([2, 2, 2, 5], 50, new double[4]));
    }

    [Fact]
    public void Percentile_NaNInInput_ReturnsNaN()
    {
        Assert.True(double.IsNaN(Statistics.Percentile([1, double.NaN, 3], 50, new double[3])));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    public void Percentile_PercentOutsideZeroToHundred_Throws(double percent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Statistics.Percentile([1, 2], percent, new double[2]));
    }

    [Fact]
    public void Percentile_ScratchTooShort_ThrowsNamingBothLengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => Statistics.Percentile([1, 2, 3], 50, new double[2]));

        Assert.Contains("scratch has 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("values has 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PercentileMedianMean_EmptyInput_Throw()
    {
        Assert.Throws<ArgumentException>(() => Statistics.Percentile([], 50, new double[1]));
        Assert.Throws<ArgumentException>(() => Statistics.Median([], new double[1]));
        Assert.Throws<ArgumentException>(() => Statistics.Mean([]));
    }

    [Fact]
    public void Median_OddAndEvenCounts_AreMiddleValueAndMeanOfMiddlePair()
    {
        Assert.Equal(2.0, Statistics.Median([3, 1, 2], new double[3]));
        Assert.Equal(3.0, Statistics.Median([5, 1, 4, 2], new double[4]));
    }

    [Fact]
    public void Mean_Values_IsArithmeticMean()
    {
        Assert.Equal(2.5, Statistics.Mean([1, 2, 3, 4]));
        Assert.Equal(-0.5, Statistics.Mean([-1, 0]));
    }
}
