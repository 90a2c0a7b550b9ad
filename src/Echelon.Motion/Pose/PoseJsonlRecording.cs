using Echelon.Motion.Frames;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Pose;

/// <summary>A pose JSONL file read into memory by <see cref="PoseJsonlReader"/>.</summary>
/// <remarks>Immutable once built; safe to share between threads.</remarks>
public sealed class PoseJsonlRecording
{
    internal PoseJsonlRecording(
        string path,
        IReadOnlyList<PoseFrame> frames,
        IReadOnlyList<SensorDevice> devices,
        long firstTimestampNs,
        long records,
        long rejectedFrames,
        long backwardTimestampRecords)
    {
        Path = path;
        Frames = frames;
        Devices = devices;
        FirstTimestampNs = firstTimestampNs;
        Records = records;
        RejectedFrames = rejectedFrames;
        BackwardTimestampRecords = backwardTimestampRecords;
    }

    /// <summary>The file that was read.</summary>
    public string Path { get; }

    /// <summary>The delivered frames in file order (non-decreasing time).</summary>
    public IReadOnlyList<PoseFrame> Frames { get; }

    /// <summary>The devices named in the file, in order of first appearance, each with its median frame rate (0 with fewer than two distinct timestamps).</summary>
    public IReadOnlyList<SensorDevice> Devices { get; }

    /// <summary>The first record's timestamp, nanoseconds on the file's clock; session time zero.</summary>
    public long FirstTimestampNs { get; }

    /// <summary>Non-blank lines in the file.</summary>
    public long Records { get; }

    /// <summary>Records that did not become frames: numbers past the float range, dropped backwards timestamps.</summary>
    public long RejectedFrames { get; }

    /// <summary>Records dropped under <see cref="BackwardTimestampPolicy.DropAndCount"/>.</summary>
    public long BackwardTimestampRecords { get; }
}
