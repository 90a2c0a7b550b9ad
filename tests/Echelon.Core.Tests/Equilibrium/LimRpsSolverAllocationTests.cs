using Echelon.Core.Equilibrium;
using Echelon.Core.Signals;

namespace Echelon.Core.Tests.Equilibrium;

/// <summary>The solver runs on the control thread: after warm-up a step allocates nothing (STYLE habit 5).</summary>
public sealed class LimRpsSolverAllocationTests
{
    private const int InputSize = 128;
    private const int WarmUpSteps = 20;
    private const int MeasuredSteps = 200;

    [Theory]
    [InlineData(64)]
    [InlineData(128)]
    public void Step_AfterWarmUp_AllocatesNothing(int latentSize)
    {
        var solver = new LimRpsSolver(LimRpsParameters.CreateDefault(latentSize, InputSize, 1));
        var signal = new SmoothTestSignal(InputSize, 1);
        var input = new double[InputSize];
        double[] force = LimRpsTestKit.RandomVector(latentSize, 2, 0.05);
        int t = 0;
        int iterations = 0;
        for (; t < WarmUpSteps; t++)
        {
            signal.Fill(t / 100.0, input);
            iterations += solver.Step(input, force).IterationsUsed;
        }

        // The least of three measured rounds: a one-off allocation by the runtime on this thread (seen once in CI:
        // 7 KB in a loop that allocates nothing) cannot repeat in all three; the solver's own would.
        long bytes = Echelon.Testing.AllocationProbe.SteadyStateBytes(
            () =>
            {
                signal.Fill(t / 100.0, input);
                iterations += solver.Step(input, force).IterationsUsed;
                iterations += solver.ResidualHistory.Length + solver.RatioHistory.Length;
                t++;
            },
            warmUp: 0,
            iterations: MeasuredSteps);

        Assert.Equal(0, bytes);
        Assert.Equal(t, solver.FramesSolved);
        Assert.True(iterations > 0);
    }

    [Fact]
    public void Step_Rejections_AllocateNothing()
    {
        var solver = new LimRpsSolver(LimRpsParameters.CreateDefault(64, InputSize, 1));
        var badInput = new double[InputSize];
        badInput[7] = double.NaN;
        var goodInput = new double[InputSize];
        var badForce = new double[64];
        badForce[3] = double.PositiveInfinity;
        var overflowing = new double[InputSize];
        Array.Fill(overflowing, double.MaxValue);
        int steps = 0;
        long bytes = Echelon.Testing.AllocationProbe.SteadyStateBytes(
            () =>
            {
                solver.Step(badInput);
                solver.Step(goodInput, badForce);
                solver.Step(overflowing);
                steps += 3;
            },
            warmUp: WarmUpSteps,
            iterations: MeasuredSteps);

        Assert.Equal(0, bytes);
        Assert.True(steps >= 3 * (WarmUpSteps + MeasuredSteps));
        Assert.Equal(steps, solver.Rejections.Total);
    }
}
