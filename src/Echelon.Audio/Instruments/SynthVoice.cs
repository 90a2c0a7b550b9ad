using Echelon.Audio.Dsp;

namespace Echelon.Audio.Instruments;

/// <summary>One voice of a <see cref="PolySynth"/>: oscillators → filter → amplitude envelope, with a sample-accurate release countdown.</summary>
internal sealed class SynthVoice
{
    private readonly PolyBlepOscillator _osc1 = new();
    private readonly PolyBlepOscillator _osc2 = new();
    private readonly StateVariableFilter _filter = new();
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

    public void Render(Span<float> left, Span<float> right, float panLeft, float panRight, float mix2)
    {
        int offset = 0;
        while (offset < left.Length && _amp.IsActive)
        {
            int n = left.Length - offset;
            if (_untilRelease > 0 && _untilRelease < n)
            {
                n = (int)_untilRelease;
            }

            Span<float> a = _a.AsSpan(0, n);
            Span<float> b = _b.AsSpan(0, n);
            _osc1.Render(a);
            _osc2.Render(b);
            for (int i = 0; i < n; i++)
            {
                a[i] += mix2 * b[i];
            }

            _filter.Process(a);
            _amp.Process(a);
            for (int i = 0; i < n; i++)
            {
                float s = a[i] * _gain;
                left[offset + i] += s * panLeft;
                right[offset + i] += s * panRight;
            }

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
