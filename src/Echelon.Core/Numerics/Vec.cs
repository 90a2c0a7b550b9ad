using System.Numerics.Tensors;

namespace Echelon.Core.Numerics;

/// <summary>
/// Allocation-free vector kernels over <see cref="double"/> spans. Thin, named wrappers over
/// <see cref="TensorPrimitives"/> (SIMD with a scalar tail) so call sites read as math.
/// </summary>
public static class Vec
{
    /// <summary>Σ a_i b_i.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => TensorPrimitives.Dot(a, b);

    /// <summary>Euclidean norm ‖a‖₂.</summary>
    public static double Norm(ReadOnlySpan<double> a) => TensorPrimitives.Norm(a);

    /// <summary>‖a − b‖₂ without a temporary.</summary>
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => TensorPrimitives.Distance(a, b);

    /// <summary>y ← y + alpha·x.</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y) =>
        TensorPrimitives.MultiplyAdd(x, alpha, y, y);

    /// <summary>y ← alpha·x.</summary>
    public static void Scale(ReadOnlySpan<double> x, double alpha, Span<double> y) => TensorPrimitives.Multiply(x, alpha, y);

    /// <summary>True when every element is finite (no NaN, no ±∞).</summary>
    public static bool AllFinite(ReadOnlySpan<double> a)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (!double.IsFinite(a[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when every element is finite.</summary>
    public static bool AllFinite(ReadOnlySpan<float> a)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (!float.IsFinite(a[i]))
            {
                return false;
            }
        }

        return true;
    }
}
