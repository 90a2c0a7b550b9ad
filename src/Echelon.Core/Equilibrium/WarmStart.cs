namespace Echelon.Core.Equilibrium;

/// <summary>Where a frame's iteration starts.</summary>
public enum WarmStart
{
    /// <summary>From zero every frame (the cold start the warm ones are compared against).</summary>
    Cold = 0,

    /// <summary>From the previous frame's converged splitting state.</summary>
    Previous = 1,

    /// <summary>
    /// From the linear extrapolation 2·s_{t−1} − s_{t−2} of the splitting state: the start error is
    /// second order in the frame-to-frame change, so a smooth stream converges in one or two steps.
    /// </summary>
    Extrapolate = 2,
}
