using BenchmarkDotNet.Attributes;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Motion.Synthetic;

namespace Echelon.Benchmarks;

/// <summary>
/// One control frame of the Dynamics128 builder on the synthetic dancer: ingest the frames that
/// arrived since the last tick (0.6 skeleton + 1 IMU on average at 100 Hz), then build the vector.
/// </summary>
[MemoryDiagnoser]
public class Dynamics128BuildBenchmarks
{
    private SensorFrame[] _frames = null!;
    private int[] _firstFrameOfTick = null!;
    private Dynamics128Builder _builder = null!;
    private Dynamics128Vector _vector = null!;
    private int _tick;

    [GlobalSetup]
    public void Setup()
    {
        using var dancer = new SyntheticDancer(new SyntheticDancerOptions { Seconds = 60, Seed = 1 });
        var frames = new List<SensorFrame>();
        while (dancer.TryRead(out SensorFrame? frame))
        {
            frames.Add(frame);
        }

        _frames = [.. frames];
        _firstFrameOfTick = new int[6001];
        int next = 0;
        for (int tick = 0; tick < _firstFrameOfTick.Length; tick++)
        {
            _firstFrameOfTick[tick] = next;
            while (next < _frames.Length && _frames[next].HostTimeNs <= tick * 10_000_000L)
            {
                next++;
            }
        }

        _builder = new Dynamics128Builder();
        _vector = new Dynamics128Vector();
    }

    [Benchmark(Description = "ingest + build, one 100 Hz tick")]
    public float Tick()
    {
        int tick = _tick;
        int end = tick + 1 < _firstFrameOfTick.Length ? _firstFrameOfTick[tick + 1] : _frames.Length;
        for (int i = _firstFrameOfTick[tick]; i < end; i++)
        {
            _builder.Ingest(_frames[i]);
        }

        _builder.Build(tick * 10_000_000L, _vector);
        _tick = tick + 1 < _firstFrameOfTick.Length - 1 ? tick + 1 : 0;
        if (_tick == 0)
        {
            _builder.Reset();
        }

        return _vector.Values[0];
    }
}
