using Echelon.Core.Numerics;

namespace Echelon.Core.Equilibrium;

/// <summary>
/// The plain, obviously-correct twin of <see cref="LimRpsSolver"/>: damped forward–backward
/// fixed-point iteration z ← (1 − β) z + β prox_η(z − η (L z − c)) in the Euclidean metric, run
/// until the step falls below a tight tolerance. Used by tests and as the benchmark baseline.
/// </summary>
/// <remarks>
/// With μ = m + λ the strong-monotonicity modulus of L and η = μ / ‖L‖², the forward step is a
/// contraction with factor √(1 − μ²/‖L‖²) (L strongly monotone and Lipschitz), and the prox is
/// nonexpansive, so the iteration converges to the unique solution of the same inclusion, only
/// slowly. Allocates per call; not for the control thread.
/// </remarks>
public static class ReferenceSolver
{
    /// <summary>
    /// Solves 0 ∈ L z − c + ∂g(z) for one frame given the input, the previous latent and the force.
    /// Returns the solution and the number of iterations used.
    /// </summary>
    public static (double[] Solution, int Iterations) Solve(
        LimRpsParameters parameters,
        ReadOnlySpan<double> input,
        ReadOnlySpan<double> previousLatent,
        ReadOnlySpan<double> externalForce,
        double tolerance = 1e-12,
        int maxIterations = 1_000_000,
        double damping = 0.5)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        int d = parameters.LatentSize;
        DenseMatrix l = parameters.BuildLinearOperator();
        var c = new double[d];
        parameters.U.Multiply(input, c);
        Vec.Axpy(1.0, parameters.Bias, c);
        Vec.Axpy(parameters.TemporalCoupling, previousLatent, c);
        if (!externalForce.IsEmpty)
        {
            Vec.Axpy(-1.0, externalForce, c);
        }

        double mu = parameters.Margin + parameters.TemporalCoupling;
        double lipschitz = Operators.SpectralNorm.Estimate(l, 500, 7) * 1.01;
        double eta = mu / (lipschitz * lipschitz);
        var thresholds = new double[d];
        Array.Fill(thresholds, eta * parameters.ProxThreshold);

        var z = new double[d];
        var lz = new double[d];
        var forward = new double[d];
        var next = new double[d];
        for (int k = 1; k <= maxIterations; k++)
        {
            l.Multiply(z, lz);
            for (int i = 0; i < d; i++)
            {
                forward[i] = z[i] - (eta * (lz[i] - c[i]));
            }

            Prox.Apply(parameters.Prox, forward, thresholds, parameters.BoxLower, parameters.BoxUpper, next);
            double change = 0.0;
            for (int i = 0; i < d; i++)
            {
                double updated = ((1.0 - damping) * z[i]) + (damping * next[i]);
                change = Math.Max(change, Math.Abs(updated - z[i]));
                z[i] = updated;
            }

            if (change < tolerance)
            {
                return (z, k);
            }
        }

        throw new InvalidOperationException($"Reference solve did not reach {tolerance:g2} in {maxIterations} iterations.");
    }
}
