using BenchmarkDotNet.Attributes;
using Echelon.Audio.Analysis;
using Echelon.Audio.Render;
using Echelon.Music.Composition;
using Echelon.Studio.Render;

namespace Echelon.Benchmarks;

/// <summary>
/// The listening analyzers on the composer's own one-minute mix (seed 1, 120 BPM, mixed to mono): every analyzer
/// together per 128-sample block (2.67 ms of audio at 48 kHz, so 100× real time is 26.7 µs per block), and the
/// pitch detector's FFT difference function against its direct-sum reference twin, per 256-sample hop.
/// </summary>
[MemoryDiagnoser]
public class ListeningBenchmarks
{
    private const int Block = 128;
    private const int Rate = 48_000;
    private float[] _mix = [];
    private ListeningAnalyzer _analyzer = null!;
    private PitchDetector _pitch = null!;
    private float[] _pitchFrame = [];
    private int _position;

    [GlobalSetup]
    public void Setup()
    {
        List<NoteEvent> notes = Arrangement.Compose(new ArrangementOptions { Seconds = 60, Seed = 1 });
        InstrumentEvent[] events = [.. notes.Select(n => new InstrumentEvent(n.StartSample, (int)n.Agent, n.Pitch, n.Velocity, n.DurationSamples))];
        var renderer = new InstrumentRenderer(Band.Create(), events);
        renderer.Prepare(Rate, Block);
        _mix = new float[60 * Rate];
        var left = new float[Block];
        var right = new float[Block];
        for (int start = 0; start < _mix.Length; start += Block)
        {
            renderer.RenderBlock(left, right);
            for (int i = 0; i < Block; i++)
            {
                _mix[start + i] = 0.5f * (left[i] + right[i]);
            }
        }

        _analyzer = new ListeningAnalyzer(new ListeningOptions { SampleRate = Rate });
        _pitch = new PitchDetector(new ListeningOptions { SampleRate = Rate });
        _pitchFrame = _mix.AsSpan(10 * Rate, _pitch.InputSize).ToArray();
    }

    [Benchmark(Description = "all analyzers, one 128-sample block")]
    public double AllAnalyzers()
    {
        if (_position + Block > _mix.Length)
        {
            _analyzer.Reset();
            _position = 0;
        }

        _analyzer.Process(_mix.AsSpan(_position, Block), null);
        _position += Block;
        return _analyzer.Current.LevelDbfs;
    }

    [Benchmark(Description = "YIN, direct sum (reference)", Baseline = true)]
    public double PitchReference() => YinReference.Estimate(_pitch, _pitchFrame, 1024, -60).FrequencyHz;

    [Benchmark(Description = "YIN, FFT difference function")]
    public double PitchFast() => _pitch.Estimate(_pitchFrame).FrequencyHz;
}
