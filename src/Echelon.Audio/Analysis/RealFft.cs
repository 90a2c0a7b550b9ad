using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Echelon.Audio.Analysis;

/// <summary>
/// The discrete Fourier transform of a real block of power-of-two length N: N/2 + 1 complex bins, computed as one
/// complex transform of N/2 points (even samples as the real part, odd samples as the imaginary part) and a
/// split step. Forward is unnormalised, X[k] = Σ x[n]·e^(−2πikn/N); <see cref="Inverse"/> divides by N, so
/// Inverse(Forward(x)) = x.
/// </summary>
/// <remarks>
/// <para>
/// Why our own: the listening analyzers run one to three transforms per hop on the audio input thread, which must
/// not allocate; MathNet's transform allocates its work arrays per call. The tables are built once in the
/// constructor; a transform allocates nothing. Twiddles are computed in double and stored as float, so the error
/// stays near float's rounding (about 1e-6 of the block's energy); <c>RealFftTests</c> checks it against a plain
/// double-precision DFT.
/// </para>
/// <para>Threading: an instance holds scratch space; use one per thread.</para>
/// </remarks>
public sealed class RealFft
{
    private readonly int _half;
    private readonly int[] _bitReverse;
    private readonly float[] _cos;      // per stage of span s, at [s − 1, 2s − 1): e^(−iπj/s), j < s
    private readonly float[] _sin;
    private readonly float[] _splitCos; // e^(−2πik/N), k ≤ M, for the split step
    private readonly float[] _splitSin;
    private readonly float[] _re;
    private readonly float[] _im;

