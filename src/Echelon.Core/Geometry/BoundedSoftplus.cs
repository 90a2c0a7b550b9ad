namespace Echelon.Core.Geometry;

/// <summary>
/// The map from an unconstrained (learnable) raw value to a bounded positive one:
/// clamp(softplus(raw), min, max). Bounds hold by construction for any raw value, ±∞ and NaN
/// included (NaN maps to <c>min</c>), so a bad checkpoint cannot break the solver's guarantees.
/// </summary>
public static class BoundedSoftplus
{
    /// <summary>Numerically stable softplus log(1 + eˣ), with full relative accuracy for very negative x.</summary>
    public static double Softplus(double x)
    {
        if (x > 30.0)
        {
            return x;
        }

        // Below −20, 1 + eˣ rounds to 1 and the logarithm loses every digit; there log(1 + eˣ) = eˣ(1 − eˣ/2 + …).
        if (x < -20.0)
        {
            double e = Math.Exp(x);
            return e * (1.0 - (0.5 * e));
        }

        return Math.Log(1.0 + Math.Exp(x));
    }

    /// <summary>Inverse of softplus for y &gt; 0: the raw value whose softplus is y.</summary>
    public static double InverseSoftplus(double y)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(y);
        if (y > 30.0)
        {
            return y;
        }

        // eʸ − 1 cancels for small y; its series keeps the digits: y (1 + y/2 + y²/6).
        double expm1 = y < 1e-5 ? y * (1.0 + (y * (0.5 + (y / 6.0)))) : Math.Exp(y) - 1.0;
        return Math.Log(expm1);
    }

    /// <summary>clamp(softplus(raw), min, max); NaN maps to min.</summary>
    public static double Map(double raw, double min, double max)
    {
        double v = Softplus(raw);
        return double.IsNaN(v) ? min : Math.Clamp(v, min, max);
    }

    /// <summary>Maps every raw value (allocates the result; prepare time).</summary>
    public static double[] MapAll(ReadOnlySpan<double> raw, double min, double max)
    {
        ValidateBounds(min, max, nameof(min), nameof(max));
        var values = new double[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            values[i] = Map(raw[i], min, max);
        }

        return values;
    }

    /// <summary>Validates a pair of bounds (0 &lt; min ≤ max, both finite).</summary>
    public static void ValidateBounds(double min, double max, string minName, string maxName)
    {
        if (!double.IsFinite(min) || min <= 0.0)
        {
            throw new ArgumentOutOfRangeException(minName, min, "must be finite and > 0.");
        }

        if (!double.IsFinite(max) || max < min)
        {
            throw new ArgumentOutOfRangeException(maxName, max, $"must be finite and >= {minName} ({min}).");
        }
    }
}
