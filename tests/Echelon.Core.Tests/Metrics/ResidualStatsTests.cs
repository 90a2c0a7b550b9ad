using Echelon.Core.Metrics;

namespace Echelon.Core.Tests.Metrics;

public class ResidualStatsTests
{
    [Fact]
    public void Summarize_DecreasingHistory_GivesHandComputedSummary()
    {
        double[] residuals = [1e-1, 1e-2, 1e-3, 1e-4];

        ResidualSummary s = ResidualStats.Summarize(residuals, new double[4]);

        Assert.Equal(0.027775, s.Mean, 15);           // 0.1111 / 4
        Assert.Equal(0.0055, s.Median, 15);           // (1e-3 + 1e-2) / 2
        Assert.Equal(0.0865, s.P95, 15);              // h = 2.85: 1e-2 + 0.85·0.09
        Assert.Equal(0.1, s.Max);
        Assert.Equal(1e-4, s.Final);
        Assert.Equal([1e-1, 1e-2, 1e-3, 1e-4], residuals);
    }

    [Fact]
    public void Summarize_SingleResidual_AllFieldsEqualIt()
    {
        ResidualSummary s = ResidualStats.Summarize([0.25], new double[1]);

        Assert.Equal(new ResidualSummary(0.25, 0.25, 0.25, 0.25, 0.25), s);
    }

    [Fact]
    public void Summarize_NaNResidual_PropagatesToOrderStatisticsButNotFinal()
    {
        ResidualSummary s = ResidualStats.Summarize([0.5, double.NaN, 0.1], new double[3]);

        Assert.True(double.IsNaN(s.Mean));
        Assert.True(double.IsNaN(s.Median));
        Assert.True(double.IsNaN(s.Max));
        Assert.Equal(0.1, s.Final);
    }

    [Fact]
    public void Summarize_EmptyOrShortScratch_Throws()
    {
        Assert.Throws<ArgumentException>(() => ResidualStats.Summarize([], new double[1]));
        var ex = Assert.Throws<ArgumentException>(() => ResidualStats.Summarize([1, 2, 3], new double[1]));
        Assert.Contains("residuals has 3", ex.Message, StringComparison.Ordinal);
    }
}
