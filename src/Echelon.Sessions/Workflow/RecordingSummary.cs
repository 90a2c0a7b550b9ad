namespace Echelon.Sessions.Workflow;

/// <summary>What a recording or a replay wrote.</summary>
/// <param name="Directory">The session folder.</param>
/// <param name="SensorFrames">Sensor frames recorded.</param>
/// <param name="Vectors">Dynamics128 vectors recorded.</param>
/// <param name="Dropped">Records the recorder could not queue (counted, never blocking).</param>
/// <param name="Rejected">Records the recorder refused (non-finite, out of order).</param>
/// <param name="SourceRejected">Frames the source itself rejected (unusable input).</param>
/// <param name="Seconds">Session time covered, seconds.</param>
public sealed record RecordingSummary(string Directory, long SensorFrames, long Vectors, long Dropped, long Rejected, long SourceRejected, double Seconds);
