using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Echelon.Audio.Dsp;

/// <summary>Hi-hat: six detuned square waves (the TR-808's metallic cluster) and a little noise, band- and high-passed.</summary>
/// <remarks>
/// <para>
/// The TR-808 sums six square oscillators at 205.3, 304.4, 369.6, 522.7, 540 and 800 Hz, whose
/// inharmonic sidebands sound metallic, then band-passes and high-passes the sum (Gordon Reid, "Synth
/// Secrets: Synthesising cymbals and hi-hats", Sound On Sound, Jun 2002; Werner, Abel and Smith, "The
/// TR-808 cymbal: a physically-informed, circuit-bendable, digital model", ICMC 2014). Here the squares
/// are <see cref="PolyBlepOscillator"/>s (no aliasing), the filters a 10 kHz band-pass and a 7 kHz high-pass
/// state-variable filter (<see cref="VectorStateVariableFilter"/>, eight samples at a time), and the envelope falls 70 dB over <see cref="ClosedDecaySeconds"/> or
/// <see cref="OpenDecaySeconds"/> (so it is 60 dB down by 86 % of it). A closed hit on a ringing open hat restarts the envelope, which chokes it.
/// </para>
/// <para>
/// The voice lasts exactly its decay time. <see cref="Render"/> adds into the buffer. The oscillators
/// run only while the voice sounds. Threading: one rendering thread; no allocation, lock or throw after
/// <see cref="Prepare"/>.
/// </para>
/// </remarks>
public sealed class HatVoice : IDrumVoice
{
    // The band- and high-pass keep about a third of the source's level; this brings a full-velocity hit near 0.8 peak.
    private const double OutputGain = 3;

    // Block length: long enough for the oscillators' per-block cost to vanish (a 128-sample render is one block), short enough to stay in L1.
    private const int Chunk = 256;
    private const int Group = 8;

    private static readonly double[] s_partials = [205.3, 304.4, 369.6, 522.7, 540.0, 800.0];

    private readonly PolyBlepOscillator[] _oscillators;
    private readonly float[] _metal = new float[Chunk];
    private readonly float[] _partial = new float[Chunk];
    private readonly NoiseGenerator _noise = new() { Seed = 0x48415421 };
    private readonly VectorStateVariableFilter _bandPass = new() { Mode = FilterMode.BandPass, Resonance = 0.8 };
    private readonly VectorStateVariableFilter _highPass = new() { Mode = FilterMode.HighPass, Resonance = Math.Sqrt(0.5) };

    private int _sampleRate;
    private double _tune = 1;
    private double _closedDecay = 0.08;
    private double _openDecay = 0.5;
    private double _noiseMix = 0.25;

    private bool _active;
    private int _remaining;
    private readonly double[] _levelPowers = new double[Group]; // m⁰ … m⁷ of the envelope
    private double _levelBase; // the level at the start of the current group of eight samples of the hit
    private double _levelStride; // m⁸
    private int _position; // samples since the trigger

    /// <summary>Creates the voice and its six oscillators.</summary>
    public HatVoice()
    {
        _oscillators = new PolyBlepOscillator[s_partials.Length];
        for (int i = 0; i < _oscillators.Length; i++)
        {
            _oscillators[i] = new PolyBlepOscillator { Waveform = OscillatorWaveform.Square };
        }
    }

    /// <summary>Multiplier on the six oscillator frequencies, [0.5, 2]. Default 1.</summary>
    public double Tune
    {
        get => _tune;
        set
        {
            DspGuard.Closed(value, 0.5, 2, nameof(Tune), string.Empty);
            _tune = value;
            if (_sampleRate > 0)
            {
                SetFrequencies();
            }
        }
    }

    /// <summary>Length of a closed hit in seconds (60 dB down by 86 % of it), [0.01, 1]. Default 0.08.</summary>
    public double ClosedDecaySeconds
    {
        get => _closedDecay;
        set
        {
            DspGuard.Closed(value, 0.01, 1, nameof(ClosedDecaySeconds), " s");
            _closedDecay = value;
        }
    }

    /// <summary>Length of an open hit in seconds (60 dB down by 86 % of it), [0.05, 4]. Default 0.5.</summary>
    public double OpenDecaySeconds
    {
        get => _openDecay;
        set
        {
            DspGuard.Closed(value, 0.05, 4, nameof(OpenDecaySeconds), " s");
            _openDecay = value;
        }
    }

    /// <summary>Share of white noise against the metallic squares, [0, 1]. Default 0.25.</summary>
    public double NoiseMix
    {
        get => _noiseMix;
        set
        {
            DspGuard.Closed(value, 0, 1, nameof(NoiseMix), string.Empty);
            _noiseMix = value;
        }
    }

