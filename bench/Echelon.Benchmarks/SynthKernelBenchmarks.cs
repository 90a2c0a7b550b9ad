using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Echelon.Audio.Dsp;
using Echelon.Audio.Render;

namespace Echelon.Benchmarks;

/// <summary>
/// One 128-sample block of each synth kernel that has a fast path, against its reference path as the baseline of
/// its category: the double-precision per-sample polyBLEP (<c>PolyBlepReference</c>) for the oscillator, the
/// double-precision recursive SVF for the eight-step vector SVF, and the per-sample <c>Tick</c> for the envelope,
/// DC blocker, reverb and limiter (whose block paths must match it to the bit).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SynthKernelBenchmarks
{
    private const int Block = 128;
    private const int Rate = 48_000;
    private readonly float[] _left = new float[Block];
    private readonly float[] _right = new float[Block];
    private readonly float[] _quietLeft = new float[Block];
    private readonly float[] _quietRight = new float[Block];
    private readonly PolyBlepReference _referenceSaw = new() { Frequency = 220 };
    private readonly PolyBlepOscillator _saw = new() { Frequency = 220 };
    private readonly PolyBlepOscillator _square = new() { Frequency = 800, Waveform = OscillatorWaveform.Square };
    private readonly StateVariableFilter _referenceFilter = new() { Cutoff = 700, Resonance = 1.1 };
    private readonly VectorStateVariableFilter _filter = new() { Cutoff = 700, Resonance = 1.1 };
    private readonly Adsr _envelope = new() { AttackSeconds = 60 };
    private readonly Reverb _reverb = new() { Mix = 0.12, RoomSize = 0.6 };
    private readonly LookaheadLimiter _limiter = new();
    private StereoDcBlocker _dcBlocker = null!;

    [GlobalSetup]
    public void Setup()
    {
        _referenceSaw.Prepare(Rate);
        _saw.Prepare(Rate);
        _square.Prepare(Rate);
        _referenceFilter.Prepare(Rate);
        _filter.Prepare(Rate);
        _envelope.Prepare(Rate);
        _envelope.NoteOn(1);
        _reverb.Prepare(Rate);
        _limiter.Prepare(Rate);
        _dcBlocker = new StereoDcBlocker(Rate);
        var random = new Random(1);
        for (int i = 0; i < Block; i++)
        {
            _quietLeft[i] = (float)(0.5 * ((2 * random.NextDouble()) - 1));
            _quietRight[i] = (float)(0.5 * ((2 * random.NextDouble()) - 1));
        }

        _quietLeft.CopyTo(_left, 0);
        _quietRight.CopyTo(_right, 0);
    }

    [Benchmark(Baseline = true, Description = "saw, reference (double, per sample)")]
    [BenchmarkCategory("oscillator")]
    public float SawReference()
    {
        _referenceSaw.Render(_left);
        return _left[0];
    }

    [Benchmark(Description = "saw, Tick × 128")]
    [BenchmarkCategory("oscillator")]
    public float SawTick()
    {
        for (int i = 0; i < Block; i++)
        {
            _left[i] = _saw.Tick();
        }

        return _left[0];
    }

    [Benchmark(Description = "saw, block")]
    [BenchmarkCategory("oscillator")]
    public float SawBlock()
    {
        _saw.Render(_left);
        return _left[0];
    }

    [Benchmark(Description = "800 Hz square, block")]
    [BenchmarkCategory("oscillator")]
    public float SquareBlock()
    {
        _square.Render(_left);
        return _left[0];
    }

    [Benchmark(Baseline = true, Description = "SVF low-pass, reference (double recursion)")]
    [BenchmarkCategory("filter")]
    public float FilterReference()
    {
        _referenceFilter.Process(_left);
        return _left[0];
    }

    [Benchmark(Description = "SVF low-pass, eight-step vector")]
    [BenchmarkCategory("filter")]
    public float FilterVector()
    {
        _filter.Process(_left);
        return _left[0];
    }

    [Benchmark(Baseline = true, Description = "ADSR exponential segment, Tick × 128")]
    [BenchmarkCategory("envelope")]
    public float EnvelopeTick()
    {
        for (int i = 0; i < Block; i++)
        {
            _left[i] = _envelope.Tick();
        }

        return _left[0];
    }

    [Benchmark(Description = "ADSR exponential segment, block")]
    [BenchmarkCategory("envelope")]
    public float EnvelopeBlock()
    {
        _envelope.Render(_left);
        return _left[0];
    }

    [Benchmark(Baseline = true, Description = "DC blocker (stereo), Tick × 128")]
    [BenchmarkCategory("dc blocker")]
    public float DcBlockerTick()
    {
        for (int i = 0; i < Block; i++)
        {
            _dcBlocker.Tick(ref _left[i], ref _right[i]);
        }

        return _left[0];
    }

    [Benchmark(Description = "DC blocker (stereo), block")]
    [BenchmarkCategory("dc blocker")]
    public float DcBlockerBlock()
    {
        _dcBlocker.Process(_left, _right);
        return _left[0];
    }

    [Benchmark(Baseline = true, Description = "reverb, Tick × 128")]
    [BenchmarkCategory("reverb")]
    public float ReverbTick()
    {
        _quietLeft.CopyTo(_left, 0);
        _quietRight.CopyTo(_right, 0);
        for (int i = 0; i < Block; i++)
        {
            _reverb.Tick(ref _left[i], ref _right[i]);
        }

        return _left[0];
    }

    [Benchmark(Description = "reverb, block")]
    [BenchmarkCategory("reverb")]
    public float ReverbBlock()
    {
        _quietLeft.CopyTo(_left, 0);
        _quietRight.CopyTo(_right, 0);
        _reverb.Process(_left, _right);
        return _left[0];
    }

    [Benchmark(Baseline = true, Description = "limiter, nothing to limit, Tick × 128")]
    [BenchmarkCategory("limiter")]
    public float LimiterTick()
    {
        _quietLeft.CopyTo(_left, 0);
        _quietRight.CopyTo(_right, 0);
        for (int i = 0; i < Block; i++)
        {
            _limiter.Tick(ref _left[i], ref _right[i]);
        }

        return _left[0];
    }

    [Benchmark(Description = "limiter, nothing to limit, block")]
    [BenchmarkCategory("limiter")]
    public float LimiterBlock()
    {
        _quietLeft.CopyTo(_left, 0);
        _quietRight.CopyTo(_right, 0);
        _limiter.Process(_left, _right);
        return _left[0];
    }

    [Benchmark(Description = "limiter, limiting 4× too loud, block")]
    [BenchmarkCategory("limiter")]
    public float LimiterLoudBlock()
    {
        for (int i = 0; i < Block; i++)
        {
            _left[i] = 4 * _quietLeft[i];
            _right[i] = 4 * _quietRight[i];
        }

        _limiter.Process(_left, _right);
        return _left[0];
    }
}
