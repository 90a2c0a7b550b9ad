namespace Echelon.Studio.Mapping;

/// <summary>What a mapping reads.</summary>
public enum MappingSourceKind
{
    /// <summary>One coordinate of the fast equilibrium x* (per frame).</summary>
    Fast,

    /// <summary>One coordinate of the slow equilibrium y* (per beat).</summary>
    Slow,

    /// <summary>The dancer's phase ψ, read as 0–1 over one beat cycle.</summary>
    Psi,

    /// <summary>The coupling energy φ between x* and y*.</summary>
    Phi,

    /// <summary>A named Dynamics128 slot, in its normalised units (masked slots read as their last valid value).</summary>
    Slot,
}
