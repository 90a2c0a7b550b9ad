using Echelon.Motion.Frames;

namespace Echelon.Sessions.Replay;

/// <summary>
/// Opens a recorded session for reading: its manifest, each device's frames, the merged sensor replay
/// (<see cref="OpenReplay"/>), and Dynamics128 streams (<see cref="OpenDynamics128"/>).
/// </summary>
/// <remarks>
/// Reading trusts the manifest's structure but not the hashes: run <see cref="Validation.SessionValidator"/>
/// first to know the streams are the ones that were recorded. A torn last line (a killed, unrepaired
/// recording) ends a stream quietly; any other bad line throws <see cref="SessionFormatException"/>.
/// Immutable; each reader it opens is single-consumer.
/// </remarks>
public sealed class SessionReader
{
    private SessionReader(string directory, SessionManifest manifest)
    {
        DirectoryPath = directory;
        Manifest = manifest;
    }

    /// <summary>The session folder (full path).</summary>
    public string DirectoryPath { get; }

    /// <summary>The session's manifest.</summary>
    public SessionManifest Manifest { get; }

    /// <summary>Opens the session in <paramref name="directory"/> (reads its manifest).</summary>
    /// <exception cref="SessionFormatException">The manifest is malformed or inconsistent.</exception>
    /// <exception cref="IOException">The folder or manifest cannot be read.</exception>
    public static SessionReader Open(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        SessionManifest manifest = SessionManifest.Load(Path.Combine(full, SessionLayout.ManifestFileName));
        return new SessionReader(full, manifest);
    }

    /// <summary>A sensor source that replays every device's frames merged by time.</summary>
    public SessionReplaySource OpenReplay() => new(this);

    /// <summary>The frames of one device, in file order.</summary>
    /// <exception cref="ArgumentException">The session has no such device.</exception>
    public IEnumerable<SensorFrame> ReadSensorStream(string deviceId)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        SessionDevice device = Manifest.FindDevice(deviceId)
            ?? throw new ArgumentException($"The session has no device '{deviceId}'.", nameof(deviceId));
        return ReadAll(device);
    }

    /// <summary>Opens a Dynamics128 stream (<c>dynamics128</c> by default) for reading into caller-owned vectors.</summary>
    /// <exception cref="ArgumentException">The session has no such Dynamics128 stream.</exception>
    public Dynamics128StreamReader OpenDynamics128(string stream = SessionLayout.Dynamics128StreamName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SessionStreamInfo info = Manifest.FindStream(stream) is { } found && SessionLayout.IsDynamics128Stream(found.Name)
            ? found
            : throw new ArgumentException($"The session has no Dynamics128 stream '{stream}'.", nameof(stream));
        return new Dynamics128StreamReader(SessionLayout.FullPath(DirectoryPath, info.File));
    }

    internal SensorStreamReader OpenSensorStream(SessionDevice device) =>
        new(Manifest, device, SessionLayout.FullPath(DirectoryPath, SessionLayout.StreamFile(device.StreamName)));

    private IEnumerable<SensorFrame> ReadAll(SessionDevice device)
    {
        using SensorStreamReader reader = OpenSensorStream(device);
        while (reader.TryRead(out SensorFrame? frame))
        {
            yield return frame;
        }
    }
}
