using System.Globalization;
using System.Net;
using System.Text;
using Echelon.Studio.Web;

namespace Echelon.Studio.Configuration;

/// <summary>
/// The <c>server</c> section: where the web host listens (dashboard, <c>/ws/audio</c>, <c>/ws/telemetry</c>,
/// <c>/ws/sensors</c>, REST), its limits and timers, whether it may be reached from other machines (DESIGN §8), and
/// HTTPS, which phones on the network need for their motion sensors (design note 0016).
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

    /// <summary>The default <see cref="SelfSignedCertificate"/>: next to the configuration file (the working directory without one).</summary>
    public const string DefaultSelfSignedCertificate = "studio-certificate.pfx";

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

    /// <summary>
    /// <c>https</c>: <c>auto</c> serves HTTPS when <see cref="Expose"/> is true or a <see cref="Certificate"/> is named, and
    /// plain HTTP on loopback; <c>on</c> always; <c>off</c> never (phones on the network then get no motion sensors).
    /// </summary>
    public HttpsMode Https { get; init; } = HttpsMode.Auto;

    /// <summary>
    /// <c>certificate</c>: the certificate to serve HTTPS with, a PKCS#12 (<c>.pfx</c>, <c>.p12</c>) or PEM file; null for
    /// a self-signed one (<see cref="SelfSignedCertificate"/>).
    /// </summary>
    public string? Certificate { get; init; }

    /// <summary><c>certificate_key</c>: the PEM private key of a PEM <see cref="Certificate"/>; null when the key is in that file.</summary>
    public string? CertificateKey { get; init; }

    /// <summary><c>certificate_password</c>: the password of a PKCS#12 <see cref="Certificate"/> or of its encrypted PEM key; null for none.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>
    /// <c>self_signed_certificate</c>: where the studio keeps the self-signed certificate it makes when HTTPS is on and
    /// no <see cref="Certificate"/> is named, so a phone that trusted it once keeps trusting it; made anew when it nears
    /// its end or no longer names this machine's addresses. Null: a new one at each start, kept nowhere.
    /// </summary>
    public string? SelfSignedCertificate { get; init; } = DefaultSelfSignedCertificate;

    /// <summary>True when the web host serves HTTPS with these settings.</summary>
    public bool UsesHttps => Https switch
    {
        HttpsMode.On => true,
        HttpsMode.Off => false,
        _ => Expose || Certificate is not null,
    };

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

    /// <summary>The record's text, with <see cref="CertificatePassword"/> hidden: records print every property, and this one may reach a log.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Bind = {Bind}, Port = {Port}, Expose = {Expose}, PairingToken = {PairingToken}, ");
        builder.Append(CultureInfo.InvariantCulture, $"AudioClientLimit = {AudioClientLimit}, HeartbeatSeconds = {HeartbeatSeconds}, TimeoutSeconds = {TimeoutSeconds}, TelemetryHz = {TelemetryHz}, ");
        builder.Append(CultureInfo.InvariantCulture, $"Https = {Https}, Certificate = {Certificate}, CertificateKey = {CertificateKey}, ");
        builder.Append(CultureInfo.InvariantCulture, $"CertificatePassword = {(CertificatePassword is null ? string.Empty : "(hidden)")}, SelfSignedCertificate = {SelfSignedCertificate}, UsesHttps = {UsesHttps}");
        return true;
    }
}
