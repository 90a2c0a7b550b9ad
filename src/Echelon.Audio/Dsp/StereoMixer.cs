using System.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Echelon.Audio.Dsp;

/// <summary>Mixes N mono channels into a stereo pair with per-channel gain, equal-power pan and mute.</summary>
/// <remarks>
/// <para>
/// Pan p ∈ [−1, 1] maps to θ = (p + 1)·π/4 and the gains (cos θ, sin θ), so the total power is the same
/// at every position and the centre is −3 dB per side (the sine–cosine pan law; Curtis Roads, "The
/// Computer Music Tutorial", 1996, ch. 10).
/// </para>
/// <para>
/// Gain, pan and mute set a target; the left and right gains glide to it with a 5 ms one-pole per sample
/// and land on it exactly once within 1e−6, so a change never clicks. While a channel's gains are
/// settled, its whole remaining block is added with <see cref="TensorPrimitives.MultiplyAdd(ReadOnlySpan{float}, float, ReadOnlySpan{float}, Span{float})"/>
/// (SIMD); while they glide, sample by sample. <see cref="Tick"/> is the scalar reference: the two paths
/// give bit-identical results because MultiplyAdd computes x·g + acc without fusing, exactly like the
/// scalar code. A muted channel that has faded out is skipped entirely (a NaN in a muted input cannot
/// reach the output).
/// </para>
/// <para>Threading: one rendering thread; <see cref="Process"/> and <see cref="Tick"/> never allocate, lock or throw after <see cref="Prepare"/>.</para>
/// </remarks>
public sealed class StereoMixer
{
    private const double GlideSeconds = 0.005;
    private const float SettleTolerance = 1e-6f;

    private readonly float[] _gain;
    private readonly float[] _pan;
    private readonly bool[] _mute;
    private readonly float[] _targetLeft;
    private readonly float[] _targetRight;
    private readonly float[] _currentLeft;
    private readonly float[] _currentRight;

    private int _sampleRate;
    private float _glide;

    /// <summary>Creates a mixer with <paramref name="channelCount"/> channels at unity gain, centred, unmuted.</summary>
    /// <param name="channelCount">Number of input channels, 1–256.</param>
    public StereoMixer(int channelCount)
    {
        DspGuard.Closed(channelCount, 1, 256, nameof(channelCount), " channels");
        ChannelCount = channelCount;
        _gain = new float[channelCount];
        _pan = new float[channelCount];
        _mute = new bool[channelCount];
        _targetLeft = new float[channelCount];
        _targetRight = new float[channelCount];
        _currentLeft = new float[channelCount];
        _currentRight = new float[channelCount];
        Array.Fill(_gain, 1f);
        for (int c = 0; c < channelCount; c++)
        {
            UpdateTarget(c);
        }

        Reset();
    }

    /// <summary>Number of input channels.</summary>
    public int ChannelCount { get; }

    /// <summary>Sets the sample rate (for the glide time) and lands every gain on its target.</summary>
    /// <param name="sampleRate">Samples per second, 8,000–384,000.</param>
    public void Prepare(int sampleRate)
    {
        DspGuard.SampleRate(sampleRate, nameof(sampleRate));
        _sampleRate = sampleRate;
        _glide = (float)(1 - Math.Exp(-1.0 / (GlideSeconds * sampleRate)));
        Reset();
    }

    /// <summary>Lands every channel's gains on their targets (no glide).</summary>
    public void Reset()
    {
        Array.Copy(_targetLeft, _currentLeft, _targetLeft.Length);
        Array.Copy(_targetRight, _currentRight, _targetRight.Length);
    }

    /// <summary>Linear gain of a channel.</summary>
    /// <param name="channel">Channel index.</param>
    /// <returns>The gain.</returns>
    public float GetGain(int channel) => _gain[CheckChannel(channel)];

    /// <summary>Sets a channel's linear gain, [0, 4] (up to +12 dB).</summary>
    /// <param name="channel">Channel index.</param>
    /// <param name="gain">The gain.</param>
    public void SetGain(int channel, float gain)
    {
        CheckChannel(channel);
        DspGuard.Closed(gain, 0, 4, nameof(gain), string.Empty);
        _gain[channel] = gain;
        UpdateTarget(channel);
    }

    /// <summary>Pan position of a channel.</summary>
    /// <param name="channel">Channel index.</param>
    /// <returns>The pan, −1 (left) to 1 (right).</returns>
    public float GetPan(int channel) => _pan[CheckChannel(channel)];

