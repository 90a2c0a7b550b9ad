namespace Echelon.Motion.Sources;

/// <summary>What a file reader does with a row whose timestamp is earlier than the row before it.</summary>
/// <remarks>
/// Used by the IMU CSV and the pose JSONL readers. Rows with equal timestamps are not backwards:
/// sources promise non-decreasing time, and duplicated rows are a known quirk of phone loggers.
/// </remarks>
public enum BackwardTimestampPolicy
{
    /// <summary>Stop with a <see cref="Sources.MotionFormatException"/> naming the line (the default).</summary>
    Throw = 0,

    /// <summary>Drop the row and count it; reading goes on.</summary>
    DropAndCount = 1,
}
