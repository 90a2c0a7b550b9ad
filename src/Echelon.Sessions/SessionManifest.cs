using System.Text;
using Echelon.Core.Serialization;
using Echelon.Motion.Skeleton;

namespace Echelon.Sessions;

/// <summary>
/// A session's <c>manifest.json</c>: the format and schema version, the session id, when it was
/// created (UTC), the software version and configuration hash that made it, its status, its devices
/// (with skeleton definitions) and its streams (with counts and sha256 once closed or repaired). The
/// JSON shape is documented in docs/architecture/0004-session-archive.md.
/// </summary>
/// <remarks>
/// <para>
/// Immutable and self-checking: the constructor refuses repeated device ids or stream names, a sensor
/// stream whose device is not listed, two different skeletons under one name, and a closed or repaired
/// manifest without counts. <see cref="Load"/> reports every content problem as a
/// <see cref="SessionFormatException"/> naming the file and the JSON path (<c>$.streams[1].sha256</c>);
/// reading is strict (unknown, repeated or ill-typed fields are errors).
/// </para>
/// <para>Thread-safe to read. <see cref="Load"/> and <see cref="Save"/> touch files: not for the real-time threads.</para>
/// </remarks>
public sealed class SessionManifest
{
    /// <summary>The value of the <c>format</c> field.</summary>
    public const string FormatName = "echelon.session";

    /// <summary>The schema version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Longest allowed session id.</summary>
    public const int MaxIdLength = 256;

    private readonly SessionDevice[] _devices;
    private readonly SessionStreamInfo[] _streams;
    private readonly Dictionary<string, SkeletonDefinition> _skeletons;

    /// <summary>Creates a manifest.</summary>
    /// <param name="id">The session id: 1–256 characters, no control characters (usually the folder name).</param>
    /// <param name="created">When recording started; stored in UTC.</param>
    /// <param name="softwareVersion">The version of the software that recorded it; not empty.</param>
    /// <param name="configHash">A hash of the configuration it ran with (may be empty when there was none).</param>
    /// <param name="status">Recording, closed or repaired.</param>
    /// <param name="devices">The devices, ids unique.</param>
    /// <param name="streams">The streams, names unique; every <c>sensors.&lt;device&gt;</c> stream's device is listed.</param>
    /// <exception cref="ArgumentException">The manifest is inconsistent; the message names the JSON path.</exception>
    public SessionManifest(
        string id,
        DateTimeOffset created,
        string softwareVersion,
        string configHash,
        SessionStatus status,
        IReadOnlyList<SessionDevice> devices,
        IReadOnlyList<SessionStreamInfo> streams)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(streams);
        SessionDevice[] deviceArray = [.. devices];
        SessionStreamInfo[] streamArray = [.. streams];
        if (FindProblem(id, softwareVersion, configHash, status, deviceArray, streamArray) is { } problem)
        {
            throw new ArgumentException($"{problem.Field}: {problem.Problem}", problem.Parameter);
        }

