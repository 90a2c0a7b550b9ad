using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Echelon.Audio.Dsp;

/// <summary>Kick drum: a sine swept down by a pitch envelope, with a short noise click on the attack.</summary>
/// <remarks>
/// <para>
/// The classic analog kick (TR-808/909; Gordon Reid, "Synth Secrets: Synthesizing drums: the bass drum",
/// Sound On Sound, Jan 2002): f(t) = f_end·(1 + (drop − 1)·e^(−t/τp)) with τp = <see cref="PitchDecaySeconds"/>,
/// amplitude falling exponentially by 70 dB over <see cref="DecaySeconds"/>, plus white noise under a 1.5 ms
/// exponential for the beater click. The sine starts at phase 0, so the onset itself has no step.
/// </para>
/// <para>
/// The voice lasts exactly <see cref="DecaySeconds"/>: the body is 60 dB below its peak by 86 % of it and
/// 70 dB at the end (the click is long gone), where it stops and <see cref="IsActive"/> turns false. <see cref="Render"/> adds into the buffer so
/// voices can share a bus. Threading: one rendering thread; no allocation, lock or throw after <see cref="Prepare"/>.
/// </para>
/// </remarks>
public sealed class KickVoice : IDrumVoice
{
    private const double ClickTimeConstant = 0.0015;
    private const int Chunk = 256;

    private readonly NoiseGenerator _noise = new() { Seed = 0x4B49434B };
    private readonly double[] _phases = new double[Chunk];
    private readonly double[] _levels = new double[Chunk];
    private readonly double[] _clicks = new double[Chunk];

    private int _sampleRate;
    private double _frequency = 50;
    private double _pitchDrop = 3;
    private double _pitchDecay = 0.035;
    private double _decay = 0.5;
    private double _click = 0.25;

    private bool _active;
    private int _remaining;
    private double _phase;
    private double _amplitude;
    private double _amplitudeMultiplier;
    private double _pitch;
    private double _pitchMultiplier;
    private double _clickLevel;
    private double _clickMultiplier;
    private double _restingStep; // the resting frequency's phase step, f/fs

    /// <summary>Final (resting) pitch in Hz, [20, 200]. Default 50.</summary>
    public double Frequency
    {
        get => _frequency;
        set
        {
            DspGuard.Closed(value, 20, 200, nameof(Frequency), " Hz");
            _frequency = value;
        }
    }

    /// <summary>Start pitch as a multiple of <see cref="Frequency"/>, [1, 8]. Default 3 (150 Hz falling to 50 Hz).</summary>
    public double PitchDrop
    {
        get => _pitchDrop;
        set
        {
            DspGuard.Closed(value, 1, 8, nameof(PitchDrop), string.Empty);
            _pitchDrop = value;
        }
    }

    /// <summary>Time constant of the pitch sweep in seconds, [0.002, 0.5]. Default 0.035.</summary>
    public double PitchDecaySeconds
    {
        get => _pitchDecay;
        set
        {
            DspGuard.Closed(value, 0.002, 0.5, nameof(PitchDecaySeconds), " s");
            _pitchDecay = value;
        }
    }

    /// <summary>Length of the voice in seconds (60 dB down by 86 % of it), [0.05, 4]. Default 0.5.</summary>
    public double DecaySeconds
    {
        get => _decay;
        set
        {
            DspGuard.Closed(value, 0.05, 4, nameof(DecaySeconds), " s");
            _decay = value;
        }
    }

