namespace Echelon.Motion.Frames;

/// <summary>
/// One reading from one device. Times are integer nanoseconds: <see cref="DeviceTimeNs"/> on the
/// device's own clock (whatever epoch it uses), <see cref="HostTimeNs"/> on the host's session clock
/// (nanoseconds from the session start). Sources set the host time to the receive time; clock
/// alignment replaces it with the device time mapped onto the host clock.
/// </summary>
/// <remarks>Immutable; safe to pass between threads.</remarks>
public abstract record SensorFrame
{
    /// <summary>Creates a frame; the device id must be a non-empty token without whitespace.</summary>
    protected SensorFrame(string deviceId, long deviceTimeNs, long hostTimeNs)
    {
        DeviceIds.Validate(deviceId);
        DeviceId = deviceId;
        DeviceTimeNs = deviceTimeNs;
        HostTimeNs = hostTimeNs;
    }

    /// <summary>The device that produced the frame (a stable token such as <c>phone</c> or <c>dancer</c>).</summary>
    public string DeviceId { get; init; }

    /// <summary>The device's timestamp, nanoseconds on its own clock.</summary>
    public long DeviceTimeNs { get; init; }

    /// <summary>Nanoseconds from the session start on the host clock.</summary>
    public long HostTimeNs { get; init; }

    /// <summary>What the frame carries.</summary>
    public abstract SensorKind Kind { get; }

    /// <summary>True when every number in the frame is finite.</summary>
    public abstract bool IsFinite();
}