        Id = id;
        Created = created.ToUniversalTime();
        SoftwareVersion = softwareVersion;
        ConfigHash = configHash;
        Status = status;
        _devices = deviceArray;
        _streams = streamArray;
        _skeletons = new Dictionary<string, SkeletonDefinition>(StringComparer.Ordinal);
        foreach (SessionDevice device in deviceArray)
        {
            if (device.Skeleton is { } skeleton)
            {
                _skeletons.TryAdd(skeleton.Name, skeleton);
            }
        }
    }

    /// <summary>The schema version (always <see cref="CurrentSchemaVersion"/> for a manifest this code holds).</summary>
    public int SchemaVersion { get; } = CurrentSchemaVersion;

    /// <summary>The session id.</summary>
    public string Id { get; }

    /// <summary>When recording started, UTC.</summary>
    public DateTimeOffset Created { get; }

    /// <summary>The version of the software that recorded the session.</summary>
    public string SoftwareVersion { get; }

    /// <summary>A hash of the configuration the session ran with.</summary>
    public string ConfigHash { get; }

    /// <summary>Recording, closed or repaired.</summary>
    public SessionStatus Status { get; }

    /// <summary>The devices.</summary>
    public IReadOnlyList<SessionDevice> Devices => _devices;

    /// <summary>The streams.</summary>
    public IReadOnlyList<SessionStreamInfo> Streams => _streams;

    /// <summary>The skeleton definitions of the skeleton devices, by skeleton name.</summary>
    public IReadOnlyDictionary<string, SkeletonDefinition> Skeletons => _skeletons;

    /// <summary>Reads and checks a manifest file.</summary>
    /// <exception cref="SessionFormatException">The content is malformed, truncated, of another schema version, or inconsistent.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static SessionManifest Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ManifestJson.Read(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses and checks manifest JSON text.</summary>
    /// <exception cref="SessionFormatException">The text is malformed, truncated, of another schema version, or inconsistent.</exception>
    public static SessionManifest FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ManifestJson.Read(Encoding.UTF8.GetBytes(json), "(manifest JSON)");
    }

    /// <summary>The device with this id, or null.</summary>
    public SessionDevice? FindDevice(string id)
    {
        foreach (SessionDevice device in _devices)
        {
            if (device.Id == id)
            {
                return device;
            }
        }

        return null;
    }

    /// <summary>The stream with this name, or null.</summary>
    public SessionStreamInfo? FindStream(string name)
    {
        foreach (SessionStreamInfo stream in _streams)
        {
            if (stream.Name == name)
            {
                return stream;
            }
        }

        return null;
    }

    /// <summary>A copy with another status and streams (same id, devices and provenance).</summary>
    /// <exception cref="ArgumentException">The result would be inconsistent.</exception>
    public SessionManifest With(SessionStatus status, IReadOnlyList<SessionStreamInfo> streams) =>
        new(Id, Created, SoftwareVersion, ConfigHash, status, _devices, streams);

    /// <summary>The manifest as JSON text: indented, LF line ends, a final newline.</summary>
    public string ToJson() => Encoding.UTF8.GetString(ManifestJson.Write(this));

    /// <summary>Writes the manifest atomically: a temporary file in the same folder, flushed to disk, then renamed over <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file could not be written; the previous file, if any, is intact.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, ManifestJson.Write(this));
    }

    internal static ManifestProblem? FindProblem(
        string? id,
        string? softwareVersion,
        string? configHash,
        SessionStatus status,
        SessionDevice[] devices,
        SessionStreamInfo[] streams)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength || id.Any(char.IsControl))
        {
            return new("$.id", $"session id '{id}' must be 1–{MaxIdLength} characters without control characters", nameof(id));
        }

        if (string.IsNullOrEmpty(softwareVersion))
        {
            return new("$.software_version", "must be a non-empty string", nameof(softwareVersion));
        }

        if (configHash is null)
        {
            return new("$.config_hash", "must be a string (empty when there was no configuration)", nameof(configHash));
        }

        if (!Enum.IsDefined(status))
        {
            return new("$.status", $"status {(int)status} is not recording, closed or repaired", nameof(status));
        }

        var skeletons = new Dictionary<string, SkeletonDefinition>(StringComparer.Ordinal);
        for (int i = 0; i < devices.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(devices[i], nameof(devices));
            for (int j = 0; j < i; j++)
            {
                if (devices[j].Id == devices[i].Id)
                {
                    return new($"$.devices[{i}].id", $"repeats device '{devices[i].Id}' of $.devices[{j}]", nameof(devices));
                }
            }

            if (devices[i].Skeleton is { } skeleton)
            {
                if (!skeletons.TryGetValue(skeleton.Name, out SkeletonDefinition? earlier))
                {
                    skeletons.Add(skeleton.Name, skeleton);
                }
                else if (!SkeletonEquality.Same(earlier, skeleton))
                {
                    return new($"$.devices[{i}].skeleton.name", $"skeleton '{skeleton.Name}' differs from the one of that name on another device; give each definition its own name", nameof(devices));
                }
            }
        }

        for (int i = 0; i < streams.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(streams[i], nameof(streams));
            for (int j = 0; j < i; j++)
            {
                if (streams[j].Name == streams[i].Name)
                {
                    return new($"$.streams[{i}].name", $"repeats stream '{streams[i].Name}' of $.streams[{j}]", nameof(streams));
                }
            }

            if (SessionLayout.TryGetSensorDevice(streams[i].Name, out string? deviceId) && !devices.Any(d => d.Id == deviceId))
            {
                return new($"$.streams[{i}].name", $"stream '{streams[i].Name}' names device '{deviceId}', which is not in $.devices", nameof(streams));
            }

            if (status != SessionStatus.Recording && !streams[i].HasCounts)
            {
                return new($"$.streams[{i}].records", $"a {ManifestJson.StatusText(status)} session needs records, bytes and sha256 for every stream", nameof(streams));
            }
        }

        return null;
    }
}
