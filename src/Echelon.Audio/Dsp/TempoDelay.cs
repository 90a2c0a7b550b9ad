using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Echelon.Audio.Dsp;

/// <summary>Stereo ping-pong delay whose time is a number of beats at a tempo.</summary>
/// <remarks>
/// <para>
/// The mono sum of the input enters the left line; the left line's output feeds the right line and the
/// right line's output feeds back into the left, each pass scaled by <see cref="Feedback"/> and darkened
/// by a one-pole low-pass (<see cref="Damping"/>). Echoes therefore alternate left, right, left… at
/// multiples of the delay time, each darker and quieter than the one before (the tape-echo topology; Udo
/// Zölzer (ed.), "DAFX: Digital Audio Effects", 2nd ed., Wiley 2011, ch. 2).
/// </para>
/// <para>
/// The delay time is <see cref="Beats"/> × 60 / <see cref="Bpm"/> seconds. When either changes the read
/// position glides there instead of jumping, like a tape machine changing speed, so a change never
/// clicks: exponentially with a 50 ms time constant, but never faster than 0.25 samples per sample, which
/// bends the echoes' pitch by at most −5/+4 semitones while it moves. Reads use linear interpolation. The buffers are allocated by
/// <see cref="Prepare"/> for the longest time, 2 beats at 40 BPM (3 s).
/// </para>
/// <para>Threading: one rendering thread; <see cref="Process"/> and <see cref="Tick"/> never allocate, lock or throw after <see cref="Prepare"/>.</para>
/// </remarks>
public sealed class TempoDelay
{
    /// <summary>Slowest tempo, in beats per minute.</summary>
    public const double MinBpm = 40;

    /// <summary>Fastest tempo, in beats per minute.</summary>
    public const double MaxBpm = 200;

    /// <summary>Longest delay, in beats.</summary>
    public const double MaxBeats = 2;

    /// <summary>Shortest delay, in beats (a 64th note).</summary>
    public const double MinBeats = 1.0 / 16;

    private const double GlideSeconds = 0.05;
    private const double MaxGlideRate = 0.25; // samples of delay per sample: pitch bends by at most −5 / +4 semitones.
    private const double SettleSamples = 1e-3;

    private float[] _left = [];
    private float[] _right = [];
    private int _mask;
    private int _write;

    private int _sampleRate;
    private double _bpm = 120;
    private double _beats = 0.75;
    private double _feedback = 0.4;
    private double _mix = 0.3;
    private double _damping = 0.3;

    private double _targetDelay;
    private double _delay;
    private double _glide;
    private float _lowLeft;
    private float _lowRight;

    /// <summary>Tempo in beats per minute, [40, 200]. Default 120.</summary>
    public double Bpm
    {
        get => _bpm;
        set
        {
            DspGuard.Closed(value, MinBpm, MaxBpm, nameof(Bpm), " BPM");
            _bpm = value;
            UpdateTarget();
        }
    }

    /// <summary>Delay time in beats, [1/16, 2]. Default 0.75 (a dotted eighth).</summary>
    public double Beats
    {
        get => _beats;
        set
        {
            DspGuard.Closed(value, MinBeats, MaxBeats, nameof(Beats), " beats");
            _beats = value;
            UpdateTarget();
        }
    }

    /// <summary>Level of each repeat relative to the one before, [0, 0.95]. Default 0.4.</summary>
    public double Feedback
    {
        get => _feedback;
        set
        {
            DspGuard.Closed(value, 0, 0.95, nameof(Feedback), string.Empty);
            _feedback = value;
        }
    }

    /// <summary>Wet share of the output, [0, 1]: 0 is dry only, 1 echoes only. Default 0.3.</summary>
    public double Mix
    {
        get => _mix;
        set
        {
            DspGuard.Closed(value, 0, 1, nameof(Mix), string.Empty);
            _mix = value;
        }
    }

