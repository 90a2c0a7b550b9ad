using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
/// <para>
/// <see cref="Tick"/> is the reference: Freeverb's loop, one stereo sample through all 16 combs and 8 all-passes.
/// <see cref="Process"/> does the same arithmetic in another order (docs/architecture/0010-render-performance.md).
/// It cuts the block into sub-blocks no longer than the shortest delay, so within a sub-block no comb or all-pass
/// reads a value written in the same sub-block. A comb's only sample-to-sample dependency is then its damping
/// low-pass, so the eight combs of a channel run as the eight lanes of one vector: eight samples of each comb's
/// delay line are loaded, transposed (lane = comb), stepped through the low-pass eight times, and the writes
/// transposed back. The all-passes, whose delays are also longer than a sub-block, are plain 8-wide arithmetic.
/// Each comb and all-pass still sees its samples in order with the same operations, and each sample's comb
/// outputs are summed in the same order, so the two paths agree to the bit (tested with blocks of 1, 7, 128
/// and 4096).
/// </para>
/// <para>Threading: one rendering thread; <see cref="Process"/> and <see cref="Tick"/> never allocate, lock or throw after <see cref="Prepare"/>.</para>
/// </remarks>
public sealed class Reverb
{
    private const int ReferenceRate = 44_100;
    private const int StereoSpread = 23;
    private const float InputGain = 0.015f;
    private const float AllPassFeedback = 0.5f;
    private const int Combs = 8;
    private const int AllPasses = 4;
    private const int Lanes = 8;
    private const int MaxSubBlock = 64;

