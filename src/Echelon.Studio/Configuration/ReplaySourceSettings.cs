namespace Echelon.Studio.Configuration;

/// <summary><c>kind: replay</c>: a recorded session's sensor streams, fed back in as if live.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ReplaySourceSettings : SensorSourceSettings
{
    /// <inheritdoc/>
    public override SensorSourceKind Kind => SensorSourceKind.Replay;

    /// <summary>
    /// <c>path</c> (required): the session folder. A relative path in a file is resolved against the file's folder
    /// when it is loaded, and the folder must exist then.
    /// </summary>
    public required string Path { get; init; }

    /// <summary><c>loop</c>: start again from the beginning at the end instead of stopping.</summary>
    public bool Loop { get; init; }
}
