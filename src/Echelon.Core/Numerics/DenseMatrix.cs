using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Echelon.Core.Numerics;

/// <summary>A dense row-major matrix of doubles. Products are allocation-free; factorisations allocate (prepare time only).</summary>
/// <remarks>Not thread-safe for writes; concurrent reads are safe.</remarks>
public sealed class DenseMatrix
{
    private readonly double[] _data;

    /// <summary>A zero matrix of the given shape.</summary>
    public DenseMatrix(int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        Rows = rows;
        Cols = cols;
        _data = new double[rows * cols];
    }

    /// <summary>Wraps a row-major array of length rows·cols (not copied).</summary>
    public DenseMatrix(int rows, int cols, double[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != rows * cols)
        {
            throw new ArgumentException($"Matrix data must hold rows*cols = {rows * cols} values, got {data.Length}.", nameof(data));
        }

        Rows = rows;
        Cols = cols;
        _data = data;
    }

    /// <summary>Row count.</summary>
    public int Rows { get; }

    /// <summary>Column count.</summary>
    public int Cols { get; }

    /// <summary>The row-major storage.</summary>
    public Span<double> Data => _data;

    /// <summary>Element (r, c).</summary>
    public double this[int r, int c]
    {
        get => _data[(r * Cols) + c];
        set => _data[(r * Cols) + c] = value;
    }

    /// <summary>Row r as a span.</summary>
    public Span<double> Row(int r) => _data.AsSpan(r * Cols, Cols);

    /// <summary>The identity scaled by <paramref name="scale"/>.</summary>
    public static DenseMatrix Identity(int n, double scale = 1.0)
    {
        var m = new DenseMatrix(n, n);
        for (int i = 0; i < n; i++)
        {
            m[i, i] = scale;
        }

        return m;
    }

    /// <summary>A deep copy.</summary>
    public DenseMatrix Clone() => new(Rows, Cols, (double[])_data.Clone());

    /// <summary>y ← M x (four rows at a time with 256-bit vectors where the hardware has them).</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != Cols || y.Length != Rows)
        {
            ThrowShape(x.Length, y.Length);
        }

