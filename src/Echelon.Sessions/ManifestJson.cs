using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Echelon.Motion.Frames;
using Echelon.Motion.Skeleton;

namespace Echelon.Sessions;

/// <summary>The manifest's JSON form: a strict reader that names the JSON path of every problem, and a deterministic writer.</summary>
internal static class ManifestJson
{
    private static readonly JsonDocumentOptions s_documentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] s_rootFields = ["format", "schema_version", "id", "created", "software_version", "config_hash", "status", "devices", "streams"];
    private static readonly string[] s_deviceFields = ["id", "kind", "rate_hz", "description", "skeleton"];
    private static readonly string[] s_skeletonFields = ["name", "joints", "parents"];
    private static readonly string[] s_streamFields = ["name", "file", "producer", "rate_hz", "records", "bytes", "sha256", "dropped", "rejected"];

    public static string StatusText(SessionStatus status) => status switch
    {
        SessionStatus.Recording => "recording",
        SessionStatus.Closed => "closed",
        SessionStatus.Repaired => "repaired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown status"),
    };

    public static string KindText(SensorKind kind) => kind switch
    {
        SensorKind.Imu => "imu",
        SensorKind.Pose => "pose",
        SensorKind.Skeleton => "skeleton",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown sensor kind"),
    };

    public static byte[] Write(SessionManifest manifest)
    {
        var output = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(output, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("format", SessionManifest.FormatName);
            writer.WriteNumber("schema_version", manifest.SchemaVersion);
            writer.WriteString("id", manifest.Id);
            writer.WriteString("created", manifest.Created.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteString("software_version", manifest.SoftwareVersion);
            writer.WriteString("config_hash", manifest.ConfigHash);
            writer.WriteString("status", StatusText(manifest.Status));
            writer.WriteStartArray("devices");
            foreach (SessionDevice device in manifest.Devices)
            {
                writer.WriteStartObject();
                writer.WriteString("id", device.Id);
                writer.WriteString("kind", KindText(device.Kind));
                writer.WriteNumber("rate_hz", device.RateHz);
                writer.WriteString("description", device.Description);
                if (device.Skeleton is { } skeleton)
                {
                    writer.WriteStartObject("skeleton");
                    writer.WriteString("name", skeleton.Name);
                    writer.WriteStartArray("joints");
                    foreach (string joint in skeleton.JointNames)
                    {
                        writer.WriteStringValue(joint);
                    }

                    writer.WriteEndArray();
                    writer.WriteStartArray("parents");
                    foreach (int parent in skeleton.Parents)
                    {
                        writer.WriteNumberValue(parent);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("streams");
            foreach (SessionStreamInfo stream in manifest.Streams)
            {
                writer.WriteStartObject();
                writer.WriteString("name", stream.Name);
                writer.WriteString("file", stream.File);
                writer.WriteString("producer", stream.Producer);
                writer.WriteNumber("rate_hz", stream.RateHz);
                WriteOptional(writer, "records", stream.Records);
                WriteOptional(writer, "bytes", stream.Bytes);
                if (stream.Sha256 is not null)
                {
                    writer.WriteString("sha256", stream.Sha256);
                }

                WriteOptional(writer, "dropped", stream.Dropped);
                WriteOptional(writer, "rejected", stream.Rejected);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.Write("\n"u8);
        return output.WrittenSpan.ToArray();
    }

    public static SessionManifest Read(ReadOnlyMemory<byte> utf8, string file)
    {
        // Editors on Windows may add a UTF-8 byte order mark; the JSON reader does not skip it.
        if (utf8.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, s_documentOptions);
        }
        catch (JsonException ex)
        {
            throw new SessionFormatException(
                file,
                (int)Math.Min(int.MaxValue, (ex.LineNumber ?? -1) + 1),
                "$",
                $"malformed or truncated JSON at byte {(ex.BytePositionInLine ?? 0) + 1} of the line: {ex.Message}",
                ex);
        }

        using (document)
        {
            return new Reader(file).ReadRoot(document.RootElement);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    private sealed class Reader(string file)
    {
        public SessionManifest ReadRoot(JsonElement root)
        {
            ExpectObject(root, "$", s_rootFields);

            // Format and version first: a file from another schema reports its version, not a field it lacks.
            string format = ReadString(root, "$", "format");
            if (format != SessionManifest.FormatName)
            {
                throw Fail("$.format", $"is \"{format}\"; a session manifest says \"{SessionManifest.FormatName}\"");
            }

            long version = ReadInteger(root, "$", "schema_version");
            if (version != SessionManifest.CurrentSchemaVersion)
            {
                throw Fail("$.schema_version", $"is {version}, which this build does not read; supported schema versions: {SessionManifest.CurrentSchemaVersion}");
            }

            string id = ReadString(root, "$", "id");
            DateTimeOffset created = ReadCreated(root);
            string softwareVersion = ReadString(root, "$", "software_version");
            string configHash = ReadString(root, "$", "config_hash");
            SessionStatus status = ReadString(root, "$", "status") switch
            {
                "recording" => SessionStatus.Recording,
                "closed" => SessionStatus.Closed,
                "repaired" => SessionStatus.Repaired,
                string other => throw Fail("$.status", $"is \"{other}\"; must be one of \"recording\", \"closed\", \"repaired\""),
            };

            JsonElement devicesElement = Required(root, "$", "devices");
            ExpectArray(devicesElement, "$.devices");
            var devices = new List<SessionDevice>();
            int index = 0;
            foreach (JsonElement element in devicesElement.EnumerateArray())
            {
                devices.Add(ReadDevice(element, $"$.devices[{index++}]"));
            }

            JsonElement streamsElement = Required(root, "$", "streams");
            ExpectArray(streamsElement, "$.streams");
            var streams = new List<SessionStreamInfo>();
            index = 0;
            foreach (JsonElement element in streamsElement.EnumerateArray())
            {
                streams.Add(ReadStream(element, $"$.streams[{index++}]"));
            }

            if (SessionManifest.FindProblem(id, softwareVersion, configHash, status, [.. devices], [.. streams]) is { } problem)
            {
                throw Fail(problem.Field, problem.Problem);
            }

            return new SessionManifest(id, created, softwareVersion, configHash, status, devices, streams);
        }

        private DateTimeOffset ReadCreated(JsonElement root)
        {
            string text = ReadString(root, "$", "created");
            if (!text.EndsWith('Z')
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset created))
            {
                throw Fail("$.created", $"is \"{text}\"; must be an ISO-8601 UTC time ending in 'Z', e.g. \"2025-01-31T20:15:00.0000000Z\"");
            }

            return created;
        }

        private SessionDevice ReadDevice(JsonElement element, string path)
        {
            ExpectObject(element, path, s_deviceFields);
            string id = ReadString(element, path, "id");
            Check(SessionDevice.CheckId(id), path + ".id");
            SensorKind kind = ReadString(element, path, "kind") switch
            {
                "imu" => SensorKind.Imu,
                "pose" => SensorKind.Pose,
                "skeleton" => SensorKind.Skeleton,
                string other => throw Fail(path + ".kind", $"is \"{other}\"; must be one of \"imu\", \"pose\", \"skeleton\""),
            };
            double rate = ReadNumber(element, path, "rate_hz");
            Check(SessionDevice.CheckRate(rate), path + ".rate_hz");
            string description = ReadString(element, path, "description");
            SkeletonDefinition? skeleton = element.TryGetProperty("skeleton", out JsonElement skeletonElement)
                ? ReadSkeleton(skeletonElement, path + ".skeleton")
                : null;
            Check(SessionDevice.CheckSkeleton(kind, skeleton is not null), path + ".skeleton");
            return new SessionDevice(id, kind, rate, description, skeleton);
        }

        private SkeletonDefinition ReadSkeleton(JsonElement element, string path)
        {
            ExpectObject(element, path, s_skeletonFields);
            string name = ReadString(element, path, "name");
            JsonElement jointsElement = Required(element, path, "joints");
            ExpectArray(jointsElement, path + ".joints");
            var joints = new List<string>();
            foreach (JsonElement joint in jointsElement.EnumerateArray())
            {
                if (joint.ValueKind != JsonValueKind.String)
                {
                    throw Fail($"{path}.joints[{joints.Count}]", $"is {Describe(joint)}; must be a joint name string");
                }

                joints.Add(joint.GetString()!);
            }

            JsonElement parentsElement = Required(element, path, "parents");
            ExpectArray(parentsElement, path + ".parents");
            var parents = new List<int>();
            foreach (JsonElement parent in parentsElement.EnumerateArray())
            {
                if (parent.ValueKind != JsonValueKind.Number || !parent.TryGetInt32(out int value))
                {
                    throw Fail($"{path}.parents[{parents.Count}]", $"is {Describe(parent)}; must be a whole number (−1 for the root)");
                }

                parents.Add(value);
            }

            try
            {
                return SkeletonEquality.Canonicalize(new SkeletonDefinition(name, joints, parents));
            }
            catch (ArgumentException ex)
            {
                throw Fail(path, ex.Message, ex);
            }
        }

        private SessionStreamInfo ReadStream(JsonElement element, string path)
        {
            ExpectObject(element, path, s_streamFields);
            string name = ReadString(element, path, "name");
            Check(SessionStreamInfo.CheckName(name), path + ".name");
            string fileName = ReadString(element, path, "file");
            string expected = SessionLayout.StreamFile(name);
            if (fileName != expected)
            {
                throw Fail(path + ".file", $"is \"{fileName}\"; stream '{name}' lives in \"{expected}\"");
            }

            string producer = ReadString(element, path, "producer");
            Check(SessionStreamInfo.CheckProducer(producer), path + ".producer");
            double rate = ReadNumber(element, path, "rate_hz");
            Check(SessionDevice.CheckRate(rate), path + ".rate_hz");
            long? records = OptionalCount(element, path, "records");
            long? bytes = OptionalCount(element, path, "bytes");
            string? sha256 = element.TryGetProperty("sha256", out _) ? ReadString(element, path, "sha256") : null;
            Check(SessionStreamInfo.CheckSha256(sha256), path + ".sha256");
            Check(SessionStreamInfo.CheckCountsTogether(records.HasValue, bytes.HasValue, sha256 is not null), path + ".records");
            long? dropped = OptionalCount(element, path, "dropped");
            long? rejected = OptionalCount(element, path, "rejected");
            return new SessionStreamInfo(name, producer, rate, records, bytes, sha256, dropped, rejected);
        }

        private long? OptionalCount(JsonElement element, string path, string name)
        {
            if (!element.TryGetProperty(name, out _))
            {
                return null;
            }

            long value = ReadInteger(element, path, name);
            Check(SessionStreamInfo.CheckCount(value), $"{path}.{name}");
            return value;
        }

        private void ExpectObject(JsonElement element, string path, string[] allowed)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Fail(path, $"is {Describe(element)}; must be an object");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Fail($"{path}.{property.Name}", $"is not a field of this object; allowed: {string.Join(", ", allowed)}");
                }

                if (!seen.Add(property.Name))
                {
                    throw Fail($"{path}.{property.Name}", "appears twice");
                }
            }
        }

        private void ExpectArray(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw Fail(path, $"is {Describe(element)}; must be an array");
            }
        }

        private JsonElement Required(JsonElement parent, string path, string name) =>
            parent.TryGetProperty(name, out JsonElement value) ? value : throw Fail($"{path}.{name}", "is missing");

        private string ReadString(JsonElement parent, string path, string name)
        {
            JsonElement value = Required(parent, path, name);
            return value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw Fail($"{path}.{name}", $"is {Describe(value)}; must be a string");
        }

        private long ReadInteger(JsonElement parent, string path, string name)
        {
            JsonElement value = Required(parent, path, name);
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long result)
                ? result
                : throw Fail($"{path}.{name}", $"is {Describe(value)}; must be a whole number");
        }

        private double ReadNumber(JsonElement parent, string path, string name)
        {
            JsonElement value = Required(parent, path, name);
            return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double result) && double.IsFinite(result)
                ? result
                : throw Fail($"{path}.{name}", $"is {Describe(value)}; must be a finite number");
        }

        private void Check(string? problem, string path)
        {
            if (problem is not null)
            {
                throw Fail(path, problem);
            }
        }

        private SessionFormatException Fail(string path, string problem, Exception? inner = null) => new(file, 0, path, problem, inner);

        private static string Describe(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => $"the string \"{element.GetString()}\"",
            JsonValueKind.Number => $"the number {element.GetRawText()}",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
            JsonValueKind.Null => "null",
            _ => element.ValueKind.ToString(),
        };
    }
}
