using BenchmarkDotNet.Attributes;
using Echelon.Audio.Dsp;
using Echelon.Audio.Render;
using Echelon.Music.Composition;
using Echelon.Studio.Render;

namespace Echelon.Benchmarks;

/// <summary>
/// The default band playing the default one-minute arrangement (seed 1, 120 BPM), one 128-sample block per call
/// (averaged over the whole minute, restarting at its end): the instruments with their stems and DC blockers, and the
/// whole render loop of <c>echelon render</c> (band, reverb, limiter). 128 samples are 2.67 ms of audio, so a 200×
/// real-time factor is 13.3 µs per block.
/// </summary>
/// <remarks>
/// The few bytes "allocated" per block are the new band built at the end of each minute (about half a megabyte every
/// 22,500 blocks); rendering itself allocates nothing (RenderJobTests.RenderLoop_AfterWarmUp_AllocatesNothing).
/// </remarks>
[MemoryDiagnoser]
public class SynthBandBenchmarks
{
    private const int Block = 128;
    private const int Rate = 48_000;
    private readonly float[] _left = new float[Block];
    private readonly float[] _right = new float[Block];
    private InstrumentEvent[] _events = [];
    private InstrumentRenderer _band = null!;
    private InstrumentRenderer _loop = null!;
    private Reverb _reverb = null!;
    private LookaheadLimiter _limiter = null!;
    private int _blockCount;
    private int _bandBlocks;
    private int _loopBlocks;

    [GlobalSetup]
    public void Setup()
    {
        List<NoteEvent> notes = Arrangement.Compose(new ArrangementOptions { Seconds = 60, Seed = 1 });
        _events = [.. notes.Select(n => new InstrumentEvent(n.StartSample, (int)n.Agent, n.Pitch, n.Velocity, n.DurationSamples))];
        _blockCount = 60 * Rate / Block;
        _band = Restart();
        _loop = Restart();
        RestartEffects();
    }

    [Benchmark(Description = "default band (5 stems + DC blockers)")]
    public float DefaultBand()
    {
        if (_bandBlocks++ == _blockCount)
        {
            _band = Restart();
            _bandBlocks = 0;
        }

        _band.RenderBlock(_left, _right);
        return _left[0];
    }

    [Benchmark(Description = "render loop (band + reverb + limiter)")]
    public float RenderLoop()
    {
        if (_loopBlocks++ == _blockCount)
        {
            _loop = Restart();
            RestartEffects();
            _loopBlocks = 0;
        }

        _loop.RenderBlock(_left, _right);
        _reverb.Process(_left, _right);
        _limiter.Process(_left, _right);
        return _left[0];
    }

    private InstrumentRenderer Restart()
    {
        var renderer = new InstrumentRenderer(Band.Create(), _events);
        renderer.Prepare(Rate, Block);
        return renderer;
    }

    private void RestartEffects()
    {
        _reverb = new Reverb { Mix = 0.12, RoomSize = 0.6 };
        _reverb.Prepare(Rate);
        _limiter = new LookaheadLimiter();
        _limiter.Prepare(Rate);
    }
}
