using Echelon.Motion.Dynamics;

namespace Echelon.Studio.Configuration;

/// <summary>
/// The <c>devices</c> section: the sensor sources to open, and which of their devices feed the Dynamics128 body
/// (slots 0–79) and IMU (slots 80–95) groups.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record DeviceSettings
{
    private readonly IReadOnlyList<SensorSourceSettings> _sources = ValueList<SensorSourceSettings>.Of([new SyntheticSourceSettings()]);
    private readonly IReadOnlyList<string> _imuDevices = ValueList<string>.Empty;

    /// <summary>The default <see cref="StaleAfterSeconds"/>, as <see cref="Dynamics128BuilderOptions"/>.</summary>
    public const double DefaultStaleAfterSeconds = 0.25;

    /// <summary><c>sources</c>: the sources to open, at least one; by default the synthetic dancer alone.</summary>
    public IReadOnlyList<SensorSourceSettings> Sources
    {
        get => _sources;
        init => _sources = ValueList<SensorSourceSettings>.Of(value);
    }

    /// <summary><c>body</c>: the skeleton or pose device that feeds slots 0–79, or null (<c>auto</c>) for the first one seen.</summary>
    public string? BodyDevice { get; init; }

    /// <summary><c>imu</c>: up to two IMU devices for slots 80–87 and 88–95, in that order; empty for the first two seen.</summary>
    public IReadOnlyList<string> ImuDevices
    {
        get => _imuDevices;
        init => _imuDevices = ValueList<string>.Of(value);
    }

    /// <summary><c>stale_after_seconds</c>: a device's slots are masked once its last frame is older than this, (0, 10] s.</summary>
    public double StaleAfterSeconds { get; init; } = DefaultStaleAfterSeconds;

    /// <summary>The Dynamics128 builder's options for a control clock of <paramref name="controlRateHz"/>.</summary>
    public Dynamics128BuilderOptions ToBuilderOptions(double controlRateHz) => new()
    {
        ControlRateHz = controlRateHz,
        StaleAfterSeconds = StaleAfterSeconds,
        BodyDevice = BodyDevice,
        ImuDevices = ImuDevices.Count == 0 ? null : ImuDevices,
        Rhythm = new MotionRhythmOptions { FrameRateHz = controlRateHz },
    };
}
