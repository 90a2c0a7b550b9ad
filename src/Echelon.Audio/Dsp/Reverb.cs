using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Echelon.Audio.Dsp;

/// <summary>Stereo Freeverb: eight damped comb filters and four all-pass filters per channel.</summary>
/// <remarks>
/// <para>
/// Jezar at Dreampoint's Freeverb (public domain, 2000; analysed in Julius O. Smith, "Physical Audio
/// Signal Processing", 2010, "Freeverb"), a Schroeder–Moorer reverberator: the mono sum of the input,
/// scaled by 0.015, feeds eight parallel lowpass-feedback combs (delays 1116, 1188, 1277, 1356, 1422,
/// 1491, 1557 and 1617 samples) whose outputs are summed and diffused by four series all-passes (556,
/// 441, 341, 225 samples, feedback 0.5). The right channel's delays are 23 samples longer, which
/// decorrelates the two outputs. All delays are the classic 44.1 kHz tunings scaled to the sample rate, so
/// the room sounds the same at any rate. Comb feedback is 0.7 + 0.28·<see cref="RoomSize"/>; the lowpass in
/// each comb loop has coefficient 0.4·<see cref="Damping"/>.
/// </para>
/// <para>
/// Output: (1 − <see cref="Mix"/>)·dry + <see cref="Mix"/>·wet, with <see cref="Width"/> spreading the two wet
/// channels as in Freeverb. The input, each comb's low-pass state and each all-pass write go through
/// <see cref="Denormal.Flush(float)"/> (the role of Freeverb's <c>undenormalise</c>); a comb's write is the sum of two
/// flushed values and so is never subnormal itself. A decaying tail therefore reaches exact zero.
/// </para>
/// <para>Threading: one rendering thread; <see cref="Process"/> and <see cref="Tick"/> never allocate, lock or throw after <see cref="Prepare"/>.</para>
/// </remarks>
public sealed class Reverb
{
    private const int ReferenceRate = 44_100;
    private const int StereoSpread = 23;
    private const float InputGain = 0.015f;
    private const float AllPassFeedback = 0.5f;

