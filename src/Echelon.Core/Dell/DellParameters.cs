using Echelon.Core.Equilibrium;
using Echelon.Core.Geometry;
using Echelon.Core.Numerics;
using Echelon.Core.Operators;

namespace Echelon.Core.Dell;

/// <summary>
/// Everything that defines the dual equilibrium: the fast and slow LIM-RPS layers, the coupler
/// (P, S, κ), the phase head's read-out and calibration, and the phase-locked loop's gains.
/// </summary>
/// <remarks>Mutable; a <see cref="DellCoordinator"/> copies what it needs at construction.</remarks>
public sealed class DellParameters
{
    /// <summary>
    /// Input slots that carry rhythmic drive by default: Dynamics128 slot 96 (motion onset strength)
    /// and slot 101 (beat-synchronous energy), per the rhythm group of DESIGN §4.
    /// </summary>
    public static IReadOnlyList<int> DefaultRhythmSlots { get; } = [96, 101];

    /// <summary>
    /// How much more strongly the default fast layer injects the rhythm slots than any other slot.
    /// The latent (d) is smaller than the input (n), so a linear read-out of one input group from it
    /// leaks the others in; weighting the group the phase head depends on by 3 cut the phase error
    /// on the rhythmic test signal from 0.11 to 0.08 rad cRMSE at 90 BPM (docs/architecture/0003).
    /// </summary>
    public const double RhythmInputGain = 3.0;

    /// <summary>Creates parameters from explicit parts.</summary>
    public DellParameters(LimRpsParameters fast, LimRpsParameters slow, DenseMatrix projection, double[] headWeights)
    {
        ArgumentNullException.ThrowIfNull(fast);
        ArgumentNullException.ThrowIfNull(slow);
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(headWeights);
        Fast = fast;
        Slow = slow;
        Projection = projection;
        HeadWeights = headWeights;
        CouplerMetricRaw = new double[fast.LatentSize];
        Array.Fill(CouplerMetricRaw, BoundedSoftplus.InverseSoftplus(1.0));
    }

    /// <summary>The fast layer (d latent, n input), solved every frame.</summary>
    public LimRpsParameters Fast { get; }

    /// <summary>The slow layer (d_s latent, 2d input: pooled mean and last), solved every beat.</summary>
    public LimRpsParameters Slow { get; }

    /// <summary>P (d×d_s): how the slow state predicts the fast one.</summary>
    public DenseMatrix Projection { get; }

    /// <summary>Raw diagonal of the coupler metric S.</summary>
    public double[] CouplerMetricRaw { get; }

    /// <summary>Lower bound of S.</summary>
    public double CouplerMetricMin { get; set; } = 0.1;

    /// <summary>Upper bound of S.</summary>
    public double CouplerMetricMax { get; set; } = 10.0;

    /// <summary>κ: how strongly the coupler's forces act on both solves.</summary>
    public double CouplingStrength { get; set; } = 0.1;

    /// <summary>h: the phase head's read-out of the fast latent (d).</summary>
    public double[] HeadWeights { get; }

    /// <summary>δ₀: the head's fixed phase offset (radians).</summary>
    public double HeadOffset { get; set; }

    /// <summary>τ: the latent pathway's group delay (frames), compensated as τ·ω.</summary>
    public double HeadGroupDelayFrames { get; set; }

    /// <summary>Resonator time constant per stage, in beats.</summary>
    public double ResonatorBeats { get; set; } = 0.5;

    /// <summary>Time constant of the drive's mean tracker, in beats.</summary>
    public double MeanBeats { get; set; } = 2.0;

    /// <summary>Below this head confidence the loop flywheels instead of correcting.</summary>
    public double ConfidenceThreshold { get; set; } = 0.05;

    /// <summary>k_p: the loop's phase gain per frame.</summary>
    public double PllPhaseGain { get; set; } = 0.15;

