using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Echelon.Audio.Dsp;

/// <summary>
/// Attack–decay–sustain–release envelope whose segments last exactly their stated number of samples.
/// </summary>
/// <remarks>
/// <para>
/// Each segment runs from the level where it starts to its target in N = round(seconds × sampleRate)
/// samples and lands on the target exactly at its N-th sample (attack 10 ms at 48 kHz: the 480th sample
/// after note-on is the peak). A linear segment moves by equal steps, computed as start + (target − start)·k/N
/// so no error accumulates. An exponential segment follows w_k = e^(−5k/N) normalised to
/// (w_k − e^(−5)) / (1 − e^(−5)), the curve of an RC envelope that aims slightly past its target (the shape
/// of analog ADSRs; Puckette, "The Theory and Technique of Electronic Music", 2007, §4.8), so it too ends
/// exactly on time. w_k = m^k with m = e^(−5/N) is computed as b·m^(r+1) for k − 1 = 8g + r, where the base
/// b = m^(8g) is multiplied by m⁸ every eight samples: no sample waits for the one before it, so
/// <see cref="Process"/> computes eight levels at once (the same arithmetic per sample as <see cref="Tick"/>, so
/// the two agree to the bit) and m^k differs from the sample-by-sample product by a few units in the last
/// place of a double.
/// </para>
/// <para>
/// The peak is the note-on velocity; the sustain level is <see cref="SustainLevel"/> × velocity. Note-on
/// during a note starts the attack from the current level (no click); note-off in any stage starts the
/// release from the current level. Segment lengths are read when a segment starts, so a change of
/// <see cref="AttackSeconds"/> during an attack applies from the next attack. With a sustain level of 0
/// the envelope goes idle when the decay ends, which suits plucked and percussive voices.
/// </para>
/// <para>Threading: one rendering thread; nothing here allocates, locks or throws after <see cref="Prepare"/>.</para>
/// </remarks>
public sealed class Adsr
{
    private const double Curvature = 5.0;
    private const int Group = 8;

    // The exponential segment's normalisation, (w − e^(−5))·1/(1 − e^(−5)): a multiplication, not a division, per level.
    private static readonly double s_floor = Math.Exp(-Curvature);
    private static readonly double s_scale = 1 / (1 - Math.Exp(-Curvature));

    private int _sampleRate;
    private double _attack = 0.01;
    private double _decay = 0.2;
    private double _sustain = 0.7;
    private double _release = 0.3;
    private EnvelopeCurve _curve = EnvelopeCurve.Exponential;

    private AdsrStage _stage;
    private double _value;
    private double _peak;
    private double _start;
    private double _target;
    private int _length;
    private int _position;
    private readonly double[] _powers = new double[Group]; // m^1 … m^8 of the current exponential segment
    private double _wBase;
    private double _perSample; // 1/N of the current segment (linear)
    private bool _linear;

    /// <summary>Attack time in seconds, [0, 60]. Default 0.01.</summary>
    public double AttackSeconds
    {
        get => _attack;
        set
        {
            DspGuard.Closed(value, 0, 60, nameof(AttackSeconds), " s");
            _attack = value;
        }
    }

    /// <summary>Decay time in seconds, [0, 60]. Default 0.2.</summary>
    public double DecaySeconds
    {
        get => _decay;
        set
        {
            DspGuard.Closed(value, 0, 60, nameof(DecaySeconds), " s");
            _decay = value;
        }
    }

    /// <summary>Sustain level as a fraction of the note's velocity, [0, 1]. Default 0.7.</summary>
    public double SustainLevel
    {
        get => _sustain;
        set
        {
            DspGuard.Closed(value, 0, 1, nameof(SustainLevel), string.Empty);
            _sustain = value;
        }
    }

    /// <summary>Release time in seconds, [0, 60]. Default 0.3.</summary>
    public double ReleaseSeconds
    {
        get => _release;
        set
        {
            DspGuard.Closed(value, 0, 60, nameof(ReleaseSeconds), " s");
            _release = value;
        }
    }

