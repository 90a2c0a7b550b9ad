using System.Numerics;
using System.Text;
using Echelon.Motion.Frames;
using Echelon.Protocols.Osc;

namespace Echelon.Studio.Osc;

/// <summary>
/// Turns OSC messages from phone and camera apps into sensor frames (<see cref="OscSensorConvention"/>).
/// Apps that send the accelerometer, gyroscope, gravity and orientation as separate messages are
/// assembled per device: each accelerometer message makes one <see cref="ImuFrame"/> carrying the
/// latest of the others. Units become the frame's: g × 9.80665 m/s²; ZIG SIM's user acceleration gets
/// its gravity added back.
/// </summary>
/// <remarks>
/// Device ids are the convention's prefix and the app's id with anything outside <c>[A-Za-z0-9_.-]</c>
/// replaced by <c>_</c> (<c>comote-42</c>, <c>zigsim-3F2A…</c>, <c>touchosc</c>, <c>wekinator</c>, or the
/// <c>/echelon/…/&lt;device&gt;</c> name itself). Messages that match no convention are counted in
/// <see cref="Unknown"/>; ones that match but carry the wrong number or kind of values, or non-finite
/// ones, are counted in <see cref="Rejected"/> with the reason kept in <see cref="LastProblem"/>. Nothing
/// throws. Not thread-safe.
/// </remarks>
public sealed class OscSensorDecoder
{
    /// <summary>Standard gravity, m/s² per g.</summary>
    public const float StandardGravity = 9.80665f;

    private readonly Dictionary<string, DeviceState> _devices = new(StringComparer.Ordinal);

    /// <summary>Messages that matched no sensor convention.</summary>
    public long Unknown { get; private set; }

    /// <summary>Sensor messages that could not be used.</summary>
    public long Rejected { get; private set; }

    /// <summary>Why the last rejected message was rejected; null when none was.</summary>
    public string? LastProblem { get; private set; }

    /// <summary>The devices seen so far, by id, with their convention.</summary>
    public IReadOnlyDictionary<string, OscSensorConvention> Devices => _devices.ToDictionary(d => d.Key, d => d.Value.Convention, StringComparer.Ordinal);

    /// <summary>Which convention an address belongs to (and the device id it names).</summary>
    public static OscSensorConvention Classify(string address, out string deviceId, out string sensor)
    {
        ArgumentNullException.ThrowIfNull(address);
        string[] parts = address.Split('/', StringSplitOptions.RemoveEmptyEntries);
        deviceId = string.Empty;
        sensor = parts.Length > 0 ? parts[^1] : string.Empty;
        if (address == "/accxyz")
        {
            deviceId = "touchosc";
            return OscSensorConvention.TouchOsc;
        }

        if (address == "/wek/inputs")
        {
            deviceId = "wekinator";
            return OscSensorConvention.Wekinator;
        }

        if (parts.Length == 3 && parts[0] == "echelon" && parts[1] is "imu" or "pose" && DeviceIds.IsValid(parts[2]))
        {
            deviceId = parts[2];
            sensor = parts[1];
            return parts[1] == "imu" ? OscSensorConvention.EchelonImu : OscSensorConvention.EchelonPose;
        }

        if (parts.Length == 4 && sensor is "accelerometer" or "gyroscope" or "gravity" or "absoluteorientation" or "magnetometer")
        {
            deviceId = Id(parts[0], parts[2]);
            return OscSensorConvention.CoMote;
        }

        if (sensor is "accel" or "gravity" or "gyro" or "quaternion"
            && (parts.Length == 3 && parts[0].Equals("ZIGSIM", StringComparison.OrdinalIgnoreCase) || parts.Length == 2))
        {
            deviceId = Id("zigsim", parts[^2]);
            return OscSensorConvention.ZigSim;
        }

        return OscSensorConvention.None;
    }

