using Echelon.Core.Geometry;
using Echelon.Core.Numerics;
using Echelon.Testing;

namespace Echelon.Core.Tests.Geometry;

public sealed class LowRankMetricTests
{
    private const double MinDiagonal = 0.1;
    private const double MaxDiagonal = 10.0;
    private const double MaxFactorNorm = 3.0;

    public static TheoryData<int, int, ulong> Shapes => new()
    {
        { 64, 4, 1UL },
        { 16, 1, 2UL },
        { 8, 8, 3UL },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Apply_MatchesDenseProduct(int d, int r, ulong seed)
    {
        LowRankMetric metric = CreateRandom(d, r, seed);
        DenseMatrix dense = ToDense(metric);
        double[] x = RandomVector(d, seed + 100);
        var expected = new double[d];
        var actual = new double[d];

        dense.Multiply(x, expected);
        metric.Apply(x, actual);

        AssertClose(expected, actual, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Solve_MatchesDenseInverse(int d, int r, ulong seed)
    {
        LowRankMetric metric = CreateRandom(d, r, seed);
        DenseMatrix inverse = ToDense(metric).Inverse();
        double[] b = RandomVector(d, seed + 200);
        var expected = new double[d];
        var actual = new double[d];

        inverse.Multiply(b, expected);
        metric.Solve(b, actual);

        AssertClose(expected, actual, 1e-10);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Solve_AfterApply_RecoversInput(int d, int r, ulong seed)
    {
        LowRankMetric metric = CreateRandom(d, r, seed);
        double[] x = RandomVector(d, seed + 300);
        var mx = new double[d];
        var back = new double[d];

        metric.Apply(x, mx);
        metric.Solve(mx, back);

        AssertClose(x, back, 1e-12);
    }

    [Fact]
    public void Apply_And_Solve_InPlace_MatchOutOfPlace()
    {
        LowRankMetric metric = CreateRandom(32, 3, 7UL);
        double[] x = RandomVector(32, 8UL);
        var applied = new double[32];
        var solved = new double[32];
        metric.Apply(x, applied);
        metric.Solve(x, solved);

        double[] inPlace = (double[])x.Clone();
        metric.Apply(inPlace, inPlace);
        Assert.Equal(applied, inPlace);

        inPlace = (double[])x.Clone();
        metric.Solve(inPlace, inPlace);
        Assert.Equal(solved, inPlace);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SquaredNorm_EqualsQuadraticForm_AndRespectsEigenvalueBounds(int d, int r, ulong seed)
    {
        LowRankMetric metric = CreateRandom(d, r, seed);
        var mx = new double[d];
        for (int trial = 0; trial < 50; trial++)
        {
            double[] x = RandomVector(d, (seed * 1000UL) + (ulong)trial);
            metric.Apply(x, mx);
            double quadratic = Vec.Dot(x, mx);
            double squaredNorm = metric.SquaredNorm(x);
            double xx = Vec.Dot(x, x);

            Assert.Equal(quadratic, squaredNorm, 1e-12 * Math.Max(1.0, quadratic));
            Assert.True(squaredNorm >= MinDiagonal * xx, $"xᵀMx = {squaredNorm} < minDiagonal·‖x‖² = {MinDiagonal * xx}");
            Assert.True(squaredNorm >= metric.MinEigenvalueBound * xx * (1 - 1e-12));
            Assert.True(squaredNorm <= metric.MaxEigenvalueBound * xx * (1 + 1e-12));
        }

        Assert.True(metric.MinEigenvalueBound >= MinDiagonal);
        Assert.True(metric.MaxEigenvalueBound <= MaxDiagonal + (MaxFactorNorm * MaxFactorNorm) + 1e-12);
    }

    [Fact]
    public void Constructor_ExtremeRawParameters_ClampDiagonalIntoBounds()
    {
        double[] raw = [1e6, -1e6, 0.0, 40.0, -40.0, 1e300, -1e300, 1.0];
        var factor = new DenseMatrix(raw.Length, 2);
        RandomVector(raw.Length * 2, 9UL).CopyTo(factor.Data);

        var metric = new LowRankMetric(raw, factor, MinDiagonal, MaxDiagonal, MaxFactorNorm);

        foreach (double v in metric.Diagonal)
        {
            Assert.InRange(v, MinDiagonal, MaxDiagonal);
        }

        Assert.Equal(MaxDiagonal, metric.Diagonal[0]);
        Assert.Equal(MinDiagonal, metric.Diagonal[1]);
        Assert.Equal(Math.Log(2.0), metric.Diagonal[2], 1e-15);
        Assert.Equal(MaxDiagonal, metric.Diagonal[5]);
        Assert.Equal(MinDiagonal, metric.Diagonal[6]);
        Assert.Equal(Math.Log(1.0 + Math.E), metric.Diagonal[7], 1e-15);
        Assert.Equal(MinDiagonal, metric.MinEigenvalueBound);
    }

    [Fact]
    public void Constructor_LargeFactor_IsScaledToMaxNorm_WithoutTouchingCallersMatrix()
    {
        var factor = new DenseMatrix(16, 2);
        RandomVector(32, 10UL).CopyTo(factor.Data);
        Vec.Scale(factor.Data, 100.0, factor.Data);
        double[] original = factor.Data.ToArray();

        var metric = new LowRankMetric(new double[16], factor, MinDiagonal, MaxDiagonal, MaxFactorNorm);

        Assert.Equal(original, factor.Data.ToArray());
        Assert.Equal(MaxFactorNorm, Vec.Norm(metric.Factor.Data), 1e-12);
        Assert.Equal(MaxFactorNorm, metric.FactorNorm, 1e-12);

        // Same direction: the cap scales, it does not distort.
        double ratio = metric.Factor[0, 0] / original[0];
        for (int i = 0; i < original.Length; i++)
        {
            Assert.Equal(original[i] * ratio, metric.Factor.Data[i], 1e-12);
        }
    }

    [Fact]
    public void Constructor_HugeFiniteFactor_IsScaledWithoutOverflow()
    {
        var factor = new DenseMatrix(4, 1, [1e300, -1e300, 1e300, 0.0]);

        var metric = new LowRankMetric(new double[4], factor, MinDiagonal, MaxDiagonal, MaxFactorNorm);

        Assert.Equal(MaxFactorNorm, metric.FactorNorm, 1e-12);
        Assert.True(Vec.AllFinite(metric.Factor.Data));
        Assert.True(double.IsFinite(metric.MaxEigenvalueBound));
    }

    [Fact]
    public void Constructor_SmallFactor_IsKept()
    {
        var factor = new DenseMatrix(4, 2, [0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0.7, 0.8]);

        var metric = new LowRankMetric(new double[4], factor, MinDiagonal, MaxDiagonal, MaxFactorNorm);

        Assert.Equal(factor.Data.ToArray(), metric.Factor.Data.ToArray());
        Assert.Equal(2, metric.Rank);
        Assert.Equal(4, metric.Dimension);
    }

    [Fact]
    public void Factor_ReturnsCopy()
    {
        LowRankMetric metric = CreateRandom(8, 2, 11UL);
        double[] x = RandomVector(8, 12UL);
        var before = new double[8];
        var after = new double[8];
        metric.Apply(x, before);

        metric.Factor.Data.Fill(1e6);
        metric.Apply(x, after);

        Assert.Equal(before, after);
    }

    [Fact]
    public void Constructor_BadBounds_ThrowNamingParameter()
    {
        var factor = new DenseMatrix(4, 1);
        double[] raw = new double[4];

        AssertThrowsNaming("minDiagonal", "0", () => new LowRankMetric(raw, factor, 0.0, 1.0, 1.0));
        AssertThrowsNaming("minDiagonal", "-1", () => new LowRankMetric(raw, factor, -1.0, 1.0, 1.0));
        AssertThrowsNaming("minDiagonal", "NaN", () => new LowRankMetric(raw, factor, double.NaN, 1.0, 1.0));
        AssertThrowsNaming("maxDiagonal", "0.5", () => new LowRankMetric(raw, factor, 1.0, 0.5, 1.0));
        AssertThrowsNaming("maxDiagonal", "Infinity", () => new LowRankMetric(raw, factor, 1.0, double.PositiveInfinity, 1.0));
        AssertThrowsNaming("maxFactorNorm", "-2", () => new LowRankMetric(raw, factor, 0.1, 1.0, -2.0));
        AssertThrowsNaming("maxFactorNorm", "NaN", () => new LowRankMetric(raw, factor, 0.1, 1.0, double.NaN));
    }

    [Fact]
    public void Constructor_BadShapesOrValues_ThrowNamingParameterAndIndex()
    {
        double[] raw = new double[4];

        AssertThrowsNaming("factor", "got 3", () => new LowRankMetric(raw, new DenseMatrix(3, 1), 0.1, 1.0, 1.0));
        AssertThrowsNaming("factor", "got 5", () => new LowRankMetric(raw, new DenseMatrix(4, 5), 0.1, 1.0, 1.0));
        AssertThrowsNaming("rawDiagonal", "empty", () => new LowRankMetric([], new DenseMatrix(1, 1), 0.1, 1.0, 1.0));
        Assert.Throws<ArgumentNullException>("factor", () => new LowRankMetric(raw, null!, 0.1, 1.0, 1.0));

        double[] badRaw = [0.0, 0.0, 0.0, double.NaN];
        AssertThrowsNaming("rawDiagonal", "rawDiagonal[3]", () => new LowRankMetric(badRaw, new DenseMatrix(4, 1), 0.1, 1.0, 1.0));

        var badFactor = new DenseMatrix(4, 2);
        badFactor[2, 1] = double.PositiveInfinity;
        AssertThrowsNaming("factor", "factor[2, 1]", () => new LowRankMetric(raw, badFactor, 0.1, 1.0, 1.0));
    }

    [Fact]
    public void Operations_WrongLengths_ThrowNamingExpectedAndActual()
    {
        LowRankMetric metric = CreateRandom(8, 2, 13UL);
        double[] right = new double[8];
        double[] wrong = new double[7];

        AssertThrowsNaming("x", "7", () => metric.Apply(wrong, right));
        AssertThrowsNaming("y", "8", () => metric.Apply(right, wrong));
        AssertThrowsNaming("b", "7", () => metric.Solve(wrong, right));
        AssertThrowsNaming("x", "8", () => metric.Solve(right, wrong));
        AssertThrowsNaming("x", "7", () => metric.SquaredNorm(wrong));
    }

    [Fact]
    public void HotPaths_AllocateNothing_AfterWarmUp()
    {
        LowRankMetric metric = CreateRandom(64, 4, 14UL);
        double[] x = RandomVector(64, 15UL);
        var y = new double[64];
        var z = new double[64];
        double sink = 0.0;
        long bytes = AllocationProbe.SteadyStateBytes(
            () =>
            {
                metric.Apply(x, y);
                metric.Solve(y, z);
                sink += metric.SquaredNorm(z);
            },
            warmUp: 10,
            iterations: 1000);

        Assert.Equal(0, bytes);
        Assert.True(double.IsFinite(sink));
    }

    private static LowRankMetric CreateRandom(int d, int r, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var raw = new double[d];
        random.FillGaussian(raw, 2.0);
        var factor = new DenseMatrix(d, r);
        random.FillGaussian(factor.Data, 1.0);
        return new LowRankMetric(raw, factor, MinDiagonal, MaxDiagonal, MaxFactorNorm);
    }

    /// <summary>The reference twin: D + V Vᵀ formed densely.</summary>
    private static DenseMatrix ToDense(LowRankMetric metric)
    {
        DenseMatrix v = metric.Factor;
        DenseMatrix m = v.Times(v.Transpose());
        for (int i = 0; i < metric.Dimension; i++)
        {
            m[i, i] += metric.Diagonal[i];
        }

        return m;
    }

    private static double[] RandomVector(int n, ulong seed)
    {
        var v = new double[n];
        new DeterministicRandom(seed).FillGaussian(v, 1.0);
        return v;
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double scale = Math.Max(1.0, Math.Abs(expected[i]));
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= tolerance * scale,
                $"index {i}: expected {expected[i]:R}, got {actual[i]:R} (tolerance {tolerance:g2})");
        }
    }

    private static void AssertThrowsNaming(string parameter, string messageFragment, Action action)
    {
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(action);
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(messageFragment, e.Message, StringComparison.Ordinal);
    }

    private static void AssertThrowsNaming(string parameter, string messageFragment, Func<object> action) =>
        AssertThrowsNaming(parameter, messageFragment, () => { _ = action(); });
}
