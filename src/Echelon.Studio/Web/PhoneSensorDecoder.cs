using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Echelon.Motion.Frames;

namespace Echelon.Studio.Web;

/// <summary>
/// Turns the phone page's JSON messages into sensor frames. A <c>motion</c> message carries the W3C DeviceMotion
/// readings (<c>accelerationIncludingGravity</c>, <c>acceleration</c> in m/s², <c>rotationRate</c> alpha/beta/gamma in
/// °/s) and DeviceOrientation angles (<c>orientation</c> alpha/beta/gamma in °), the device id and the page's
/// timestamp <c>t</c> in milliseconds; it becomes one <see cref="ImuFrame"/> in the device's axes.
/// </summary>
/// <remarks>
/// <para>
/// Conversion (W3C DeviceOrientation Event Specification, §4.1 and §4.3): the accelerometer reading is
/// <c>accelerationIncludingGravity</c>; the gravity estimate is that minus <c>acceleration</c> when both are given.
/// When only <c>acceleration</c> and the orientation are given, gravity is put back from the orientation. The rotation
/// rate's alpha, beta and gamma turn about the device's z, x and y axes, so the frame's rate is (beta, gamma, alpha)
/// in rad/s. The orientation's Z-X'-Y'' angles become a quaternion with the formula of the specification's
/// worked example. A reading that is <c>null</c> (the phone lacks that sensor) is left out; anything else that is not
/// a finite number in range is an error naming the field and the range.
/// </para>
/// <para>Stateless; thread-safe. I/O thread (allocates).</para>
/// </remarks>
internal static class PhoneSensorDecoder
{
    /// <summary>Largest accelerometer component accepted, m/s² (about 100 g; phones saturate near 16 g).</summary>
    public const double MaxAcceleration = 1000;

    /// <summary>Largest rotation rate component accepted, °/s (phones saturate near 2000 °/s).</summary>
    public const double MaxRotationRate = 20000;

    /// <summary>Longest description kept.</summary>
    public const int MaxDescription = 200;

    /// <summary>Standard gravity, m/s².</summary>
    public const double StandardGravity = 9.80665;

    /// <summary>The rate assumed when a phone does not say, Hz (what Chrome on Android delivers).</summary>
    public const double DefaultRateHz = 60;

    private const double DegreesToRadians = Math.PI / 180;

