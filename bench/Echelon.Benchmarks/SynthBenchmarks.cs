using BenchmarkDotNet.Attributes;
using Echelon.Audio.Dsp;
using Echelon.Audio.Render;
using Echelon.Music.Composition;
using Echelon.Studio.Render;

namespace Echelon.Benchmarks;

/// <summary>One 128-sample block of each synth kernel, per-sample ticking as the baseline, and the whole default band.</summary>
[MemoryDiagnoser]
public class SynthBenchmarks
{
    private const int Block = 128;
    private readonly float[] _left = new float[Block];
    private readonly float[] _right = new float[Block];
    private readonly PolyBlepOscillator _oscillator = new();
    private readonly StateVariableFilter _filter = new();
    private readonly Reverb _reverb = new();
    private readonly LookaheadLimiter _limiter = new();
    private OfflineRenderer _band = null!;
    private int _blocks;
    private int _blockCount;

    [GlobalSetup]
    public void Setup()
    {
        _oscillator.Prepare(48_000);
        _oscillator.Waveform = OscillatorWaveform.Saw;
        _oscillator.Frequency = 220;
        _filter.Prepare(48_000);
        _filter.Cutoff = 1200;
        _reverb.Prepare(48_000);
        _limiter.Prepare(48_000);
        List<NoteEvent> notes = Arrangement.Compose(new ArrangementOptions { Seconds = 60, Seed = 1 });
        InstrumentEvent[] events = [.. notes.Select(n => new InstrumentEvent(n.StartSample, (int)n.Agent, n.Pitch, n.Velocity, n.DurationSamples))];
        _band = new OfflineRenderer(Band.Create(), events);
        _band.Prepare(48_000, Block);
        _blockCount = 60 * 48_000 / Block;
    }

    [Benchmark(Baseline = true, Description = "saw, per-sample Tick")]
    public float SawTick()
    {
        for (int i = 0; i < Block; i++)
        {
            _left[i] = _oscillator.Tick();
        }

        return _left[0];
    }

    [Benchmark(Description = "saw, block Render")]
    public float SawBlock()
    {
        _oscillator.Render(_left);
        return _left[0];
    }

    [Benchmark(Description = "SVF low-pass, block")]
    public float Filter()
    {
        _filter.Process(_left);
        return _left[0];
    }

    [Benchmark(Description = "reverb, stereo block")]
    public float ReverbBlock()
    {
        _reverb.Process(_left, _right);
        return _left[0];
    }

    [Benchmark(Description = "limiter, stereo block")]
    public float LimiterBlock()
    {
        _limiter.Process(_left, _right);
        return _left[0];
    }

    [Benchmark(Description = "default band, one block of the arrangement")]
    public float Band128()
    {
        if (_blocks++ == _blockCount)
        {
            _band.Prepare(48_000, Block);
            _blocks = 0;
        }

        _band.RenderBlock(_left, _right);
        return _left[0];
    }
}
