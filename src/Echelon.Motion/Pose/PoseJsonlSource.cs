using System.Diagnostics.CodeAnalysis;
using Echelon.Motion.Frames;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Pose;

/// <summary>
/// A sensor source over a pose JSONL file (one MediaPipe Pose result per line; the format is in
/// <see cref="PoseJsonlReader"/>). Devices are those named in the file (<c>camera</c> for records
/// without a <c>"device"</c>), each of kind <see cref="SensorKind.Pose"/> with its median frame rate.
/// Frames carry the record's timestamp as <see cref="SensorFrame.DeviceTimeNs"/> and the time since
/// the first record as <see cref="SensorFrame.HostTimeNs"/>.
/// </summary>
/// <remarks>
/// The constructor reads and checks the whole file, so a format error surfaces before the first
/// frame; build it off the clock thread. <see cref="TryRead"/> then only walks a list and does not
/// allocate. Single consumer; not thread-safe.
/// </remarks>
public sealed class PoseJsonlSource : ISensorSource
{
    private readonly IReadOnlyList<PoseFrame> _frames;
    private int _next;
    private bool _disposed;

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="MotionFormatException">A line does not fit the format.</exception>
    public PoseJsonlSource(string path, PoseJsonlOptions? options = null)
    {
        Recording = PoseJsonlReader.Read(path, options);
        _frames = Recording.Frames;
        Name = "pose:" + path;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<SensorDevice> Devices => Recording.Devices;

    /// <inheritdoc />
    public long RejectedFrames => Recording.RejectedFrames;

    /// <summary>Everything the reader found: frames, devices, counts.</summary>
    public PoseJsonlRecording Recording { get; }

    /// <inheritdoc />
    public bool TryRead([NotNullWhen(true)] out SensorFrame? frame)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_next >= _frames.Count)
        {
            frame = null;
            return false;
        }

        frame = _frames[_next++];
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _disposed = true;
}
