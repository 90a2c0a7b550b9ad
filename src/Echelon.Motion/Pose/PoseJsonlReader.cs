using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Echelon.Motion.Frames;
using Echelon.Motion.Imu;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Pose;

/// <summary>
/// Reads pose JSONL: one MediaPipe Pose result per line, as a JSON object.
/// <code>
/// {"t_ns": 1000000000, "device": "cam", "landmarks": [[x, y, z, visibility], … ×33], "world_landmarks": [[x, y, z], … ×33]}
/// {"t": 1.0333, "landmarks": [{"x": 0.5, "y": 0.2, "z": -0.1, "visibility": 0.98}, … ×33]}
/// {"t_ns": 1066666667, "pose_landmarks": {"landmark": [{"x": …, "y": …, "z": …, "visibility": …}, …]}}
/// </code>
/// <list type="bullet">
/// <item><description>
/// Time: exactly one of <c>t_ns</c> (integer nanoseconds, any epoch; the lossless form) or <c>t</c>
/// (seconds as a number, rounded to the nearest nanosecond; what a Python script writes most easily).
/// Session time zero is the first record's time.
/// </description></item>
/// <item><description>
/// <c>device</c> (optional): a device id (<see cref="DeviceIds"/>); records without one belong to
/// <see cref="PoseJsonlOptions.DeviceId"/>.
/// </description></item>
/// <item><description>
/// <c>landmarks</c> (or <c>pose_landmarks</c>, required): the 33 MediaPipe Pose image landmarks
/// (<see cref="Skeleton.MediaPipePose"/> order), each <c>[x, y, z, visibility]</c> or an object
/// <c>{"x", "y", "z", "visibility"}</c>; in the object form visibility may be absent (read as 1,
/// as tools that do not compute it leave it out) and other members (<c>presence</c>) are ignored.
/// The value may also be an object <c>{"landmark": [...]}</c>, which is what
/// <c>MessageToDict(results.pose_landmarks)</c> gives in MediaPipe's Python solution API.
/// </description></item>
/// <item><description>
/// <c>world_landmarks</c> (or <c>pose_world_landmarks</c>, optional, null allowed): the 33 world
/// landmarks in metres, each <c>[x, y, z]</c>, <c>[x, y, z, visibility]</c> or an object with
/// <c>x, y, z</c>, in the same wrappings.
/// </description></item>
/// </list>
/// Other members are ignored; blank lines are skipped. Records must come in non-decreasing time
/// (see <see cref="PoseJsonlOptions.BackwardTimestamps"/>). A person-less camera frame has no
/// landmarks: leave its line out rather than writing an empty list.
/// <para>
/// JSON cannot hold NaN, so the only non-finite input is a number past the float range (<c>1e39</c>):
/// that record is rejected and counted. Everything else that is wrong throws
/// <see cref="MotionFormatException"/> with the file, the 1-based line and the field
/// (<c>landmarks[15].y</c>): malformed JSON (with the byte position in the line), a missing or
/// doubled timestamp, missing landmarks, a count other than 33, a coordinate that is null, a string
/// or not a number, a visibility outside [0, 1], a bad device id, and an empty file.
/// </para>
/// </summary>
/// <remarks>Reads the whole file into memory; call it off the clock and audio threads. Thread-safe: no shared state.</remarks>
public static class PoseJsonlReader
{
    private const int Count = PoseFrame.LandmarkCount;

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="MotionFormatException">A line does not fit the format.</exception>
    public static PoseJsonlRecording Read(string path, PoseJsonlOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= PoseJsonlOptions.Default;
        DeviceIds.Validate(options.DeviceId);

        var frames = new List<PoseFrame>();
        var deviceOrder = new List<string>();
        var deviceTimes = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        long? first = null;
        long previous = long.MinValue;
        long records = 0;
        long rejected = 0;
        long backward = 0;
        int lineNumber = 0;

        using (var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            while (reader.ReadLine() is { } text)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                records++;
                bool finite = ParseRecord(path, lineNumber, text, options.DeviceId,
                    out long time, out string timeField, out string device, out PoseLandmark[] landmarks, out Vector3[]? world);

                if (!deviceTimes.TryGetValue(device, out List<long>? times))
                {
                    times = [];
                    deviceTimes.Add(device, times);
                    deviceOrder.Add(device);
                }

                first ??= time;
                if (time < previous)
                {
                    if (options.BackwardTimestamps == BackwardTimestampPolicy.Throw)
                    {
                        throw new MotionFormatException(path, lineNumber, timeField,
                            $"timestamp {time} ns is earlier than the previous record's {previous} ns (set BackwardTimestamps to DropAndCount to drop such records)");
                    }

                    backward++;
                    rejected++;
                    continue;
                }

                previous = time;
                if (!finite)
                {
                    rejected++;
                    continue;
                }

                frames.Add(new PoseFrame(device, time, time - first.Value, landmarks, world));
                times.Add(time);
            }
        }

