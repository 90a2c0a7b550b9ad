namespace Echelon.Core.Geometry;

/// <summary>
/// A bounded diagonal metric D = diag(clamp(softplus(raw), min, max)). The solver runs its splitting
/// in the metric D (a resolvent (D + αA)⁻¹D = (I + αD⁻¹A)⁻¹), so a coordinate with a large D_i
/// takes smaller steps. Bounded below by <see cref="Min"/> so D⁻¹ never blows up.
/// </summary>
/// <remarks>Immutable after construction; safe to share across threads.</remarks>
public sealed class DiagonalMetric : IMetric
{
    private readonly double[] _values;

    /// <summary>Builds the metric from raw parameters and bounds.</summary>
    public DiagonalMetric(ReadOnlySpan<double> raw, double min, double max)
    {
        _values = BoundedSoftplus.MapAll(raw, min, max);
        Min = min;
        Max = max;
    }

    /// <summary>The identity metric of size n.</summary>
    public static DiagonalMetric Identity(int n)
    {
        var raw = new double[n];
        Array.Fill(raw, BoundedSoftplus.InverseSoftplus(1.0));
        return new DiagonalMetric(raw, 1e-3, 1e3);
    }

    /// <summary>Lower bound on every diagonal entry.</summary>
    public double Min { get; }

    /// <summary>Upper bound on every diagonal entry.</summary>
    public double Max { get; }

    /// <inheritdoc />
    public int Dimension => _values.Length;

    /// <summary>The diagonal entries D_i.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<double> x, Span<double> y) => System.Numerics.Tensors.TensorPrimitives.Multiply(x, _values, y);

    /// <inheritdoc />
    public void Solve(ReadOnlySpan<double> b, Span<double> x) => System.Numerics.Tensors.TensorPrimitives.Divide(b, _values, x);

    /// <inheritdoc />
    public double SquaredNorm(ReadOnlySpan<double> x)
    {
        double sum = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += _values[i] * x[i] * x[i];
        }

        return sum;
    }
}
