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
    private const int Group = 8;

    private readonly NoiseGenerator _noise = new() { Seed = 0x4B49434B };

    // m⁰ … m⁷ of the amplitude, pitch and click decays: sample k = 8g + r of a hit is base_g·mʳ (see RenderChunk).
    private readonly double[] _amplitudePowers = new double[Group];
    private readonly double[] _pitchPowers = new double[Group];
    private readonly double[] _clickPowers = new double[Group];
    private readonly float[] _clickNoise = new float[Group];

    private int _sampleRate;
    private double _frequency = 50;
    private double _pitchDrop = 3;
    private double _pitchDecay = 0.035;
    private double _decay = 0.5;
    private double _click = 0.25;

    private bool _active;
    private int _remaining;
    private int _position;
    private double _amplitudeBase;
    private double _amplitudeStride;
    private double _pitchBase;
    private double _pitchStride;
    private double _clickBase;
    private double _clickStride;
    private double _restingStep; // the resting frequency's phase step, f/fs
    private double _sweep; // (drop − 1)/(1 − m_pitch): the pitch sweep's share of the phase
    private long _skippedNoise; // click noise not drawn since the click fell silent, caught up before the next draw

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
        _skippedNoise = 0;
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
        _position = 0;
        double pitchMultiplier = Math.Exp(-1.0 / (_pitchDecay * _sampleRate));
        _amplitudeBase = v;
        _amplitudeStride = Powers(_amplitudePowers, VoiceDecay.Multiplier(_decay, _sampleRate));
        _pitchBase = 1;
        _pitchStride = Powers(_pitchPowers, pitchMultiplier);
        _clickBase = v * _click;
        _clickStride = Powers(_clickPowers, Math.Exp(-1.0 / (ClickTimeConstant * _sampleRate)));
        _restingStep = _frequency / _sampleRate;
        _sweep = (_pitchDrop - 1) / (1 - pitchMultiplier);
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
    /// Up to 256 samples, never past the end of the hit, eight at a time where a group of eight of the hit begins. Sample
    /// k = 8g + r since the trigger has amplitude A_g·aʳ, pitch envelope P_g·pʳ and click level C_g·cʳ, where A, P and C
    /// are multiplied by a⁸, p⁸ and c⁸ once per group (P and C flushed against subnormals), and phase
    /// (f/fs)·(k + (drop − 1)(1 − pᵏ)/(1 − p)), the sum of the swept steps in closed form. So no sample waits on the one
    /// before, each sample has one expression whatever the block boundaries, and a one-sample chunk (<see cref="Tick"/>)
    /// is the reference. Noise for the click is drawn only while the click level is not yet zero; the generator is jumped
/// past the skipped draws (<see cref="NoiseGenerator.Skip"/>) before the next hit draws, so each sample keeps its value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RenderChunk(Span<float> output)
    {
        int n = output.Length;
        int i = 0;
        while (i < n)
        {
            if (Vector256.IsHardwareAccelerated && (_position & (Group - 1)) == 0 && n - i >= Group)
            {
                RenderGroup(output.Slice(i, Group));
                i += Group;
                continue;
            }

            int r = _position & (Group - 1);
            double pitch = Denormal.Flush(_pitchBase * _pitchPowers[r]);
            double phase = _restingStep * (_position + (_sweep * (1 - pitch)));
            double body = _amplitudeBase * _amplitudePowers[r] * FastSine.Sin2Pi(phase);
            double click = 0;
            if (_clickBase != 0)
            {
                CatchUpNoise();
                click = Denormal.Flush(_clickBase * _clickPowers[r]) * _noise.NextWhite();
            }
            else
            {
                _skippedNoise++;
            }

            output[i] += Denormal.Flush((float)(body + click));
            if (r == Group - 1)
            {
                NextGroup();
            }

            _position++;
            i++;
        }

        _remaining -= n;
        if (_remaining <= 0)
        {
            _active = false;
        }
    }

    /// <summary>The eight samples of one group, lane by lane the scalar expression of <see cref="RenderChunk"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RenderGroup(Span<float> output)
    {
        ref double amplitudePowers = ref MemoryMarshal.GetArrayDataReference(_amplitudePowers);
        ref double pitchPowers = ref MemoryMarshal.GetArrayDataReference(_pitchPowers);
        var position = Vector256.Create((double)_position);
        var step = Vector256.Create(_restingStep);
        var sweep = Vector256.Create(_sweep);
        var amplitudeBase = Vector256.Create(_amplitudeBase);
        var pitchBase = Vector256.Create(_pitchBase);
        Vector256<double> clickLow = Vector256<double>.Zero;
        Vector256<double> clickHigh = Vector256<double>.Zero;
        if (_clickBase == 0)
        {
            _skippedNoise += Group;
        }
        else
        {
            CatchUpNoise();
            for (int j = 0; j < Group; j++)
            {
                _clickNoise[j] = _noise.NextWhite();
            }

            ref double clickPowers = ref MemoryMarshal.GetArrayDataReference(_clickPowers);
            var clickBase = Vector256.Create(_clickBase);
            Vector256<float> noise = Vector256.Create(_clickNoise);
            clickLow = Denormal.Flush(clickBase * Vector256.LoadUnsafe(ref clickPowers)) * Vector256.WidenLower(noise);
            clickHigh = Denormal.Flush(clickBase * Vector256.LoadUnsafe(ref clickPowers, 4)) * Vector256.WidenUpper(noise);
        }

        Vector256<double> pitchLow = Denormal.Flush(pitchBase * Vector256.LoadUnsafe(ref pitchPowers));
        Vector256<double> pitchHigh = Denormal.Flush(pitchBase * Vector256.LoadUnsafe(ref pitchPowers, 4));
        Vector256<double> phaseLow = step * (position + Vector256.Create(0.0, 1, 2, 3) + (sweep * (Vector256<double>.One - pitchLow)));
        Vector256<double> phaseHigh = step * (position + Vector256.Create(4.0, 5, 6, 7) + (sweep * (Vector256<double>.One - pitchHigh)));
        Vector256<double> low = (amplitudeBase * Vector256.LoadUnsafe(ref amplitudePowers) * FastSine.Sin2Pi(phaseLow)) + clickLow;
        Vector256<double> high = (amplitudeBase * Vector256.LoadUnsafe(ref amplitudePowers, 4) * FastSine.Sin2Pi(phaseHigh)) + clickHigh;
        ref float bus = ref MemoryMarshal.GetReference(output);
        (Vector256.LoadUnsafe(ref bus) + Denormal.Flush(Vector256.Narrow(low, high))).StoreUnsafe(ref bus);
        NextGroup();
        _position += Group;
    }

    /// <summary>Advances the click noise past the draws skipped while the click was silent, so every sample of a hit owns the noise value it always had.</summary>
    private void CatchUpNoise()
    {
        if (_skippedNoise != 0)
        {
            _noise.Skip(_skippedNoise);
            _skippedNoise = 0;
        }
    }

    /// <summary>Moves the three decays on by one group of eight samples.</summary>
    private void NextGroup()
    {
        _amplitudeBase *= _amplitudeStride;
        _pitchBase = Denormal.Flush(_pitchBase * _pitchStride);
        _clickBase = Denormal.Flush(_clickBase * _clickStride);
    }

    /// <summary>Fills <paramref name="powers"/> with m⁰ … m⁷ and returns m⁸.</summary>
    private static double Powers(double[] powers, double multiplier)
    {
        powers[0] = 1;
        for (int r = 1; r < Group; r++)
        {
            powers[r] = powers[r - 1] * multiplier;
        }

        return powers[Group - 1] * multiplier;
    }
}
