namespace Echelon.Core.Geometry;

/// <summary>
/// A bounded per-coordinate step field σ_i = clamp(softplus(raw_i), min, max), multiplying the
/// solver's scalar step α. Because it is diagonal and positive, the preconditioned splitting stays
/// nonexpansive in the σ⁻¹-weighted norm, so any field inside the bounds keeps convergence.
/// </summary>
/// <remarks>Immutable after construction; safe to share across threads.</remarks>
public sealed class StepField
{
    private readonly double[] _values;

    /// <summary>Builds the field from raw parameters and bounds.</summary>
    public StepField(ReadOnlySpan<double> raw, double min, double max)
    {
        _values = BoundedSoftplus.MapAll(raw, min, max);
        Min = min;
        Max = max;
    }

    /// <summary>A uniform field of ones.</summary>
    public static StepField Uniform(int n)
    {
        var raw = new double[n];
        Array.Fill(raw, BoundedSoftplus.InverseSoftplus(1.0));
        return new StepField(raw, 0.25, 4.0);
    }

    /// <summary>Lower bound on every step multiplier.</summary>
    public double Min { get; }

    /// <summary>Upper bound on every step multiplier.</summary>
    public double Max { get; }

    /// <summary>Number of coordinates.</summary>
    public int Dimension => _values.Length;

    /// <summary>The step multipliers σ_i.</summary>
    public ReadOnlySpan<double> Values => _values;
}
