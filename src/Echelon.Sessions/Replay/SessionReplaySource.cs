using System.Diagnostics.CodeAnalysis;
using Echelon.Motion.Frames;
using Echelon.Motion.Sources;

namespace Echelon.Sessions.Replay;

/// <summary>
/// Replays a recorded session as an <see cref="ISensorSource"/>: every <c>sensors.&lt;device&gt;</c> stream
/// merged by record time <c>t</c>, frames exactly as recorded (same device ids, device and host times,
/// bit-identical values, skeleton frames with the manifest's definitions). Named <c>replay:&lt;dir&gt;</c>.
/// </summary>
/// <remarks>
/// <para>
/// The merge is stable: frames with equal times come out ordered by device id (ordinal), and within one
/// device in file order, so two replays of a session give the same sequence.
/// </para>
/// <para>
/// Runs as fast as the caller reads; pacing to real time belongs to the caller's clock. A session
/// cannot hold non-finite values (the recorder refuses them), so <see cref="RejectedFrames"/> stays 0; a
/// damaged line throws <see cref="SessionFormatException"/> instead. Single consumer; not thread-safe.
/// </para>
/// </remarks>
public sealed class SessionReplaySource : ISensorSource
{
    private readonly SensorStreamReader[] _readers;
    private readonly SensorFrame?[] _heads;
    private bool _disposed;

    /// <summary>Opens the session in <paramref name="directory"/> for replay.</summary>
    /// <exception cref="SessionFormatException">The manifest is malformed or inconsistent.</exception>
    public SessionReplaySource(string directory)
        : this(SessionReader.Open(directory))
    {
    }

    internal SessionReplaySource(SessionReader session)
    {
        Name = "replay:" + session.DirectoryPath;
        Devices = [.. session.Manifest.Devices.Select(d => d.ToSensorDevice())];

        // Sorted by device id so the merge's tie-break is a plain index comparison.
        SessionDevice[] devices = [.. session.Manifest.Devices.OrderBy(d => d.Id, StringComparer.Ordinal)];
        _readers = new SensorStreamReader[devices.Length];
        _heads = new SensorFrame?[devices.Length];
        try
        {
            for (int i = 0; i < devices.Length; i++)
            {
                _readers[i] = session.OpenSensorStream(devices[i]);
                _heads[i] = _readers[i].TryRead(out SensorFrame? first) ? first : null;
            }
        }
        catch
        {
            foreach (SensorStreamReader? reader in _readers)
            {
                reader?.Dispose();
            }

            throw;
        }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<SensorDevice> Devices { get; }

    /// <inheritdoc />
    public long RejectedFrames => 0;

    /// <inheritdoc />
    public bool TryRead([NotNullWhen(true)] out SensorFrame? frame)
    {
        frame = null;
        if (_disposed)
        {
            return false;
        }

        int best = -1;
        for (int i = 0; i < _heads.Length; i++)
        {
            // Strictly earlier wins; on a tie the lower index (the smaller device id) keeps its place.
            if (_heads[i] is { } head && (best < 0 || head.HostTimeNs < _heads[best]!.HostTimeNs))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            return false;
        }

        frame = _heads[best]!;
        _heads[best] = _readers[best].TryRead(out SensorFrame? next) ? next : null;
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (SensorStreamReader reader in _readers)
        {
            reader.Dispose();
        }

        Array.Clear(_heads);
    }
}
