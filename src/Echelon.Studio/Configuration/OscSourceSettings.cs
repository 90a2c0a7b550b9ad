namespace Echelon.Studio.Configuration;

/// <summary><c>kind: osc</c>: a UDP port that phone sensor apps (CoMote, ZIG SIM, TouchOSC) and Wekinator-style senders send to.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record OscSourceSettings : SensorSourceSettings
{
    /// <summary>The default <see cref="Port"/>: 8000, where TouchOSC sends by default.</summary>
    public const int DefaultPort = 8000;

    /// <inheritdoc/>
    public override SensorSourceKind Kind => SensorSourceKind.Osc;

    /// <summary><c>port</c>: the UDP port to listen on, 1–65535.</summary>
    public int Port { get; init; } = DefaultPort;
}
