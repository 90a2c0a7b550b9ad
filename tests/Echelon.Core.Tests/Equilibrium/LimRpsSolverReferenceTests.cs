using Echelon.Core.Equilibrium;
using Echelon.Core.Numerics;

namespace Echelon.Core.Tests.Equilibrium;

/// <summary>
/// The fast path against its reference twin (STYLE habit 9): the preconditioned Peaceman–Rachford
/// solver, run to a tight tolerance, lands on the same equilibrium as the plain Euclidean
/// forward–backward iteration of <see cref="ReferenceSolver"/>, for every prox and with every term
/// of the inclusion switched on (geometry, temporal coupling, previous latent, external force).
/// </summary>
public sealed class LimRpsSolverReferenceTests
{
    private const double ReferenceTolerance = 1e-5;
    private const double InclusionTolerance = 1e-7;

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
    [MemberData(nameof(Cases))]
    public void Step_SecondFrameWithForce_EqualsReferenceSolution(int d, ProxKind kind)
    {
        Frame frame = SolveTwoFrames(d, kind);

        (double[] reference, _) = ReferenceSolver.Solve(frame.Parameters, frame.Input, frame.PreviousLatent, frame.Force);

        Assert.True(frame.Report.Accepted);
        Assert.True(frame.Report.Converged, $"PR did not converge in 1000 steps (residual {frame.Report.FinalResidual:g3}).");
        double error = LimRpsTestKit.MaxAbsDifference(frame.Latent, reference);
        Assert.True(error <= ReferenceTolerance, $"max |z_PR − z_ref| = {error:g3} for d = {d}, {kind}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_FirstFrameFromRest_EqualsReferenceSolution(int d, ProxKind kind)
    {
        LimRpsParameters p = CreateTight(d, kind);
        var solver = new LimRpsSolver(p);
        double[] input = LimRpsTestKit.RandomVector(2 * d, 101);

        SolveReport report = solver.Step(input);
        (double[] reference, _) = ReferenceSolver.Solve(p, input, new double[d], []);

        Assert.True(report.Converged);
        Assert.True(LimRpsTestKit.MaxAbsDifference(solver.State, reference) <= ReferenceTolerance);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_SecondFrameWithForce_SatisfiesTheInclusion(int d, ProxKind kind)
    {
        Frame frame = SolveTwoFrames(d, kind);
        DenseMatrix l = frame.Parameters.BuildLinearOperator();
        double[] c = LimRpsTestKit.Constant(frame.Parameters, frame.Input, frame.PreviousLatent, frame.Force);
        double[] z = frame.Latent;
        double[] r = LimRpsTestKit.Residual(l, z, c);

        // 0 ∈ r + ∂g(z), coordinate by coordinate.
        int atKink = 0;
        for (int i = 0; i < d; i++)
        {
            switch (kind)
            {
                case ProxKind.None:
                    AssertNear(0.0, r[i], i);
                    break;
                case ProxKind.NonNegative:
                    Assert.True(z[i] >= 0.0, $"z[{i}] = {z[i]} is negative");
                    if (z[i] == 0.0)
                    {
                        atKink++;
                        Assert.True(r[i] >= -InclusionTolerance, $"z[{i}] = 0 but r[{i}] = {r[i]:g3} < 0");
                    }
                    else
                    {
                        AssertNear(0.0, r[i], i);
                    }

                    break;
                case ProxKind.SoftThreshold:
                    if (z[i] == 0.0)
                    {
                        atKink++;
                        Assert.True(Math.Abs(r[i]) <= LimRpsTestKit.SoftThreshold + InclusionTolerance, $"z[{i}] = 0 but |r[{i}]| = {Math.Abs(r[i]):g3} > τ");
                    }
                    else
                    {
                        AssertNear(-LimRpsTestKit.SoftThreshold * Math.Sign(z[i]), r[i], i);
                    }

                    break;
                case ProxKind.Box:
                    Assert.InRange(z[i], LimRpsTestKit.BoxLower, LimRpsTestKit.BoxUpper);
                    if (z[i] == LimRpsTestKit.BoxLower)
                    {
                        atKink++;
                        Assert.True(r[i] >= -InclusionTolerance, $"z[{i}] at the lower corner but r[{i}] = {r[i]:g3} < 0");
                    }
                    else if (z[i] == LimRpsTestKit.BoxUpper)
                    {
                        atKink++;
                        Assert.True(r[i] <= InclusionTolerance, $"z[{i}] at the upper corner but r[{i}] = {r[i]:g3} > 0");
                    }
                    else
                    {
                        AssertNear(0.0, r[i], i);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"Unhandled prox {kind}.");
            }
        }

        // The case is only a test of the prox if the constraint binds somewhere and not everywhere.
        if (kind != ProxKind.None)
        {
            Assert.InRange(atKink, 1, d - 1);
        }
    }

    [Theory]
    [InlineData(0.5, WarmStart.Cold)]
    [InlineData(0.8, WarmStart.Previous)]
    [InlineData(1.0, WarmStart.Extrapolate)]
    public void Step_AnyRelaxationAndWarmStart_ReachesTheSameEquilibrium(double relaxation, WarmStart warmStart)
    {
        // The relaxation and the starting point change the path, never the fixed point.
        LimRpsParameters p = CreateTight(16, ProxKind.NonNegative);
        p.Relaxation = relaxation;
        p.WarmStart = warmStart;
        var solver = new LimRpsSolver(p);
        double[] previous = new double[16];
        for (int t = 0; t < 3; t++)
        {
            double[] input = LimRpsTestKit.RandomVector(32, 60 + (ulong)t);
            double[] force = LimRpsTestKit.RandomVector(16, 70 + (ulong)t, 0.3);

            Assert.True(solver.Step(input, force).Converged);
            (double[] reference, _) = ReferenceSolver.Solve(p, input, previous, force);

            Assert.True(LimRpsTestKit.MaxAbsDifference(solver.State, reference) <= ReferenceTolerance);
            previous = solver.State.ToArray();
        }
    }

    [Fact]
    public void Step_EmptyForce_IsBitIdenticalToZeroForce()
    {
        LimRpsParameters p = LimRpsTestKit.CreateWithGeometry(16, 32, 5, ProxKind.NonNegative);
        var withEmpty = new LimRpsSolver(p);
        var withZeros = new LimRpsSolver(p);
        var zeros = new double[16];

        for (int t = 0; t < 5; t++)
        {
            double[] input = LimRpsTestKit.RandomVector(32, 200 + (ulong)t);
            withEmpty.Step(input);
            withZeros.Step(input, zeros);
            Assert.Equal(LimRpsTestKit.Bits(withZeros.State), LimRpsTestKit.Bits(withEmpty.State));
        }
    }

    [Fact]
    public void Step_ForceAlongACoordinate_PushesThatCoordinateDown()
    {
        // F_ext enters with a minus sign in c: a positive force lowers the unconstrained latent by L⁻¹F.
        LimRpsParameters p = LimRpsTestKit.CreateWithGeometry(16, 32, 6, ProxKind.None);
        p.Tolerance = 1e-12;
        p.MaxIterations = 1000;
        double[] input = LimRpsTestKit.RandomVector(32, 7);
        var free = new LimRpsSolver(p);
        var pushed = new LimRpsSolver(p);
        var force = new double[16];
        force[3] = 1.0;

        free.Step(input);
        pushed.Step(input, force);

        DenseMatrix inverse = p.BuildLinearOperator().Inverse();
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(-inverse[i, 3], pushed.State[i] - free.State[i], 1e-8);
        }

        Assert.True(pushed.State[3] < free.State[3]);
    }

    private static LimRpsParameters CreateTight(int d, ProxKind kind)
    {
        // Only the PR run reads Tolerance and MaxIterations; the reference has its own (1e-12), so
        // one parameter object serves both and the tensors are guaranteed identical.
        LimRpsParameters p = LimRpsTestKit.CreateWithGeometry(d, 2 * d, 1000 + (ulong)d, kind);
        p.Tolerance = 1e-12;
        p.MaxIterations = 1000;
        return p;
    }

    private static Frame SolveTwoFrames(int d, ProxKind kind)
    {
        LimRpsParameters p = CreateTight(d, kind);
        Assert.True(p.TemporalCoupling > 0.0);
        var solver = new LimRpsSolver(p);
        double[] first = LimRpsTestKit.RandomVector(2 * d, 11);
        double[] second = LimRpsTestKit.RandomVector(2 * d, 12);
        double[] force = LimRpsTestKit.RandomVector(d, 13, 0.3);

        solver.Step(first);
        double[] previous = solver.State.ToArray();
        Assert.Contains(previous, v => v != 0.0);
        SolveReport report = solver.Step(second, force);
        return new Frame(p, second, previous, force, solver.State.ToArray(), report);
    }

    private static void AssertNear(double expected, double actual, int index) =>
        Assert.True(
            Math.Abs(expected - actual) <= InclusionTolerance,
            $"r[{index}] = {actual:g6}, expected {expected:g6} (tolerance {InclusionTolerance:g1})");

    private sealed record Frame(
        LimRpsParameters Parameters,
        double[] Input,
        double[] PreviousLatent,
        double[] Force,
        double[] Latent,
        SolveReport Report);
}