    /// <summary>Sets a channel's pan, [−1, 1]: −1 hard left, 0 centre (−3 dB each side), 1 hard right.</summary>
    /// <param name="channel">Channel index.</param>
    /// <param name="pan">The pan position.</param>
    public void SetPan(int channel, float pan)
    {
        CheckChannel(channel);
        DspGuard.Closed(pan, -1, 1, nameof(pan), string.Empty);
        _pan[channel] = pan;
        UpdateTarget(channel);
    }

    /// <summary>Whether a channel is muted.</summary>
    /// <param name="channel">Channel index.</param>
    /// <returns>True when muted.</returns>
    public bool IsMuted(int channel) => _mute[CheckChannel(channel)];

    /// <summary>Mutes or unmutes a channel (it fades over about 5 ms).</summary>
    /// <param name="channel">Channel index.</param>
    /// <param name="muted">True to mute.</param>
    public void SetMute(int channel, bool muted)
    {
        CheckChannel(channel);
        _mute[channel] = muted;
        UpdateTarget(channel);
    }

    /// <summary>Mixes one sample of every channel: the scalar reference of <see cref="Process"/>.</summary>
    /// <param name="inputs">One sample per channel.</param>
    /// <param name="left">The left output.</param>
    /// <param name="right">The right output.</param>
    public void Tick(ReadOnlySpan<float> inputs, out float left, out float right)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(StereoMixer));
        Debug.Assert(inputs.Length >= ChannelCount, "One input sample per channel.");
        left = 0;
        right = 0;
        for (int c = 0; c < ChannelCount; c++)
        {
            if (Settled(c))
            {
                if (_currentLeft[c] != 0 || _currentRight[c] != 0)
                {
                    left += inputs[c] * _currentLeft[c];
                    right += inputs[c] * _currentRight[c];
                }
            }
            else
            {
                Glide(c, out float gl, out float gr);
                left += inputs[c] * gl;
                right += inputs[c] * gr;
            }
        }
    }

    /// <summary>
    /// Writes (overwrites) <paramref name="left"/> and <paramref name="right"/> with the mix of the first
    /// <c>left.Length</c> samples of every input; any length, zero included.
    /// </summary>
    /// <param name="inputs">One buffer per channel, each at least <c>left.Length</c> long.</param>
    /// <param name="left">Left output.</param>
    /// <param name="right">Right output, the same length as <paramref name="left"/>.</param>
    public void Process(ReadOnlySpan<float[]> inputs, Span<float> left, Span<float> right)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(StereoMixer));
        Debug.Assert(inputs.Length >= ChannelCount, "One input buffer per channel.");
        Debug.Assert(left.Length == right.Length, "Stereo channels must have the same length.");
        int n = Math.Min(left.Length, right.Length);
        left = left[..n];
        right = right[..n];
        left.Clear();
        right.Clear();
        for (int c = 0; c < ChannelCount; c++)
        {
            ReadOnlySpan<float> input = inputs[c].AsSpan(0, n);
            int i = 0;
            while (i < n && !Settled(c))
            {
                Glide(c, out float gl, out float gr);
                left[i] += input[i] * gl;
                right[i] += input[i] * gr;
                i++;
            }

            if (i < n && (_currentLeft[c] != 0 || _currentRight[c] != 0))
            {
                TensorPrimitives.MultiplyAdd(input[i..], _currentLeft[c], left[i..], left[i..]);
                TensorPrimitives.MultiplyAdd(input[i..], _currentRight[c], right[i..], right[i..]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Settled(int c) => _currentLeft[c] == _targetLeft[c] && _currentRight[c] == _targetRight[c];

    /// <summary>One glide step of channel <paramref name="c"/>'s gains; returns the gains for this sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Glide(int c, out float gainLeft, out float gainRight)
    {
        gainLeft = Step(_currentLeft[c], _targetLeft[c], _glide);
        gainRight = Step(_currentRight[c], _targetRight[c], _glide);
        _currentLeft[c] = gainLeft;
        _currentRight[c] = gainRight;

        static float Step(float current, float target, float glide)
        {
            float next = current + ((target - current) * glide);
            return MathF.Abs(target - next) <= SettleTolerance ? target : next;
        }
    }

    private void UpdateTarget(int c)
    {
        (_targetLeft[c], _targetRight[c]) = PanLaw.Gains(_pan[c], _mute[c] ? 0 : _gain[c]);
        if (_sampleRate == 0)
        {
            _currentLeft[c] = _targetLeft[c];
            _currentRight[c] = _targetRight[c];
        }
    }

    private int CheckChannel(int channel)
    {
        DspGuard.Closed(channel, 0, ChannelCount - 1, nameof(channel), string.Empty);
        return channel;
    }
}
