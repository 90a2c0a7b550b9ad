using Echelon.Motion.Synthetic;

namespace Echelon.Studio.Configuration;

/// <summary><c>kind: synthetic</c>: the procedural dancer, the studio's default performer when no sensor is attached.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record SyntheticSourceSettings : SensorSourceSettings
{
    /// <inheritdoc/>
    public override SensorSourceKind Kind => SensorSourceKind.Synthetic;

    /// <summary><c>style</c>: the movement preset (bounce, groove, sway, hype).</summary>
    public DanceStyle Style { get; init; } = DanceStyle.Bounce;

    /// <summary><c>bpm</c>: the dancer's tempo, 40–200.</summary>
    public double Bpm { get; init; } = 120.0;

    /// <summary><c>timing_jitter</c>: human timing noise, each beat's length varies within ±this fraction, 0–0.2.</summary>
    public double TimingJitter { get; init; } = 0.02;

    /// <summary><c>phone</c>: whether the virtual phone in the right hand reports its IMU.</summary>
    public bool IncludePhone { get; init; } = true;

    /// <summary>The dancer's options for a run of <paramref name="seconds"/> seeded by <paramref name="seed"/> (the session's seed).</summary>
    public SyntheticDancerOptions ToDancerOptions(ulong seed, double seconds) => new()
    {
        Seed = seed,
        Seconds = seconds,
        Style = Style,
        Bpm = Bpm,
        TimingJitter = TimingJitter,
        IncludePhone = IncludePhone,
    };
}