        if (records == 0)
        {
            throw new MotionFormatException(path, 0, "file", "the file has no pose records (it is empty or blank)");
        }

        string description = $"pose JSONL {System.IO.Path.GetFileName(path)}";
        var devices = new List<SensorDevice>(deviceOrder.Count);
        foreach (string id in deviceOrder)
        {
            devices.Add(new SensorDevice(id, SensorKind.Pose, SampleTiming.RateHz(SampleTiming.MedianStepNs(deviceTimes[id])), description));
        }

        return new PoseJsonlRecording(path, frames, devices, first ?? 0, records, rejected, backward);
    }

    /// <summary>Parses one record; returns false when a number is past the float range (the record is rejected, not thrown).</summary>
    private static bool ParseRecord(
        string path,
        int line,
        string text,
        string defaultDevice,
        out long timeNs,
        out string timeField,
        out string device,
        out PoseLandmark[] landmarks,
        out Vector3[]? world)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new MotionFormatException(path, line, "json",
                $"malformed JSON at byte {ex.BytePositionInLine ?? 0} of the line: {ex.Message}", ex);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MotionFormatException(path, line, "json", $"expected a JSON object per line, found {Describe(root)}");
            }

            timeNs = Timestamp(path, line, root, out timeField);
            device = Device(path, line, root, defaultDevice);

            bool finite = true;
            JsonElement list = LandmarkList(path, line, root, "landmarks", "pose_landmarks", out string field)
                ?? throw new MotionFormatException(path, line, "landmarks",
                    $"missing: each record needs \"landmarks\" with {Count} entries");
            landmarks = new PoseLandmark[Count];
            int i = 0;
            foreach (JsonElement entry in list.EnumerateArray())
            {
                landmarks[i] = ImageLandmark(path, line, entry, $"{field}[{i}]", ref finite);
                i++;
            }

            world = null;
            if (LandmarkList(path, line, root, "world_landmarks", "pose_world_landmarks", out string worldField) is { } worldList)
            {
                world = new Vector3[Count];
                i = 0;
                foreach (JsonElement entry in worldList.EnumerateArray())
                {
                    world[i] = WorldLandmark(path, line, entry, $"{worldField}[{i}]", ref finite);
                    i++;
                }
            }

            return finite;
        }
    }

    private static long Timestamp(string path, int line, JsonElement root, out string field)
    {
        bool hasNs = root.TryGetProperty("t_ns", out JsonElement ns) && ns.ValueKind != JsonValueKind.Null;
        bool hasSeconds = root.TryGetProperty("t", out JsonElement seconds) && seconds.ValueKind != JsonValueKind.Null;
        if (hasNs && hasSeconds)
        {
            field = "t";
            throw new MotionFormatException(path, line, field, "give either t_ns (integer nanoseconds) or t (seconds), not both");
        }

        if (hasNs)
        {
            field = "t_ns";
            if (ns.ValueKind != JsonValueKind.Number || !ns.TryGetInt64(out long value))
            {
                throw new MotionFormatException(path, line, field, $"expected an integer number of nanoseconds, found {Describe(ns)}");
            }

            return value;
        }

        if (hasSeconds)
        {
            field = "t";

            // 9.2e9 s is the edge of long nanoseconds (292 years).
            if (seconds.ValueKind != JsonValueKind.Number || !seconds.TryGetDouble(out double value) || !(Math.Abs(value) < 9.2e9))
            {
                throw new MotionFormatException(path, line, field, $"expected seconds as a number within ±9.2e9, found {Describe(seconds)}");
            }

            return (long)Math.Round(value * 1e9);
        }

        field = "t_ns";
        throw new MotionFormatException(path, line, field, "missing timestamp: give t_ns (integer nanoseconds) or t (seconds)");
    }

    private static string Device(string path, int line, JsonElement root, string defaultDevice)
    {
        if (!root.TryGetProperty("device", out JsonElement element) || element.ValueKind == JsonValueKind.Null)
        {
            return defaultDevice;
        }

        string? id = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        if (!DeviceIds.IsValid(id))
        {
            throw new MotionFormatException(path, line, "device",
                $"{Describe(element)} is not a device id: use 1–{DeviceIds.MaxLength} ASCII letters, digits, '-', '_' or '.', not starting with '.'");
        }

        return id!;
    }

    /// <summary>The landmark array under <paramref name="key"/> or <paramref name="alias"/>, unwrapped and counted; null when absent.</summary>
    private static JsonElement? LandmarkList(string path, int line, JsonElement root, string key, string alias, out string field)
    {
        field = key;
        if (!root.TryGetProperty(key, out JsonElement value))
        {
            if (!root.TryGetProperty(alias, out value))
            {
                return null;
            }

            field = alias;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("landmark", out JsonElement inner))
        {
            value = inner;
            field += ".landmark";
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new MotionFormatException(path, line, field, $"expected an array of {Count} landmarks, found {Describe(value)}");
        }

        int length = value.GetArrayLength();
        if (length != Count)
        {
            throw new MotionFormatException(path, line, field, $"expected {Count} landmarks, found {length}");
        }

        return value;
    }

    private static PoseLandmark ImageLandmark(string path, int line, JsonElement entry, string field, ref bool finite)
    {
        switch (entry.ValueKind)
        {
            case JsonValueKind.Array:
                int length = entry.GetArrayLength();
                if (length != 4)
                {
                    throw new MotionFormatException(path, line, field, $"expected [x, y, z, visibility], found {length} values");
                }

                return new PoseLandmark(
                    Number(path, line, entry[0], field + ".x", ref finite),
                    Number(path, line, entry[1], field + ".y", ref finite),
                    Number(path, line, entry[2], field + ".z", ref finite),
                    Visibility(path, line, entry[3], field + ".visibility", ref finite));

            case JsonValueKind.Object:
                return new PoseLandmark(
                    Member(path, line, entry, "x", field, ref finite),
                    Member(path, line, entry, "y", field, ref finite),
                    Member(path, line, entry, "z", field, ref finite),
                    entry.TryGetProperty("visibility", out JsonElement v)
                        ? Visibility(path, line, v, field + ".visibility", ref finite)
                        : 1f);

            default:
                throw new MotionFormatException(path, line, field, $"expected [x, y, z, visibility] or {{\"x\", \"y\", \"z\", \"visibility\"}}, found {Describe(entry)}");
        }
    }

    private static Vector3 WorldLandmark(string path, int line, JsonElement entry, string field, ref bool finite)
    {
        switch (entry.ValueKind)
        {
            case JsonValueKind.Array:
                int length = entry.GetArrayLength();
                if (length is not (3 or 4))
                {
                    throw new MotionFormatException(path, line, field, $"expected [x, y, z] or [x, y, z, visibility], found {length} values");
                }

                if (length == 4)
                {
                    Visibility(path, line, entry[3], field + ".visibility", ref finite);
                }

                return new Vector3(
                    Number(path, line, entry[0], field + ".x", ref finite),
                    Number(path, line, entry[1], field + ".y", ref finite),
                    Number(path, line, entry[2], field + ".z", ref finite));

            case JsonValueKind.Object:
                if (entry.TryGetProperty("visibility", out JsonElement v))
                {
                    Visibility(path, line, v, field + ".visibility", ref finite);
                }

                return new Vector3(
                    Member(path, line, entry, "x", field, ref finite),
                    Member(path, line, entry, "y", field, ref finite),
                    Member(path, line, entry, "z", field, ref finite));

            default:
                throw new MotionFormatException(path, line, field, $"expected [x, y, z] or {{\"x\", \"y\", \"z\"}}, found {Describe(entry)}");
        }
    }

    private static float Member(string path, int line, JsonElement entry, string name, string field, ref bool finite)
    {
        if (!entry.TryGetProperty(name, out JsonElement value))
        {
            throw new MotionFormatException(path, line, $"{field}.{name}", "missing");
        }

        return Number(path, line, value, $"{field}.{name}", ref finite);
    }

    private static float Number(string path, int line, JsonElement element, string field, ref bool finite)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            throw new MotionFormatException(path, line, field, $"expected a number, found {Describe(element)}");
        }

        // TryGetDouble refuses numbers past the double range; a cast past the float range gives
        // infinity. Either way the number is not finite: reject the record, do not throw.
        float value = element.TryGetDouble(out double d) ? (float)d : float.NaN;
        finite &= float.IsFinite(value);
        return value;
    }

    private static float Visibility(string path, int line, JsonElement element, string field, ref bool finite)
    {
        float value = Number(path, line, element, field, ref finite);
        if (float.IsFinite(value) && value is < 0f or > 1f)
        {
            throw new MotionFormatException(path, line, field,
                $"visibility {value.ToString(CultureInfo.InvariantCulture)} is outside [0, 1]");
        }

        return value;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Shorten(element.GetString())}\"",
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => element.ValueKind.ToString(),
    };

    private static string Shorten(string? text) =>
        text is null ? string.Empty : text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
