using System.Numerics;

namespace Echelon.Motion.Frames;

/// <summary>
/// Phone or watch inertial measurements in the device's axes: the accelerometer (m/s², gravity
/// included, as the sensor reports it), and where the platform gives them the rotation rate (rad/s),
/// the gravity estimate (m/s²) and the orientation quaternion (device to reference frame).
/// </summary>
public sealed record ImuFrame : SensorFrame
{
    /// <summary>Creates an IMU frame.</summary>
    public ImuFrame(
        string deviceId,
        long deviceTimeNs,
        long hostTimeNs,
        Vector3 acceleration,
        Vector3? rotationRate = null,
        Vector3? gravity = null,
        Quaternion? orientation = null)
        : base(deviceId, deviceTimeNs, hostTimeNs)
    {
        Acceleration = acceleration;
        RotationRate = rotationRate;
        Gravity = gravity;
        Orientation = orientation;
    }

    /// <inheritdoc />
    public override SensorKind Kind => SensorKind.Imu;

    /// <summary>Accelerometer reading, m/s², gravity included.</summary>
    public Vector3 Acceleration { get; init; }

    /// <summary>Gyroscope reading, rad/s, when present.</summary>
    public Vector3? RotationRate { get; init; }

    /// <summary>Gravity estimate, m/s², when present.</summary>
    public Vector3? Gravity { get; init; }

    /// <summary>Orientation quaternion, when present.</summary>
    public Quaternion? Orientation { get; init; }

    /// <inheritdoc />
    public override bool IsFinite() =>
        Finite.Of(Acceleration)
        && (RotationRate is not { } r || Finite.Of(r))
        && (Gravity is not { } g || Finite.Of(g))
        && (Orientation is not { } q || (float.IsFinite(q.X) && float.IsFinite(q.Y) && float.IsFinite(q.Z) && float.IsFinite(q.W)));
}
