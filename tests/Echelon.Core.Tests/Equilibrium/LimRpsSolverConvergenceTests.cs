using Echelon.Core.Equilibrium;
using Echelon.Core.Metrics;
using Echelon.Core.Signals;

namespace Echelon.Core.Tests.Equilibrium;

/// <summary>
/// The figures DESIGN §3 promises with default parameters: a warm-started smooth stream converges
/// within K = 4, the per-frame contraction ratio sits in 0.5–0.7, and at least 95 % of frames contract.
/// </summary>
public sealed class LimRpsSolverConvergenceTests
{
    private const int LatentSize = 64;
    private const int InputSize = 128;
    private const double FrameRate = 100.0;
    private const int SmoothFrames = 2000;
    private const int SettleFrames = 50;

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Step_SmoothStream_ConvergesWithinFourIterations(ulong seed)
    {
        LimRpsParameters p = LimRpsParameters.CreateDefault(LatentSize, InputSize, seed);
        Assert.Equal(WarmStart.Extrapolate, p.WarmStart);
        Assert.Equal(1e-4, p.Tolerance);
        Assert.Equal(8, p.MaxIterations);

        int[] iterations = RunSmooth(p, seed, out bool allConverged);

        Assert.True(allConverged);
        for (int t = SettleFrames; t < iterations.Length; t++)
        {
            Assert.True(iterations[t] <= 4, $"frame {t} took {iterations[t]} iterations");
            Assert.True(iterations[t] >= 1);
        }
    }

    [Fact]
    public void Step_SmoothStream_WarmStartIsWhatMakesItFast()
    {
        LimRpsParameters cold = LimRpsParameters.CreateDefault(LatentSize, InputSize, 1);
        cold.WarmStart = WarmStart.Cold;
        LimRpsParameters previous = LimRpsParameters.CreateDefault(LatentSize, InputSize, 1);
        previous.WarmStart = WarmStart.Previous;
        LimRpsParameters extrapolate = LimRpsParameters.CreateDefault(LatentSize, InputSize, 1);

        double coldMean = Mean(RunSmooth(cold, 1, out _));
        double previousMean = Mean(RunSmooth(previous, 1, out _));
        double extrapolateMean = Mean(RunSmooth(extrapolate, 1, out _));

        Assert.True(extrapolateMean < coldMean, $"Extrapolate {extrapolateMean} vs Cold {coldMean}");
        Assert.True(extrapolateMean < previousMean, $"Extrapolate {extrapolateMean} vs Previous {previousMean}");
        Assert.True(previousMean < coldMean, $"Previous {previousMean} vs Cold {coldMean}");
        Assert.True(extrapolateMean <= 2.0, $"Extrapolate needs {extrapolateMean} iterations on average");
    }

    [Fact]
    public void Step_RhythmicStream_ContractionRatioIsInDesignBand()
    {
        LimRpsSolver solver = new(LimRpsParameters.CreateDefault(LatentSize, InputSize, 1));
        var signal = new RhythmicTestSignal(new RhythmicSignalOptions { Bpm = 120, Seconds = 20 });
        var input = new double[InputSize];
        var ratios = new List<double>();
        var stepRatios = new List<double>();

        while (signal.Next(input, out _))
        {
            SolveReport report = solver.Step(input);
            Assert.True(report.Accepted);
            Assert.True(report.IterationsUsed >= 2, "the noisy stream should need several iterations per frame");
            if (!double.IsNaN(report.ContractionRatio))
            {
                ratios.Add(report.ContractionRatio);
            }

            foreach (double rho in solver.RatioHistory)
            {
                stepRatios.Add(rho);
            }
        }

        AssertContractionFigures(ratios, signal.FrameCount / 2);
        Assert.True(Contraction.Health(stepRatios.ToArray()) >= 0.95);
    }