        if (Vector256.IsHardwareAccelerated && Cols >= Vector256<double>.Count)
        {
            MultiplyBlocked(x, y);
        }
        else
        {
            MultiplyRows(x, y);
        }
    }

    /// <summary>
    /// The reference twin of <see cref="Multiply"/>: one dot product per row. Kept for tests and the
    /// benchmark baseline; sums in a different order, so results agree to rounding, not bit for bit.
    /// </summary>
    public void MultiplyReference(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != Cols || y.Length != Rows)
        {
            ThrowShape(x.Length, y.Length);
        }

        MultiplyRows(x, y);
    }

    private void MultiplyRows(ReadOnlySpan<double> x, Span<double> y)
    {
        ReadOnlySpan<double> data = _data;
        for (int r = 0; r < Rows; r++)
        {
            y[r] = TensorPrimitives.Dot(data.Slice(r * Cols, Cols), x);
        }
    }

    // Four rows share each load of x, and one call replaces four: at d = 128 the per-row Dot calls
    // were a third of a solver iteration (bench core p50 22.7 µs before this path).
    private void MultiplyBlocked(ReadOnlySpan<double> x, Span<double> y)
    {
        int cols = Cols;
        int width = Vector256<double>.Count;
        int vectorEnd = cols - (cols % width);
        ref double xRef = ref MemoryMarshal.GetReference(x);
        ref double a = ref MemoryMarshal.GetArrayDataReference(_data);
        int r = 0;
        for (; r + 4 <= Rows; r += 4)
        {
            nuint o0 = (nuint)(r * cols);
            nuint o1 = o0 + (nuint)cols;
            nuint o2 = o1 + (nuint)cols;
            nuint o3 = o2 + (nuint)cols;
            Vector256<double> acc0 = Vector256<double>.Zero;
            Vector256<double> acc1 = Vector256<double>.Zero;
            Vector256<double> acc2 = Vector256<double>.Zero;
            Vector256<double> acc3 = Vector256<double>.Zero;
            for (int c = 0; c < vectorEnd; c += width)
            {
                Vector256<double> xv = Vector256.LoadUnsafe(ref xRef, (nuint)c);
                acc0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, o0 + (nuint)c), xv, acc0);
                acc1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, o1 + (nuint)c), xv, acc1);
                acc2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, o2 + (nuint)c), xv, acc2);
                acc3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, o3 + (nuint)c), xv, acc3);
            }

            double s0 = Vector256.Sum(acc0);
            double s1 = Vector256.Sum(acc1);
            double s2 = Vector256.Sum(acc2);
            double s3 = Vector256.Sum(acc3);
            for (int c = vectorEnd; c < cols; c++)
            {
                double xc = x[c];
                s0 += _data[(int)o0 + c] * xc;
                s1 += _data[(int)o1 + c] * xc;
                s2 += _data[(int)o2 + c] * xc;
                s3 += _data[(int)o3 + c] * xc;
            }

            y[r] = s0;
            y[r + 1] = s1;
            y[r + 2] = s2;
            y[r + 3] = s3;
        }

        ReadOnlySpan<double> data = _data;
        for (; r < Rows; r++)
        {
            y[r] = TensorPrimitives.Dot(data.Slice(r * cols, cols), x);
        }
    }

    /// <summary>y ← Mᵀ x.</summary>
    public void MultiplyTransposed(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != Rows || y.Length != Cols)
        {
            ThrowShape(x.Length, y.Length);
        }

        y.Clear();
        ReadOnlySpan<double> data = _data;
        for (int r = 0; r < Rows; r++)
        {
            TensorPrimitives.MultiplyAdd(data.Slice(r * Cols, Cols), x[r], y, y);
        }
    }

    /// <summary>Returns Mᵀ (allocates).</summary>
    public DenseMatrix Transpose()
    {
        var t = new DenseMatrix(Cols, Rows);
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                t[c, r] = this[r, c];
            }
        }

        return t;
    }

    /// <summary>Returns this · other (allocates).</summary>
    public DenseMatrix Times(DenseMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Cols != other.Rows)
        {
            throw new ArgumentException($"Inner dimensions differ: {Rows}x{Cols} times {other.Rows}x{other.Cols}.", nameof(other));
        }

        var p = new DenseMatrix(Rows, other.Cols);
        for (int r = 0; r < Rows; r++)
        {
            Span<double> pr = p.Row(r);
            for (int k = 0; k < Cols; k++)
            {
                TensorPrimitives.MultiplyAdd(other.Row(k), this[r, k], pr, pr);
            }
        }

        return p;
    }

    /// <summary>Returns the inverse by Gauss–Jordan elimination with partial pivoting (allocates).</summary>
    /// <exception cref="InvalidOperationException">The matrix is singular to working precision.</exception>
    public DenseMatrix Inverse()
    {
        if (Rows != Cols)
        {
            throw new InvalidOperationException($"Only square matrices invert; this one is {Rows}x{Cols}.");
        }

        int n = Rows;
        var a = Clone();
        var inv = Identity(n);
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            double best = Math.Abs(a[col, col]);
            for (int r = col + 1; r < n; r++)
            {
                double v = Math.Abs(a[r, col]);
                if (v > best)
                {
                    best = v;
                    pivot = r;
                }
            }

            if (best < 1e-300)
            {
                throw new InvalidOperationException($"Matrix is singular (pivot {col} is {best:g3}).");
            }

            if (pivot != col)
            {
                SwapRows(a, pivot, col);
                SwapRows(inv, pivot, col);
            }

            double scale = 1.0 / a[col, col];
            TensorPrimitives.Multiply(a.Row(col), scale, a.Row(col));
            TensorPrimitives.Multiply(inv.Row(col), scale, inv.Row(col));
            for (int r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                double f = a[r, col];
                if (f != 0.0)
                {
                    TensorPrimitives.MultiplyAdd(a.Row(col), -f, a.Row(r), a.Row(r));
                    TensorPrimitives.MultiplyAdd(inv.Row(col), -f, inv.Row(r), inv.Row(r));
                }
            }
        }

        return inv;
    }

    private static void SwapRows(DenseMatrix m, int i, int j)
    {
        Span<double> a = m.Row(i);
        Span<double> b = m.Row(j);
        for (int c = 0; c < a.Length; c++)
        {
            (a[c], b[c]) = (b[c], a[c]);
        }
    }

    private void ThrowShape(int xLength, int yLength) =>
        throw new ArgumentException($"Shape mismatch: matrix is {Rows}x{Cols}, x has {xLength}, y has {yLength}.");
}
