using System.Runtime.CompilerServices;
using Echelon.Audio.Dsp;

namespace Echelon.Audio.Instruments;

/// <summary>One voice of a <see cref="PolySynth"/>: oscillators → filter → amplitude envelope, with a sample-accurate release countdown.</summary>
/// <remarks>
/// Every stage works on whole blocks: the oscillators and the envelope compute eight samples at a time, the filter
/// is the eight-step <see cref="VectorStateVariableFilter"/> (the cutoff is fixed for the note), and the mix and
/// the pan are SIMD multiply-adds. <see cref="PolySynth"/> drives the stages (<see cref="Source"/>, then the filter,
/// two voices at a time, then <see cref="Finish"/>). An idle voice costs one test per block.
/// </remarks>
internal sealed class SynthVoice
{
    private readonly PolyBlepOscillator _osc1 = new();
    private readonly PolyBlepOscillator _osc2 = new();
    private readonly VectorStateVariableFilter _filter = new();
    private readonly Adsr _amp = new();
    private float[] _a = [];
    private float[] _b = [];
    private long _untilRelease;
    private float _gain;

    public bool IsActive => _amp.IsActive;

    public long StartedAt { get; private set; }

    public byte Pitch { get; private set; }

    public void Prepare(int sampleRate, int maxBlock, SynthPatch patch)
    {
        RealTimeCode.CompileAhead(typeof(SynthVoice));
        _osc1.Prepare(sampleRate);
        _osc2.Prepare(sampleRate);
        _filter.Prepare(sampleRate);
        _amp.Prepare(sampleRate);
        _osc1.Waveform = patch.Wave1;
        _osc2.Waveform = patch.Wave2;
        _filter.Mode = FilterMode.LowPass;
        _filter.Resonance = patch.Resonance;
        _amp.AttackSeconds = patch.Attack;
        _amp.DecaySeconds = patch.Decay;
        _amp.SustainLevel = patch.Sustain;
        _amp.ReleaseSeconds = patch.Release;
        _a = new float[maxBlock];
        _b = new float[maxBlock];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Start(SynthPatch patch, byte pitch, float velocity, long durationSamples, long now)
    {
        double frequency = 440.0 * Math.Pow(2.0, (pitch - 69) / 12.0);
        double nyquist = _osc1.SampleRate * 0.45;
        _osc1.Frequency = Math.Min(frequency, nyquist);
        _osc2.Frequency = Math.Min(frequency * Math.Pow(2.0, patch.Octave2 + (patch.DetuneCents / 1200.0)), nyquist);
        // Every note starts from a clean voice: a voice that fell idle part-way through a render call
        // has advanced its oscillators and filter by a block-size-dependent amount, and that history
        // must not reach the next note (block sizes would then change the output).
        _osc1.Reset();
        _osc2.Reset();
        _filter.Reset();
        _osc2.ResetPhase(0.25);
        double tracking = Math.Pow(2.0, patch.KeyTracking * (pitch - 60) / 12.0);
        _filter.Cutoff = Math.Clamp((patch.CutoffHz + (patch.CutoffVelocityHz * velocity)) * tracking, 20.0, _osc1.SampleRate * 0.45);
        _amp.NoteOn(1.0f);
        _gain = patch.Gain * velocity;
        _untilRelease = Math.Max(1, durationSamples);
        StartedAt = now;
        Pitch = pitch;
    }

    /// <summary>The filter, for <see cref="VectorStateVariableFilter.ProcessPair"/>.</summary>
    public VectorStateVariableFilter Filter => _filter;

    /// <summary>
    /// The next <paramref name="length"/> samples of the two oscillators, mixed (not yet filtered). The oscillators and
    /// the filter run through the whole block even when the note ends inside it: a voice's history never reaches its
    /// next note, because <see cref="Start"/> resets both.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Span<float> Source(int length, float mix2)
    {
        Span<float> a = _a.AsSpan(0, length);
        Span<float> b = _b.AsSpan(0, length);
        _osc1.RenderUnchecked(a);
        _osc2.RenderUnchecked(b);
        BlockMath.MultiplyAdd(b, mix2, a);
        return a;
    }

    /// <summary>
    /// Shapes the filtered block with the amplitude envelope (released at its exact sample) and adds it, panned, into
    /// <paramref name="left"/> and <paramref name="right"/>, up to where the note ends.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Finish(Span<float> left, Span<float> right, float panLeft, float panRight)
    {
        int offset = 0;
        while (offset < left.Length && _amp.IsActive)
        {
            int n = left.Length - offset;
            if (_untilRelease > 0 && _untilRelease < n)
            {
                n = (int)_untilRelease;
            }

            Span<float> a = _a.AsSpan(offset, n);
            _amp.ProcessUnchecked(a);
            BlockMath.Scale(a, _gain);
            BlockMath.MultiplyAdd(a, panLeft, left.Slice(offset, n));
            BlockMath.MultiplyAdd(a, panRight, right.Slice(offset, n));
            if (_untilRelease > 0)
            {
                _untilRelease -= n;
                if (_untilRelease == 0)
                {
                    _amp.NoteOff();
                }
            }

            offset += n;
        }
    }

    public void Reset()
    {
        _osc1.Reset();
        _osc2.Reset();
        _filter.Reset();
        _amp.Reset();
        _untilRelease = 0;
    }
}