    private static readonly int[] s_combTunings = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617];
    private static readonly int[] s_allPassTunings = [556, 441, 341, 225];

    private readonly Comb[] _combsLeft = new Comb[s_combTunings.Length];
    private readonly Comb[] _combsRight = new Comb[s_combTunings.Length];
    private readonly AllPass[] _allPassesLeft = new AllPass[s_allPassTunings.Length];
    private readonly AllPass[] _allPassesRight = new AllPass[s_allPassTunings.Length];

    private int _sampleRate;
    private double _mix = 0.25;
    private double _roomSize = 0.5;
    private double _damping = 0.5;
    private double _width = 1;

    private float _feedback;
    private float _damp1;
    private float _damp2;
    private float _dry;
    private float _wet1;
    private float _wet2;

    /// <summary>Creates a reverb with room size 0.5, damping 0.5, width 1 and mix 0.25; call <see cref="Prepare"/> before processing.</summary>
    public Reverb() => UpdateGains();

    /// <summary>Wet share of the output, [0, 1]: 0 is dry only, 1 wet only. Default 0.25.</summary>
    public double Mix
    {
        get => _mix;
        set
        {
            DspGuard.Closed(value, 0, 1, nameof(Mix), string.Empty);
            _mix = value;
            UpdateGains();
        }
    }

    /// <summary>Room size, [0, 1]: comb feedback 0.7 to 0.98 (low-frequency reverberation time about 0.6 s to 10 s). Default 0.5.</summary>
    public double RoomSize
    {
        get => _roomSize;
        set
        {
            DspGuard.Closed(value, 0, 1, nameof(RoomSize), string.Empty);
            _roomSize = value;
            UpdateGains();
        }
    }

    /// <summary>High-frequency damping in the tail, [0, 1]. Default 0.5.</summary>
    public double Damping
    {
        get => _damping;
        set
        {
            DspGuard.Closed(value, 0, 1, nameof(Damping), string.Empty);
            _damping = value;
            UpdateGains();
        }
    }

    /// <summary>Stereo width of the wet signal, [0, 1]: 0 is mono. Default 1.</summary>
    public double Width
    {
        get => _width;
        set
        {
            DspGuard.Closed(value, 0, 1, nameof(Width), string.Empty);
            _width = value;
            UpdateGains();
        }
    }

    /// <summary>Allocates the delay lines for <paramref name="sampleRate"/> and clears them.</summary>
    /// <param name="sampleRate">Samples per second, 8,000–384,000.</param>
    public void Prepare(int sampleRate)
    {
        DspGuard.SampleRate(sampleRate, nameof(sampleRate));
        _sampleRate = sampleRate;
        for (int i = 0; i < s_combTunings.Length; i++)
        {
            _combsLeft[i] = new Comb(Scale(s_combTunings[i], sampleRate));
            _combsRight[i] = new Comb(Scale(s_combTunings[i] + StereoSpread, sampleRate));
        }

        for (int i = 0; i < s_allPassTunings.Length; i++)
        {
            _allPassesLeft[i] = new AllPass(Scale(s_allPassTunings[i], sampleRate));
            _allPassesRight[i] = new AllPass(Scale(s_allPassTunings[i] + StereoSpread, sampleRate));
        }
    }

    /// <summary>Empties every delay line and filter.</summary>
    public void Reset()
    {
        for (int i = 0; i < _combsLeft.Length && _sampleRate > 0; i++)
        {
            _combsLeft[i].Clear();
            _combsRight[i].Clear();
        }

        for (int i = 0; i < _allPassesLeft.Length && _sampleRate > 0; i++)
        {
            _allPassesLeft[i].Clear();
            _allPassesRight[i].Clear();
        }
    }

    /// <summary>Processes one stereo sample: the per-sample reference of <see cref="Process"/>.</summary>
    /// <param name="left">Left input; replaced by the left output.</param>
    /// <param name="right">Right input; replaced by the right output.</param>
    public void Tick(ref float left, ref float right)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(Reverb));
        Next(ref left, ref right);
    }

    /// <summary>Processes a stereo block in place; any length, zero included.</summary>
    /// <param name="left">Left channel.</param>
    /// <param name="right">Right channel, the same length as <paramref name="left"/> (only the common length is processed).</param>
    public void Process(Span<float> left, Span<float> right)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(Reverb));
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
        float input = Denormal.Flush((left + right) * InputGain);
        float outLeft = 0;
        float outRight = 0;
        Comb[] combsLeft = _combsLeft;
        Comb[] combsRight = _combsRight;
        for (int c = 0; c < combsLeft.Length; c++)
        {
            outLeft += combsLeft[c].Process(input, _feedback, _damp1, _damp2);
            outRight += combsRight[c].Process(input, _feedback, _damp1, _damp2);
        }

        AllPass[] allPassesLeft = _allPassesLeft;
        AllPass[] allPassesRight = _allPassesRight;
        for (int a = 0; a < allPassesLeft.Length; a++)
        {
            outLeft = allPassesLeft[a].Process(outLeft);
            outRight = allPassesRight[a].Process(outRight);
        }

        float dryLeft = left;
        float dryRight = right;
        left = Denormal.Flush((outLeft * _wet1) + (outRight * _wet2) + (dryLeft * _dry));
        right = Denormal.Flush((outRight * _wet1) + (outLeft * _wet2) + (dryRight * _dry));
    }

    private static int Scale(int samplesAt44k, int sampleRate) =>
        Math.Max(1, (int)Math.Round((double)samplesAt44k * sampleRate / ReferenceRate));

    private void UpdateGains()
    {
        _feedback = (float)((_roomSize * 0.28) + 0.7);
        _damp1 = (float)(_damping * 0.4);
        _damp2 = 1 - _damp1;
        float wet = (float)_mix;
        _dry = (float)(1 - _mix);
        _wet1 = (float)(wet * ((_width / 2) + 0.5));
        _wet2 = (float)(wet * ((1 - _width) / 2));
    }

    /// <summary>Lowpass-feedback comb filter (Freeverb's <c>comb</c>).</summary>
    private struct Comb(int length)
    {
        private readonly float[] _buffer = new float[length];
        private int _index;
        private float _store;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Process(float input, float feedback, float damp1, float damp2)
        {
            float output = _buffer[_index];
            _store = Denormal.Flush((output * damp2) + (_store * damp1));
            // No flush needed here: input and store are each 0 or at least 1e−15, so their sum is 0 or normal.
            _buffer[_index] = input + (_store * feedback);
            if (++_index == _buffer.Length)
            {
                _index = 0;
            }

            return output;
        }

        public void Clear()
        {
            Array.Clear(_buffer);
            _index = 0;
            _store = 0;
        }
    }

    /// <summary>Schroeder all-pass as in Freeverb's <c>allpass</c>.</summary>
    private struct AllPass(int length)
    {
        private readonly float[] _buffer = new float[length];
        private int _index;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Process(float input)
        {
            float delayed = _buffer[_index];
            float output = delayed - input;
            _buffer[_index] = Denormal.Flush(input + (delayed * AllPassFeedback));
            if (++_index == _buffer.Length)
            {
                _index = 0;
            }

            return output;
        }

        public void Clear()
        {
            Array.Clear(_buffer);
            _index = 0;
        }
    }
}
