using Echelon.Core.Metrics;
using Echelon.Core.Numerics;
using Echelon.Testing;

namespace Echelon.Core.Tests.Metrics;

/// <summary>
/// The metrics run on the control thread between frames, so after a warm-up they must not
/// allocate a single byte (STYLE habit 5).
/// </summary>
public class MetricsAllocationTests
{
    private const int Frames = 256;
    private const int Dim = 8;

    private readonly double[] _times = new double[Frames];
    private readonly double[] _psi = new double[Frames];
    private readonly double[] _theta = new double[Frames];
    private readonly double[] _values = new double[Frames];
    private readonly double[] _scratch = new double[Frames];
    private readonly double[] _trajectory = new double[Frames * Dim];
    private readonly double[] _jerk = new double[Frames - 3];
    private readonly RunningStats _running = new();

    public MetricsAllocationTests()
    {
        var random = new DeterministicRandom(99);
        for (int i = 0; i < Frames; i++)
        {
            _times[i] = i / 100.0;
            _theta[i] = random.NextDouble(-Math.PI, Math.PI);
            _psi[i] = _theta[i] + (0.1 * random.NextGaussian());
            _values[i] = random.NextDouble();
        }

        random.FillGaussian(_trajectory, 1.0);
    }

    private double RunEveryMetric()
    {
        double sink = 0.0;
        sink += Circular.Wrap(7.0);
        sink += Circular.Rmse(_psi, _theta);
        sink += Circular.Coherence(_psi, _theta);
        sink += Circular.MeanAngle(_psi);
        sink += Circular.RelockTime(_times, _psi, _theta, 0.5, 0.5, 0.3);
        sink += Statistics.Percentile(_values, 95.0, _scratch);
        sink += Statistics.Median(_values, _scratch);
        sink += Statistics.Mean(_values);
        sink += ResidualStats.Summarize(_values, _scratch).P95;
        sink += Contraction.Ratio(2.0, 1.0);
        sink += Contraction.Health(_values);
        sink += Contraction.Headroom(_values, _scratch);
        Jerk.Compute(_trajectory, Dim, 0.01, _jerk);
        sink += Jerk.Summarize(_jerk, _scratch).P95;
        for (int i = 0; i < _values.Length; i++)
        {
            _running.Add(_values[i]);
        }

        return sink + _running.Variance;
    }

    [Fact]
    public void EveryMetric_AfterWarmUp_AllocatesNothing()
    {
        double sink = 0.0;
        long bytes = AllocationProbe.SteadyStateBytes(() => sink += RunEveryMetric(), warmUp: 1, iterations: 1);

        Assert.Equal(0L, bytes);
        Assert.True(double.IsFinite(sink));
    }

    [Fact]
    public void HotMetrics_RepeatedCallsAfterWarmUp_AllocateNothing()
    {
        double sink = 0.0;
        sink += Circular.Rmse(_psi, _theta) + Circular.Coherence(_psi, _theta);
        sink += Statistics.Percentile(_values, 50.0, _scratch) + ResidualStats.Summarize(_values, _scratch).Mean;
        Jerk.Compute(_trajectory, Dim, 0.01, _jerk);

        long bytes = AllocationProbe.SteadyStateBytes(
            () =>
            {
                sink += Circular.Rmse(_psi, _theta);
                sink += Circular.Coherence(_psi, _theta);
                sink += Statistics.Percentile(_values, 50.0, _scratch);
                sink += ResidualStats.Summarize(_values, _scratch).Mean;
                Jerk.Compute(_trajectory, Dim, 0.01, _jerk);
            },
            warmUp: 0,
            iterations: 100);

        Assert.Equal(0L, bytes);
        Assert.True(double.IsFinite(sink));
    }
}
