namespace Echelon.Core.Metrics;

/// <summary>
/// Summary of a solver's residual history (DESIGN §3: the relative residual
/// <c>‖z_{k+1} − z_k‖ / (‖z_k‖ + ε)</c> per iteration, or one value per frame).
/// </summary>
/// <param name="Mean">Arithmetic mean of the residuals.</param>
/// <param name="Median">Median (numpy linear percentile at 50).</param>
/// <param name="P95">95th percentile (numpy linear).</param>
/// <param name="Max">Largest residual.</param>
/// <param name="Final">The last residual in the history: where the iteration stopped.</param>
public readonly record struct ResidualSummary(double Mean, double Median, double P95, double Max, double Final);
