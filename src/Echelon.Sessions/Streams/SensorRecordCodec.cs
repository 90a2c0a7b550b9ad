using System.Buffers;
using System.Numerics;
using System.Text.Json;
using Echelon.Motion.Frames;
using Echelon.Motion.Skeleton;

namespace Echelon.Sessions.Streams;

/// <summary>
/// Writes a <see cref="SensorFrame"/> as one JSON line of a <c>sensors.&lt;device&gt;.jsonl</c> stream and
/// reads it back exactly: every float round-trips bit for bit (the writer emits the shortest text that
/// parses back to the same float, -0 and subnormals included).
/// </summary>
/// <remarks>
/// <para>Shapes (docs/architecture/0004-session-archive.md), fields in this order when written:</para>
/// <code>
/// {"t":host_ns,"device":"phone","device_t":ns,"kind":"imu","acc":[x,y,z],"gyro":[x,y,z],"gravity":[x,y,z],"quat":[x,y,z,w]}
/// {"t":host_ns,"device":"cam","device_t":ns,"kind":"pose","landmarks":[[x,y,z,v],…33],"world":[[x,y,z],…33]}
/// {"t":host_ns,"device":"dancer","device_t":ns,"kind":"skeleton","skeleton":"canonical","joints":[[x,y,z],…N]}
/// </code>
/// <para>
/// <c>gyro</c>, <c>gravity</c>, <c>quat</c> and <c>world</c> are absent when the frame has none. A
/// skeleton record names its definition; the definitions (joint names and parents) live once in the
/// manifest's device entries (<see cref="SessionDevice.Skeleton"/>), and the reader is given them by name.
/// </para>
/// <para>
/// Reading is strict: <c>t</c> first, then the other fields in any order, each exactly once; no unknown
/// fields, no fields of another kind, exact array lengths, finite numbers, integer times. Problems are
/// <see cref="SessionFormatException"/>s with the file, line and field.
/// </para>
/// <para>Thread-safe (no shared state but a per-thread writer). Allocates: for I/O threads, not the real-time ones.</para>
/// </remarks>
public static class SensorRecordCodec
{
    /// <summary>Writes the frame as one record followed by '\n'.</summary>
    /// <exception cref="ArgumentException">The frame holds NaN or an infinity (JSON has neither); nothing is written.</exception>
    public static void WriteLine(IBufferWriter<byte> output, SensorFrame frame)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(frame);
        ThrowIfNotFinite(frame);
        Utf8JsonWriter writer = RecordJson.WriterFor(output);
        WriteUnchecked(writer, frame);
        writer.Flush();
        RecordJson.WriteNewline(output);
    }

    /// <summary>
    /// Writes the frame as one JSON object, without the line end, to a caller's writer (which must be
    /// compact and at the top level). The caller writes '\n' after flushing the writer.
    /// </summary>
    /// <exception cref="ArgumentException">The frame holds NaN or an infinity, or the writer is indented or mid-document.</exception>
    public static void Write(Utf8JsonWriter writer, SensorFrame frame)
    {
        RecordJson.CheckCallerWriter(writer);
        ArgumentNullException.ThrowIfNull(frame);
        ThrowIfNotFinite(frame);
        WriteUnchecked(writer, frame);
    }

    /// <summary>Reads one record (without its line end).</summary>
    /// <param name="line">The record's UTF-8 bytes.</param>
    /// <param name="skeletons">Skeleton definitions by name (<see cref="SessionManifest.Skeletons"/>); needed for skeleton records.</param>
    /// <param name="file">The file, for error messages.</param>
    /// <param name="lineNumber">The 1-based line, for error messages.</param>
    /// <exception cref="SessionFormatException">The record is malformed; the exception names the file, line and field.</exception>
    public static SensorFrame Read(
        ReadOnlySpan<byte> line,
        IReadOnlyDictionary<string, SkeletonDefinition>? skeletons,
        string file = "(record)",
        int lineNumber = 0)
    {
        ArgumentNullException.ThrowIfNull(file);
        var reader = new RecordReader(line, file, lineNumber);
        long t = reader.ReadStartAndTime();
        string? device = null;
        long? deviceT = null;
        SensorKind? kind = null;
        Vector3? acc = null, gyro = null, gravity = null;
        Quaternion? quat = null;
        PoseLandmark[]? landmarks = null;
        Vector3[]? world = null;
        string? skeletonName = null;
        Vector3[]? joints = null;
        Span<float> four = stackalloc float[4];

        while (reader.NextField())
        {
            if (reader.FieldIs("device"u8))
            {
                Once(ref reader, device is null);
                device = reader.ReadString();
            }
            else if (reader.FieldIs("device_t"u8))
            {
                Once(ref reader, deviceT is null);
                deviceT = reader.ReadInt64();
            }
            else if (reader.FieldIs("kind"u8))
            {
                Once(ref reader, kind is null);
                string text = reader.ReadString();
                kind = text switch
                {
                    "imu" => SensorKind.Imu,
                    "pose" => SensorKind.Pose,
                    "skeleton" => SensorKind.Skeleton,
                    _ => throw reader.Fail($"is \"{text}\"; must be one of \"imu\", \"pose\", \"skeleton\""),
                };
            }
            else if (reader.FieldIs("acc"u8))
            {
                Once(ref reader, acc is null);
                acc = reader.ReadVector3();
            }
            else if (reader.FieldIs("gyro"u8))
            {
                Once(ref reader, gyro is null);
                gyro = reader.ReadVector3();
            }
            else if (reader.FieldIs("gravity"u8))
            {
                Once(ref reader, gravity is null);
                gravity = reader.ReadVector3();
            }
            else if (reader.FieldIs("quat"u8))
            {
                Once(ref reader, quat is null);
                reader.ReadFloats(four);
                quat = new Quaternion(four[0], four[1], four[2], four[3]);
            }
            else if (reader.FieldIs("landmarks"u8))
            {
                Once(ref reader, landmarks is null);
                landmarks = ReadLandmarks(ref reader, four);
            }
            else if (reader.FieldIs("world"u8))
            {
                Once(ref reader, world is null);
                world = ReadPoints(ref reader, PoseFrame.LandmarkCount);
            }
            else if (reader.FieldIs("skeleton"u8))
            {
                Once(ref reader, skeletonName is null);
                skeletonName = reader.ReadString();
            }
            else if (reader.FieldIs("joints"u8))
            {
                Once(ref reader, joints is null);
                joints = ReadPoints(ref reader, expected: -1);
            }
            else
            {
                throw reader.Fail("is not a sensor record field; allowed: t, device, device_t, kind, acc, gyro, gravity, quat, landmarks, world, skeleton, joints");
            }
        }

        string deviceId = device ?? throw reader.Fail("device", "is missing");
        if (!DeviceIds.IsValid(deviceId))
        {
            throw reader.Fail("device", $"'{deviceId}' is not a valid device id (1–{DeviceIds.MaxLength} ASCII letters, digits, '-', '_' or '.')");
        }

        long deviceTime = deviceT ?? throw reader.Fail("device_t", "is missing");
        switch (kind ?? throw reader.Fail("kind", "is missing"))
        {
            case SensorKind.Imu:
                Absent(ref reader, landmarks, "landmarks", "imu");
                Absent(ref reader, world, "world", "imu");
                Absent(ref reader, skeletonName, "skeleton", "imu");
                Absent(ref reader, joints, "joints", "imu");
                return new ImuFrame(deviceId, deviceTime, t, acc ?? throw reader.Fail("acc", "is missing (an imu record needs the accelerometer)"), gyro, gravity, quat);

            case SensorKind.Pose:
                AbsentImu(ref reader, acc, gyro, gravity, quat, "pose");
                Absent(ref reader, skeletonName, "skeleton", "pose");
                Absent(ref reader, joints, "joints", "pose");
                return new PoseFrame(deviceId, deviceTime, t, landmarks ?? throw reader.Fail("landmarks", "is missing (a pose record needs its 33 landmarks)"), world);

            default:
                AbsentImu(ref reader, acc, gyro, gravity, quat, "skeleton");
                Absent(ref reader, landmarks, "landmarks", "skeleton");
                Absent(ref reader, world, "world", "skeleton");
                string name = skeletonName ?? throw reader.Fail("skeleton", "is missing (a skeleton record names its definition)");
                Vector3[] positions = joints ?? throw reader.Fail("joints", "is missing");
                SkeletonDefinition? definition = null;
                if (skeletons is null || !skeletons.TryGetValue(name, out definition))
                {
                    throw reader.Fail("skeleton", $"names '{name}', which is not among the manifest's skeleton definitions ({(skeletons is null ? "none given" : string.Join(", ", skeletons.Keys))})");
                }

                if (positions.Length != definition.JointCount)
                {
                    throw reader.Fail("joints", $"has {positions.Length} joints; skeleton '{name}' has {definition.JointCount}");
                }

                return new SkeletonFrame(deviceId, deviceTime, t, definition, positions);
        }
    }

    internal static void WriteUnchecked(Utf8JsonWriter writer, SensorFrame frame)
    {
        writer.WriteStartObject();
        writer.WriteNumber("t"u8, frame.HostTimeNs);
        writer.WriteString("device"u8, frame.DeviceId);
        writer.WriteNumber("device_t"u8, frame.DeviceTimeNs);
        switch (frame)
        {
            case ImuFrame imu:
                writer.WriteString("kind"u8, "imu"u8);
                WriteVector(writer, "acc"u8, imu.Acceleration);
                if (imu.RotationRate is { } gyro)
                {
                    WriteVector(writer, "gyro"u8, gyro);
                }

                if (imu.Gravity is { } gravity)
                {
                    WriteVector(writer, "gravity"u8, gravity);
                }

                if (imu.Orientation is { } q)
                {
                    writer.WriteStartArray("quat"u8);
                    writer.WriteNumberValue(q.X);
                    writer.WriteNumberValue(q.Y);
                    writer.WriteNumberValue(q.Z);
                    writer.WriteNumberValue(q.W);
                    writer.WriteEndArray();
                }

                break;

            case PoseFrame pose:
                writer.WriteString("kind"u8, "pose"u8);
                writer.WriteStartArray("landmarks"u8);
                foreach (PoseLandmark l in pose.Landmarks)
                {
                    writer.WriteStartArray();
                    writer.WriteNumberValue(l.X);
                    writer.WriteNumberValue(l.Y);
                    writer.WriteNumberValue(l.Z);
                    writer.WriteNumberValue(l.Visibility);
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
                if (pose.WorldLandmarks is { } world)
                {
                    WritePoints(writer, "world"u8, world);
                }

                break;

            case SkeletonFrame skeleton:
                writer.WriteString("kind"u8, "skeleton"u8);
                writer.WriteString("skeleton"u8, skeleton.Definition.Name);
                WritePoints(writer, "joints"u8, skeleton.Positions);
                break;

            default:
                throw new ArgumentException($"Frame type {frame.GetType().Name} has no record shape.", nameof(frame));
        }

        writer.WriteEndObject();
    }

    /// <summary>The record field of the first non-finite number in the frame, or null when all are finite.</summary>
    internal static string? FirstNonFiniteField(SensorFrame frame)
    {
        switch (frame)
        {
            case ImuFrame imu:
                return !Finite.Of(imu.Acceleration) ? "acc"
                    : imu.RotationRate is { } r && !Finite.Of(r) ? "gyro"
                    : imu.Gravity is { } g && !Finite.Of(g) ? "gravity"
                    : imu.Orientation is { } q && !(float.IsFinite(q.X) && float.IsFinite(q.Y) && float.IsFinite(q.Z) && float.IsFinite(q.W)) ? "quat"
                    : null;

            case PoseFrame pose:
                for (int i = 0; i < pose.Landmarks.Length; i++)
                {
                    if (!pose.Landmarks[i].IsFinite)
                    {
                        return $"landmarks[{i}]";
                    }
                }

                return FirstNonFinitePoint(pose.WorldLandmarks, "world");

            case SkeletonFrame skeleton:
                return FirstNonFinitePoint(skeleton.Positions, "joints");

            default:
                return frame.IsFinite() ? null : "$";
        }
    }

    private static string? FirstNonFinitePoint(Vector3[]? points, string field)
    {
        if (points is null)
        {
            return null;
        }

        for (int i = 0; i < points.Length; i++)
        {
            if (!Finite.Of(points[i]))
            {
                return $"{field}[{i}]";
            }
        }

        return null;
    }

    private static void ThrowIfNotFinite(SensorFrame frame)
    {
        if (FirstNonFiniteField(frame) is { } field)
        {
            throw new ArgumentException(
                $"The {frame.Kind} frame from '{frame.DeviceId}' at {frame.HostTimeNs} ns has a non-finite value in '{field}'; JSON has no NaN or Infinity, and a session never records them.",
                nameof(frame));
        }
    }

    private static void WriteVector(Utf8JsonWriter writer, ReadOnlySpan<byte> name, Vector3 v)
    {
        writer.WriteStartArray(name);
        writer.WriteNumberValue(v.X);
        writer.WriteNumberValue(v.Y);
        writer.WriteNumberValue(v.Z);
        writer.WriteEndArray();
    }

    private static void WritePoints(Utf8JsonWriter writer, ReadOnlySpan<byte> name, Vector3[] points)
    {
        writer.WriteStartArray(name);
        foreach (Vector3 p in points)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(p.X);
            writer.WriteNumberValue(p.Y);
            writer.WriteNumberValue(p.Z);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static PoseLandmark[] ReadLandmarks(ref RecordReader reader, scoped Span<float> four)
    {
        var landmarks = new PoseLandmark[PoseFrame.LandmarkCount];
        string field = reader.Field;
        reader.ReadStartArray();
        int count = 0;
        while (reader.NextElement())
        {
            string element = $"{field}[{count}]";
            if (count == landmarks.Length)
            {
                throw reader.Fail(field, $"has more than {PoseFrame.LandmarkCount} landmarks; MediaPipe Pose has exactly {PoseFrame.LandmarkCount}");
            }

            reader.ExpectStartArray(element);
            reader.Field = element;
            reader.ReadFloatsAfterStart(four);
            landmarks[count++] = new PoseLandmark(four[0], four[1], four[2], four[3]);
        }

        reader.Field = field;
        if (count != landmarks.Length)
        {
            throw reader.Fail($"has {count} landmarks; MediaPipe Pose has exactly {PoseFrame.LandmarkCount}");
        }

        return landmarks;
    }

    private static Vector3[] ReadPoints(ref RecordReader reader, int expected)
    {
        var points = new List<Vector3>(expected > 0 ? expected : 32);
        Span<float> three = stackalloc float[3];
        string field = reader.Field;
        reader.ReadStartArray();
        while (reader.NextElement())
        {
            string element = $"{field}[{points.Count}]";
            if (points.Count == expected)
            {
                throw reader.Fail(field, $"has more than {expected} points; expected exactly {expected}");
            }

            reader.ExpectStartArray(element);
            reader.Field = element;
            reader.ReadFloatsAfterStart(three);
            points.Add(new Vector3(three[0], three[1], three[2]));
        }

        reader.Field = field;
        if (expected >= 0 && points.Count != expected)
        {
            throw reader.Fail($"has {points.Count} points; expected exactly {expected}");
        }

        return [.. points];
    }

    private static void Once(ref RecordReader reader, bool first)
    {
        if (!first)
        {
            throw reader.Fail("appears twice");
        }
    }

    private static void Absent(ref RecordReader reader, object? value, string field, string kind)
    {
        if (value is not null)
        {
            throw reader.Fail(field, $"does not belong in a {kind} record");
        }
    }

    private static void AbsentImu(ref RecordReader reader, Vector3? acc, Vector3? gyro, Vector3? gravity, Quaternion? quat, string kind)
    {
        string? present = acc is not null ? "acc" : gyro is not null ? "gyro" : gravity is not null ? "gravity" : quat is not null ? "quat" : null;
        if (present is not null)
        {
            throw reader.Fail(present, $"does not belong in a {kind} record");
        }
    }
}
