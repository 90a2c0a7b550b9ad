namespace Echelon.Motion.Imu;

/// <summary>
/// The sign of Sensor Logger's acceleration and gravity columns. Sensor Logger's own documentation
/// (awesome-sensor-logger, COORDINATES.md and CROSSPLATFORM.md) says iOS and Android differ by a
/// negative sign on all three axes of acceleration and gravity (flat on a table, gravity is −z on
/// iOS and +z on Android) unless "Standardise Units &amp; Frames" was on, which gives Android's
/// convention on both. <see cref="Frames.ImuFrame"/> uses Android's convention (an accelerometer at
/// rest reads +9.81 m/s² upwards), so iOS data is negated. Rotation rate agrees on both platforms and
/// is never changed; orientation is passed through as the platform reports it.
/// </summary>
public enum SensorLoggerSignConvention
{
    /// <summary>
    /// Read the export's <c>Metadata.csv</c> (in the folder, or next to the single file): negate when
    /// its <c>platform</c> is iOS and its <c>standardisation</c> is not <c>true</c>; without a
    /// readable Metadata.csv, assume Android's convention.
    /// </summary>
    FromMetadata = 0,

    /// <summary>The columns already use Android's convention (Android, or iOS with standardisation on).</summary>
    Android = 1,

    /// <summary>The columns use iOS's convention and are negated.</summary>
    Ios = 2,
}
