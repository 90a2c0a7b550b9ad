using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Echelon.Audio.Render;

/// <summary>
/// A 20 Hz one-pole DC blocker, y = x − x₁ + R·y₁, for one stereo stem. Short notes of asymmetric
/// waveforms (a decaying sine kick, a saw cut off early) leave DC: 0.0014 in the drum stem and
/// 0.0021 in the bass stem before this ran. It processes every sample, sounding or not, so its state
/// never depends on how the samples were split into blocks.
/// </summary>
/// <remarks>
/// The recursion is unrolled eight steps: with dₙ = xₙ − xₙ₋₁, yₙ = R⁸·yₙ₋₈ + Σⱼ₌₀…₇ Rʲ·dₙ₋ⱼ (the same filter;
/// the look-ahead form of Parhi and Messerschmitt, 1989). The eight outputs of a block of eight then depend only
/// on earlier blocks and come out of one 8-wide vector expression: five stereo stems cost about 10 ms per minute
/// of audio instead of 45 with the one-sample recursion. A constant input gives d = 0 exactly, so DC is still
/// removed completely and the tail still ends in exact zeros. Every output is the same expression whatever the
/// block boundaries (the eight taps summed in order, then R⁸·yₙ₋₈), so <see cref="Tick"/> and <see cref="Process"/> agree to the bit; the tests hold both within
/// 2e−6 of the one-sample recursion in double precision (the float one-sample recursion it replaces: 1.4e−6).
/// </remarks>
internal sealed class StereoDcBlocker
{
    private const int Steps = 8;
    private const int Chunk = 256;
    private const float FlushBelow = 1e-30f;

    // _taps[j] = Rʲ multiplies dₙ₋ⱼ; _feedback = R⁸ multiplies yₙ₋₈.
    private readonly float[] _taps = new float[Steps];
    private readonly float _feedback;

    // Per channel: [0, Steps) the last eight differences and outputs, then a chunk's worth.
    private readonly float[] _dLeft = new float[Steps + Chunk];
    private readonly float[] _yLeft = new float[Steps + Chunk];
    private readonly float[] _dRight = new float[Steps + Chunk];
    private readonly float[] _yRight = new float[Steps + Chunk];
    private float _lastLeft;
    private float _lastRight;

    public StereoDcBlocker(int sampleRate)
    {
        double r = 1.0 - (2.0 * Math.PI * 20.0 / sampleRate);
        for (int j = 0; j < Steps; j++)
        {
            _taps[j] = (float)Math.Pow(r, j);
        }

        _feedback = (float)Math.Pow(r, Steps);
    }

    /// <summary>One stereo sample: the per-sample reference of <see cref="Process"/>.</summary>
    public void Tick(ref float left, ref float right) => Process(new Span<float>(ref left), new Span<float>(ref right));

    /// <summary>Both channels in place, in chunks of up to 256 samples (the channels have the same length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Process(Span<float> left, Span<float> right)
    {
        while (left.Length > 0)
        {
            int n = Math.Min(Chunk, left.Length);
            _lastLeft = Differences(left[..n], _dLeft, _lastLeft);
            _lastRight = Differences(right[..n], _dRight, _lastRight);
            Filter(left[..n], right[..n]);
            left = left[n..];
            right = right[n..];
        }
    }

