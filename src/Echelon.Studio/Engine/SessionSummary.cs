namespace Echelon.Studio.Engine;

/// <summary>A recorded session in the recordings folder.</summary>
/// <param name="Name">The session folder's name.</param>
/// <param name="Directory">Its full path.</param>
/// <param name="Status">The manifest's status (recording, complete, repaired…), or "invalid" when it cannot be read.</param>
/// <param name="StartedUtc">When it was started, from the manifest; null when unknown.</param>
/// <param name="Records">Records across its streams.</param>
public sealed record SessionSummary(string Name, string Directory, string Status, DateTimeOffset? StartedUtc, long Records);
