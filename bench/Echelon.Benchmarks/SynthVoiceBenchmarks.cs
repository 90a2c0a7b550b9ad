using BenchmarkDotNet.Attributes;
using Echelon.Audio.Dsp;
using Echelon.Audio.Instruments;

namespace Echelon.Benchmarks;

/// <summary>
/// One 128-sample block of one sounding voice of each kind in the default band: a subtractive voice (two saws, the
/// filter, the envelope in its attack, panned into a stereo pair), and the kick, snare and open hat, each retriggered
/// before it ends so every block is a sounding one.
/// </summary>
[MemoryDiagnoser]
public class SynthVoiceBenchmarks
{
    private const int Block = 128;
    private const int Rate = 48_000;
    private readonly float[] _left = new float[Block];
    private readonly float[] _right = new float[Block];
    private readonly PolySynth _pad = new(new SynthPatch { DetuneCents = 9, Mix2 = 0.8f, CutoffHz = 700, CutoffVelocityHz = 900, Attack = 30, Gain = 0.07f }, voices: 1);
    private readonly KickVoice _kick = new();
    private readonly SnareVoice _snare = new();
    private readonly HatVoice _hat = new();
    private int _block;

    [GlobalSetup]
    public void Setup()
    {
        _pad.Prepare(Rate, Block);
        _kick.Prepare(Rate);
        _snare.Prepare(Rate);
        _hat.Prepare(Rate);
    }

    [Benchmark(Description = "synth voice (pad: 2 saws, SVF, ADSR attack, pan)")]
    public float SynthVoice()
    {
        // A 30 s attack: the envelope computes a level every sample, as it does through a pad's attack and release.
        if (_block++ % 10_000 == 0)
        {
            _pad.NoteOn(60, 0.7f, 10 * Rate);
        }

        Array.Clear(_left);
        Array.Clear(_right);
        _pad.Render(_left, _right);
        return _left[0];
    }

    [Benchmark(Description = "kick")]
    public float Kick()
    {
        if (_block++ % 150 == 0)
        {
            _kick.Trigger(0.9f);
        }

        Array.Clear(_left);
        _kick.Render(_left);
        return _left[0];
    }

    [Benchmark(Description = "snare")]
    public float Snare()
    {
        if (_block++ % 100 == 0)
        {
            _snare.Trigger(0.9f);
        }

        Array.Clear(_left);
        _snare.Render(_left);
        return _left[0];
    }

    [Benchmark(Description = "open hat")]
    public float Hat()
    {
        if (_block++ % 150 == 0)
        {
            _hat.Trigger(0.9f, open: true);
        }

        Array.Clear(_left);
        _hat.Render(_left);
        return _left[0];
    }
}
