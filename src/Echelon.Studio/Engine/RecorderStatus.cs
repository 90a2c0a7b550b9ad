namespace Echelon.Studio.Engine;

/// <summary>The session recorder's state: recording or not, into which folder, and what it has written.</summary>
/// <param name="Recording">True while a take is being recorded.</param>
/// <param name="Directory">The take's folder; null when not recording.</param>
/// <param name="Records">Records written so far in this take.</param>
/// <param name="Dropped">Records dropped because the writer fell behind (counted, never blocking).</param>
public sealed record RecorderStatus(bool Recording, string? Directory, long Records, long Dropped);
