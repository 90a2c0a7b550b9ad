using BenchmarkDotNet.Attributes;
using Echelon.Core.Numerics;

namespace Echelon.Benchmarks;

/// <summary>The solver's inner kernel: y = M x, per-row dot products (reference) against four-row blocks.</summary>
[MemoryDiagnoser]
public class MatrixVectorBenchmarks
{
    private DenseMatrix _m = null!;
    private double[] _x = null!;
    private double[] _y = null!;

    [Params(64, 128, 256)]
    public int Dimension { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new DeterministicRandom(1);
        _m = new DenseMatrix(Dimension, Dimension);
        rng.FillGaussian(_m.Data, 1.0);
        _x = new double[Dimension];
        _y = new double[Dimension];
        rng.FillGaussian(_x, 1.0);
    }

    [Benchmark(Baseline = true, Description = "per-row Dot")]
    public double Reference()
    {
        _m.MultiplyReference(_x, _y);
        return _y[0];
    }

    [Benchmark(Description = "4-row Vector256 blocks")]
    public double Blocked()
    {
        _m.Multiply(_x, _y);
        return _y[0];
    }
}
