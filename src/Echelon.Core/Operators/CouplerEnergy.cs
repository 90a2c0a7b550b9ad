using Echelon.Core.Geometry;
using Echelon.Core.Numerics;

namespace Echelon.Core.Operators;

/// <summary>
/// The DELL coupler: φ(x, y) = ½ ‖x − P y‖²_S between the fast latent x (d) and the slow latent
/// y (d_s), with P (d×d_s) and S a metric. Its gradients are the forces each solve feels:
/// ∇ₓφ = S (x − P y) and ∇_yφ = −Pᵀ S (x − P y).
/// </summary>
/// <remarks>Single-threaded; allocation-free after construction (owns its scratch).</remarks>
public sealed class CouplerEnergy
{
    private readonly DenseMatrix _projection;
    private readonly IMetric _metric;
    private readonly double[] _difference;
    private readonly double[] _weighted;

    /// <summary>Creates the coupler. <paramref name="metric"/> must have dimension d = P.Rows.</summary>
    public CouplerEnergy(DenseMatrix projection, IMetric metric)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(metric);
        if (metric.Dimension != projection.Rows)
        {
            throw new ArgumentException($"metric has dimension {metric.Dimension}; expected P.Rows = {projection.Rows}.", nameof(metric));
        }

        _projection = projection;
        _metric = metric;
        _difference = new double[projection.Rows];
        _weighted = new double[projection.Rows];
    }

    /// <summary>d: fast latent size.</summary>
    public int FastSize => _projection.Rows;

    /// <summary>d_s: slow latent size.</summary>
    public int SlowSize => _projection.Cols;

    /// <summary>φ(x, y).</summary>
    public double Energy(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Difference(x, y);
        return 0.5 * _metric.SquaredNorm(_difference);
    }

    /// <summary>gx ← ∇ₓφ(x, y) = S (x − P y).</summary>
    public void GradientFast(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gx)
    {
        Difference(x, y);
        _metric.Apply(_difference, gx);
    }

    /// <summary>gy ← ∇_yφ(x, y) = −Pᵀ S (x − P y).</summary>
    public void GradientSlow(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gy)
    {
        Difference(x, y);
        _metric.Apply(_difference, _weighted);
        _projection.MultiplyTransposed(_weighted, gy);
        System.Numerics.Tensors.TensorPrimitives.Negate(gy, gy);
    }

    private void Difference(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != FastSize)
        {
            ThrowHelper.ThrowWrongSize("x", FastSize, x.Length);
        }

        if (y.Length != SlowSize)
        {
            ThrowHelper.ThrowWrongSize("y", SlowSize, y.Length);
        }

        _projection.Multiply(y, _difference);
        for (int i = 0; i < _difference.Length; i++)
        {
            _difference[i] = x[i] - _difference[i];
        }
    }
}
