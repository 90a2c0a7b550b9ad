using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Echelon.Audio.Dsp;

/// <summary>
/// The element-wise block operations of the render path (gain, sum, multiply-add), eight floats at a time with a
/// scalar tail. Each element gets exactly the scalar expression, rounded after every operation (a multiply-add is a
/// multiply then an add, never fused), so a block gives the same bits as the sample-by-sample loop it replaces.
/// </summary>
/// <remarks>
/// <c>TensorPrimitives</c> does the same arithmetic, but it comes from a NuGet package that is not precompiled: its
/// first few thousand calls run unoptimised tier-0 code, which cost about 40 ms at the start of a one-minute offline
/// render (docs/architecture/0010-render-performance.md). These are compiled fully optimised before the audio thread
/// first calls them (<see cref="RealTimeCode"/>).
/// </remarks>
internal static class BlockMath
{
    /// <summary>accumulator[i] += x[i]·gain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(ReadOnlySpan<float> x, float gain, Span<float> accumulator)
    {
        int n = x.Length;
        ref float xs = ref MemoryMarshal.GetReference(x);
        ref float acc = ref MemoryMarshal.GetReference(accumulator);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var g = Vector256.Create(gain);
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                (Vector256.LoadUnsafe(ref acc, (nuint)i) + (Vector256.LoadUnsafe(ref xs, (nuint)i) * g)).StoreUnsafe(ref acc, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref acc, i) += Unsafe.Add(ref xs, i) * gain;
        }
    }

    /// <summary>x[i] *= gain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scale(Span<float> x, float gain)
    {
        int n = x.Length;
        ref float xs = ref MemoryMarshal.GetReference(x);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var g = Vector256.Create(gain);
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                (Vector256.LoadUnsafe(ref xs, (nuint)i) * g).StoreUnsafe(ref xs, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref xs, i) *= gain;
        }
    }

    /// <summary>accumulator[i] += x[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(ReadOnlySpan<float> x, Span<float> accumulator)
    {
        int n = x.Length;
        ref float xs = ref MemoryMarshal.GetReference(x);
        ref float acc = ref MemoryMarshal.GetReference(accumulator);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                (Vector256.LoadUnsafe(ref acc, (nuint)i) + Vector256.LoadUnsafe(ref xs, (nuint)i)).StoreUnsafe(ref acc, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref acc, i) += Unsafe.Add(ref xs, i);
        }
    }
}
