using Echelon.Core.Metrics;

namespace Echelon.Core.Tests.Metrics;

public class ContractionTests
{
    [Theory]
    [InlineData(2.0, 1.0, 0.5)]
    [InlineData(1.0, 3.0, 3.0)]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(0.0, 1e-12, double.PositiveInfinity)]
    [InlineData(4.0, 0.0, 0.0)]
    public void Ratio_StepNorms_IsStepOverPreviousStep(double previous, double step, double expected)
    {
        Assert.Equal(expected, Contraction.Ratio(previous, step));
    }

    [Fact]
    public void Ratio_NegativeNorm_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Contraction.Ratio(-1.0, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Contraction.Ratio(1.0, -1.0));
    }

    [Fact]
    public void Health_MixedRatios_IsShareAtOrUnderOneIgnoringNaN()
    {
        // 0.5, 0.6, 1.0 contract (1.0 included); 1.2 expands; NaN is not a measurement.
        Assert.Equal(0.75, Contraction.Health([0.5, 0.6, 1.0, 1.2, double.NaN]));
    }

    [Fact]
    public void Health_InfiniteRatio_CountsAsExpanding()
    {
        Assert.Equal(0.5, Contraction.Health([0.5, double.PositiveInfinity]));
    }

    [Fact]
    public void Health_NoMeasuredRatio_IsOne()
    {
        Assert.Equal(1.0, Contraction.Health([]));
        Assert.Equal(1.0, Contraction.Health([double.NaN, double.NaN]));
    }

    [Fact]
    public void Headroom_ContractingRatios_IsOneMinusP95()
    {
        // P95 of [0.5, 0.6, 0.7, 0.8]: h = 2.85 → 0.7 + 0.85·0.1 = 0.785
        Assert.Equal(0.215, Contraction.Headroom([0.8, 0.5, 0.7, 0.6], new double[4]), 12);
    }

    [Fact]
    public void Headroom_NaNEntries_AreSkipped()
    {
        double[] ratios = [double.NaN, 0.5, 0.6, double.NaN, 0.7, 0.8];

        Assert.Equal(0.215, Contraction.Headroom(ratios, new double[6]), 12);
        Assert.True(double.IsNaN(ratios[0]));
    }

    [Fact]
    public void Headroom_ExpandingRatios_IsNegative()
    {
        // P95 of [1.5, 2.0]: 1.5 + 0.95·0.5 = 1.975
        Assert.Equal(-0.975, Contraction.Headroom([2.0, 1.5], new double[2]), 12);
    }

    [Fact]
    public void Headroom_NoMeasuredRatio_IsNaN()
    {
        Assert.True(double.IsNaN(Contraction.Headroom([], [])));
        Assert.True(double.IsNaN(Contraction.Headroom([double.NaN], new double[1])));
    }

    [Fact]
    public void Headroom_ScratchTooShort_ThrowsNamingBothLengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => Contraction.Headroom([0.1, 0.2, 0.3], new double[2]));

        Assert.Contains("scratch has 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ratios has 3", ex.Message, StringComparison.Ordinal);
    }
}