    /// <summary>k_i: the loop's tempo-correction gain per frame.</summary>
    public double PllFrequencyGain { get; set; } = 0.002;

    /// <summary>Largest relative tempo correction the loop may learn.</summary>
    public double PllMaxTempoDeviation { get; set; } = 0.1;

    /// <summary>Control frames per second.</summary>
    public double FrameRate { get; set; } = 100.0;

    /// <summary>The coupler metric S built from its raw diagonal.</summary>
    public DiagonalMetric BuildCouplerMetric() => new(CouplerMetricRaw, CouplerMetricMin, CouplerMetricMax);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistent size or out-of-range setting.</summary>
    public void Validate()
    {
        Fast.Validate();
        Slow.Validate();
        int d = Fast.LatentSize;
        ParameterGuard.RequireSize(Slow.InputSize, 2 * d, "Slow.InputSize", "the pooled mean and last of the fast latent");
        ParameterGuard.RequireSize(Projection.Rows, d, "Projection.Rows", "the fast latent size");
        ParameterGuard.RequireSize(Projection.Cols, Slow.LatentSize, "Projection.Cols", "the slow latent size");
        ParameterGuard.RequireSize(HeadWeights.Length, d, "HeadWeights", "the fast latent size");
        ParameterGuard.RequireSize(CouplerMetricRaw.Length, d, "CouplerMetricRaw", "the fast latent size");
        ParameterGuard.RequireFinite(Projection.Data, nameof(Projection));
        ParameterGuard.RequireFinite(HeadWeights, nameof(HeadWeights));
        ParameterGuard.RequireFinite(CouplerMetricRaw, nameof(CouplerMetricRaw));

        BoundedSoftplus.ValidateBounds(CouplerMetricMin, CouplerMetricMax, nameof(CouplerMetricMin), nameof(CouplerMetricMax));
        ParameterGuard.Require(double.IsFinite(CouplingStrength) && CouplingStrength >= 0, nameof(CouplingStrength), CouplingStrength, "finite and >= 0");
        ParameterGuard.Require(double.IsFinite(HeadOffset), nameof(HeadOffset), HeadOffset, "finite");
        ParameterGuard.Require(double.IsFinite(HeadGroupDelayFrames) && HeadGroupDelayFrames >= 0, nameof(HeadGroupDelayFrames), HeadGroupDelayFrames, "finite and >= 0");
        ParameterGuard.Require(ResonatorBeats is > 0 and <= 16, nameof(ResonatorBeats), ResonatorBeats, "in (0, 16]");
        ParameterGuard.Require(MeanBeats is > 0 and <= 64, nameof(MeanBeats), MeanBeats, "in (0, 64]");
        ParameterGuard.Require(ConfidenceThreshold is >= 0 and < 1, nameof(ConfidenceThreshold), ConfidenceThreshold, "in [0, 1)");
        ParameterGuard.Require(PllPhaseGain is > 0 and <= 1, nameof(PllPhaseGain), PllPhaseGain, "in (0, 1]");
        ParameterGuard.Require(PllFrequencyGain >= 0 && PllFrequencyGain < PllPhaseGain, nameof(PllFrequencyGain), PllFrequencyGain, "in [0, PllPhaseGain)");
        ParameterGuard.Require(PllMaxTempoDeviation is >= 0 and < 1, nameof(PllMaxTempoDeviation), PllMaxTempoDeviation, "in [0, 1)");
        ParameterGuard.Require(FrameRate is >= 10 and <= 2000, nameof(FrameRate), FrameRate, "in [10, 2000] Hz");
    }

