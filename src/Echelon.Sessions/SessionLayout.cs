using System.Diagnostics.CodeAnalysis;
using Echelon.Motion.Frames;

namespace Echelon.Sessions;

/// <summary>
/// The names of a session's files and folders (DESIGN §7, docs/architecture/0004-session-archive.md):
/// <c>manifest.json</c>, <c>streams/&lt;stream&gt;.jsonl</c>, <c>audio/</c>, <c>reports/</c>.
/// </summary>
/// <remarks>
/// A stream's name says which codec reads it: <c>sensors.&lt;device&gt;</c> holds sensor frames,
/// <c>dynamics128</c> (or <c>dynamics128.&lt;variant&gt;</c>) holds Dynamics128 vectors, and any other name
/// (<c>control</c>, <c>events</c>, <c>annotations</c>) is checked only as time-stamped JSON lines.
/// Stateless and thread-safe.
/// </remarks>
public static class SessionLayout
{
    /// <summary>The manifest's file name, in the session folder.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>The folder of the JSONL streams.</summary>
    public const string StreamsFolder = "streams";

    /// <summary>The folder of rendered audio.</summary>
    public const string AudioFolder = "audio";

    /// <summary>The folder of validation and benchmark reports.</summary>
    public const string ReportsFolder = "reports";

    /// <summary>
    /// The file a live recorder holds an exclusive lock on. Present and unlocked after a crash (the
    /// operating system released the lock with the process); repair removes it.
    /// </summary>
    public const string LockFileName = "recording.lock";

    /// <summary>The extension of every stream file.</summary>
    public const string StreamFileExtension = ".jsonl";

    /// <summary>The prefix of a sensor stream's name; the rest is the device id.</summary>
    public const string SensorStreamPrefix = "sensors.";

    /// <summary>The name of the Dynamics128 stream.</summary>
    public const string Dynamics128StreamName = "dynamics128";

    /// <summary>Longest allowed stream name.</summary>
    public const int MaxStreamNameLength = 128;

    /// <summary>The stream that holds a device's frames: <c>sensors.&lt;device&gt;</c>.</summary>
    /// <exception cref="ArgumentException">The device id is not valid (<see cref="DeviceIds"/>).</exception>
    public static string SensorStreamName(string deviceId)
    {
        DeviceIds.Validate(deviceId);
        return SensorStreamPrefix + deviceId;
    }

    /// <summary>The stream's file relative to the session folder, with '/' separators: <c>streams/&lt;name&gt;.jsonl</c>.</summary>
    /// <exception cref="ArgumentException">The name is not a valid stream name.</exception>
    public static string StreamFile(string streamName)
    {
        if (!IsValidStreamName(streamName))
        {
            throw new ArgumentException(StreamNameRule(streamName), nameof(streamName));
        }

        return StreamsFolder + "/" + streamName + StreamFileExtension;
    }

    /// <summary>
    /// True when the name is 1–128 ASCII letters, digits, '-', '_' or '.', does not start with '.', and,
    /// when it starts with <c>sensors.</c>, names a valid device id.
    /// </summary>
    public static bool IsValidStreamName([NotNullWhen(true)] string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxStreamNameLength || name[0] == '.')
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return !name.StartsWith(SensorStreamPrefix, StringComparison.Ordinal)
            || DeviceIds.IsValid(name[SensorStreamPrefix.Length..]);
    }

    /// <summary>True, with the device id, when the stream holds a device's sensor frames.</summary>
    public static bool TryGetSensorDevice(string streamName, [NotNullWhen(true)] out string? deviceId)
    {
        ArgumentNullException.ThrowIfNull(streamName);
        if (streamName.StartsWith(SensorStreamPrefix, StringComparison.Ordinal))
        {
            deviceId = streamName[SensorStreamPrefix.Length..];
            return true;
        }

        deviceId = null;
        return false;
    }

    /// <summary>True when the stream holds Dynamics128 vectors (<c>dynamics128</c> or <c>dynamics128.&lt;variant&gt;</c>).</summary>
    public static bool IsDynamics128Stream(string streamName)
    {
        ArgumentNullException.ThrowIfNull(streamName);
        return streamName == Dynamics128StreamName
            || streamName.StartsWith(Dynamics128StreamName + ".", StringComparison.Ordinal);
    }

    /// <summary>The full path of a manifest-relative file (such as <see cref="SessionStreamInfo.File"/>) in a session folder.</summary>
    public static string FullPath(string sessionDirectory, string relativeFile)
    {
        ArgumentNullException.ThrowIfNull(sessionDirectory);
        ArgumentNullException.ThrowIfNull(relativeFile);
        return Path.Combine(sessionDirectory, relativeFile.Replace('/', Path.DirectorySeparatorChar));
    }

    internal static string StreamNameRule(string? name) =>
        $"stream name '{name}' is not allowed: use 1–{MaxStreamNameLength} ASCII letters, digits, '-', '_' or '.', not starting with '.' (sensors.<device> needs a valid device id)";
}
