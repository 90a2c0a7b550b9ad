using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Echelon.Audio.Dsp;

/// <summary>Snare drum: a pitched two-sine shell tone plus high-passed noise for the wires.</summary>
/// <remarks>
/// <para>
/// After the TR-808/909 snare (Gordon Reid, "Synth Secrets: Practical snare drum synthesis", Sound On
/// Sound, Apr 2002): two sines at f and 1.62·f (the drum's first two modes) with a 10 ms upward pitch
/// blip, decaying 70 dB in half of <see cref="DecaySeconds"/>; and white noise through a 1 kHz high-pass
/// state-variable filter (<see cref="VectorStateVariableFilter"/>, eight samples at a time), decaying 70 dB in <see cref="DecaySeconds"/> (60 dB by 86 % of it). Envelopes are applied
/// after the filter, so the stated length holds exactly.
/// </para>
/// <para>
/// The voice lasts exactly <see cref="DecaySeconds"/>. <see cref="Render"/> adds into the buffer.
/// Threading: one rendering thread; no allocation, lock or throw after <see cref="Prepare"/>.
/// </para>
/// </remarks>
public sealed class SnareVoice : IDrumVoice
{
    private const double SecondModeRatio = 1.62;
    private const double BlipTimeConstant = 0.01;
    private const double WireCutoff = 1000;
    private const int Chunk = 256;

    private readonly NoiseGenerator _noise = new() { Seed = 0x534E4152 };
    private readonly VectorStateVariableFilter _wires = new() { Mode = FilterMode.HighPass, Resonance = Math.Sqrt(0.5) };
    private readonly double[] _phases1 = new double[Chunk];
    private readonly double[] _phases2 = new double[Chunk];
    private readonly double[] _toneLevels = new double[Chunk];
    private readonly double[] _noiseLevels = new double[Chunk];
    private readonly float[] _wireSamples = new float[Chunk];

    private int _sampleRate;
    private double _frequency = 185;
    private double _decay = 0.3;
    private double _tone = 0.45;

    private bool _active;
    private int _remaining;
    private double _phase1;
    private double _phase2;
    private double _toneLevel;
    private double _toneMultiplier;
    private double _noiseLevel;
    private double _noiseMultiplier;
    private double _blip;
    private double _blipMultiplier;
    private double _shellStep; // the shell's phase step without the blip, f/fs

    /// <summary>Shell pitch in Hz, [80, 400]. Default 185.</summary>
    public double Frequency
    {
        get => _frequency;
        set
        {
            DspGuard.Closed(value, 80, 400, nameof(Frequency), " Hz");
            _frequency = value;
        }
    }

    /// <summary>Length of the voice in seconds (the wires are 60 dB down by 86 % of it), [0.05, 2]. Default 0.3.</summary>
    public double DecaySeconds
    {
        get => _decay;
        set
        {
            DspGuard.Closed(value, 0.05, 2, nameof(DecaySeconds), " s");
            _decay = value;
        }
    }

    /// <summary>Balance of shell tone against wires, [0, 1]: 0 is wires only, 1 tone only. Default 0.45.</summary>
    public double Tone
    {
        get => _tone;
        set
        {
            DspGuard.Closed(value, 0, 1, nameof(Tone), string.Empty);
            _tone = value;
        }
    }