    /// <summary>High-frequency loss per repeat, [0, 0.99]: the one-pole coefficient of the loop low-pass. Default 0.3.</summary>
    public double Damping
    {
        get => _damping;
        set
        {
            DspGuard.Closed(value, 0, 0.99, nameof(Damping), string.Empty);
            _damping = value;
        }
    }

    /// <summary>The current delay in samples (gliding towards Beats × 60 / Bpm × SampleRate).</summary>
    public double DelaySamples => _delay;

    /// <summary>Allocates the delay lines for 2 beats at 40 BPM and clears them.</summary>
    /// <param name="sampleRate">Samples per second, 8,000–384,000.</param>
    public void Prepare(int sampleRate)
    {
        DspGuard.SampleRate(sampleRate, nameof(sampleRate));
        _sampleRate = sampleRate;
        int longest = (int)Math.Ceiling(MaxBeats * 60 / MinBpm * sampleRate) + 2;
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)longest);
        _left = new float[size];
        _right = new float[size];
        _mask = size - 1;
        _glide = 1 - Math.Exp(-1.0 / (GlideSeconds * sampleRate));
        UpdateTarget();
        Reset();
    }

    /// <summary>Empties the delay lines and lands the delay time on its target.</summary>
    public void Reset()
    {
        Array.Clear(_left);
        Array.Clear(_right);
        _write = 0;
        _delay = _targetDelay;
        _lowLeft = 0;
        _lowRight = 0;
    }

    /// <summary>Processes one stereo sample: the per-sample reference of <see cref="Process"/>.</summary>
    /// <param name="left">Left input; replaced by the left output.</param>
    /// <param name="right">Right input; replaced by the right output.</param>
    public void Tick(ref float left, ref float right)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(TempoDelay));
        Next(ref left, ref right);
    }

    /// <summary>Processes a stereo block in place; any length, zero included.</summary>
    /// <param name="left">Left channel.</param>
    /// <param name="right">Right channel, the same length as <paramref name="left"/> (only the common length is processed).</param>
    public void Process(Span<float> left, Span<float> right)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(TempoDelay));
        Debug.Assert(left.Length == right.Length, "Stereo channels must have the same length.");
        int n = Math.Min(left.Length, right.Length);
        for (int i = 0; i < n; i++)
        {
            Next(ref left[i], ref right[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Next(ref float left, ref float right)
    {
        double delay = _delay;
        if (delay != _targetDelay)
        {
            delay += Math.Clamp((_targetDelay - delay) * _glide, -MaxGlideRate, MaxGlideRate);
            if (Math.Abs(_targetDelay - delay) < SettleSamples)
            {
                delay = _targetDelay;
            }

            _delay = delay;
        }

        double read = _write - delay;
        double floor = Math.Floor(read);
        int i0 = (int)floor & _mask;
        int i1 = (i0 + 1) & _mask;
        float frac = (float)(read - floor);
        float echoLeft = _left[i0] + ((_left[i1] - _left[i0]) * frac);
        float echoRight = _right[i0] + ((_right[i1] - _right[i0]) * frac);

        float damping = (float)_damping;
        float feedback = (float)_feedback;
        _lowLeft = Denormal.Flush(echoLeft + ((_lowLeft - echoLeft) * damping));
        _lowRight = Denormal.Flush(echoRight + ((_lowRight - echoRight) * damping));

        float mono = 0.5f * (left + right);
        _left[_write] = Denormal.Flush(mono + (feedback * _lowRight));
        _right[_write] = Denormal.Flush(feedback * _lowLeft);
        _write = (_write + 1) & _mask;

        float mix = (float)_mix;
        float dry = 1 - mix;
        left = Denormal.Flush((dry * left) + (mix * echoLeft));
        right = Denormal.Flush((dry * right) + (mix * echoRight));
    }

    private void UpdateTarget()
    {
        if (_sampleRate > 0)
        {
            _targetDelay = _beats * 60 / _bpm * _sampleRate;
        }
    }
}
