using Echelon.Core.Geometry;
using Echelon.Core.Numerics;

namespace Echelon.Core.Tests.Geometry;

/// <summary>
/// The diagonal metric and the step field are bounded by construction (softplus then clamp), so any
/// raw value a learner or a corrupt checkpoint hands in, ±∞ and NaN included, lands in [min, max].
/// </summary>
public sealed class DiagonalGeometryTests
{
    private const double Min = 0.25;
    private const double Max = 4.0;

    private static readonly double[] s_extremeRaw =
    [
        1e6, -1e6, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
        0.0, 1.0, -1.0, 29.9, 30.0, 30.1, 1e300, -1e300, double.MaxValue, double.Epsilon,
    ];

    public static TheoryData<string, Func<double[], double, double, double[]>> Builders => new()
    {
        { "DiagonalMetric", (raw, min, max) => new DiagonalMetric(raw, min, max).Values.ToArray() },
        { "StepField", (raw, min, max) => new StepField(raw, min, max).Values.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Builders))]
    public void Values_ExtremeRaw_StayWithinBounds(string name, Func<double[], double, double, double[]> build)
    {
        double[] values = build(s_extremeRaw, Min, Max);

        Assert.Equal(s_extremeRaw.Length, values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.True(values[i] >= Min && values[i] <= Max, $"{name}: raw {s_extremeRaw[i]} mapped to {values[i]}");
        }

        Assert.Equal(Max, values[0]);                                  // 1e6
        Assert.Equal(Min, values[1]);                                  // −1e6
        Assert.Equal(Max, values[2]);                                  // +∞
        Assert.Equal(Min, values[3]);                                  // −∞
        Assert.Equal(Min, values[4]);                                  // NaN → min
        Assert.Equal(Math.Log(2.0), values[5], 15);                    // softplus(0)
        Assert.Equal(Math.Log(1.0 + Math.E), values[6], 15);           // softplus(1)
        Assert.Equal(Math.Log(1.0 + Math.Exp(-1.0)), values[7], 15);   // softplus(−1) = 0.313…, inside
        Assert.Equal(Max, values[8]);                                  // 29.9, either side of the
        Assert.Equal(Max, values[9]);                                  // softplus branch at 30
        Assert.Equal(Max, values[10]);
        Assert.Equal(Max, values[11]);                                 // 1e300
        Assert.Equal(Min, values[12]);                                 // −1e300
        Assert.Equal(Max, values[13]);                                 // double.MaxValue
        Assert.Equal(Math.Log(2.0), values[14], 15);                   // ε
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(0.7)]
    [InlineData(1.2)]
    public void Values_InsideBounds_AreSoftplus(double raw)
    {
        double expected = Math.Log(1.0 + Math.Exp(raw));
        var metric = new DiagonalMetric([raw], 1e-3, 1e3);
        var field = new StepField([raw], 1e-3, 1e3);

        Assert.Equal(expected, metric.Values[0], 15);
        Assert.Equal(expected, field.Values[0], 15);
    }

    [Fact]
    public void Map_NaN_IsMin_AndInfinities_AreTheBounds()
    {
        Assert.Equal(0.5, BoundedSoftplus.Map(double.NaN, 0.5, 2.0));
        Assert.Equal(2.0, BoundedSoftplus.Map(double.PositiveInfinity, 0.5, 2.0));
        Assert.Equal(0.5, BoundedSoftplus.Map(double.NegativeInfinity, 0.5, 2.0));
        Assert.Equal(1.5, BoundedSoftplus.Map(BoundedSoftplus.InverseSoftplus(1.5), 0.5, 2.0), 14);
    }

    [Theory]
    [InlineData(-10.0)]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(1e-3)]
    [InlineData(2.5)]
    [InlineData(29.999)]
    [InlineData(30.0)]
    [InlineData(30.001)]
    [InlineData(100.0)]
    [InlineData(1e6)]
    public void InverseSoftplus_OfSoftplus_IsIdentity(double x)
    {
        double y = BoundedSoftplus.Softplus(x);

        Assert.True(y > 0.0);
        Assert.Equal(x, BoundedSoftplus.InverseSoftplus(y), 1e-9 * Math.Max(1.0, Math.Abs(x)));
    }

    [Theory]
    [InlineData(-30.0)]
    [InlineData(-40.0)]
    public void Softplus_VeryNegative_KeepsRelativeAccuracy_AndRoundTrips(double x)
    {
        double y = BoundedSoftplus.Softplus(x);

        // softplus(x) = eˣ (1 − eˣ/2 + …): for x ≤ −30 it equals eˣ to 1e-13 relative.
        Assert.Equal(Math.Exp(x), y, Math.Exp(x) * 1e-12);
        Assert.Equal(x, BoundedSoftplus.InverseSoftplus(y), 1e-9 * Math.Abs(x));
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(0.25)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    [InlineData(50.0)]
    public void Softplus_OfInverseSoftplus_IsIdentity(double y)
    {
        Assert.Equal(y, BoundedSoftplus.Softplus(BoundedSoftplus.InverseSoftplus(y)), 1e-9 * y);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void InverseSoftplus_NonPositive_Throws(double y)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BoundedSoftplus.InverseSoftplus(y));
    }

    [Fact]
    public void Softplus_IsMonotoneAndPositive()
    {
        double previous = 0.0;
        for (double x = -40.0; x <= 40.0; x += 0.25)
        {
            double y = BoundedSoftplus.Softplus(x);
            Assert.True(y > previous || (y == previous && y > 30.0) || x < -35.0, $"softplus({x}) = {y} after {previous}");
            Assert.True(y >= Math.Max(0.0, x));
            previous = y;
        }
    }

    [Theory]
    [InlineData(0.0, 1.0, "min")]
    [InlineData(-0.5, 1.0, "min")]
    [InlineData(double.NaN, 1.0, "min")]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity, "min")]
    [InlineData(1.0, 0.5, "max")]
    [InlineData(1.0, double.NaN, "max")]
    [InlineData(1.0, double.PositiveInfinity, "max")]
    public void Constructors_InvalidBounds_ThrowNamingTheBound(double min, double max, string parameter)
    {
        double[] raw = [0.0, 1.0];

        ArgumentOutOfRangeException metric = Assert.Throws<ArgumentOutOfRangeException>(() => new DiagonalMetric(raw, min, max));
        ArgumentOutOfRangeException field = Assert.Throws<ArgumentOutOfRangeException>(() => new StepField(raw, min, max));

        Assert.Equal(parameter, metric.ParamName);
        Assert.Equal(parameter, field.ParamName);
    }

    [Fact]
    public void Constructors_EqualBounds_GiveConstantValues()
    {
        var metric = new DiagonalMetric(s_extremeRaw, 2.0, 2.0);

        Assert.All(metric.Values.ToArray(), v => Assert.Equal(2.0, v));
    }

    [Fact]
    public void Identity_And_Uniform_AreOnes()
    {
        var identity = DiagonalMetric.Identity(6);
        var uniform = StepField.Uniform(6);

        Assert.Equal(6, identity.Dimension);
        Assert.Equal(6, uniform.Dimension);
        Assert.All(identity.Values.ToArray(), v => Assert.Equal(1.0, v, 14));
        Assert.All(uniform.Values.ToArray(), v => Assert.Equal(1.0, v, 14));
        Assert.Equal(0.25, uniform.Min);
        Assert.Equal(4.0, uniform.Max);
    }

    [Fact]
    public void DiagonalMetric_ApplySolveSquaredNorm_MatchDiagonalFormulas()
    {
        var raw = new double[9];
        new DeterministicRandom(3).FillGaussian(raw, 1.5);
        var metric = new DiagonalMetric(raw, Min, Max);
        double[] x = [1.0, -2.0, 0.5, 0.0, 3.0, -1.0, 0.25, 7.0, -0.1];
        var applied = new double[9];
        var solved = new double[9];

        metric.Apply(x, applied);
        metric.Solve(x, solved);
        double squaredNorm = metric.SquaredNorm(x);

        double expectedNorm = 0.0;
        for (int i = 0; i < 9; i++)
        {
            double d = metric.Values[i];
            Assert.Equal(d * x[i], applied[i], 14);
            Assert.Equal(x[i] / d, solved[i], 14);
            expectedNorm += d * x[i] * x[i];
        }

        Assert.Equal(expectedNorm, squaredNorm, 12);
        Assert.Equal(Min, metric.Min);
        Assert.Equal(Max, metric.Max);
    }

    [Fact]
    public void Values_DoNotTrackLaterEditsToRaw()
    {
        double[] raw = [0.0, 0.0];
        var metric = new DiagonalMetric(raw, Min, Max);

        raw[0] = 100.0;

        Assert.Equal(Math.Log(2.0), metric.Values[0], 15);
    }
}
