using Echelon.Core.Equilibrium;

namespace Echelon.Core.Tests.Equilibrium;

/// <summary>
/// Numbers stay finite (STYLE habit 10): NaN and ±∞ from outside are rejected at the edge, counted,
/// and leave every piece of solver state exactly as it was; shape errors throw with both sizes.
/// </summary>
public sealed class LimRpsSolverBadInputTests
{
    private const int LatentSize = 16;
    private const int InputSize = 32;

    public static TheoryData<int, double> NonFiniteInputs
    {
        get
        {
            var data = new TheoryData<int, double>();
            foreach (int index in new[] { 0, InputSize / 2, InputSize - 1 })
            {
                data.Add(index, double.NaN);
                data.Add(index, double.PositiveInfinity);
                data.Add(index, double.NegativeInfinity);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(NonFiniteInputs))]
    public void Step_NonFiniteInput_IsRejectedCountedAndLeavesStateUntouched(int index, double bad)
    {
        (LimRpsSolver solver, LimRpsSolver twin) = TwoWarmSolvers();
        long[] before = LimRpsTestKit.Bits(solver.State);
        int framesBefore = solver.FramesSolved;
        double[] input = LimRpsTestKit.RandomVector(InputSize, 77);
        input[index] = bad;

        SolveReport report = solver.Step(input);

        Assert.Equal(FrameRejection.NonFiniteInput, report.Rejection);
        Assert.False(report.Accepted);
        Assert.False(report.Converged);
        Assert.Equal(0, report.IterationsUsed);
        Assert.True(double.IsNaN(report.FinalResidual));
        Assert.Equal(1, solver.Rejections.NonFiniteInput);
        Assert.Equal(0, solver.Rejections.NonFiniteForce);
        Assert.Equal(1, solver.Rejections.Total);
        Assert.Equal(framesBefore, solver.FramesSolved);
        Assert.Equal(before, LimRpsTestKit.Bits(solver.State));
        Assert.True(solver.ResidualHistory.IsEmpty, "a rejected frame shows no residual history");
        Assert.True(solver.RatioHistory.IsEmpty);

        // The hidden splitting state is untouched too: the next good frame matches a twin that never saw the bad one.
        AssertNextFramesMatch(solver, twin);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Step_NonFiniteForce_IsRejectedCountedAndLeavesStateUntouched(double bad)
    {
        (LimRpsSolver solver, LimRpsSolver twin) = TwoWarmSolvers();
        long[] before = LimRpsTestKit.Bits(solver.State);
        double[] force = new double[LatentSize];
        force[LatentSize - 1] = bad;

        SolveReport report = solver.Step(LimRpsTestKit.RandomVector(InputSize, 78), force);

        Assert.Equal(FrameRejection.NonFiniteForce, report.Rejection);
        Assert.Equal(0, report.IterationsUsed);
        Assert.Equal(1, solver.Rejections.NonFiniteForce);
        Assert.Equal(0, solver.Rejections.NonFiniteInput);
        Assert.Equal(before, LimRpsTestKit.Bits(solver.State));
        AssertNextFramesMatch(solver, twin);
    }

    [Fact]
    public void Step_RepeatedRejections_CountEach()
    {
        var solver = new LimRpsSolver(LimRpsParameters.CreateDefault(LatentSize, InputSize, 3));
        var bad = new double[InputSize];
        bad[3] = double.NaN;
        var badForce = new double[LatentSize];
        badForce[0] = double.NaN;

        for (int i = 0; i < 3; i++)
        {
            solver.Step(bad);
        }

        solver.Step(new double[InputSize], badForce);

        Assert.Equal(3, solver.Rejections.NonFiniteInput);
        Assert.Equal(1, solver.Rejections.NonFiniteForce);
        Assert.Equal(4, solver.Rejections.Total);
        Assert.Equal(0, solver.FramesSolved);
        Assert.All(solver.State.ToArray(), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Step_InputOverflowingInsideTheIteration_IsRolledBackAsNonFiniteState()
    {
        (LimRpsSolver solver, LimRpsSolver twin) = TwoWarmSolvers();
        long[] before = LimRpsTestKit.Bits(solver.State);
        var huge = new double[InputSize];
        Array.Fill(huge, double.MaxValue);

        SolveReport report = solver.Step(huge);

        Assert.Equal(FrameRejection.NonFiniteState, report.Rejection);
        Assert.Equal(0, report.IterationsUsed);
        Assert.Equal(1, solver.Rejections.NonFiniteState);
        Assert.Equal(before, LimRpsTestKit.Bits(solver.State));
        Assert.True(solver.ResidualHistory.IsEmpty);
        AssertNextFramesMatch(solver, twin);
    }

    [Fact]
    public void Step_LongRunOfHugeFiniteInputs_KeepsStateFinite()
    {
        var solver = new LimRpsSolver(LimRpsParameters.CreateDefault(LatentSize, InputSize, 4));
        var input = new double[InputSize];
        for (int t = 0; t < 1000; t++)
        {
            for (int j = 0; j < InputSize; j++)
            {
                input[j] = ((t + j) % 3 - 1) * 1e6;
            }

            SolveReport report = solver.Step(input);

            Assert.True(report.Accepted);
            foreach (double v in solver.State)
            {
                Assert.True(double.IsFinite(v));
                Assert.True(Math.Abs(v) < 1e9, $"|z| = {Math.Abs(v):g3} at frame {t}");
            }
        }

        Assert.Equal(0, solver.Rejections.Total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Step_WrongInputLength_ThrowsNamingExpectedAndActual(int length)
    {
        var solver = new LimRpsSolver(LimRpsParameters.CreateDefault(LatentSize, InputSize, 5));

        ArgumentException e = Assert.Throws<ArgumentException>(() => solver.Step(new double[length]));

        Assert.Equal("input", e.ParamName);
        Assert.Contains(InputSize.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        Assert.Contains(length.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        Assert.Equal(0, solver.Rejections.Total);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(17)]
    public void Step_WrongForceLength_ThrowsNamingExpectedAndActual(int length)
    {
        var solver = new LimRpsSolver(LimRpsParameters.CreateDefault(LatentSize, InputSize, 5));

        ArgumentException e = Assert.Throws<ArgumentException>(() => solver.Step(new double[InputSize], new double[length]));

        Assert.Equal("externalForce", e.ParamName);
        Assert.Contains($"expected {LatentSize}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{length} values", e.Message, StringComparison.Ordinal);
    }

    private static (LimRpsSolver Solver, LimRpsSolver Twin) TwoWarmSolvers()
    {
        LimRpsParameters p = LimRpsTestKit.CreateWithGeometry(LatentSize, InputSize, 21, ProxKind.NonNegative);
        var solver = new LimRpsSolver(p);
        var twin = new LimRpsSolver(p);
        for (int t = 0; t < 4; t++)
        {
            double[] input = LimRpsTestKit.RandomVector(InputSize, 300 + (ulong)t);
            solver.Step(input);
            twin.Step(input);
        }

        Assert.Contains(solver.State.ToArray(), v => v != 0.0);
        return (solver, twin);
    }

    private static void AssertNextFramesMatch(LimRpsSolver solver, LimRpsSolver twin)
    {
        for (int t = 0; t < 3; t++)
        {
            double[] input = LimRpsTestKit.RandomVector(InputSize, 400 + (ulong)t);
            SolveReport a = solver.Step(input);
            SolveReport b = twin.Step(input);
            Assert.Equal(b.IterationsUsed, a.IterationsUsed);
            Assert.Equal(LimRpsTestKit.Bits(twin.State), LimRpsTestKit.Bits(solver.State));
        }

        Assert.Equal(twin.FramesSolved, solver.FramesSolved);
    }
}
