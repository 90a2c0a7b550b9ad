namespace Echelon.Studio.Configuration;

/// <summary>
/// How a mapping bends its normalised input t ∈ [0, 1] before scaling it to the output range (<c>curve</c>).
/// With k = 4, <see cref="Exp"/> and <see cref="Log"/> are each other's inverse.
/// </summary>
public enum MappingCurve
{
    /// <summary><c>linear</c>: y = t.</summary>
    Linear = 0,

    /// <summary><c>exp</c>: y = (e^(k t) − 1) / (e^k − 1): barely moves at first, then fast (for gain-like targets).</summary>
    Exp = 1,

    /// <summary><c>log</c>: y = ln(1 + (e^k − 1) t) / k: moves fast at first, then settles (spreads a source that mostly sits low).</summary>
    Log = 2,

    /// <summary><c>s-curve</c>: y = t² (3 − 2 t) (smoothstep): gentle at both ends, steep in the middle.</summary>
    SCurve = 3,
}