    /// <summary>Decodes one message; true with a frame when it completes one.</summary>
    /// <param name="message">The message.</param>
    /// <param name="hostTimeNs">When it arrived, on the host clock.</param>
    /// <param name="frame">The frame, when one is complete.</param>
    public bool TryDecode(OscMessage message, long hostTimeNs, out SensorFrame? frame)
    {
        ArgumentNullException.ThrowIfNull(message);
        frame = null;
        OscSensorConvention convention = Classify(message.Address, out string id, out string sensor);
        if (convention == OscSensorConvention.None)
        {
            Unknown++;
            return false;
        }

        Span<float> values = stackalloc float[Math.Min(message.Arguments.Count, 240)];
        int count = 0;
        foreach (OscValue value in message.Arguments)
        {
            if (count == values.Length)
            {
                return Reject(message, $"more than {values.Length} values");
            }

            switch (value.Type)
            {
                case OscTypeTag.Float32: values[count++] = value.AsFloat32(); break;
                case OscTypeTag.Double: values[count++] = (float)value.AsDouble(); break;
                case OscTypeTag.Int32: values[count++] = value.AsInt32(); break;
                case OscTypeTag.Int64: values[count++] = value.AsInt64(); break;
                default: return Reject(message, $"value {count} has type '{(char)value.Type}'; sensor values are numbers (f, d, i, h)");
            }
        }

        values = values[..count];
        foreach (float v in values)
        {
            if (!float.IsFinite(v))
            {
                return Reject(message, "a value is not finite");
            }
        }

        if (!_devices.TryGetValue(id, out DeviceState? state))
        {
            state = new DeviceState(convention);
            _devices[id] = state;
        }

        switch (convention)
        {
            case OscSensorConvention.TouchOsc or OscSensorConvention.Wekinator:
                if (values.Length < 3)
                {
                    return Reject(message, $"{values.Length} values; expected at least x y z");
                }

                float scale = convention == OscSensorConvention.TouchOsc ? StandardGravity : 1f;
                frame = new ImuFrame(id, hostTimeNs, hostTimeNs, new Vector3(values[0], values[1], values[2]) * scale);
                return true;

            case OscSensorConvention.EchelonImu:
                if (values.Length is not (3 or 6 or 10))
                {
                    return Reject(message, $"{values.Length} values; expected 3 (ax ay az), 6 (+ gx gy gz) or 10 (+ qx qy qz qw)");
                }

                frame = new ImuFrame(
                    id,
                    hostTimeNs,
                    hostTimeNs,
                    new Vector3(values[0], values[1], values[2]),
                    values.Length >= 6 ? new Vector3(values[3], values[4], values[5]) : null,
                    null,
                    values.Length == 10 ? new Quaternion(values[6], values[7], values[8], values[9]) : null);
                return true;

            case OscSensorConvention.EchelonPose:
                return DecodePose(message, id, hostTimeNs, values, out frame);

            case OscSensorConvention.CoMote:
                return DecodeSplit(message, id, sensor, hostTimeNs, values, state, 1f, out frame);

            default:
                return DecodeSplit(message, id, sensor, hostTimeNs, values, state, StandardGravity, out frame);
        }
    }

    private bool DecodeSplit(OscMessage message, string id, string sensor, long hostTimeNs, ReadOnlySpan<float> values, DeviceState state, float scale, out SensorFrame? frame)
    {
        frame = null;
        bool quaternion = sensor is "absoluteorientation" or "quaternion";
        int needed = quaternion ? 4 : 3;
        if (values.Length < needed)
        {
            return Reject(message, $"{values.Length} values; expected at least {needed}");
        }

        switch (sensor)
        {
            case "gyroscope" or "gyro":
                state.RotationRate = new Vector3(values[0], values[1], values[2]);
                return false;
            case "gravity":
                state.Gravity = new Vector3(values[0], values[1], values[2]) * scale;
                return false;
            case "absoluteorientation" or "quaternion":
                state.Orientation = new Quaternion(values[0], values[1], values[2], values[3]);
                return false;
            case "magnetometer":
                return false;
        }

        // The accelerometer completes a frame. CoMote's carries a timestamp (ms) after x y z.
        var acceleration = new Vector3(values[0], values[1], values[2]) * scale;
        bool userAcceleration = state.Convention == OscSensorConvention.ZigSim;
        if (userAcceleration && state.Gravity is { } gravity)
        {
            acceleration += gravity;
        }

        long deviceTime = state.Convention == OscSensorConvention.CoMote && values.Length >= 4 ? (long)(values[3] * 1e6) : hostTimeNs;
        frame = new ImuFrame(id, deviceTime, hostTimeNs, acceleration, state.RotationRate, state.Gravity, state.Orientation);
        return true;
    }

    private bool DecodePose(OscMessage message, string id, long hostTimeNs, ReadOnlySpan<float> values, out SensorFrame? frame)
    {
        frame = null;
        const int image = PoseFrame.LandmarkCount * 4;
        const int world = PoseFrame.LandmarkCount * 3;
        if (values.Length is not (image or image + world))
        {
            return Reject(message, $"{values.Length} values; expected {image} (33 × x y z visibility) or {image + world} (+ 33 × world x y z)");
        }

        var landmarks = new PoseLandmark[PoseFrame.LandmarkCount];
        for (int i = 0; i < landmarks.Length; i++)
        {
            landmarks[i] = new PoseLandmark(values[4 * i], values[(4 * i) + 1], values[(4 * i) + 2], values[(4 * i) + 3]);
        }

        Vector3[]? worldLandmarks = null;
        if (values.Length == image + world)
        {
            worldLandmarks = new Vector3[PoseFrame.LandmarkCount];
            for (int i = 0; i < worldLandmarks.Length; i++)
            {
                worldLandmarks[i] = new Vector3(values[image + (3 * i)], values[image + (3 * i) + 1], values[image + (3 * i) + 2]);
            }
        }

        frame = new PoseFrame(id, hostTimeNs, hostTimeNs, landmarks, worldLandmarks);
        return true;
    }

    private bool Reject(OscMessage message, string problem)
    {
        Rejected++;
        LastProblem = $"{message.Address} ({message.TypeTags}): {problem}";
        return false;
    }

    private static string Id(string prefix, string raw)
    {
        var id = new StringBuilder();
        foreach (char c in prefix.ToLowerInvariant() + "-" + raw)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return id.Length > DeviceIds.MaxLength ? id.ToString(0, DeviceIds.MaxLength) : id.ToString();
    }

    private sealed class DeviceState(OscSensorConvention convention)
    {
        public OscSensorConvention Convention { get; } = convention;

        public Vector3? RotationRate { get; set; }

        public Vector3? Gravity { get; set; }

        public Quaternion? Orientation { get; set; }
    }
}