    /// <summary>Segment shape. Default <see cref="EnvelopeCurve.Exponential"/>.</summary>
    public EnvelopeCurve Curve
    {
        get => _curve;
        set
        {
            DspGuard.Defined(value, nameof(Curve));
            _curve = value;
        }
    }

    /// <summary>The current stage.</summary>
    public AdsrStage Stage => _stage;

    /// <summary>True from note-on until the release (or a zero-sustain decay) has ended.</summary>
    public bool IsActive => _stage != AdsrStage.Idle;

    /// <summary>The level of the last sample produced.</summary>
    public float Level => (float)_value;

    /// <summary>Sets the sample rate and resets to idle.</summary>
    /// <param name="sampleRate">Samples per second, 8,000–384,000.</param>
    public void Prepare(int sampleRate)
    {
        DspGuard.SampleRate(sampleRate, nameof(sampleRate));
        RealTimeCode.CompileAhead(typeof(Adsr));
        _sampleRate = sampleRate;
        Reset();
    }

    /// <summary>Goes idle at level 0.</summary>
    public void Reset()
    {
        _stage = AdsrStage.Idle;
        _value = 0;
        _peak = 0;
    }

    /// <summary>Starts the attack towards <paramref name="velocity"/> from the current level.</summary>
    /// <param name="velocity">Peak level; clamped to [0, 1] (NaN counts as 0), since this runs on the audio thread.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void NoteOn(float velocity)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(Adsr));
        _peak = float.IsNaN(velocity) ? 0 : Math.Clamp(velocity, 0f, 1f);
        Begin(AdsrStage.Attack);
    }

    /// <summary>Starts the release from the current level; does nothing when idle or already releasing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void NoteOff()
    {
        if (_stage is not (AdsrStage.Idle or AdsrStage.Release))
        {
            Begin(AdsrStage.Release);
        }
    }

    /// <summary>Advances one sample: the per-sample reference of <see cref="Render"/> and <see cref="Process"/>.</summary>
    /// <returns>The envelope level.</returns>
    public float Tick()
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(Adsr));
        return Next();
    }

    /// <summary>Writes (overwrites) the next <c>output.Length</c> envelope levels; any length, zero included.</summary>
    /// <param name="output">Where the levels go.</param>
    public void Render(Span<float> output)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(Adsr));
        output.Fill(1f);
        ProcessUnchecked(output);
    }

    /// <summary>Multiplies <paramref name="buffer"/> in place by the next <c>buffer.Length</c> envelope levels.</summary>
    /// <param name="buffer">The signal to shape.</param>
    public void Process(Span<float> buffer)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(Adsr));
        ProcessUnchecked(buffer);
    }

    /// <summary>
    /// <see cref="Process"/> without the preparation check: idle and sustain multiply the rest of the block by one
    /// constant, a segment eight levels at a time where eight whole levels remain before its last sample, and
    /// one at a time otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void ProcessUnchecked(Span<float> buffer)
    {
        int i = 0;
        while (i < buffer.Length)
        {
            if (_stage is AdsrStage.Idle or AdsrStage.Sustain)
            {
                // Both last until a note event, which never comes inside a block.
                Span<float> rest = buffer[i..];
                BlockMath.Scale(rest, _stage == AdsrStage.Idle ? 0f : (float)_value);
                return;
            }

            // Whole groups of eight levels, none of them the segment's last (which lands exactly on the target).
            int groups = Math.Min((buffer.Length - i) / Group, (_length - _position - 1) / Group);
            if (Vector256.IsHardwareAccelerated && groups > 0 && (_linear || (_position & (Group - 1)) == 0))
            {
                NextGroups(buffer.Slice(i, groups * Group));
                i += groups * Group;
            }
            else
            {
                buffer[i] *= Next();
                i++;
            }
        }
    }

    /// <summary>Whole groups of eight levels of a segment, none of them its last, computed exactly as calls of <see cref="Next"/> would.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void NextGroups(Span<float> buffer)
    {
        ref float x = ref MemoryMarshal.GetReference(buffer);
        var target = Vector256.Create(_target);
        var span = Vector256.Create(_start - _target);
        Vector256<double> high = default;
        if (_linear)
        {
            var perSample = Vector256.Create(_perSample);
            for (int i = 0; i < buffer.Length; i += Group)
            {
                var position = Vector256.Create((double)(_position + i));
                Vector256<double> low = Vector256<double>.One - ((position + Vector256.Create(1.0, 2, 3, 4)) * perSample);
                high = Vector256<double>.One - ((position + Vector256.Create(5.0, 6, 7, 8)) * perSample);
                low = Denormal.Flush(target + (span * low));
                high = Denormal.Flush(target + (span * high));
                (Vector256.LoadUnsafe(ref x, (nuint)i) * Vector256.Narrow(low, high)).StoreUnsafe(ref x, (nuint)i);
            }
        }
        else
        {
            ref double powers = ref MemoryMarshal.GetArrayDataReference(_powers);
            Vector256<double> powersLow = Vector256.LoadUnsafe(ref powers);
            Vector256<double> powersHigh = Vector256.LoadUnsafe(ref powers, 4);
            double step = _powers[Group - 1];
            double wBase = _wBase;
            var floor = Vector256.Create(s_floor);
            var scale = Vector256.Create(s_scale);
            for (int i = 0; i < buffer.Length; i += Group)
            {
                var b = Vector256.Create(wBase);
                Vector256<double> low = Vector256.Max(Vector256<double>.Zero, ((b * powersLow) - floor) * scale);
                high = Vector256.Max(Vector256<double>.Zero, ((b * powersHigh) - floor) * scale);
                wBase *= step;
                low = Denormal.Flush(target + (span * low));
                high = Denormal.Flush(target + (span * high));
                (Vector256.LoadUnsafe(ref x, (nuint)i) * Vector256.Narrow(low, high)).StoreUnsafe(ref x, (nuint)i);
            }

            _wBase = wBase;
        }

        _position += buffer.Length;
        _value = high.GetElement(3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float Next()
    {
        switch (_stage)
        {
            case AdsrStage.Idle:
                return 0;
            case AdsrStage.Sustain:
                return (float)_value;
            default:
                break;
        }

        if (++_position >= _length)
        {
            _value = _target;
            Advance();
        }
        else
        {
            double weight;
            if (_linear)
            {
                weight = 1 - (_position * _perSample);
            }
            else
            {
                int r = (_position - 1) & (Group - 1);
                double w = _wBase * _powers[r];
                if (r == Group - 1)
                {
                    _wBase *= _powers[Group - 1];
                }

                weight = Math.Max(0, (w - s_floor) * s_scale);
            }

            _value = Denormal.Flush(_target + ((_start - _target) * weight));
        }

        return (float)_value;
    }

    /// <summary>Moves to the stage after the one that just reached its target.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Advance()
    {
        switch (_stage)
        {
            case AdsrStage.Attack:
                Begin(AdsrStage.Decay);
                break;
            case AdsrStage.Decay:
                _stage = _sustain > 0 ? AdsrStage.Sustain : AdsrStage.Idle;
                break;
            default:
                _stage = AdsrStage.Idle;
                _value = 0;
                break;
        }
    }

    /// <summary>Starts a segment from the current level; a zero-length segment lands on its target at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Begin(AdsrStage stage)
    {
        (double seconds, double target) = stage switch
        {
            AdsrStage.Attack => (_attack, _peak),
            AdsrStage.Decay => (_decay, _sustain * _peak),
            _ => (_release, 0.0),
        };

        _stage = stage;
        _start = _value;
        _target = target;
        _position = 0;
        _length = (int)Math.Round(seconds * _sampleRate);
        _linear = _curve == EnvelopeCurve.Linear;
        _wBase = 1;
        double multiplier = Math.Exp(-Curvature / Math.Max(1, _length));
        _powers[0] = multiplier;
        for (int r = 1; r < Group; r++)
        {
            _powers[r] = _powers[r - 1] * multiplier;
        }

        _perSample = 1.0 / Math.Max(1, _length);
        if (_length == 0)
        {
            _value = target;
            Advance();
        }
    }
}