    /// <summary>Level of the attack click relative to the body, [0, 1]. Default 0.25.</summary>
    public double Click
    {
        get => _click;
        set
        {
            DspGuard.Closed(value, 0, 1, nameof(Click), string.Empty);
            _click = value;
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
        RealTimeCode.CompileAhead(typeof(KickVoice));
        _sampleRate = sampleRate;
        _noise.Prepare(sampleRate);
        Reset();
    }

    /// <summary>Silences the voice and restarts its click noise from its seed.</summary>
    public void Reset()
    {
        _active = false;
        _noise.Reset();
    }

    /// <summary>Starts a hit at the next sample (a new hit cuts the previous one).</summary>
    /// <param name="velocity">Peak level; clamped to [0, 1] (NaN counts as 0).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Trigger(float velocity)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(KickVoice));
        double v = float.IsNaN(velocity) ? 0 : Math.Clamp(velocity, 0f, 1f);
        _active = true;
        _remaining = (int)Math.Round(_decay * _sampleRate);
        _phase = 0;
        _amplitude = v;
        _amplitudeMultiplier = VoiceDecay.Multiplier(_decay, _sampleRate);
        _pitch = 1;
        _restingStep = _frequency / _sampleRate;
        _pitchMultiplier = Math.Exp(-1.0 / (_pitchDecay * _sampleRate));
        _clickLevel = v * _click;
        _clickMultiplier = Math.Exp(-1.0 / (ClickTimeConstant * _sampleRate));
    }

    /// <summary>Produces one sample (0 when idle): the per-sample reference of <see cref="Render"/>.</summary>
    /// <returns>The next sample.</returns>
    public float Tick()
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(KickVoice));
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
        DspGuard.Prepared(_sampleRate > 0, nameof(KickVoice));
        int i = 0;
        while (i < output.Length && _active)
        {
            int n = Math.Min(Math.Min(Chunk, output.Length - i), _remaining);
            RenderChunk(output.Slice(i, n));
            i += n;
        }
    }

    /// <summary>
    /// Up to 256 samples, never past the end of the hit: first the recursions (phase, pitch and levels, each sample from
    /// the last) and the click noise, one sample at a time; then the sine body four samples at a time. Each sample gets
    /// the same arithmetic however the samples are split, so a one-sample chunk (<see cref="Tick"/>) is the reference.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RenderChunk(Span<float> output)
    {
        int n = output.Length;
        for (int j = 0; j < n; j++)
        {
            _phases[j] = _phase;
            _levels[j] = _amplitude;
            _clicks[j] = _clickLevel * _noise.NextWhite();
            _phase += _restingStep * (1 + ((_pitchDrop - 1) * _pitch));
            if (_phase >= 1)
            {
                _phase -= 1;
            }

            _amplitude *= _amplitudeMultiplier;
            _pitch = Denormal.Flush(_pitch * _pitchMultiplier);
            _clickLevel = Denormal.Flush(_clickLevel * _clickMultiplier);
        }

        ref double phases = ref MemoryMarshal.GetArrayDataReference(_phases);
        ref double levels = ref MemoryMarshal.GetArrayDataReference(_levels);
        ref double clicks = ref MemoryMarshal.GetArrayDataReference(_clicks);
        ref float bus = ref MemoryMarshal.GetReference(output);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<double> low = (Vector256.LoadUnsafe(ref levels, (nuint)i) * FastSine.Sin2Pi(Vector256.LoadUnsafe(ref phases, (nuint)i))) + Vector256.LoadUnsafe(ref clicks, (nuint)i);
                Vector256<double> high = (Vector256.LoadUnsafe(ref levels, (nuint)(i + 4)) * FastSine.Sin2Pi(Vector256.LoadUnsafe(ref phases, (nuint)(i + 4)))) + Vector256.LoadUnsafe(ref clicks, (nuint)(i + 4));
                (Vector256.LoadUnsafe(ref bus, (nuint)i) + Denormal.Flush(Vector256.Narrow(low, high))).StoreUnsafe(ref bus, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            double body = Unsafe.Add(ref levels, i) * FastSine.Sin2Pi(Unsafe.Add(ref phases, i));
            Unsafe.Add(ref bus, i) += Denormal.Flush((float)(body + Unsafe.Add(ref clicks, i)));
        }

        _remaining -= n;
        if (_remaining <= 0)
        {
            _active = false;
        }
    }
}
