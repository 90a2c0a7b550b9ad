using Echelon.Motion.Sources;
namespace Echelon.Motion.Imu;

/// <summary>How <see cref="ImuCsvReader"/> and <see cref="ImuCsvSource"/> read an IMU CSV.</summary>
public sealed record ImuCsvOptions
{
    /// <summary>The defaults: auto-detected layout, device <c>phone</c>, backwards timestamps throw.</summary>
    public static ImuCsvOptions Default { get; } = new();

    /// <summary>The layout; <see cref="ImuCsvLayout.Auto"/> detects it.</summary>
    public ImuCsvLayout Layout { get; init; } = ImuCsvLayout.Auto;

    /// <summary>The device id the frames carry.</summary>
    public string DeviceId { get; init; } = "phone";

    /// <summary>What to do with a row whose timestamp goes backwards.</summary>
    public BackwardTimestampPolicy BackwardTimestamps { get; init; } = BackwardTimestampPolicy.Throw;

    /// <summary>The sign convention of Sensor Logger acceleration and gravity (ignored for the Oxford layout).</summary>
    public SensorLoggerSignConvention SignConvention { get; init; } = SensorLoggerSignConvention.FromMetadata;
}