    /// <summary>True from a trigger until <see cref="DecaySeconds"/> have been rendered.</summary>
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
        RealTimeCode.CompileAhead(typeof(SnareVoice));
        _sampleRate = sampleRate;
        _noise.Prepare(sampleRate);
        _wires.Cutoff = Math.Min(WireCutoff, 0.2 * sampleRate);
        _wires.Prepare(sampleRate);
        Reset();
    }

    /// <summary>Silences the voice, clears the filter and restarts the noise from its seed.</summary>
    public void Reset()
    {
        _active = false;
        _noise.Reset();
        _wires.Reset();
    }

    /// <summary>Starts a hit at the next sample (a new hit cuts the previous one).</summary>
    /// <param name="velocity">Peak level; clamped to [0, 1] (NaN counts as 0).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Trigger(float velocity)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(SnareVoice));
        double v = float.IsNaN(velocity) ? 0 : Math.Clamp(velocity, 0f, 1f);
        _active = true;
        _remaining = (int)Math.Round(_decay * _sampleRate);
        _phase1 = 0;
        _phase2 = 0;
        _toneLevel = v * _tone;
        _toneMultiplier = VoiceDecay.Multiplier(0.5 * _decay, _sampleRate);
        _noiseLevel = v * (1 - _tone);
        _noiseMultiplier = VoiceDecay.Multiplier(_decay, _sampleRate);
        _blip = 1;
        _shellStep = _frequency / _sampleRate;
        _blipMultiplier = Math.Exp(-1.0 / (BlipTimeConstant * _sampleRate));
    }

    /// <summary>Produces one sample (0 when idle): the per-sample reference of <see cref="Render"/>.</summary>
    /// <returns>The next sample.</returns>
    public float Tick()
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(SnareVoice));
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
        DspGuard.Prepared(_sampleRate > 0, nameof(SnareVoice));
        int i = 0;
        while (i < output.Length && _active)
        {
            int n = Math.Min(Math.Min(Chunk, output.Length - i), _remaining);
            RenderChunk(output.Slice(i, n));
            i += n;
        }
    }

    /// <summary>
    /// Up to 256 samples, never past the end of the hit: first the recursions (phases, pitch blip, levels) and the
    /// noise, one sample at a time; then the wires' high-pass eight samples at a time; then shell and mix four samples
    /// at a time. Each sample gets the same arithmetic however the samples are split, so a one-sample chunk
    /// (<see cref="Tick"/>) is the reference.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RenderChunk(Span<float> output)
    {
        int n = output.Length;
        for (int j = 0; j < n; j++)
        {
            _phases1[j] = _phase1;
            _phases2[j] = _phase2;
            _toneLevels[j] = _toneLevel;
            _noiseLevels[j] = _noiseLevel;
            _wireSamples[j] = _noise.NextWhite();
            double increment = _shellStep * (1 + (0.5 * _blip));
            _phase1 += increment;
            _phase1 -= Math.Floor(_phase1);
            _phase2 += SecondModeRatio * increment;
            _phase2 -= Math.Floor(_phase2);
            _blip = Denormal.Flush(_blip * _blipMultiplier);
            _toneLevel *= _toneMultiplier;
            _noiseLevel *= _noiseMultiplier;
        }

        Span<float> wires = _wireSamples.AsSpan(0, n);
        _wires.ProcessUnchecked(wires);

        ref double phases1 = ref MemoryMarshal.GetArrayDataReference(_phases1);
        ref double phases2 = ref MemoryMarshal.GetArrayDataReference(_phases2);
        ref double tones = ref MemoryMarshal.GetArrayDataReference(_toneLevels);
        ref double noises = ref MemoryMarshal.GetArrayDataReference(_noiseLevels);
        ref float wire = ref MemoryMarshal.GetReference(wires);
        ref float bus = ref MemoryMarshal.GetReference(output);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> w = Vector256.LoadUnsafe(ref wire, (nuint)i);
                Vector256<double> low = Sample(ref phases1, ref phases2, ref tones, ref noises, i, Vector256.WidenLower(w));
                Vector256<double> high = Sample(ref phases1, ref phases2, ref tones, ref noises, i + 4, Vector256.WidenUpper(w));
                (Vector256.LoadUnsafe(ref bus, (nuint)i) + Denormal.Flush(Vector256.Narrow(low, high))).StoreUnsafe(ref bus, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            double shell = (0.6 * FastSine.Sin2Pi(Unsafe.Add(ref phases1, i))) + (0.4 * FastSine.Sin2Pi(Unsafe.Add(ref phases2, i)));
            double y = (Unsafe.Add(ref tones, i) * shell) + (Unsafe.Add(ref noises, i) * Unsafe.Add(ref wire, i));
            Unsafe.Add(ref bus, i) += Denormal.Flush((float)y);
        }

        _remaining -= n;
        if (_remaining <= 0)
        {
            _active = false;
        }
    }

    /// <summary>Four samples of shell and wires: lane by lane the scalar expression of <see cref="RenderChunk"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Sample(ref double phases1, ref double phases2, ref double tones, ref double noises, int i, Vector256<double> wires)
    {
        Vector256<double> shell = (Vector256.Create(0.6) * FastSine.Sin2Pi(Vector256.LoadUnsafe(ref phases1, (nuint)i)))
            + (Vector256.Create(0.4) * FastSine.Sin2Pi(Vector256.LoadUnsafe(ref phases2, (nuint)i)));
        return (Vector256.LoadUnsafe(ref tones, (nuint)i) * shell) + (Vector256.LoadUnsafe(ref noises, (nuint)i) * wires);
    }
}
