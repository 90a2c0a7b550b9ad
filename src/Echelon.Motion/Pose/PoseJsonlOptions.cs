using Echelon.Motion.Sources;

namespace Echelon.Motion.Pose;

/// <summary>How <see cref="PoseJsonlReader"/> and <see cref="PoseJsonlSource"/> read a pose JSONL file.</summary>
public sealed record PoseJsonlOptions
{
    /// <summary>The defaults: device <c>camera</c>, backwards timestamps throw.</summary>
    public static PoseJsonlOptions Default { get; } = new();

    /// <summary>The device id of records that carry no <c>"device"</c>.</summary>
    public string DeviceId { get; init; } = "camera";

    /// <summary>What to do with a record whose timestamp is earlier than the one before it (in the file, across devices).</summary>
    public BackwardTimestampPolicy BackwardTimestamps { get; init; } = BackwardTimestampPolicy.Throw;
}