    /// <summary>dₙ = xₙ − xₙ₋₁ into <paramref name="d"/> after its eight held-back values; returns the chunk's last input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Differences(Span<float> x, float[] d, float last)
    {
        int n = x.Length;
        ref float io = ref MemoryMarshal.GetReference(x);
        ref float dd = ref MemoryMarshal.GetArrayDataReference(d);
        Unsafe.Add(ref dd, Steps) = io - last;
        int i = 1;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Steps; i += Steps)
            {
                (Vector256.LoadUnsafe(ref io, (nuint)i) - Vector256.LoadUnsafe(ref io, (nuint)(i - 1))).StoreUnsafe(ref dd, (nuint)(Steps + i));
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref dd, Steps + i) = Unsafe.Add(ref io, i) - Unsafe.Add(ref io, i - 1);
        }

        return Unsafe.Add(ref io, n - 1);
    }

    /// <summary>
    /// yₙ = Σⱼ Rʲ·dₙ₋ⱼ + R⁸·yₙ₋₈ for both channels, eight samples at a time: the eight taps summed in order, the
    /// feedback term last, so only that one multiply-add and the flush wait for the previous block of eight (whose
    /// outputs stay in registers), and the two channels' waits overlap.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Filter(Span<float> left, Span<float> right)
    {
        int n = left.Length;
        ref float dl = ref MemoryMarshal.GetArrayDataReference(_dLeft);
        ref float dr = ref MemoryMarshal.GetArrayDataReference(_dRight);
        ref float yl = ref MemoryMarshal.GetArrayDataReference(_yLeft);
        ref float yr = ref MemoryMarshal.GetArrayDataReference(_yRight);
        ref float c = ref MemoryMarshal.GetArrayDataReference(_taps);
        ref float outLeft = ref MemoryMarshal.GetReference(left);
        ref float outRight = ref MemoryMarshal.GetReference(right);
        int i = 0;
        if (Vector256.IsHardwareAccelerated && n >= Steps)
        {
            var r8 = Vector256.Create(_feedback);
            var c0 = Vector256.Create(c);
            var c1 = Vector256.Create(Unsafe.Add(ref c, 1));
            var c2 = Vector256.Create(Unsafe.Add(ref c, 2));
            var c3 = Vector256.Create(Unsafe.Add(ref c, 3));
            var c4 = Vector256.Create(Unsafe.Add(ref c, 4));
            var c5 = Vector256.Create(Unsafe.Add(ref c, 5));
            var c6 = Vector256.Create(Unsafe.Add(ref c, 6));
            var c7 = Vector256.Create(Unsafe.Add(ref c, 7));
            Vector256<float> previousLeft = Vector256.LoadUnsafe(ref yl);
            Vector256<float> previousRight = Vector256.LoadUnsafe(ref yr);
            for (; i <= n - Steps; i += Steps)
            {
                ref float l = ref Unsafe.Add(ref dl, Steps + i);
                ref float r = ref Unsafe.Add(ref dr, Steps + i);
                Vector256<float> sumLeft = c0 * Vector256.LoadUnsafe(ref l);
                Vector256<float> sumRight = c0 * Vector256.LoadUnsafe(ref r);
                sumLeft += c1 * Vector256.LoadUnsafe(ref Unsafe.Subtract(ref l, 1));
                sumRight += c1 * Vector256.LoadUnsafe(ref Unsafe.Subtract(ref r, 1));
                sumLeft += c2 * Vector256.LoadUnsafe(ref Unsafe.Subtract(ref l, 2));
                sumRight += c2 * Vector256.LoadUnsafe(ref Unsafe.Subtract(ref r, 2));
                sumLeft += c3 * Vector256.LoadUnsafe(ref Unsafe.Subtract(ref l, 3));
                sumRight += c3 * Vector256.LoadUnsafe(ref Unsafe.Subtract(ref r, 3));
                sumLeft += c4 * Vector256.LoadUnsafe(ref Unsafe.Subtract(ref l, 4));
                sumRight += c4 * Vector256.LoadUnsafe(ref Unsafe.Subtract(ref r, 4));
                sumLeft += c5 * Vector256.LoadUnsafe(ref Unsafe.Subtract(ref l, 5));
                sumRight += c5 * Vector256.LoadUnsafe(ref Unsafe.Subtract(ref r, 5));
                sumLeft += c6 * Vector256.LoadUnsafe(ref Unsafe.Subtract(ref l, 6));
                sumRight += c6 * Vector256.LoadUnsafe(ref Unsafe.Subtract(ref r, 6));
                sumLeft += c7 * Vector256.LoadUnsafe(ref Unsafe.Subtract(ref l, 7));
                sumRight += c7 * Vector256.LoadUnsafe(ref Unsafe.Subtract(ref r, 7));
                previousLeft = Flush(sumLeft + (r8 * previousLeft));
                previousRight = Flush(sumRight + (r8 * previousRight));
                previousLeft.StoreUnsafe(ref yl, (nuint)(Steps + i));
                previousRight.StoreUnsafe(ref yr, (nuint)(Steps + i));
                previousLeft.StoreUnsafe(ref outLeft, (nuint)i);
                previousRight.StoreUnsafe(ref outRight, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref outLeft, i) = Unsafe.Add(ref yl, Steps + i) = Sample(ref Unsafe.Add(ref dl, Steps + i), Unsafe.Add(ref yl, i), ref c);
            Unsafe.Add(ref outRight, i) = Unsafe.Add(ref yr, Steps + i) = Sample(ref Unsafe.Add(ref dr, Steps + i), Unsafe.Add(ref yr, i), ref c);
        }

        _dLeft.AsSpan(n, Steps).CopyTo(_dLeft);
        _yLeft.AsSpan(n, Steps).CopyTo(_yLeft);
        _dRight.AsSpan(n, Steps).CopyTo(_dRight);
        _yRight.AsSpan(n, Steps).CopyTo(_yRight);
    }

    /// <summary>One output from its difference (and the seven before it) and the output eight samples back, as one lane of <see cref="Filter"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float Sample(ref float d, float y8, ref float c)
    {
        float sum = c * d;
        for (int j = 1; j < Steps; j++)
        {
            sum += Unsafe.Add(ref c, j) * Unsafe.Subtract(ref d, j);
        }

        return Flush(sum + (_feedback * y8));
    }

    // The decaying tail is flushed to zero before it reaches the subnormal range.
    private static float Flush(float value) => MathF.Abs(value) < FlushBelow ? 0f : value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Flush(Vector256<float> value) =>
        Vector256.AndNot(value, Vector256.LessThan(Vector256.Abs(value), Vector256.Create(FlushBelow)));
}
