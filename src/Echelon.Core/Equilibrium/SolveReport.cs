namespace Echelon.Core.Equilibrium;

/// <summary>What one LIM-RPS frame did.</summary>
/// <param name="Rejection">Why the frame was rejected, or <see cref="FrameRejection.None"/>.</param>
/// <param name="IterationsUsed">k_used: splitting steps taken (0 when rejected).</param>
/// <param name="FinalResidual">Last relative residual ‖z_{k+1} − z_k‖ / (‖z_k‖ + ε).</param>
/// <param name="ContractionRatio">
/// Geometric mean of ρ_k = ‖z_{k+1} − z_k‖ / ‖z_k − z_{k−1}‖ over the frame; NaN when fewer than two
/// steps were taken or the steps vanished to rounding.
/// </param>
/// <param name="Converged">Whether the residual fell below the tolerance within K steps.</param>
public readonly record struct SolveReport(
    FrameRejection Rejection,
    int IterationsUsed,
    double FinalResidual,
    double ContractionRatio,
    bool Converged)
{
    /// <summary>True when the frame was solved.</summary>
    public bool Accepted => Rejection == FrameRejection.None;
}
