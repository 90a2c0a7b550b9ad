namespace Echelon.Core.Equilibrium;

/// <summary>The proximal term g of the LIM-RPS inclusion and hence the resolvent of ∂g.</summary>
public enum ProxKind
{
    /// <summary>g = 0: the latent is unconstrained (prox is the identity).</summary>
    None = 0,

    /// <summary>g = indicator of the non-negative orthant: prox is ReLU.</summary>
    NonNegative = 1,

    /// <summary>g = τ‖z‖₁: prox is the soft threshold with threshold step·τ.</summary>
    SoftThreshold = 2,

    /// <summary>g = indicator of the box [lower, upper]: prox is a clamp.</summary>
    Box = 3,
}
