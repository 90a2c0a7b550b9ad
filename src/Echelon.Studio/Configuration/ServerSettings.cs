using System.Net;

namespace Echelon.Studio.Configuration;

/// <summary>
/// The <c>server</c> section: where the web host listens (dashboard, <c>/ws/audio</c>, <c>/ws/telemetry</c>,
/// <c>/ws/sensors</c>, REST), its limits and timers, and whether it may be reached from other machines (DESIGN §8).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ServerSettings
{
    /// <summary>The default <see cref="Port"/>.</summary>
    public const int DefaultPort = 5001;

    /// <summary>Shortest <see cref="PairingToken"/>: 16 characters of 64 kinds is 96 bits, beyond guessing over a network.</summary>
    public const int MinTokenLength = 16;

    /// <summary>Longest <see cref="PairingToken"/>.</summary>
    public const int MaxTokenLength = 128;

    /// <summary><c>bind</c>: the address to listen on, an IP address; 127.0.0.1 (loopback only) by default.</summary>
    public IPAddress Bind { get; init; } = IPAddress.Parse("127.0.0.1");

    /// <summary><c>port</c>: the TCP port, 1–65535.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>
    /// <c>expose</c>: consent to listen beyond loopback. A non-loopback <see cref="Bind"/> needs it, it needs a
    /// non-loopback bind, and every exposed client must present the pairing token.
    /// </summary>
    public bool Expose { get; init; }

    /// <summary>
    /// <c>pairing_token</c>: the token exposed clients must present, 16–128 of <c>A–Z a–z 0–9 - _</c>, or null to draw a
    /// fresh one at each start (shown on the dashboard and the <c>/pair</c> page).
    /// </summary>
    public string? PairingToken { get; init; }

    /// <summary><c>audio_clients</c>: the most listeners on <c>/ws/audio</c> at once, 1–1024; a further one is refused.</summary>
    public int AudioClientLimit { get; init; } = 64;

    /// <summary><c>heartbeat_seconds</c>: how often the server pings each WebSocket, 1–300 s.</summary>
    public double HeartbeatSeconds { get; init; } = 30.0;

    /// <summary><c>timeout_seconds</c>: a WebSocket silent for this long is closed, 2–600 s and longer than the heartbeat.</summary>
    public double TimeoutSeconds { get; init; } = 60.0;

    /// <summary><c>telemetry_hz</c>: how often <c>/ws/telemetry</c> sends the decimated control state, 30–60.</summary>
    public int TelemetryHz { get; init; } = 30;

    /// <summary>True when <paramref name="token"/> is a valid <see cref="PairingToken"/>.</summary>
    public static bool IsValidToken(string? token)
    {
        if (token is null || token.Length is < MinTokenLength or > MaxTokenLength)
        {
            return false;
        }

        foreach (char c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
