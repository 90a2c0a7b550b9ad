using Echelon.Core.Equilibrium;

namespace Echelon.Studio.Configuration;

/// <summary>
/// The <c>equilibrium</c> section: the preset, the solver's budget, and either a parameters file or the shape of the
/// seeded model (DESIGN §3).
/// </summary>
/// <remarks>
/// The budget (<see cref="MaxIterations"/>, <see cref="Tolerance"/>, <see cref="WarmStart"/>) only decides how close
/// each frame gets to the fixed point, so it always comes from here. The settings that define the fixed point
/// (<see cref="LatentSize"/>, <see cref="Margin"/>, <see cref="TemporalCoupling"/>, <see cref="CouplingStrength"/>)
/// belong to the weights: with a <see cref="ParametersFile"/> they come from the file, and the loader refuses them
/// here. Immutable; thread-safe.
/// </remarks>
public sealed record EquilibriumSettings
{
    /// <summary>Largest <see cref="LatentSize"/> (DESIGN §3: d up to 256).</summary>
    public const int MaxLatentSize = 256;

    /// <summary><c>preset</c>: <c>lim-rps</c> (fast only) or <c>dell</c> (fast and slow).</summary>
    public EquilibriumPreset Preset { get; init; } = EquilibriumPreset.Dell;

    /// <summary><c>frame_rate_hz</c>: the control frame clock, 10–2000 Hz: Dynamics128 is built and the fast equilibrium solved this often.</summary>
    public double FrameRateHz { get; init; } = 100.0;

    /// <summary><c>max_iterations</c>: K, the most splitting steps per solve, 1–64.</summary>
    public int MaxIterations { get; init; } = 8;

    /// <summary><c>tolerance</c>: stop once the relative residual falls below this, (0, 0.1].</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary><c>warm_start</c>: where each frame's iteration starts (cold, previous, extrapolate).</summary>
    public WarmStart WarmStart { get; init; } = WarmStart.Extrapolate;

    /// <summary>
    /// <c>parameters</c>: an <c>echelon.equilibrium</c> file (docs/architecture/0002) whose kind matches the preset, or
    /// null for the seeded model. A relative path in a file is resolved against the file's folder when it is loaded.
    /// </summary>
    public string? ParametersFile { get; init; }

    /// <summary><c>latent_size</c>: d, the seeded model's latent size, 2–256. Ignored with a <see cref="ParametersFile"/>.</summary>
    public int LatentSize { get; init; } = 64;

    /// <summary><c>margin</c>: m, the seeded model's monotonicity margin (I − W ⪰ m I), (0, 100]. Ignored with a <see cref="ParametersFile"/>.</summary>
    public double Margin { get; init; } = 1.0;

    /// <summary><c>temporal_coupling</c>: λ, the seeded fast layer's coupling to the previous frame, 0–100. Ignored with a <see cref="ParametersFile"/>.</summary>
    public double TemporalCoupling { get; init; } = 0.5;

    /// <summary><c>coupling_strength</c>: κ, how strongly the coupler's forces act (dell only), 0–10. Ignored with a <see cref="ParametersFile"/> or the lim-rps preset.</summary>
    public double CouplingStrength { get; init; } = 0.1;

    /// <summary>True when the preset solves the slow equilibrium, so y*, ψ and φ exist.</summary>
    public bool HasSlowState => Preset == EquilibriumPreset.Dell;

    /// <summary>
    /// Copies the budget (and, for a seeded model, the margin and temporal coupling) onto <paramref name="layer"/>,
    /// the fast layer a runtime is about to build a solver from.
    /// </summary>
    public void ApplyTo(LimRpsParameters layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        layer.MaxIterations = MaxIterations;
        layer.Tolerance = Tolerance;
        layer.WarmStart = WarmStart;
        if (ParametersFile is null)
        {
            layer.Margin = Margin;
            layer.TemporalCoupling = TemporalCoupling;
        }
    }
}
