using System.Runtime.CompilerServices;
using Echelon.Audio.Dsp;

namespace Echelon.Audio.Instruments;

/// <summary>
/// A polyphonic subtractive synthesizer (<see cref="SynthPatch"/>) with a fixed voice pool: a new
/// note takes a free voice, else the one started longest ago. Used for bass, pads and the lead.
/// </summary>
public sealed class PolySynth : IInstrument
{
    private readonly SynthPatch _patch;
    private readonly SynthVoice[] _voices;
    private readonly float _panLeft;
    private readonly float _panRight;
    private long _now;

    /// <summary>Creates the synth with <paramref name="voices"/> voices panned at <paramref name="pan"/> (−1 left … 1 right).</summary>
    public PolySynth(SynthPatch patch, int voices, float pan = 0f)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentOutOfRangeException.ThrowIfLessThan(voices, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(voices, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(pan, -1f);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pan, 1f);
        _patch = patch;
        _voices = new SynthVoice[voices];
        for (int i = 0; i < voices; i++)
        {
            _voices[i] = new SynthVoice();
        }

        (_panLeft, _panRight) = PanLaw.Gains(pan);
    }

    /// <summary>Voices sounding now.</summary>
    public int ActiveVoices
    {
        get
        {
            int count = 0;
            foreach (SynthVoice voice in _voices)
            {
                count += voice.IsActive ? 1 : 0;
            }

            return count;
        }
    }

    /// <inheritdoc />
    public void Prepare(int sampleRate, int maxBlock)
    {
        RealTimeCode.CompileAhead(typeof(PolySynth));
        foreach (SynthVoice voice in _voices)
        {
            voice.Prepare(sampleRate, maxBlock, _patch);
        }

        _now = 0;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void NoteOn(byte pitch, float velocity, long durationSamples)
    {
        SynthVoice? chosen = null;
        foreach (SynthVoice voice in _voices)
        {
            if (!voice.IsActive)
            {
                chosen = voice;
                break;
            }

            if (chosen is null || voice.StartedAt < chosen.StartedAt)
            {
                chosen = voice;
            }
        }

        chosen!.Start(_patch, pitch, Math.Clamp(velocity, 0f, 1f), durationSamples, _now);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The sounding voices' oscillators run first, then their filters two at a time (each filter waits on its own
    /// feedback, so a pair keeps the processor busy), then each voice's envelope and pan in voice order, so the voices
    /// are summed in the same order whatever pairs they fall in.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Render(Span<float> left, Span<float> right)
    {
        int n = left.Length;
        float mix2 = _patch.Mix2;
        SynthVoice? waiting = null;
        Span<float> waitingSource = default;
        foreach (SynthVoice voice in _voices)
        {
            if (!voice.IsActive)
            {
                continue;
            }

            Span<float> source = voice.Source(n, mix2);
            if (waiting is null)
            {
                waiting = voice;
                waitingSource = source;
                continue;
            }

            VectorStateVariableFilter.ProcessPair(waiting.Filter, waitingSource, voice.Filter, source);
            waiting.Finish(left, right, _panLeft, _panRight);
            voice.Finish(left, right, _panLeft, _panRight);
            waiting = null;
        }

        if (waiting is not null)
        {
            waiting.Filter.ProcessUnchecked(waitingSource);
            waiting.Finish(left, right, _panLeft, _panRight);
        }

        _now += n;
    }

    /// <inheritdoc />
    public void Reset()
    {
        foreach (SynthVoice voice in _voices)
        {
            voice.Reset();
        }

        _now = 0;
    }
}
