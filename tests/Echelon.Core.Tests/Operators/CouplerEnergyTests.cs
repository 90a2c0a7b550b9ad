using Echelon.Core.Geometry;
using Echelon.Core.Numerics;
using Echelon.Core.Operators;
using Echelon.Testing;

namespace Echelon.Core.Tests.Operators;

/// <summary>
/// φ(x, y) = ½ (x − P y)ᵀ S (x − P y): energy against a dense hand computation, both gradients
/// against central finite differences, for the diagonal and the diagonal-plus-low-rank metric.
/// </summary>
public sealed class CouplerEnergyTests
{
    private const int FastSize = 16;
    private const int SlowSize = 6;

    public static TheoryData<string> Metrics => new() { "diagonal", "low-rank" };

    [Theory]
    [MemberData(nameof(Metrics))]
    public void Energy_EqualsDenseQuadraticForm(string metricKind)
    {
        (CouplerEnergy coupler, DenseMatrix p, DenseMatrix s) = Create(metricKind, 1);
        for (int trial = 0; trial < 20; trial++)
        {
            double[] x = RandomVector(FastSize, 100 + (ulong)trial);
            double[] y = RandomVector(SlowSize, 200 + (ulong)trial);

            double expected = DenseEnergy(p, s, x, y);

            Assert.Equal(expected, coupler.Energy(x, y), 1e-12 * Math.Max(1.0, expected));
            Assert.True(coupler.Energy(x, y) >= 0.0);
        }
    }

    [Theory]
    [MemberData(nameof(Metrics))]
    public void Gradients_MatchCentralFiniteDifferences(string metricKind)
    {
        const double H = 1e-6;
        (CouplerEnergy coupler, _, _) = Create(metricKind, 2);
        double[] x = RandomVector(FastSize, 3);
        double[] y = RandomVector(SlowSize, 4);
        var gx = new double[FastSize];
        var gy = new double[SlowSize];

        coupler.GradientFast(x, y, gx);
        coupler.GradientSlow(x, y, gy);

        var fdx = new double[FastSize];
        for (int i = 0; i < FastSize; i++)
        {
            double keep = x[i];
            x[i] = keep + H;
            double plus = coupler.Energy(x, y);
            x[i] = keep - H;
            double minus = coupler.Energy(x, y);
            x[i] = keep;
            fdx[i] = (plus - minus) / (2 * H);
        }

        var fdy = new double[SlowSize];
        for (int j = 0; j < SlowSize; j++)
        {
            double keep = y[j];
            y[j] = keep + H;
            double plus = coupler.Energy(x, y);
            y[j] = keep - H;
            double minus = coupler.Energy(x, y);
            y[j] = keep;
            fdy[j] = (plus - minus) / (2 * H);
        }

        Assert.True(RelativeError(gx, fdx) <= 1e-6, $"∇ₓφ relative error {RelativeError(gx, fdx):g3}");
        Assert.True(RelativeError(gy, fdy) <= 1e-6, $"∇_yφ relative error {RelativeError(gy, fdy):g3}");
    }

    [Theory]
    [MemberData(nameof(Metrics))]
    public void Gradients_EqualClosedForms(string metricKind)
    {
        (CouplerEnergy coupler, DenseMatrix p, DenseMatrix s) = Create(metricKind, 5);
        double[] x = RandomVector(FastSize, 6);
        double[] y = RandomVector(SlowSize, 7);
        var gx = new double[FastSize];
        var gy = new double[SlowSize];

        coupler.GradientFast(x, y, gx);
        coupler.GradientSlow(x, y, gy);

        double[] r = Residual(p, x, y);
        var sr = new double[FastSize];
        s.Multiply(r, sr);
        var expectedGy = new double[SlowSize];
        p.MultiplyTransposed(sr, expectedGy);
        for (int i = 0; i < FastSize; i++)
        {
            Assert.Equal(sr[i], gx[i], 1e-12);
        }

        for (int j = 0; j < SlowSize; j++)
        {
            Assert.Equal(-expectedGy[j], gy[j], 1e-12);
        }
    }

    [Fact]
    public void Energy_AtTheSlowAttractor_IsZero()
    {
        (CouplerEnergy coupler, DenseMatrix p, _) = Create("low-rank", 8);
        double[] y = RandomVector(SlowSize, 9);
        var x = new double[FastSize];
        p.Multiply(y, x);
        var gx = new double[FastSize];
        var gy = new double[SlowSize];

        coupler.GradientFast(x, y, gx);
        coupler.GradientSlow(x, y, gy);

        Assert.Equal(0.0, coupler.Energy(x, y));
        Assert.All(gx, g => Assert.Equal(0.0, g));
        Assert.All(gy, g => Assert.Equal(0.0, g, 15));
    }