    [Fact]
    public void Step_SmoothStreamColdStart_ContractionRatioIsInDesignBand()
    {
        LimRpsParameters p = LimRpsParameters.CreateDefault(LatentSize, InputSize, 2);
        p.WarmStart = WarmStart.Cold;
        var solver = new LimRpsSolver(p);
        var signal = new SmoothTestSignal(InputSize, 2);
        var input = new double[InputSize];
        var ratios = new List<double>();

        for (int t = 0; t < SmoothFrames; t++)
        {
            signal.Fill(t / FrameRate, input);
            SolveReport report = solver.Step(input);
            if (!double.IsNaN(report.ContractionRatio))
            {
                ratios.Add(report.ContractionRatio);
            }
        }

        AssertContractionFigures(ratios, SmoothFrames / 2);
    }

    [Fact]
    public void Step_ReportsHistoryConsistentWithIterationsUsed()
    {
        LimRpsParameters p = LimRpsParameters.CreateDefault(LatentSize, InputSize, 4);
        p.WarmStart = WarmStart.Cold;
        var solver = new LimRpsSolver(p);
        var signal = new SmoothTestSignal(InputSize, 4);
        var input = new double[InputSize];
        signal.Fill(0.0, input);

        SolveReport report = solver.Step(input);

        Assert.Equal(report.IterationsUsed, solver.ResidualHistory.Length);
        Assert.Equal(report.IterationsUsed - 1, solver.RatioHistory.Length);
        Assert.Equal(report.FinalResidual, solver.ResidualHistory[^1]);
        Assert.Equal(report.Converged, report.FinalResidual < p.Tolerance);

        // The frame's ratio is the geometric mean of its per-step ratios.
        double logSum = 0.0;
        foreach (double rho in solver.RatioHistory)
        {
            logSum += Math.Log(rho);
        }

        Assert.Equal(Math.Exp(logSum / solver.RatioHistory.Length), report.ContractionRatio, 1e-12);
        Assert.Equal(1, solver.FramesSolved);
    }

    [Fact]
    public void Reset_ForgetsTemporalState_NextFrameMatchesFreshSolver()
    {
        LimRpsParameters p = LimRpsParameters.CreateDefault(16, 32, 8);
        var used = new LimRpsSolver(p);
        var fresh = new LimRpsSolver(p);
        double[] input = LimRpsTestKit.RandomVector(32, 9);
        for (int t = 0; t < 5; t++)
        {
            used.Step(LimRpsTestKit.RandomVector(32, 20 + (ulong)t));
        }

        used.Step([double.NaN, .. new double[31]]);
        used.Reset();
        used.Step(input);
        fresh.Step(input);

        Assert.Equal(LimRpsTestKit.Bits(fresh.State), LimRpsTestKit.Bits(used.State));
        Assert.Equal(1, used.FramesSolved);
        Assert.Equal(0, used.Rejections.Total);
    }

    private static void AssertContractionFigures(List<double> ratios, int minimumCount)
    {
        Assert.True(ratios.Count >= minimumCount, $"only {ratios.Count} frames measured a ratio");
        double[] values = ratios.ToArray();
        double median = Statistics.Median(values, new double[values.Length]);
        double health = Contraction.Health(values);

        Assert.InRange(median, 0.5, 0.7);
        Assert.True(health >= 0.95, $"contraction health {health}");
    }

    private static int[] RunSmooth(LimRpsParameters p, ulong seed, out bool allConvergedAfterSettling)
    {
        var solver = new LimRpsSolver(p);
        var signal = new SmoothTestSignal(InputSize, seed);
        var input = new double[InputSize];
        var iterations = new int[SmoothFrames];
        allConvergedAfterSettling = true;
        for (int t = 0; t < SmoothFrames; t++)
        {
            signal.Fill(t / FrameRate, input);
            SolveReport report = solver.Step(input);
            Assert.True(report.Accepted);
            iterations[t] = report.IterationsUsed;
            if (t >= SettleFrames && !report.Converged)
            {
                allConvergedAfterSettling = false;
            }
        }

        return iterations;
    }

    private static double Mean(int[] values)
    {
        double sum = 0.0;
        foreach (int v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }
}
