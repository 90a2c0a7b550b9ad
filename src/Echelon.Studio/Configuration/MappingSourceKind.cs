namespace Echelon.Studio.Configuration;

/// <summary>What a mapping reads.</summary>
public enum MappingSourceKind
{
    /// <summary><c>x_star[i]</c>: coordinate i of the fast equilibrium x*, every frame.</summary>
    FastLatent = 0,

    /// <summary><c>y_star[i]</c>: coordinate i of the slow equilibrium y*, every beat (dell preset only).</summary>
    SlowLatent = 1,

    /// <summary><c>psi</c> (ψ): the phase loop's beat phase, radians in (−π, π] (dell preset only).</summary>
    Phase = 2,

    /// <summary><c>phi</c> (φ): the coupling energy between the fast and slow states, ≥ 0 (dell preset only).</summary>
    Coupling = 3,

    /// <summary><c>slot:&lt;name&gt;</c>: a named Dynamics128 slot, normalised as the layout says.</summary>
    Slot = 4,
}
