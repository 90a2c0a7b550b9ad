namespace Echelon.Studio.Engine;

/// <summary>One sensor device as the engine sees it: where it comes from, how fast it reports, when it was last heard.</summary>
/// <param name="Id">The device id (unique within the session).</param>
/// <param name="Kind">imu, pose or skeleton.</param>
/// <param name="Source">The source it arrives through (synthetic, replay:DIR, phone, osc:PORT).</param>
/// <param name="RateHz">Frames per second over the last second.</param>
/// <param name="LastSeenSeconds">Engine time of its newest frame, seconds; null before the first.</param>
/// <param name="Frames">Frames received.</param>
/// <param name="Dropouts">Gaps longer than five nominal frame periods.</param>
public sealed record DeviceStatus(string Id, string Kind, string Source, double RateHz, double? LastSeenSeconds, long Frames, long Dropouts);
