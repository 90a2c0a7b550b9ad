using System.Net;
using Microsoft.Extensions.Logging;

namespace Echelon.Studio.Web;

/// <summary>How the web host listens and paces its streams. Every default is what <c>echelon studio</c> uses.</summary>
/// <remarks>Immutable once the host is built; <see cref="Validate"/> names the first bad option and its allowed range.</remarks>
public sealed class StudioWebHostOptions
{
    /// <summary>The port used when none is given.</summary>
    public const int DefaultPort = 5001;

    /// <summary>Listeners on <c>/ws/audio</c> allowed by default.</summary>
    public const int DefaultAudioClientLimit = 64;

    /// <summary>Slowest telemetry rate allowed, Hz.</summary>
    public const int MinTelemetryHz = 30;

    /// <summary>Fastest telemetry rate allowed, Hz.</summary>
    public const int MaxTelemetryHz = 60;

    /// <summary>The address to listen on: loopback (127.0.0.1) by default. Anything else exposes the studio and requires a pairing token.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>TCP port, 0–65535; 0 lets the system pick a free one (see <see cref="StudioWebHost.BaseAddress"/>).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Most <c>/ws/audio</c> listeners at once (1–10000); one more is refused with close status 1013.</summary>
    public int AudioClientLimit { get; init; } = DefaultAudioClientLimit;

    /// <summary>How often each <c>/ws/audio</c> listener's sender looks for new frames: 10 ms (1 ms–1 s).</summary>
    public TimeSpan AudioPollInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Most frames in one <c>/ws/audio</c> packet (64–65535).</summary>
    public int AudioPacketMaxFrames { get; init; } = 4096;

    /// <summary>WebSocket ping interval: 30 s.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest a WebSocket may go without answering a ping before it is closed: 60 s (the ping at
    /// <see cref="HeartbeatInterval"/> and its pong within the remaining time). Longer than the interval.
    /// </summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>/ws/telemetry</c> messages per second, 30–60.</summary>
    public int TelemetryHz { get; init; } = MinTelemetryHz;

    /// <summary>
    /// The pairing token to require. Null: one is generated at start when the host is exposed beyond loopback,
    /// and none is required on loopback. Set, it is required even on loopback. 8–128 characters of letters and digits.
    /// </summary>
    public string? PairingToken { get; init; }

    /// <summary>Serve the pages from this folder instead of the copies built into the assembly (for editing them live); null for the built-in ones.</summary>
    public string? StaticFilesDirectory { get; init; }

    /// <summary>Logging set-up (providers, levels); null keeps ASP.NET Core's console logging.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>True when requests that change things, and <c>/ws/sensors</c>, must carry the pairing token.</summary>
    public bool RequiresPairingToken => PairingToken is not null || !IPAddress.IsLoopback(BindAddress);

    /// <summary>Throws for the first option outside its range, naming it and the range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(BindAddress, nameof(BindAddress));
        Check(Port is >= 0 and <= 65535, nameof(Port), Port, "0–65535 (0 = any free port)");
        Check(AudioClientLimit is >= 1 and <= 10_000, nameof(AudioClientLimit), AudioClientLimit, "1–10000");
        Check(AudioPacketMaxFrames is >= 64 and <= PcmPacket.MaxFrames, nameof(AudioPacketMaxFrames), AudioPacketMaxFrames, "64–65535");
        Check(AudioPollInterval >= TimeSpan.FromMilliseconds(1) && AudioPollInterval <= TimeSpan.FromSeconds(1), nameof(AudioPollInterval), AudioPollInterval, "1 ms–1 s");
        Check(HeartbeatInterval > TimeSpan.Zero, nameof(HeartbeatInterval), HeartbeatInterval, "more than 0");
        Check(HeartbeatTimeout > HeartbeatInterval, nameof(HeartbeatTimeout), HeartbeatTimeout, $"more than {nameof(HeartbeatInterval)} ({HeartbeatInterval})");
        Check(TelemetryHz is >= MinTelemetryHz and <= MaxTelemetryHz, nameof(TelemetryHz), TelemetryHz, $"{MinTelemetryHz}–{MaxTelemetryHz}");
        Check(PairingToken is null || PairingGuard.IsWellFormed(PairingToken), nameof(PairingToken), PairingToken, "8–128 ASCII letters and digits");
    }

    private static void Check(bool ok, string name, object? value, string range)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {range}; got {value}.");
        }
    }
}