    /// <summary>True from a trigger until its decay time has been rendered.</summary>
    public bool IsActive
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get => _active;
    }

    /// <summary>Sets the sample rate and silences the voice.</summary>
    /// <param name="sampleRate">Samples per second, 8,000–384,000.</param>
    public void Prepare(int sampleRate)
    {
        DspGuard.SampleRate(sampleRate, nameof(sampleRate));
        RealTimeCode.CompileAhead(typeof(HatVoice));
        _sampleRate = sampleRate;
        SetFrequencies();
        foreach (PolyBlepOscillator oscillator in _oscillators)
        {
            oscillator.Prepare(sampleRate);
        }

        _noise.Prepare(sampleRate);
        _bandPass.Cutoff = Math.Min(10_000, 0.4 * sampleRate);
        _bandPass.Prepare(sampleRate);
        _highPass.Cutoff = Math.Min(7_000, 0.3 * sampleRate);
        _highPass.Prepare(sampleRate);
        Reset();
    }

    /// <summary>Silences the voice and returns every part to its initial state.</summary>
    public void Reset()
    {
        _active = false;
        foreach (PolyBlepOscillator oscillator in _oscillators)
        {
            oscillator.Reset();
        }

        _noise.Reset();
        _bandPass.Reset();
        _highPass.Reset();
    }

    /// <summary>Starts a closed hit at the next sample.</summary>
    /// <param name="velocity">Peak level; clamped to [0, 1] (NaN counts as 0).</param>
    public void Trigger(float velocity) => Trigger(velocity, open: false);

    /// <summary>Starts a closed or open hit at the next sample; any hit restarts (and so chokes) the previous one.</summary>
    /// <param name="velocity">Peak level; clamped to [0, 1] (NaN counts as 0).</param>
    /// <param name="open">True for the long open decay, false for the closed one.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Trigger(float velocity, bool open)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(HatVoice));
        double v = float.IsNaN(velocity) ? 0 : Math.Clamp(velocity, 0f, 1f);
        double decay = open ? _openDecay : _closedDecay;
        _active = true;
        _remaining = (int)Math.Round(decay * _sampleRate);
        _position = 0;
        _levelBase = v;
        double multiplier = VoiceDecay.Multiplier(decay, _sampleRate);
        _levelPowers[0] = 1;
        for (int r = 1; r < Group; r++)
        {
            _levelPowers[r] = _levelPowers[r - 1] * multiplier;
        }

        _levelStride = _levelPowers[Group - 1] * multiplier;
    }

    /// <summary>Produces one sample (0 when idle): the per-sample reference of <see cref="Render"/>.</summary>
    /// <returns>The next sample.</returns>
    public float Tick()
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(HatVoice));
        float y = 0;
        if (_active)
        {
            RenderChunk(new Span<float>(ref y));
        }

        return y;
    }

    /// <summary>Adds the next <c>output.Length</c> samples into <paramref name="output"/>; any length, zero included.</summary>
    /// <param name="output">The bus to add into.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Render(Span<float> output)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(HatVoice));
        int i = 0;
        while (i < output.Length && _active)
        {
            int n = Math.Min(Math.Min(Chunk, output.Length - i), _remaining);
            RenderChunk(output.Slice(i, n));
            i += n;
        }
    }

    /// <summary>
    /// Each oscillator renders the chunk in its own loop and the partials are summed; noise is mixed in sample by
    /// sample; the band- and high-pass filter the chunk eight samples at a time, and so does the envelope where a group
    /// of eight of the hit begins. Every stage gives each sample the same arithmetic however the samples are split (the
    /// envelope's groups count from the trigger), so a one-sample chunk (<see cref="Tick"/>) is the reference of a long
    /// one. A chunk never runs past the end of the hit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RenderChunk(Span<float> output)
    {
        Span<float> metal = _metal.AsSpan(0, output.Length);
        Span<float> partial = _partial.AsSpan(0, output.Length);
        metal.Clear();
        foreach (PolyBlepOscillator oscillator in _oscillators)
        {
            oscillator.RenderUnchecked(partial);
            BlockMath.Add(partial, metal);
        }

        for (int j = 0; j < metal.Length; j++)
        {
            metal[j] = (float)(((1 - _noiseMix) * metal[j] / s_partials.Length) + (_noiseMix * _noise.NextWhite()));
        }

        _bandPass.ProcessUnchecked(metal);
        _highPass.ProcessUnchecked(metal);
        // The envelope: sample k = 8g + r of the hit has level L_g·mʳ, L multiplied by m⁸ once per group, so whole
        // groups are eight lanes.
        ref double powers = ref MemoryMarshal.GetArrayDataReference(_levelPowers);
        int i = 0;
        while (i < output.Length)
        {
            if (Vector256.IsHardwareAccelerated && (_position & (Group - 1)) == 0 && output.Length - i >= Group)
            {
                var level = Vector256.Create(_levelBase);
                var gain = Vector256.Create(OutputGain);
                Vector256<float> x = Vector256.Create(metal.Slice(i, Group));
                Vector256<double> low = level * Vector256.LoadUnsafe(ref powers) * Vector256.WidenLower(x) * gain;
                Vector256<double> high = level * Vector256.LoadUnsafe(ref powers, 4) * Vector256.WidenUpper(x) * gain;
                (Vector256.Create(output.Slice(i, Group)) + Denormal.Flush(Vector256.Narrow(low, high))).CopyTo(output.Slice(i, Group));
                _levelBase *= _levelStride;
                _position += Group;
                i += Group;
                continue;
            }

            int r = _position & (Group - 1);
            double y = _levelBase * _levelPowers[r] * metal[i] * OutputGain;
            output[i] += Denormal.Flush((float)y);
            if (r == Group - 1)
            {
                _levelBase *= _levelStride;
            }

            _position++;
            i++;
        }

        _remaining -= output.Length;
        if (_remaining <= 0)
        {
            _active = false;
        }
    }

    private void SetFrequencies()
    {
        for (int i = 0; i < _oscillators.Length; i++)
        {
            _oscillators[i].Frequency = Math.Min(s_partials[i] * _tune, 0.45 * _sampleRate);
        }
    }
}
