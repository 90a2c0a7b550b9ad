namespace Echelon.Core.Equilibrium;

/// <summary>
/// Resolvents of ∂g for the prox family, coordinate by coordinate. With a diagonal step s the
/// resolvent (I + s∂g)⁻¹ stays separable: ReLU and the box ignore s, the soft threshold uses s_i·τ.
/// Every one is firmly nonexpansive, so 2·prox − I is nonexpansive (the splitting's requirement).
/// </summary>
public static class Prox
{
    /// <summary>z ← prox(v) for the given kind; <paramref name="thresholds"/> is s_i·τ (soft threshold only).</summary>
    public static void Apply(
        ProxKind kind,
        ReadOnlySpan<double> v,
        ReadOnlySpan<double> thresholds,
        double lower,
        double upper,
        Span<double> z)
    {
        switch (kind)
        {
            case ProxKind.None:
                v.CopyTo(z);
                break;
            case ProxKind.NonNegative:
                System.Numerics.Tensors.TensorPrimitives.Max(v, 0.0, z);
                break;
            case ProxKind.SoftThreshold:
                for (int i = 0; i < v.Length; i++)
                {
                    double t = thresholds[i];
                    double x = v[i];
                    z[i] = x > t ? x - t : (x < -t ? x + t : 0.0);
                }

                break;
            case ProxKind.Box:
                System.Numerics.Tensors.TensorPrimitives.Clamp(v, lower, upper, z);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown prox kind.");
        }
    }
}
