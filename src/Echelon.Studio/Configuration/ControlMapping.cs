namespace Echelon.Studio.Configuration;

/// <summary>
/// One entry of <c>mappings</c>: a source read every control frame, shaped, and written to a target.
/// </summary>
/// <remarks>
/// <para>
/// The shaping, in order (<see cref="Shape"/> does steps 1–4): (1) t = (v − in.min) / (in.max − in.min), clamped to
/// [0, 1]; (2) the dead zone: t = 0 while t ≤ dead_zone, else (t − dead_zone) / (1 − dead_zone), so small movement
/// does nothing and the rest of the range still reaches 1; (3) invert: t = 1 − t; (4) the curve, then
/// y = out.min + (out.max − out.min) · curve(t). The runtime then (5) smooths y with a one-pole low-pass of time
/// constant <see cref="SmoothingSeconds"/> at the frame rate and (6) writes it every frame or, at the beat rate,
/// holds it from beat to beat.
/// </para>
/// <para>Immutable; thread-safe; <see cref="Shape"/> allocates nothing.</para>
/// </remarks>
public sealed record ControlMapping
{
    /// <summary>The largest <see cref="DeadZone"/>: a mapping more than half dead is a mistake, not a choice.</summary>
    public const double MaxDeadZone = 0.5;

    /// <summary>The longest <see cref="SmoothingSeconds"/>.</summary>
    public const double MaxSmoothingSeconds = 10.0;

    /// <summary>The steepness k of <see cref="MappingCurve.Exp"/> and <see cref="MappingCurve.Log"/>.</summary>
    public const double CurveSteepness = 4.0;

    private readonly MappingRange? _input;
    private readonly MappingRange? _output;

    /// <summary><c>source</c>: what is read.</summary>
    public required MappingSource Source { get; init; }

    /// <summary><c>target</c>: what is driven; no two mappings drive the same target.</summary>
    public required MappingTarget Target { get; init; }

    /// <summary><c>in</c>: the source range that spans the output, min below max; the source's <see cref="MappingSource.NaturalRange"/> unless set.</summary>
    public MappingRange Input
    {
        get => _input ?? Source.NaturalRange;
        init => _input = value;
    }

    /// <summary><c>out</c>: the target range, min below max, inside the target's <see cref="MappingTarget.AllowedOutput"/>; <see cref="MappingTarget.DefaultOutput"/> unless set.</summary>
    public MappingRange Output
    {
        get => _output ?? Target.DefaultOutput;
        init => _output = value;
    }

    /// <summary><c>curve</c>: linear, exp, log or s-curve.</summary>
    public MappingCurve Curve { get; init; } = MappingCurve.Linear;

    /// <summary><c>invert</c>: the top of the input drives the bottom of the output.</summary>
    public bool Invert { get; init; }

    /// <summary><c>dead_zone</c>: the fraction of the input range, from its low end, that leaves the output at its start, 0–0.5.</summary>
    public double DeadZone { get; init; }

    /// <summary><c>smoothing_seconds</c>: the output low-pass time constant, 0 (none) – 10 s.</summary>
    public double SmoothingSeconds { get; init; }

    /// <summary><c>rate</c>: frame or beat.</summary>
    public MappingRate Rate { get; init; } = MappingRate.Frame;

    /// <summary>Steps 1–4 of the shaping (see remarks): the target value for source value <paramref name="value"/>, before smoothing. NaN gives the output's start.</summary>
    public double Shape(double value)
    {
        MappingRange input = Input;
        MappingRange output = Output;
        double t = (value - input.Min) / (input.Max - input.Min);
        t = double.IsNaN(t) ? 0.0 : Math.Clamp(t, 0.0, 1.0);
        t = t <= DeadZone ? 0.0 : (t - DeadZone) / (1.0 - DeadZone);
        if (Invert)
        {
            t = 1.0 - t;
        }

        const double k = CurveSteepness;
        double y = Curve switch
        {
            MappingCurve.Exp => (Math.Exp(k * t) - 1.0) / (Math.Exp(k) - 1.0),
            MappingCurve.Log => Math.Log(1.0 + ((Math.Exp(k) - 1.0) * t)) / k,
            MappingCurve.SCurve => t * t * (3.0 - (2.0 * t)),
            _ => t,
        };
        return output.Min + ((output.Max - output.Min) * y);
    }

    /// <inheritdoc/>
    public bool Equals(ControlMapping? other) =>
        other is not null
        && Source == other.Source
        && Target == other.Target
        && Input == other.Input
        && Output == other.Output
        && Curve == other.Curve
        && Invert == other.Invert
        && DeadZone.Equals(other.DeadZone)
        && SmoothingSeconds.Equals(other.SmoothingSeconds)
        && Rate == other.Rate;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Source, Target, Input, Output, Curve, Invert, HashCode.Combine(DeadZone, SmoothingSeconds, Rate));
}
