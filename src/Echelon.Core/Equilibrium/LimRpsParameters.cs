using Echelon.Core.Geometry;
using Echelon.Core.Numerics;
using Echelon.Core.Operators;

namespace Echelon.Core.Equilibrium;

/// <summary>
/// Everything that defines one LIM-RPS layer: the learnable tensors (A, B, U, b, raw geometry) and
/// the structural settings (margin, temporal coupling, step, relaxation, prox, K, tolerance).
/// </summary>
/// <remarks>
/// The layer solves 0 ∈ (I − W) z − (U u + b) + λ (z − z_{t−1}) + F_ext + ∂g(z) with
/// W = (1 − m) I − AᵀA + B − Bᵀ, so I − W = m I + AᵀA − B + Bᵀ has symmetric part m I + AᵀA ⪰ m I
/// for any A and B: the equilibrium exists and is unique for every parameter value (Winston and
/// Kolter, "Monotone operator equilibrium networks", NeurIPS 2020). Mutable; a solver copies what
/// it needs at construction, so later edits do not reach a running solver.
/// </remarks>
public sealed class LimRpsParameters
{
    /// <summary>Creates parameters with zero tensors of the given sizes and default settings.</summary>
    public LimRpsParameters(int latentSize, int inputSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(latentSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        LatentSize = latentSize;
        InputSize = inputSize;
        A = new DenseMatrix(latentSize, latentSize);
        B = new DenseMatrix(latentSize, latentSize);
        U = new DenseMatrix(latentSize, inputSize);
        Bias = new double[latentSize];
        MetricRaw = new double[latentSize];
        StepRaw = new double[latentSize];
        Array.Fill(MetricRaw, BoundedSoftplus.InverseSoftplus(1.0));
        Array.Fill(StepRaw, BoundedSoftplus.InverseSoftplus(1.0));
    }

    /// <summary>d: latent size.</summary>
    public int LatentSize { get; }

    /// <summary>n: input size.</summary>
    public int InputSize { get; }

    /// <summary>A (d×d): its Gram AᵀA is the symmetric, positive part of I − W.</summary>
    public DenseMatrix A { get; }

    /// <summary>B (d×d): B − Bᵀ is the skew part of W (rotation, no energy).</summary>
    public DenseMatrix B { get; }

    /// <summary>U (d×n): input injection.</summary>
    public DenseMatrix U { get; }

    /// <summary>b (d): bias.</summary>
    public double[] Bias { get; }

    /// <summary>m: the monotonicity margin, I − W ⪰ m I. Must be &gt; 0.</summary>
    public double Margin { get; set; } = 1.0;

    /// <summary>λ: temporal coupling to the previous frame's latent. Must be ≥ 0.</summary>
    public double TemporalCoupling { get; set; } = 0.5;

    /// <summary>α: the scalar splitting step, multiplied per coordinate by the step field and divided by the metric.</summary>
    public double Step { get; set; } = 0.15;

    /// <summary>γ in (0, 1]: relaxation; 1 is Peaceman–Rachford, ½ Douglas–Rachford.</summary>
    public double Relaxation { get; set; } = 1.0;

    /// <summary>The proximal term g.</summary>
    public ProxKind Prox { get; set; } = ProxKind.NonNegative;

    /// <summary>τ of the ℓ1 term when <see cref="Prox"/> is <see cref="ProxKind.SoftThreshold"/>.</summary>
    public double ProxThreshold { get; set; } = 0.01;

    /// <summary>Lower corner of the box when <see cref="Prox"/> is <see cref="ProxKind.Box"/>.</summary>
    public double BoxLower { get; set; } = -1.0;

    /// <summary>Upper corner of the box when <see cref="Prox"/> is <see cref="ProxKind.Box"/>.</summary>
    public double BoxUpper { get; set; } = 1.0;

    /// <summary>Raw (pre-softplus) diagonal metric.</summary>
    public double[] MetricRaw { get; }

    /// <summary>Lower bound of the diagonal metric.</summary>
    public double MetricMin { get; set; } = 0.25;

    /// <summary>Upper bound of the diagonal metric.</summary>
    public double MetricMax { get; set; } = 4.0;

    /// <summary>Raw (pre-softplus) step field.</summary>
    public double[] StepRaw { get; }

    /// <summary>Lower bound of the step field.</summary>
    public double StepMin { get; set; } = 0.25;

    /// <summary>Upper bound of the step field.</summary>
    public double StepMax { get; set; } = 4.0;

    /// <summary>K: the most splitting steps per frame.</summary>
    public int MaxIterations { get; set; } = 8;

    /// <summary>Stop when ‖z_{k+1} − z_k‖ / (‖z_k‖ + ε) falls below this.</summary>
    public double Tolerance { get; set; } = 1e-4;

    /// <summary>Where each frame's iteration starts.</summary>
    public WarmStart WarmStart { get; set; } = WarmStart.Extrapolate;

    /// <summary>The bounded diagonal metric built from <see cref="MetricRaw"/>.</summary>
    public DiagonalMetric BuildMetric() => new(MetricRaw, MetricMin, MetricMax);

    /// <summary>The bounded step field built from <see cref="StepRaw"/>.</summary>
    public StepField BuildStepField() => new(StepRaw, StepMin, StepMax);

    /// <summary>
    /// Seeded, deterministic initialisation that contracts by construction: Gaussian A, B and U,
    /// spectrally normalised to ‖A‖₂ ≤ 1, ‖B‖₂ ≤ 0.5 and ‖U‖₂ ≤ 1, a unit bias (so nearly every
    /// coordinate stays active under ReLU and the layer responds smoothly), unit geometry. Any such tensors keep I − W ⪰ m I.
    /// </summary>
    public static LimRpsParameters CreateDefault(int latentSize, int inputSize, ulong seed)
    {
        var p = new LimRpsParameters(latentSize, inputSize);
        var rng = new DeterministicRandom(seed);
        rng.FillGaussian(p.A.Data, 1.0);
        rng.FillGaussian(p.B.Data, 1.0);
        rng.FillGaussian(p.U.Data, 1.0);
        SpectralNorm.Normalize(p.A, 1.0, 200, seed ^ 0xA);
        SpectralNorm.Normalize(p.B, 0.5, 200, seed ^ 0xB);
        SpectralNorm.Normalize(p.U, 1.0, 200, seed ^ 0xC);
        Array.Fill(p.Bias, 1.0);
        return p;
    }

    /// <summary>
    /// The dense linear part L = (m + λ) I + AᵀA − B + Bᵀ of the inclusion (allocates; prepare time).
    /// </summary>
    public DenseMatrix BuildLinearOperator()
    {
        int d = LatentSize;
        DenseMatrix l = A.Transpose().Times(A);
        for (int r = 0; r < d; r++)
        {
            for (int c = 0; c < d; c++)
            {
                l[r, c] += B[c, r] - B[r, c];
            }

            l[r, r] += Margin + TemporalCoupling;
        }

        return l;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting or tensor entry that is out of range.</summary>
    public void Validate()
    {
        ParameterGuard.RequireFinite(A.Data, nameof(A));
        ParameterGuard.RequireFinite(B.Data, nameof(B));
        ParameterGuard.RequireFinite(U.Data, nameof(U));
        ParameterGuard.RequireFinite(Bias, nameof(Bias));
        ParameterGuard.RequireFinite(MetricRaw, nameof(MetricRaw));
        ParameterGuard.RequireFinite(StepRaw, nameof(StepRaw));
        ParameterGuard.Require(double.IsFinite(Margin) && Margin > 0, nameof(Margin), Margin, "finite and > 0");
        ParameterGuard.Require(double.IsFinite(TemporalCoupling) && TemporalCoupling >= 0, nameof(TemporalCoupling), TemporalCoupling, "finite and >= 0");
        ParameterGuard.Require(double.IsFinite(Step) && Step > 0, nameof(Step), Step, "finite and > 0");
        ParameterGuard.Require(Relaxation > 0 && Relaxation <= 1, nameof(Relaxation), Relaxation, "in (0, 1]");
        ParameterGuard.Require(Enum.IsDefined(Prox), nameof(Prox), (double)Prox, "one of None, NonNegative, SoftThreshold, Box");
        ParameterGuard.Require(double.IsFinite(ProxThreshold) && ProxThreshold >= 0, nameof(ProxThreshold), ProxThreshold, "finite and >= 0");
        ParameterGuard.Require(double.IsFinite(BoxLower) && double.IsFinite(BoxUpper) && BoxLower <= BoxUpper, nameof(BoxUpper), BoxUpper, $"finite and >= BoxLower ({BoxLower})");
        ParameterGuard.Require(MaxIterations is >= 1 and <= 1024, nameof(MaxIterations), MaxIterations, "1..1024");
        ParameterGuard.Require(double.IsFinite(Tolerance) && Tolerance > 0, nameof(Tolerance), Tolerance, "finite and > 0");
        ParameterGuard.Require(Enum.IsDefined(WarmStart), nameof(WarmStart), (double)WarmStart, "one of Cold, Previous, Extrapolate");
        BoundedSoftplus.ValidateBounds(MetricMin, MetricMax, nameof(MetricMin), nameof(MetricMax));
        BoundedSoftplus.ValidateBounds(StepMin, StepMax, nameof(StepMin), nameof(StepMax));
    }
}
