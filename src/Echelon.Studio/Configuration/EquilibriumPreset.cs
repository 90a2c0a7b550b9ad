namespace Echelon.Studio.Configuration;

/// <summary>Which equilibria the control frame solves (<c>equilibrium.preset</c>).</summary>
public enum EquilibriumPreset
{
    /// <summary><c>lim-rps</c>: the fast LIM-RPS equilibrium alone, x* every frame; no slow state, phase ψ or coupling φ.</summary>
    LimRps = 0,

    /// <summary><c>dell</c>: the dual equilibrium: fast x* every frame, slow y* every beat, coupling energy φ and phase ψ.</summary>
    Dell = 1,
}
