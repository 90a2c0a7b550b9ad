namespace Echelon.Studio.Configuration;

/// <summary>One entry of <c>devices.sources</c>: a source of sensor frames. Each <see cref="SensorSourceKind"/> has its own settings type.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public abstract record SensorSourceSettings
{
    /// <summary><c>kind</c>: which source this is.</summary>
    public abstract SensorSourceKind Kind { get; }
}
