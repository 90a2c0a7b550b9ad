using BenchmarkDotNet.Attributes;
using Echelon.Core.Equilibrium;
using Echelon.Core.Signals;

namespace Echelon.Benchmarks;

/// <summary>
/// One LIM-RPS frame on a smooth input stream: the plain reference solve (damped forward–backward
/// to 1e-12, the baseline), the splitting solver from a cold start, and with warm starts.
/// </summary>
[MemoryDiagnoser]
public class LimRpsStepBenchmarks
{
    private const int Input = 128;
    private const int Frames = 512;
    private LimRpsParameters _parameters = null!;
    private LimRpsSolver _cold = null!;
    private LimRpsSolver _previous = null!;
    private LimRpsSolver _extrapolate = null!;
    private double[][] _inputs = null!;
    private double[] _previousLatent = null!;
    private int _frame;

    [Params(64, 128)]
    public int Dimension { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _parameters = LimRpsParameters.CreateDefault(Dimension, Input, 42);
        _cold = Create(WarmStart.Cold);
        _previous = Create(WarmStart.Previous);
        _extrapolate = Create(WarmStart.Extrapolate);
        var signal = new SmoothTestSignal(Input, 7);
        _inputs = new double[Frames][];
        for (int i = 0; i < Frames; i++)
        {
            _inputs[i] = new double[Input];
            signal.Fill(i / 100.0, _inputs[i]);
        }

        _previousLatent = new double[Dimension];
        for (int i = 0; i < 100; i++)
        {
            _cold.Step(_inputs[i]);
            _previous.Step(_inputs[i]);
            _extrapolate.Step(_inputs[i]);
        }

        _cold.State.CopyTo(_previousLatent);
    }

    [Benchmark(Baseline = true, Description = "reference fixed point")]
    public double Reference()
    {
        (double[] z, _) = ReferenceSolver.Solve(_parameters, _inputs[100], _previousLatent, default);
        return z[0];
    }

    [Benchmark(Description = "PR cold start")]
    public int Cold() => _cold.Step(Next()).IterationsUsed;

    [Benchmark(Description = "PR warm start (previous)")]
    public int Previous() => _previous.Step(Next()).IterationsUsed;

    [Benchmark(Description = "PR warm start (extrapolate)")]
    public int Extrapolate() => _extrapolate.Step(Next()).IterationsUsed;

    private double[] Next()
    {
        _frame = (_frame + 1) % Frames;
        return _inputs[_frame];
    }

    private LimRpsSolver Create(WarmStart warmStart)
    {
        LimRpsParameters p = LimRpsParameters.CreateDefault(Dimension, Input, 42);
        p.WarmStart = warmStart;
        return new LimRpsSolver(p);
    }
}