    [Theory]
    [MemberData(nameof(Metrics))]
    public void HotPaths_AfterWarmUp_AllocateNothing(string metricKind)
    {
        (CouplerEnergy coupler, _, _) = Create(metricKind, 10);
        double[] x = RandomVector(FastSize, 11);
        double[] y = RandomVector(SlowSize, 12);
        var gx = new double[FastSize];
        var gy = new double[SlowSize];
        double sink = coupler.Energy(x, y);
        coupler.GradientFast(x, y, gx);
        coupler.GradientSlow(x, y, gy);

        long bytes = AllocationProbe.SteadyStateBytes(
            () =>
            {
                sink += coupler.Energy(x, y);
                coupler.GradientFast(x, y, gx);
                coupler.GradientSlow(x, y, gy);
            },
            warmUp: 0,
            iterations: 1000);

        Assert.Equal(0, bytes);
        Assert.True(double.IsFinite(sink));
    }

    [Fact]
    public void WrongSizes_ThrowNamingExpectedAndActual()
    {
        (CouplerEnergy coupler, _, _) = Create("diagonal", 13);
        var x = new double[FastSize];
        var y = new double[SlowSize];

        AssertWrongSize("x", FastSize, FastSize + 1, () => coupler.Energy(new double[FastSize + 1], y));
        AssertWrongSize("y", SlowSize, SlowSize - 1, () => coupler.Energy(x, new double[SlowSize - 1]));
        AssertWrongSize("x", FastSize, 3, () => coupler.GradientFast(new double[3], y, new double[FastSize]));
        AssertWrongSize("y", SlowSize, 0, () => coupler.GradientSlow(x, [], new double[SlowSize]));
    }

    [Fact]
    public void Constructor_MetricOfWrongDimension_ThrowsNamingBoth()
    {
        var p = new DenseMatrix(FastSize, SlowSize);

        ArgumentException e = Assert.Throws<ArgumentException>(() => new CouplerEnergy(p, DiagonalMetric.Identity(FastSize - 2)));

        Assert.Equal("metric", e.ParamName);
        Assert.Contains($"{FastSize - 2}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{FastSize}", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new CouplerEnergy(null!, DiagonalMetric.Identity(FastSize)));
        Assert.Throws<ArgumentNullException>(() => new CouplerEnergy(p, null!));
    }

    [Fact]
    public void Sizes_AreReported()
    {
        (CouplerEnergy coupler, _, _) = Create("diagonal", 14);

        Assert.Equal(FastSize, coupler.FastSize);
        Assert.Equal(SlowSize, coupler.SlowSize);
    }

    /// <summary>The coupler, its projection P and its metric S as a dense matrix (the reference twin).</summary>
    private static (CouplerEnergy Coupler, DenseMatrix P, DenseMatrix S) Create(string metricKind, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var p = new DenseMatrix(FastSize, SlowSize);
        random.FillGaussian(p.Data, 0.5);
        var raw = new double[FastSize];
        random.FillGaussian(raw, 1.0);

        IMetric metric;
        DenseMatrix dense;
        if (metricKind == "diagonal")
        {
            var diagonal = new DiagonalMetric(raw, 0.25, 4.0);
            dense = new DenseMatrix(FastSize, FastSize);
            for (int i = 0; i < FastSize; i++)
            {
                dense[i, i] = diagonal.Values[i];
            }

            metric = diagonal;
        }
        else
        {
            var factor = new DenseMatrix(FastSize, 3);
            random.FillGaussian(factor.Data, 0.5);
            var lowRank = new LowRankMetric(raw, factor, 0.25, 4.0, 2.0);
            DenseMatrix v = lowRank.Factor;
            dense = v.Times(v.Transpose());
            for (int i = 0; i < FastSize; i++)
            {
                dense[i, i] += lowRank.Diagonal[i];
            }

            metric = lowRank;
        }

        return (new CouplerEnergy(p, metric), p, dense);
    }

    private static double DenseEnergy(DenseMatrix p, DenseMatrix s, double[] x, double[] y)
    {
        double[] r = Residual(p, x, y);
        double sum = 0.0;
        for (int i = 0; i < r.Length; i++)
        {
            for (int j = 0; j < r.Length; j++)
            {
                sum += r[i] * s[i, j] * r[j];
            }
        }

        return 0.5 * sum;
    }

    /// <summary>x − P y with plain loops.</summary>
    private static double[] Residual(DenseMatrix p, double[] x, double[] y)
    {
        var r = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double py = 0.0;
            for (int j = 0; j < y.Length; j++)
            {
                py += p[i, j] * y[j];
            }

            r[i] = x[i] - py;
        }

        return r;
    }

    private static double RelativeError(double[] actual, double[] expected)
    {
        double diff = 0.0;
        double norm = 0.0;
        for (int i = 0; i < actual.Length; i++)
        {
            diff += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            norm += expected[i] * expected[i];
        }

        return Math.Sqrt(diff / norm);
    }

    private static double[] RandomVector(int n, ulong seed)
    {
        var v = new double[n];
        new DeterministicRandom(seed).FillGaussian(v, 1.0);
        return v;
    }

    private static void AssertWrongSize(string name, int expected, int actual, Action action)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(action);
        Assert.Equal(name, e.ParamName);
        Assert.Contains($"expected {expected}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{actual} values", e.Message, StringComparison.Ordinal);
    }
}
