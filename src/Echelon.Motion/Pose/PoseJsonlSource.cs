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
/// frame; build it off the clock thread. <see cref="FrameListSource.TryRead"/> then only walks a list and does not
/// allocate. Single consumer; not thread-safe.
/// </remarks>
public sealed class PoseJsonlSource : FrameListSource
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="MotionFormatException">A line does not fit the format.</exception>
    public PoseJsonlSource(string path, PoseJsonlOptions? options = null)
        : this(path, PoseJsonlReader.Read(path, options))
    {
    }

    private PoseJsonlSource(string path, PoseJsonlRecording recording)
        : base("pose:" + path, recording.Frames)
    {
        Recording = recording;
    }

    /// <inheritdoc />
    public override IReadOnlyList<SensorDevice> Devices => Recording.Devices;

    /// <inheritdoc />
    public override long RejectedFrames => Recording.RejectedFrames;

    /// <summary>Everything the reader found: frames, devices, counts.</summary>
    public PoseJsonlRecording Recording { get; }
}
