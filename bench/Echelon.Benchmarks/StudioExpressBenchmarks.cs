using BenchmarkDotNet.Attributes;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Motion.Synthetic;
using Echelon.Studio.Configuration;
using Echelon.Studio.Mapping;

namespace Echelon.Benchmarks;

/// <summary>
/// What the studio's express path costs the control thread each time sensor frames arrive between control frames
/// (<c>Dynamics128Builder.Preview</c>, then <c>MappingEngine.Preview</c> over the default mappings), against the
/// builder and mapping part of a whole control frame (<c>Build</c> + <c>Evaluate</c>; DELL not included).
/// </summary>
[MemoryDiagnoser]
public class StudioExpressBenchmarks
{
    private readonly double[] _fast = new double[64];
    private readonly double[] _slow = new double[128];
    private Dynamics128Builder _builder = null!;
    private MappingEngine _mapping = null!;
    private Dynamics128Vector _vector = null!;
    private long _timeNs;

    [GlobalSetup]
    public void Setup()
    {
        _builder = new Dynamics128Builder();
        using var dancer = new SyntheticDancer(new SyntheticDancerOptions { Seconds = 10, Seed = 1 });
        while (dancer.TryRead(out SensorFrame? frame))
        {
            _builder.Ingest(frame);
            _timeNs = frame.HostTimeNs;
        }

        _vector = new Dynamics128Vector();
        _mapping = new MappingEngine(StudioConfiguration.DefaultMappings, _fast.Length, _slow.Length);
        _builder.Build(_timeNs, _vector);
        _mapping.Evaluate(_fast, _slow, 0, 0, _vector, false, 0.5, 0.01);
    }

    [Benchmark(Baseline = true, Description = "frame: Build + Evaluate")]
    public double Frame()
    {
        _builder.Build(_timeNs, _vector);
        _mapping.Evaluate(_fast, _slow, 0, 0, _vector, false, 0.5, 0.01);
        return _mapping.Synth.Cutoff;
    }

    [Benchmark(Description = "express: Preview + Preview")]
    public double Express()
    {
        _builder.Preview(_timeNs, _vector);
        return _mapping.Preview(_vector, 0.004).Cutoff;
    }
}
