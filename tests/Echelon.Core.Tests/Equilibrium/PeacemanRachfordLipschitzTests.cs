using Echelon.Core.Equilibrium;
using Echelon.Core.Numerics;
using Echelon.Core.Operators;

namespace Echelon.Core.Tests.Equilibrium;

/// <summary>
/// DESIGN §3: "Verify ‖∂T/∂z‖ ≤ 1 numerically". The splitting is nonexpansive in the S⁻¹-weighted
/// norm ‖v‖²_{S⁻¹} = Σ v_i² / s_i with s_i = α·σ_i / D_i: the reflected resolvent of the linear part,
/// the reflected prox, their composition T, and T's finite-difference Jacobian are all checked there,
/// with non-trivial geometry so that the weighting matters.
/// </summary>
public sealed class PeacemanRachfordLipschitzTests
{
    private const double Slack = 1e-3;
    private const int Pairs = 200;

    public static TheoryData<int, ProxKind> Cases
    {
        get
        {
            var data = new TheoryData<int, ProxKind>();
            foreach (int d in new[] { 16, 64 })
            {
                foreach (ProxKind kind in Enum.GetValues<ProxKind>())
                {
                    data.Add(d, kind);
                }
            }

            return data;
        }
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    public void ReflectedResolvent_OfLinearPart_IsNonexpansiveInWeightedNorm(int d)
    {
        HandBuiltSplitting split = Build(d, ProxKind.NonNegative);
        double worst = 0.0;

        for (int trial = 0; trial < Pairs; trial++)
        {
            (double[] x, double[] y) = RandomPair(d, trial);
            double ratio = LimRpsTestKit.WeightedDistance(split.ReflectA(x), split.ReflectA(y), split.Steps)
                / LimRpsTestKit.WeightedDistance(x, y, split.Steps);
            worst = Math.Max(worst, ratio);
        }

        Assert.True(worst <= 1.0 + Slack, $"worst ratio {worst}");
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    public void ReflectedResolvent_OfLinearPart_IsAStrictContractionInWeightedNorm(int d)
    {
        // L is strongly monotone (m + λ > 0), so the reflected resolvent contracts strictly: this is
        // where the per-frame contraction ratio of the solver comes from.
        HandBuiltSplitting split = Build(d, ProxKind.None);
        DenseMatrix reflection = LinearJacobian(split.ReflectA, d);

        double weighted = SpectralNorm.Estimate(Weighted(reflection, split.Steps), 2000, 1);

        Assert.InRange(weighted, 0.5, 0.99);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PeacemanRachfordOperator_RandomPairs_IsNonexpansiveInWeightedNorm(int d, ProxKind kind)
    {
        HandBuiltSplitting split = Build(d, kind);
        double worstSolverOrder = 0.0;
        double worstOtherOrder = 0.0;
        double worstProx = 0.0;

        for (int trial = 0; trial < Pairs; trial++)
        {
            (double[] x, double[] y) = RandomPair(d, trial);
            double distance = LimRpsTestKit.WeightedDistance(x, y, split.Steps);
            worstSolverOrder = Math.Max(worstSolverOrder, LimRpsTestKit.WeightedDistance(split.SolverOrder(x), split.SolverOrder(y), split.Steps) / distance);
            worstOtherOrder = Math.Max(worstOtherOrder, LimRpsTestKit.WeightedDistance(split.OtherOrder(x), split.OtherOrder(y), split.Steps) / distance);
            worstProx = Math.Max(worstProx, LimRpsTestKit.WeightedDistance(split.ReflectProx(x), split.ReflectProx(y), split.Steps) / distance);
        }

        Assert.True(worstSolverOrder <= 1.0 + Slack, $"(2R_A − I)(2 prox − I): {worstSolverOrder}");
        Assert.True(worstOtherOrder <= 1.0 + Slack, $"(2 prox − I)(2R_A − I): {worstOtherOrder}");
        Assert.True(worstProx <= 1.0 + Slack, $"2 prox − I: {worstProx}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PeacemanRachfordOperator_FiniteDifferenceJacobian_HasWeightedNormAtMostOne(int d, ProxKind kind)
    {
        HandBuiltSplitting split = Build(d, kind);
        double[] point = PointAwayFromKinks(d, kind, split.Steps);

        DenseMatrix jacobian = FiniteDifferenceJacobian(split.SolverOrder, point);

        // T is piecewise affine: away from the kinks ∂T/∂a = (2(I + SL)⁻¹ − I) · diag(2 prox'(a) − 1).
        DenseMatrix reflection = LinearJacobian(split.ReflectA, d);
        int switchedOff = 0;
        for (int col = 0; col < d; col++)
        {
            double slope = ProxSlope(kind, point[col], split.Steps[col]);
            switchedOff += slope == 0.0 ? 1 : 0;
            for (int row = 0; row < d; row++)
            {
                Assert.Equal(reflection[row, col] * ((2.0 * slope) - 1.0), jacobian[row, col], 1e-6);
            }
        }

        if (kind != ProxKind.None)
        {
            Assert.InRange(switchedOff, 1, d - 1);
        }

        double weightedNorm = SpectralNorm.Estimate(Weighted(jacobian, split.Steps), 2000, 3);

        Assert.True(weightedNorm <= 1.0 + Slack, $"‖∂T/∂a‖_S⁻¹ = {weightedNorm}");
        Assert.True(weightedNorm > 0.1, $"‖∂T/∂a‖_S⁻¹ = {weightedNorm} is implausibly small");
    }

    [Fact]
    public void PeacemanRachfordOperator_HandBuilt_HasTheSolversEquilibriumAsFixedPoint()
    {
        // Ties the hand-built T used above to the solver: iterating it lands on the solver's z*.
        LimRpsParameters p = LimRpsTestKit.CreateWithGeometry(16, 32, 40, ProxKind.SoftThreshold);
        p.Tolerance = 1e-13;
        p.MaxIterations = 1000;
        double[] input = LimRpsTestKit.RandomVector(32, 41);
        var solver = new LimRpsSolver(p);
        Assert.True(solver.Step(input).Converged);

        var split = new HandBuiltSplitting(p, LimRpsTestKit.Constant(p, input, new double[16], null));
        var a = new double[16];
        for (int k = 0; k < 2000; k++)
        {
            a = split.SolverOrder(a);
        }

        Assert.True(LimRpsTestKit.MaxAbsDifference(split.Prox(a), solver.State) <= 1e-9);
    }

    private static HandBuiltSplitting Build(int d, ProxKind kind)
    {
        LimRpsParameters p = LimRpsTestKit.CreateWithGeometry(d, 2 * d, 30 + (ulong)d, kind);
        double[] c = LimRpsTestKit.Constant(p, LimRpsTestKit.RandomVector(2 * d, 31), LimRpsTestKit.RandomVector(d, 32, 0.3), LimRpsTestKit.RandomVector(d, 33, 0.3));
        var split = new HandBuiltSplitting(p, c);

        // The geometry must actually be uneven, or the weighted norm is just a scaled Euclidean one.
        double min = split.Steps.Min();
        double max = split.Steps.Max();
        Assert.True(max / min > 3.0, $"steps span only {min:g3}..{max:g3}");
        return split;
    }

    private static (double[] X, double[] Y) RandomPair(int d, int trial)
    {
        double[] x = LimRpsTestKit.RandomVector(d, 10_000 + (ulong)trial, 0.5);
        double[] y = LimRpsTestKit.RandomVector(d, 20_000 + (ulong)trial, 0.5);

        // Every third pair is close, so the local (Jacobian-scale) behaviour is sampled too.
        if (trial % 3 == 0)
        {
            for (int i = 0; i < d; i++)
            {
                y[i] = x[i] + (1e-3 * (y[i] - x[i]));
            }
        }

        return (x, y);
    }

    private static double[] PointAwayFromKinks(int d, ProxKind kind, double[] steps)
    {
        double[] point = LimRpsTestKit.RandomVector(d, 50, 0.5);
        for (int i = 0; i < d; i++)
        {
            // Every fourth coordinate sits where the prox is flat, so both slopes are exercised.
            if (i % 4 == 0)
            {
                point[i] = kind switch
                {
                    ProxKind.NonNegative => -0.2,
                    ProxKind.SoftThreshold => 0.2 * steps[i] * LimRpsTestKit.SoftThreshold,
                    ProxKind.Box => 0.8,
                    _ => point[i],
                };
            }

            double[] kinks = kind switch
            {
                ProxKind.NonNegative => [0.0],
                ProxKind.SoftThreshold => [-steps[i] * LimRpsTestKit.SoftThreshold, steps[i] * LimRpsTestKit.SoftThreshold],
                ProxKind.Box => [LimRpsTestKit.BoxLower, LimRpsTestKit.BoxUpper],
                _ => [],
            };
            foreach (double kink in kinks)
            {
                if (Math.Abs(point[i] - kink) < 1e-3)
                {
                    point[i] = kink + 1e-2;
                }
            }
        }

        return point;
    }

    private static double ProxSlope(ProxKind kind, double a, double step) => kind switch
    {
        ProxKind.None => 1.0,
        ProxKind.NonNegative => a > 0.0 ? 1.0 : 0.0,
        ProxKind.SoftThreshold => Math.Abs(a) > step * LimRpsTestKit.SoftThreshold ? 1.0 : 0.0,
        ProxKind.Box => a > LimRpsTestKit.BoxLower && a < LimRpsTestKit.BoxUpper ? 1.0 : 0.0,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static DenseMatrix FiniteDifferenceJacobian(Func<double[], double[]> map, double[] point)
    {
        const double H = 1e-6;
        int d = point.Length;
        var j = new DenseMatrix(d, d);
        for (int col = 0; col < d; col++)
        {
            double[] plus = (double[])point.Clone();
            double[] minus = (double[])point.Clone();
            plus[col] += H;
            minus[col] -= H;
            double[] fPlus = map(plus);
            double[] fMinus = map(minus);
            for (int row = 0; row < d; row++)
            {
                j[row, col] = (fPlus[row] - fMinus[row]) / (2.0 * H);
            }
        }

        return j;
    }

    /// <summary>The matrix of an affine map, read off column by column as f(e_j) − f(0).</summary>
    private static DenseMatrix LinearJacobian(Func<double[], double[]> map, int d)
    {
        double[] origin = map(new double[d]);
        var j = new DenseMatrix(d, d);
        for (int col = 0; col < d; col++)
        {
            var e = new double[d];
            e[col] = 1.0;
            double[] image = map(e);
            for (int row = 0; row < d; row++)
            {
                j[row, col] = image[row] - origin[row];
            }
        }

        return j;
    }

    /// <summary>
    /// W^{1/2} J W^{−1/2} with W = S⁻¹: its Euclidean norm is J's operator norm in ‖·‖_{S⁻¹}.
    /// </summary>
    private static DenseMatrix Weighted(DenseMatrix j, double[] steps)
    {
        var m = new DenseMatrix(j.Rows, j.Cols);
        for (int row = 0; row < j.Rows; row++)
        {
            for (int col = 0; col < j.Cols; col++)
            {
                m[row, col] = j[row, col] * Math.Sqrt(steps[col] / steps[row]);
            }
        }

        return m;
    }
}