    public static PhoneSensorMessage Decode(ReadOnlySpan<byte> utf8, long hostTimeNs)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 8 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            return PhoneSensorMessage.Error("message", $"not valid JSON ({e.Message})");
        }

        using (document)
        {
            return Decode(document.RootElement, hostTimeNs);
        }
    }

    public static PhoneSensorMessage Decode(JsonElement root, long hostTimeNs)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return PhoneSensorMessage.Error("message", "must be a JSON object with type \"hello\" or \"motion\"");
        }

        if (!root.TryGetProperty("type", out JsonElement type) || type.ValueKind != JsonValueKind.String)
        {
            return PhoneSensorMessage.Error("type", "missing; must be \"hello\" or \"motion\"");
        }

        if (!root.TryGetProperty("device", out JsonElement deviceElement) || deviceElement.ValueKind != JsonValueKind.String
            || !DeviceIds.IsValid(deviceElement.GetString()))
        {
            return PhoneSensorMessage.Error("device", $"must be 1–{DeviceIds.MaxLength} ASCII letters, digits, '-', '_' or '.', not starting with '.'");
        }

        string device = deviceElement.GetString()!;
        switch (type.GetString())
        {
            case "hello":
                return DecodeHello(root, device);
            case "motion":
                return DecodeMotion(root, device, hostTimeNs);
            default:
                return PhoneSensorMessage.Error("type", $"\"{type.GetString()}\" is not a message type; must be \"hello\" or \"motion\"");
        }
    }

    /// <summary>The quaternion (device to earth frame) of DeviceOrientation's alpha, beta, gamma in degrees (W3C worked example).</summary>
    public static Quaternion OrientationToQuaternion(double alpha, double beta, double gamma)
    {
        double x = beta * DegreesToRadians / 2;
        double y = gamma * DegreesToRadians / 2;
        double z = alpha * DegreesToRadians / 2;
        double cX = Math.Cos(x), cY = Math.Cos(y), cZ = Math.Cos(z);
        double sX = Math.Sin(x), sY = Math.Sin(y), sZ = Math.Sin(z);
        return new Quaternion(
            (float)((sX * cY * cZ) - (cX * sY * sZ)),
            (float)((cX * sY * cZ) + (sX * cY * sZ)),
            (float)((cX * cY * sZ) + (sX * sY * cZ)),
            (float)((cX * cY * cZ) - (sX * sY * sZ)));
    }

    private static PhoneSensorMessage DecodeHello(JsonElement root, string device)
    {
        string description = "phone browser";
        if (root.TryGetProperty("description", out JsonElement d) && d.ValueKind != JsonValueKind.Null)
        {
            if (d.ValueKind != JsonValueKind.String)
            {
                return PhoneSensorMessage.Error("description", "must be a string");
            }

            string text = d.GetString()!.Trim();
            description = text.Length <= MaxDescription ? text : text[..MaxDescription];
        }

        double rate = DefaultRateHz;
        if (root.TryGetProperty("rateHz", out JsonElement r) && r.ValueKind != JsonValueKind.Null)
        {
            if (r.ValueKind != JsonValueKind.Number || !r.TryGetDouble(out rate) || rate is not (>= 1 and <= 1000))
            {
                return PhoneSensorMessage.Error("rateHz", "must be a number in the allowed range 1–1000");
            }
        }

        return new PhoneSensorMessage { Kind = PhoneSensorMessageKind.Hello, Device = device, Description = description, RateHz = rate };
    }

    private static PhoneSensorMessage DecodeMotion(JsonElement root, string device, long hostTimeNs)
    {
        if (!root.TryGetProperty("t", out JsonElement t) || t.ValueKind != JsonValueKind.Number
            || !t.TryGetDouble(out double ms) || !double.IsFinite(ms) || ms < 0 || ms > 1e12)
        {
            return PhoneSensorMessage.Error("t", "must be the page's timestamp in milliseconds, a number in the allowed range 0–1e12");
        }

        PhoneSensorMessage? error;
        Vector3? withGravity = ReadVector(root, "accelerationIncludingGravity", "x", "y", "z", MaxAcceleration, "m/s²", out error);
        if (error is not null)
        {
            return error;
        }

        Vector3? linear = ReadVector(root, "acceleration", "x", "y", "z", MaxAcceleration, "m/s²", out error);
        if (error is not null)
        {
            return error;
        }

        // W3C order: alpha about z, beta about x, gamma about y.
        Vector3? rotationDegrees = ReadVector(root, "rotationRate", "alpha", "beta", "gamma", MaxRotationRate, "°/s", out error);
        if (error is not null)
        {
            return error;
        }

        Quaternion? orientation = ReadOrientation(root, out error);
        if (error is not null)
        {
            return error;
        }

        Vector3 acceleration;
        Vector3? gravity = null;
        if (withGravity is { } g)
        {
            acceleration = g;
            if (linear is { } a)
            {
                gravity = g - a;
            }
        }
        else if (linear is { } a && orientation is { } q)
        {
            // At rest a phone reads +g along the earth's up axis (the specification's example: flat, screen up, z = +9.81).
            gravity = Vector3.Transform(new Vector3(0, 0, (float)StandardGravity), Quaternion.Conjugate(q));
            acceleration = a + gravity.Value;
        }
        else
        {
            return PhoneSensorMessage.Error(
                "accelerationIncludingGravity",
                "missing: a motion message needs accelerationIncludingGravity {x, y, z} in m/s² (or acceleration together with orientation)");
        }

        Vector3? rotation = rotationDegrees is { } r
            ? new Vector3(r.Y, r.Z, r.X) * (float)DegreesToRadians
            : null;
        var frame = new ImuFrame(device, (long)Math.Round(ms * 1e6), hostTimeNs, acceleration, rotation, gravity, orientation);
        return new PhoneSensorMessage { Kind = PhoneSensorMessageKind.Motion, Device = device, Frame = frame };
    }

    /// <summary>Reads {a, b, c} as (a, b, c); null when the object or all three are null/absent.</summary>
    private static Vector3? ReadVector(JsonElement root, string name, string a, string b, string c, double limit, string unit, out PhoneSensorMessage? error)
    {
        error = null;
        if (!root.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            error = PhoneSensorMessage.Error(name, $"must be an object {{{a}, {b}, {c}}} in {unit}, or null");
            return null;
        }

        Span<double> v = stackalloc double[3];
        int present = 0;
        string[] names = [a, b, c];
        for (int i = 0; i < 3; i++)
        {
            string field = name + "." + names[i];
            if (!value.TryGetProperty(names[i], out JsonElement component) || component.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (component.ValueKind != JsonValueKind.Number || !component.TryGetDouble(out v[i]) || !double.IsFinite(v[i]) || Math.Abs(v[i]) > limit)
            {
                error = PhoneSensorMessage.Error(field, $"must be a number in the allowed range ±{limit.ToString(CultureInfo.InvariantCulture)} {unit}; got {component.GetRawText()}");
                return null;
            }

            present++;
        }

        if (present == 0)
        {
            return null;
        }

        if (present < 3)
        {
            error = PhoneSensorMessage.Error(name, $"has {present} of {a}, {b}, {c}; give all three or null");
            return null;
        }

        return new Vector3((float)v[0], (float)v[1], (float)v[2]);
    }

    private static Quaternion? ReadOrientation(JsonElement root, out PhoneSensorMessage? error)
    {
        error = null;
        if (!root.TryGetProperty("orientation", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            error = PhoneSensorMessage.Error("orientation", "must be an object {alpha, beta, gamma} in degrees, or null");
            return null;
        }

        // The specification's ranges: alpha [0, 360), beta [-180, 180), gamma [-90, 90).
        (string Name, double Min, double Max)[] ranges = [("alpha", 0, 360), ("beta", -180, 180), ("gamma", -90, 90)];
        Span<double> angles = stackalloc double[3];
        for (int i = 0; i < 3; i++)
        {
            (string name, double min, double max) = ranges[i];
            if (!value.TryGetProperty(name, out JsonElement angle) || angle.ValueKind == JsonValueKind.Null)
            {
                // A phone without a compass gives null angles: no orientation this time, not an error.
                return null;
            }

            if (angle.ValueKind != JsonValueKind.Number || !angle.TryGetDouble(out angles[i]) || !(angles[i] >= min && angles[i] <= max))
            {
                error = PhoneSensorMessage.Error(
                    "orientation." + name,
                    $"must be a number in the allowed range {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)} degrees; got {angle.GetRawText()}");
                return null;
            }
        }

        return OrientationToQuaternion(angles[0], angles[1], angles[2]);
    }
}
