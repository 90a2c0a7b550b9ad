namespace Echelon.Core.Geometry;

/// <summary>
/// A symmetric positive-definite metric M on ℝᵈ, the geometry the equilibrium solver's splitting
/// runs in (DESIGN §3, adaptive geometry): the solver needs M x, M⁻¹ b and ‖x‖²_M, nothing else.
/// </summary>
/// <remarks>
/// Implementations keep all three operations allocation-free so they can run on the control
/// thread. Each implementation states whether it may be shared across threads.
/// </remarks>
public interface IMetric
{
    /// <summary>The dimension d of the space.</summary>
    int Dimension { get; }

    /// <summary>y ← M x. Both spans hold <see cref="Dimension"/> values.</summary>
    void Apply(ReadOnlySpan<double> x, Span<double> y);

    /// <summary>x ← M⁻¹ b. Both spans hold <see cref="Dimension"/> values.</summary>
    void Solve(ReadOnlySpan<double> b, Span<double> x);

    /// <summary>xᵀ M x, the squared length of x in this metric.</summary>
    double SquaredNorm(ReadOnlySpan<double> x);
}