    /// <summary>Builds the tables for blocks of <paramref name="size"/> samples.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not a power of two in 4–65536.</exception>
    public RealFft(int size)
    {
        if (size < 4 || size > 65536 || (size & (size - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "the transform size must be a power of two from 4 to 65536");
        }

        Size = size;
        _half = size / 2;
        int m = _half;
        int bits = System.Numerics.BitOperations.Log2((uint)m);
        _bitReverse = new int[m];
        for (int i = 0; i < m; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            _bitReverse[i] = r;
        }

        // Each stage's twiddles side by side, so a stage's inner loop reads them contiguously, eight at a time.
        _cos = new float[Math.Max(1, m)];
        _sin = new float[Math.Max(1, m)];
        for (int span = 1; span < m; span <<= 1)
        {
            for (int j = 0; j < span; j++)
            {
                double angle = -Math.PI * j / span;
                _cos[span - 1 + j] = (float)Math.Cos(angle);
                _sin[span - 1 + j] = (float)Math.Sin(angle);
            }
        }

        _splitCos = new float[m + 1];
        _splitSin = new float[m + 1];
        for (int k = 0; k <= m; k++)
        {
            double angle = -2.0 * Math.PI * k / size;
            _splitCos[k] = (float)Math.Cos(angle);
            _splitSin[k] = (float)Math.Sin(angle);
        }

        _re = new float[m];
        _im = new float[m];
    }

    /// <summary>The block length N.</summary>
    public int Size { get; }

    /// <summary>Bins in a spectrum, N/2 + 1 (DC to Nyquist).</summary>
    public int Bins => _half + 1;

    /// <summary>
    /// Transforms <paramref name="input"/> (N samples) into <paramref name="real"/> and <paramref name="imaginary"/>
    /// (N/2 + 1 bins each). The input is not changed.
    /// </summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> real, Span<float> imaginary)
    {
        CheckLength(input.Length, Size, nameof(input));
        CheckLength(real.Length, Bins, nameof(real));
        CheckLength(imaginary.Length, Bins, nameof(imaginary));
        int m = _half;
        float[] zr = _re;
        float[] zi = _im;
        for (int n = 0; n < m; n++)
        {
            int r = _bitReverse[n];
            zr[r] = input[2 * n];
            zi[r] = input[(2 * n) + 1];
        }

        Butterflies(zr, zi, inverse: false);

        // Split: E[k] = (Z[k] + Z*[M−k]) / 2, O[k] = (Z[k] − Z*[M−k]) / 2i, X[k] = E[k] + W^k·O[k].
        for (int k = 0; k <= m; k++)
        {
            int a = k == m ? 0 : k;
            int b = k == 0 ? 0 : m - k;
            float ar = zr[a], ai = zi[a];
            float br = zr[b], bi = -zi[b];
            float er = 0.5f * (ar + br), ei = 0.5f * (ai + bi);
            float dr = 0.5f * (ar - br), di = 0.5f * (ai - bi);
            float or = di, oi = -dr; // (d) / i
            float wr = _splitCos[k], wi = _splitSin[k];
            real[k] = er + ((wr * or) - (wi * oi));
            imaginary[k] = ei + ((wr * oi) + (wi * or));
        }
    }

    /// <summary>
    /// The inverse: <paramref name="real"/> and <paramref name="imaginary"/> (N/2 + 1 bins of a real signal's
    /// spectrum) back to <paramref name="output"/> (N samples), divided by N.
    /// </summary>
    public void Inverse(ReadOnlySpan<float> real, ReadOnlySpan<float> imaginary, Span<float> output)
    {
        CheckLength(real.Length, Bins, nameof(real));
        CheckLength(imaginary.Length, Bins, nameof(imaginary));
        CheckLength(output.Length, Size, nameof(output));
        int m = _half;
        float[] zr = _re;
        float[] zi = _im;

        // E[k] = (X[k] + X*[M−k]) / 2, O[k] = (X[k] − X*[M−k]) / 2 · W^(−k), Z[k] = E[k] + i·O[k].
        for (int k = 0; k < m; k++)
        {
            float xr = real[k], xi = imaginary[k];
            float yr = real[m - k], yi = -imaginary[m - k];
            float er = 0.5f * (xr + yr), ei = 0.5f * (xi + yi);
            float dr = 0.5f * (xr - yr), di = 0.5f * (xi - yi);
            float wr = _splitCos[k], wi = -_splitSin[k];
            float or = (dr * wr) - (di * wi), oi = (dr * wi) + (di * wr);
            int r = _bitReverse[k];
            zr[r] = er - oi;
            zi[r] = ei + or;
        }

        Butterflies(zr, zi, inverse: true);
        float scale = 1f / m;
        for (int n = 0; n < m; n++)
        {
            output[2 * n] = zr[n] * scale;
            output[(2 * n) + 1] = zi[n] * scale;
        }
    }

    /// <summary>
    /// In-place radix-2 decimation-in-time butterflies over bit-reversed input. Stages of span 8 and more run eight
    /// butterflies at a time (same arithmetic per element, so the vector and scalar paths agree bit for bit).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Butterflies(float[] re, float[] im, bool inverse)
    {
        int m = _half;
        float sign = inverse ? -1f : 1f;
        ref float r0 = ref MemoryMarshal.GetArrayDataReference(re);
        ref float i0 = ref MemoryMarshal.GetArrayDataReference(im);
        ref float c0 = ref MemoryMarshal.GetArrayDataReference(_cos);
        ref float s0 = ref MemoryMarshal.GetArrayDataReference(_sin);
        var signs = Vector256.Create(sign);
        for (int span = 1; span < m; span <<= 1)
        {
            int table = span - 1;
            for (int start = 0; start < m; start += 2 * span)
            {
                int j = 0;
                if (Vector256.IsHardwareAccelerated && span >= Vector256<float>.Count)
                {
                    for (; j < span; j += Vector256<float>.Count)
                    {
                        nuint a = (nuint)(start + j);
                        nuint b = a + (nuint)span;
                        var wr = Vector256.LoadUnsafe(ref c0, (nuint)(table + j));
                        var wi = Vector256.LoadUnsafe(ref s0, (nuint)(table + j)) * signs;
                        var br = Vector256.LoadUnsafe(ref r0, b);
                        var bi = Vector256.LoadUnsafe(ref i0, b);
                        var ar = Vector256.LoadUnsafe(ref r0, a);
                        var ai = Vector256.LoadUnsafe(ref i0, a);
                        var tr = (wr * br) - (wi * bi);
                        var ti = (wr * bi) + (wi * br);
                        (ar - tr).StoreUnsafe(ref r0, b);
                        (ai - ti).StoreUnsafe(ref i0, b);
                        (ar + tr).StoreUnsafe(ref r0, a);
                        (ai + ti).StoreUnsafe(ref i0, a);
                    }
                }

                for (; j < span; j++)
                {
                    float wr = Unsafe.Add(ref c0, table + j);
                    float wi = sign * Unsafe.Add(ref s0, table + j);
                    int a = start + j;
                    int b = a + span;
                    float br = Unsafe.Add(ref r0, b), bi = Unsafe.Add(ref i0, b);
                    float tr = (wr * br) - (wi * bi);
                    float ti = (wr * bi) + (wi * br);
                    float ar = Unsafe.Add(ref r0, a), ai = Unsafe.Add(ref i0, a);
                    Unsafe.Add(ref r0, b) = ar - tr;
                    Unsafe.Add(ref i0, b) = ai - ti;
                    Unsafe.Add(ref r0, a) = ar + tr;
                    Unsafe.Add(ref i0, a) = ai + ti;
                }
            }
        }
    }

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            ThrowLength(actual, expected, name);
        }
    }

    private static void ThrowLength(int actual, int expected, string name) =>
        throw new ArgumentException($"{name} holds {actual} values; this transform needs exactly {expected}", name);
}