    private static readonly int[] s_combTunings = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617];
    private static readonly int[] s_allPassTunings = [556, 441, 341, 225];

    // Combs 0–7 are the left channel's, 8–15 the right's; all-passes 0–3 left, 4–7 right.
    private readonly float[][] _comb = new float[2 * Combs][];
    private readonly int[] _combIndex = new int[2 * Combs];
    private readonly float[] _combStore = new float[2 * Combs];
    private readonly float[][] _allPass = new float[2 * AllPasses][];
    private readonly int[] _allPassIndex = new int[2 * AllPasses];

    private readonly float[] _input = new float[MaxSubBlock];
    private readonly float[] _wetLeft = new float[MaxSubBlock];
    private readonly float[] _wetRight = new float[MaxSubBlock];
    private readonly float[] _wrap = new float[Lanes];

    private int _sampleRate;
    private int _subBlock;
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
        RealTimeCode.CompileAhead(typeof(Reverb));
        _sampleRate = sampleRate;
        _subBlock = MaxSubBlock;
        for (int i = 0; i < Combs; i++)
        {
            _comb[i] = new float[Scale(s_combTunings[i], sampleRate)];
            _comb[Combs + i] = new float[Scale(s_combTunings[i] + StereoSpread, sampleRate)];
            _subBlock = Math.Min(_subBlock, _comb[i].Length);
        }

        for (int i = 0; i < AllPasses; i++)
        {
            _allPass[i] = new float[Scale(s_allPassTunings[i], sampleRate)];
            _allPass[AllPasses + i] = new float[Scale(s_allPassTunings[i] + StereoSpread, sampleRate)];
            _subBlock = Math.Min(_subBlock, _allPass[i].Length);
        }

        Reset();
    }

    /// <summary>Empties every delay line and filter.</summary>
    public void Reset()
    {
        if (_sampleRate == 0)
        {
            return;
        }

        foreach (float[] line in _comb)
        {
            Array.Clear(line);
        }

        foreach (float[] line in _allPass)
        {
            Array.Clear(line);
        }

        Array.Clear(_combIndex);
        Array.Clear(_combStore);
        Array.Clear(_allPassIndex);
    }

    /// <summary>Processes one stereo sample: the per-sample reference of <see cref="Process"/>.</summary>
    /// <param name="left">Left input; replaced by the left output.</param>
    /// <param name="right">Right input; replaced by the right output.</param>
    public void Tick(ref float left, ref float right)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(Reverb));
        float input = Denormal.Flush((left + right) * InputGain);
        float outLeft = 0;
        float outRight = 0;
        for (int c = 0; c < Combs; c++)
        {
            outLeft += CombStep(c, input);
            outRight += CombStep(Combs + c, input);
        }

        for (int a = 0; a < AllPasses; a++)
        {
            outLeft = AllPassStep(a, outLeft);
            outRight = AllPassStep(AllPasses + a, outRight);
        }

        float dryLeft = left;
        float dryRight = right;
        left = Denormal.Flush((outLeft * _wet1) + (outRight * _wet2) + (dryLeft * _dry));
        right = Denormal.Flush((outRight * _wet1) + (outLeft * _wet2) + (dryRight * _dry));
    }

    /// <summary>Processes a stereo block in place; any length, zero included.</summary>
    /// <param name="left">Left channel.</param>
    /// <param name="right">Right channel, the same length as <paramref name="left"/> (only the common length is processed).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Process(Span<float> left, Span<float> right)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(Reverb));
        Debug.Assert(left.Length == right.Length, "Stereo channels must have the same length.");
        int n = Math.Min(left.Length, right.Length);
        for (int offset = 0; offset < n; offset += _subBlock)
        {
            int m = Math.Min(_subBlock, n - offset);
            ProcessSubBlock(left.Slice(offset, m), right.Slice(offset, m));
        }
    }

    private static int Scale(int samplesAt44k, int sampleRate) =>
        Math.Max(1, (int)Math.Round((double)samplesAt44k * sampleRate / ReferenceRate));

    /// <summary>One sub-block, no longer than any delay line: input, combs, all-passes, then the mix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ProcessSubBlock(Span<float> left, Span<float> right)
    {
        int m = left.Length;
        Span<float> input = _input.AsSpan(0, m);
        Span<float> wetLeft = _wetLeft.AsSpan(0, m);
        Span<float> wetRight = _wetRight.AsSpan(0, m);
        int k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; k <= m - Lanes; k += Lanes)
            {
                Vector256<float> sum = Vector256.LoadUnsafe(ref left[k]) + Vector256.LoadUnsafe(ref right[k]);
                Denormal.Flush(sum * InputGain).StoreUnsafe(ref input[k]);
            }
        }

        for (; k < m; k++)
        {
            input[k] = Denormal.Flush((left[k] + right[k]) * InputGain);
        }

        int i = 0;
        if (Avx.IsSupported)
        {
            for (; i <= m - Lanes; i += Lanes)
            {
                CombLanes(input, wetLeft, wetRight, i);
            }
        }

        CombSamples(input, wetLeft, wetRight, i, m - i);

        for (int a = 0; a < AllPasses; a++)
        {
            AllPassRun(a, wetLeft);
            AllPassRun(AllPasses + a, wetRight);
        }

        k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var wet1 = Vector256.Create(_wet1);
            var wet2 = Vector256.Create(_wet2);
            var dry = Vector256.Create(_dry);
            for (; k <= m - Lanes; k += Lanes)
            {
                Vector256<float> wl = Vector256.LoadUnsafe(ref wetLeft[k]);
                Vector256<float> wr = Vector256.LoadUnsafe(ref wetRight[k]);
                Vector256<float> dl = Vector256.LoadUnsafe(ref left[k]);
                Vector256<float> dr = Vector256.LoadUnsafe(ref right[k]);
                Denormal.Flush((wl * wet1) + (wr * wet2) + (dl * dry)).StoreUnsafe(ref left[k]);
                Denormal.Flush((wr * wet1) + (wl * wet2) + (dr * dry)).StoreUnsafe(ref right[k]);
            }
        }

        for (; k < m; k++)
        {
            float dryLeft = left[k];
            float dryRight = right[k];
            left[k] = Denormal.Flush((wetLeft[k] * _wet1) + (wetRight[k] * _wet2) + (dryLeft * _dry));
            right[k] = Denormal.Flush((wetRight[k] * _wet1) + (wetLeft[k] * _wet2) + (dryRight * _dry));
        }
    }

    /// <summary>Lowpass-feedback comb (Freeverb's <c>comb</c>): one sample of comb <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float CombStep(int c, float input)
    {
        float[] line = _comb[c];
        int index = _combIndex[c];
        float output = line[index];
        float store = Denormal.Flush((output * _damp2) + (_combStore[c] * _damp1));
        _combStore[c] = store;

        // No flush needed here: input and store are each 0 or at least 1e−15, so their sum is 0 or normal.
        line[index] = input + (store * _feedback);
        _combIndex[c] = index + 1 == line.Length ? 0 : index + 1;
        return output;
    }

    /// <summary>Schroeder all-pass as in Freeverb's <c>allpass</c>: one sample of all-pass <paramref name="a"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float AllPassStep(int a, float input)
    {
        float[] line = _allPass[a];
        int index = _allPassIndex[a];
        float delayed = line[index];
        line[index] = Denormal.Flush(input + (delayed * AllPassFeedback));
        _allPassIndex[a] = index + 1 == line.Length ? 0 : index + 1;
        return delayed - input;
    }

    /// <summary>Samples [from, from + count) of every comb, one sample at a time (wet sums in the order of <see cref="Tick"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CombSamples(Span<float> input, Span<float> wetLeft, Span<float> wetRight, int from, int count)
    {
        for (int k = from; k < from + count; k++)
        {
            float outLeft = 0;
            float outRight = 0;
            for (int c = 0; c < Combs; c++)
            {
                outLeft += CombStep(c, input[k]);
                outRight += CombStep(Combs + c, input[k]);
            }

            wetLeft[k] = outLeft;
            wetRight[k] = outRight;
        }
    }

    /// <summary>Eight consecutive samples of comb <paramref name="c"/>'s delay line, across its wrap if need be.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<float> LoadComb(int c)
    {
        float[] line = _comb[c];
        int index = _combIndex[c];
        if (index + Lanes <= line.Length)
        {
            return Vector256.LoadUnsafe(ref line[index]);
        }

        int head = line.Length - index;
        line.AsSpan(index, head).CopyTo(_wrap);
        line.AsSpan(0, Lanes - head).CopyTo(_wrap.AsSpan(head));
        return Vector256.Create(_wrap);
    }

    /// <summary>Writes eight samples into comb <paramref name="c"/>'s delay line (across its wrap if need be) and moves its index on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StoreComb(int c, Vector256<float> values)
    {
        float[] line = _comb[c];
        int index = _combIndex[c];
        int next = index + Lanes;
        if (next <= line.Length)
        {
            values.StoreUnsafe(ref line[index]);
            _combIndex[c] = next == line.Length ? 0 : next;
            return;
        }

        int head = line.Length - index;
        values.CopyTo(_wrap);
        _wrap.AsSpan(0, head).CopyTo(line.AsSpan(index));
        _wrap.AsSpan(head).CopyTo(line);
        _combIndex[c] = next - line.Length;
    }

    /// <summary>
    /// Eight samples of all 16 combs: each channel's eight combs are the lanes of one vector while the damping
    /// low-pass steps through the eight samples.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CombLanes(Span<float> input, Span<float> wetLeft, Span<float> wetRight, int at)
    {
        Rows left = default;
        Rows right = default;
        for (int c = 0; c < Combs; c++)
        {
            left[c] = LoadComb(c);
            right[c] = LoadComb(Combs + c);
        }

        // Each sample's comb outputs summed in comb order, from 0, as Tick sums them.
        Vector256<float> sumLeft = Vector256<float>.Zero;
        Vector256<float> sumRight = Vector256<float>.Zero;
        for (int c = 0; c < Combs; c++)
        {
            sumLeft += left[c];
            sumRight += right[c];
        }

        sumLeft.StoreUnsafe(ref wetLeft[at]);
        sumRight.StoreUnsafe(ref wetRight[at]);

        // Row k: the eight combs' outputs at sample k. Step the low-passes and form the writes.
        Transpose(ref left);
        Transpose(ref right);
        ref float stores = ref MemoryMarshal.GetArrayDataReference(_combStore);
        Vector256<float> storeLeft = Vector256.LoadUnsafe(ref stores);
        Vector256<float> storeRight = Vector256.LoadUnsafe(ref stores, Lanes);
        var damp1 = Vector256.Create(_damp1);
        var damp2 = Vector256.Create(_damp2);
        var feedback = Vector256.Create(_feedback);
        for (int k = 0; k < Lanes; k++)
        {
            var x = Vector256.Create(input[at + k]);
            storeLeft = Denormal.Flush((left[k] * damp2) + (storeLeft * damp1));
            storeRight = Denormal.Flush((right[k] * damp2) + (storeRight * damp1));
            left[k] = x + (storeLeft * feedback);
            right[k] = x + (storeRight * feedback);
        }

        storeLeft.StoreUnsafe(ref stores);
        storeRight.StoreUnsafe(ref stores, Lanes);
        Transpose(ref left);
        Transpose(ref right);
        for (int c = 0; c < Combs; c++)
        {
            StoreComb(c, left[c]);
            StoreComb(Combs + c, right[c]);
        }
    }

    /// <summary>All-pass <paramref name="a"/> over a sub-block in place: no longer than its delay, so every read precedes the write to its slot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AllPassRun(int a, Span<float> signal)
    {
        float[] line = _allPass[a];
        int index = _allPassIndex[a];
        int k = 0;
        while (k < signal.Length)
        {
            int run = Math.Min(signal.Length - k, line.Length - index);
            int j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var feedback = Vector256.Create(AllPassFeedback);
                for (; j <= run - Lanes; j += Lanes)
                {
                    Vector256<float> x = Vector256.LoadUnsafe(ref signal[k + j]);
                    Vector256<float> delayed = Vector256.LoadUnsafe(ref line[index + j]);
                    Denormal.Flush(x + (delayed * feedback)).StoreUnsafe(ref line[index + j]);
                    (delayed - x).StoreUnsafe(ref signal[k + j]);
                }
            }

            for (; j < run; j++)
            {
                float x = signal[k + j];
                float delayed = line[index + j];
                line[index + j] = Denormal.Flush(x + (delayed * AllPassFeedback));
                signal[k + j] = delayed - x;
            }

            k += run;
            index += run;
            if (index == line.Length)
            {
                index = 0;
            }
        }

        _allPassIndex[a] = index;
    }

    /// <summary>Transposes eight rows of eight floats in place (the classic unpack, shuffle, permute sequence).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(ref Rows r)
    {
        Vector256<float> t0 = Avx.UnpackLow(r[0], r[1]);
        Vector256<float> t1 = Avx.UnpackHigh(r[0], r[1]);
        Vector256<float> t2 = Avx.UnpackLow(r[2], r[3]);
        Vector256<float> t3 = Avx.UnpackHigh(r[2], r[3]);
        Vector256<float> t4 = Avx.UnpackLow(r[4], r[5]);
        Vector256<float> t5 = Avx.UnpackHigh(r[4], r[5]);
        Vector256<float> t6 = Avx.UnpackLow(r[6], r[7]);
        Vector256<float> t7 = Avx.UnpackHigh(r[6], r[7]);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44);
        Vector256<float> u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44);
        Vector256<float> u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44);
        Vector256<float> u5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44);
        Vector256<float> u7 = Avx.Shuffle(t5, t7, 0xEE);
        r[0] = Avx.Permute2x128(u0, u4, 0x20);
        r[1] = Avx.Permute2x128(u1, u5, 0x20);
        r[2] = Avx.Permute2x128(u2, u6, 0x20);
        r[3] = Avx.Permute2x128(u3, u7, 0x20);
        r[4] = Avx.Permute2x128(u0, u4, 0x31);
        r[5] = Avx.Permute2x128(u1, u5, 0x31);
        r[6] = Avx.Permute2x128(u2, u6, 0x31);
        r[7] = Avx.Permute2x128(u3, u7, 0x31);
    }

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

    /// <summary>Eight vectors on the stack: the rows of an 8×8 transpose.</summary>
    [InlineArray(Lanes)]
    private struct Rows
    {
        private Vector256<float> _row;
    }
}