    /// <summary>
    /// Seeded, deterministic defaults: a contracting fast layer (<see cref="LimRpsParameters.CreateDefault"/>),
    /// P = I and a slow layer whose steady state is the pooled fast state, a least-squares read-out of the rhythm slots for the phase head, and the head's
    /// offset and group delay calibrated by <see cref="PhaseCalibration"/>.
    /// </summary>
    public static DellParameters CreateDefault(int latentSize, int inputSize, ulong seed, IReadOnlyList<int>? rhythmSlots = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latentSize, 2);
        rhythmSlots ??= DefaultRhythmSlots;
        foreach (int slot in rhythmSlots)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(slot, nameof(rhythmSlots));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, inputSize, nameof(rhythmSlots));
        }

        LimRpsParameters fast = LimRpsParameters.CreateDefault(latentSize, inputSize, seed);
        for (int r = 0; r < latentSize; r++)
        {
            foreach (int slot in rhythmSlots)
            {
                fast.U[r, slot] *= RhythmInputGain;
            }
        }

        SpectralNorm.Normalize(fast.U, 1.0, 200, seed ^ 0xC);

        // The slow state has the fast state's size and P = I, so y* can hold the whole pooled body
        // state and φ measures only the departure from it (a smaller slow latent left the constant
        // part of x* outside P's range, and φ never settled).
        DenseMatrix projection = DenseMatrix.Identity(latentSize);
        var slow = new LimRpsParameters(latentSize, 2 * latentSize)
        {
            Prox = ProxKind.None,
            Margin = 1.0,
            TemporalCoupling = 1.0,
        };
        var rng = new DeterministicRandom(seed ^ 0x51);
        rng.FillGaussian(slow.A.Data, 1.0);
        rng.FillGaussian(slow.B.Data, 1.0);
        SpectralNorm.Normalize(slow.A, 0.3, 200, seed ^ 0x52);
        SpectralNorm.Normalize(slow.B, 0.1, 200, seed ^ 0x53);

        // U_s = ½ (L_s − λ_s I) [I I]: in steady state (L_s − λ_s I) y = U_s [x̄; x_last] gives y = ½(x̄ + x_last),
        // so the slow attractor is exactly the pooled body state and follows it geometrically beat by beat.
        DenseMatrix steady = slow.BuildLinearOperator();
        for (int r = 0; r < latentSize; r++)
        {
            steady[r, r] -= slow.TemporalCoupling;
        }

        for (int r = 0; r < latentSize; r++)
        {
            for (int c = 0; c < latentSize; c++)
            {
                slow.U[r, c] = 0.5 * steady[r, c];
                slow.U[r, latentSize + c] = 0.5 * steady[r, c];
            }
        }

        double[] head = RhythmReadout(fast, rhythmSlots);
        var parameters = new DellParameters(fast, slow, projection, head);
        (parameters.HeadOffset, parameters.HeadGroupDelayFrames) = PhaseCalibration.Calibrate(parameters, rhythmSlots);
        parameters.Validate();
        return parameters;
    }

    /// <summary>
    /// h = (G Gᵀ + εI)⁻¹ G e_R with G = (L − λI)⁻¹ U the steady-state linear response of the latent to the
    /// input: the least-squares decoder of the rhythm slots' sum from the latent.
    /// </summary>
    private static double[] RhythmReadout(LimRpsParameters fast, IReadOnlyList<int> rhythmSlots)
    {
        int d = fast.LatentSize;
        DenseMatrix l = fast.BuildLinearOperator();
        for (int i = 0; i < d; i++)
        {
            l[i, i] -= fast.TemporalCoupling;
        }

        DenseMatrix g = l.Inverse().Times(fast.U);
        DenseMatrix gram = g.Times(g.Transpose());
        double trace = 0.0;
        for (int i = 0; i < d; i++)
        {
            trace += gram[i, i];
        }

        for (int i = 0; i < d; i++)
        {
            gram[i, i] += 1e-6 * trace / d;
        }

        var target = new double[fast.InputSize];
        foreach (int slot in rhythmSlots)
        {
            target[slot] = 1.0;
        }

        var ge = new double[d];
        g.Multiply(target, ge);
        var h = new double[d];
        gram.Inverse().Multiply(ge, h);
        return h;
    }
}
