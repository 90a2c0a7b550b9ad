namespace Echelon.Core.Equilibrium;

/// <summary>Why a frame was rejected instead of solved. The solver state is left as it was.</summary>
public enum FrameRejection
{
    /// <summary>The frame was accepted.</summary>
    None = 0,

    /// <summary>The input vector held NaN or ±∞.</summary>
    NonFiniteInput = 1,

    /// <summary>The external force held NaN or ±∞.</summary>
    NonFiniteForce = 2,

    /// <summary>The iteration produced a non-finite latent (never expected; counted, state kept).</summary>
    NonFiniteState = 3,
}
