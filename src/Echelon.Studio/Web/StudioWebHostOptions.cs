using System.Net;
using System.Security.Cryptography.X509Certificates;
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

    /// <summary>
    /// HTTPS or plain HTTP. <see cref="HttpsMode.Auto"/> (the default) serves HTTPS when <see cref="BindAddress"/> is
    /// beyond loopback or a certificate is given, so phones on the network get a secure context and their motion
    /// sensors; on loopback it stays plain HTTP.
    /// </summary>
    public HttpsMode Https { get; init; } = HttpsMode.Auto;

    /// <summary>A certificate (with its private key) to serve HTTPS with, given in code; the caller keeps and disposes it. Not with <see cref="CertificatePath"/>.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>
    /// The certificate file to serve HTTPS with: PKCS#12 (<c>.pfx</c>, <c>.p12</c>) or PEM, read by content. Null (and no
    /// <see cref="Certificate"/>): a self-signed one, see <see cref="SelfSignedCertificatePath"/>.
    /// </summary>
    public string? CertificatePath { get; init; }

    /// <summary>The PEM private key file of a PEM <see cref="CertificatePath"/>; null when the key is in that file.</summary>
    public string? CertificateKeyPath { get; init; }

    /// <summary>The password of a PKCS#12 <see cref="CertificatePath"/>, or of its encrypted PEM key; null for none.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>
    /// Where the self-signed certificate is kept (PKCS#12, owner-only) when HTTPS is on and no certificate is given,
    /// so phones that trusted it keep trusting it after a restart; it is made anew when it nears its end or no longer
    /// names this machine's addresses. Null: a new one at each start, kept nowhere.
    /// </summary>
    public string? SelfSignedCertificatePath { get; init; }

    /// <summary>Serve the pages from this folder instead of the copies built into the assembly (for editing them live); null for the built-in ones.</summary>
    public string? StaticFilesDirectory { get; init; }

    /// <summary>Logging set-up (providers, levels); null keeps ASP.NET Core's console logging.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>True when requests that change things, and <c>/ws/sensors</c>, must carry the pairing token.</summary>
    public bool RequiresPairingToken => PairingToken is not null || !IPAddress.IsLoopback(BindAddress);

    /// <summary>True when the host serves HTTPS: <see cref="Https"/> is on, or auto and the host is exposed or a certificate is given.</summary>
    public bool UsesHttps => Https switch
    {
        HttpsMode.On => true,
        HttpsMode.Off => false,
        _ => !IPAddress.IsLoopback(BindAddress) || Certificate is not null || CertificatePath is not null,
    };

    /// <summary>Throws for the first option outside its range, naming it and the range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">The certificate options contradict each other.</exception>
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
        Check(Enum.IsDefined(Https), nameof(Https), Https, "Auto, On or Off");
        Require(Https != HttpsMode.Off || (Certificate is null && CertificatePath is null), Certificate is null ? nameof(CertificatePath) : nameof(Certificate), $"null while {nameof(Https)} is Off (it would not be used)");
        Require(Certificate is null || CertificatePath is null, nameof(CertificatePath), $"null when {nameof(Certificate)} is given (one certificate or the other)");
        Require(Certificate is null || Certificate.HasPrivateKey, nameof(Certificate), "a certificate with its private key");
        Require(CertificateKeyPath is null || CertificatePath is not null, nameof(CertificateKeyPath), $"null unless {nameof(CertificatePath)} names a PEM certificate");
        Require(CertificatePassword is null || CertificatePath is not null, nameof(CertificatePassword), $"null unless {nameof(CertificatePath)} names a certificate");
    }

    /// <summary>Like <see cref="Check"/>, but without the value in the message (it may be a password or a certificate).</summary>
    private static void Require(bool ok, string name, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"{name} must be {rule}.", name);
        }
    }

    private static void Check(bool ok, string name, object? value, string range)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {range}; got {value}.");
        }
    }
}
