using System.Net;
using Microsoft.Extensions.Logging;

namespace Echelon.Studio.Web;

/// <summary>The web host's log messages: source-generated, with stable event ids 1601–1699 (design note 0016).</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "Echelon studio: dashboard at {DashboardUrl}, stream player at {ListenUrl}")]
    public static partial void Listening(ILogger logger, Uri dashboardUrl, Uri listenUrl);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning, Message = "Reachable beyond this machine ({Address}): pairing token {Token} is required. Pair a phone at {PairUrl}")]
    public static partial void PairingRequired(ILogger logger, IPAddress address, string token, Uri pairUrl);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Information, Message = "Audio listener {Client} from {Remote} connected ({Readers} listening)")]
    public static partial void AudioClientConnected(ILogger logger, long client, IPAddress? remote, int readers);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Warning, Message = "Audio listener from {Remote} refused: the limit of {Limit} listeners is reached")]
    public static partial void AudioClientRefused(ILogger logger, IPAddress? remote, int limit);

    [LoggerMessage(EventId = 1605, Level = LogLevel.Information, Message = "Audio listener {Client} fell a ring behind: skipped {Frames} frames (its gap {Gaps})")]
    public static partial void AudioClientGap(ILogger logger, long client, long frames, long gaps);

    [LoggerMessage(EventId = 1606, Level = LogLevel.Information, Message = "Audio listener {Client} left after {Packets} packets, {Gaps} gaps ({GapFrames} frames skipped)")]
    public static partial void AudioClientClosed(ILogger logger, long client, long packets, long gaps, long gapFrames);

    [LoggerMessage(EventId = 1607, Level = LogLevel.Information, Message = "Telemetry client {Client} from {Remote} connected at {Hz} Hz")]
    public static partial void TelemetryClientConnected(ILogger logger, long client, IPAddress? remote, int hz);

    [LoggerMessage(EventId = 1608, Level = LogLevel.Information, Message = "Telemetry client {Client} left after {Messages} messages")]
    public static partial void TelemetryClientClosed(ILogger logger, long client, long messages);

    [LoggerMessage(EventId = 1609, Level = LogLevel.Information, Message = "Sensor client {Client} from {Remote} connected")]
    public static partial void SensorClientConnected(ILogger logger, long client, IPAddress? remote);

    [LoggerMessage(EventId = 1610, Level = LogLevel.Information, Message = "Sensor client {Client} left: {Accepted} messages accepted, {Rejected} rejected, {Dropped} dropped by the engine")]
    public static partial void SensorClientClosed(ILogger logger, long client, long accepted, long rejected, long dropped);

    [LoggerMessage(EventId = 1611, Level = LogLevel.Debug, Message = "Sensor client {Client}: message rejected: {Field}: {Problem}")]
    public static partial void SensorMessageRejected(ILogger logger, long client, string field, string problem);

    [LoggerMessage(EventId = 1612, Level = LogLevel.Information, Message = "Phone {Device} paired ({Description}, {RateHz} Hz)")]
    public static partial void SensorDeviceRegistered(ILogger logger, string device, string description, double rateHz);

    [LoggerMessage(EventId = 1613, Level = LogLevel.Warning, Message = "{Method} {Path} from {Remote} refused: pairing token missing or wrong")]
    public static partial void TokenRejected(ILogger logger, string method, string path, IPAddress? remote);

    [LoggerMessage(EventId = 1614, Level = LogLevel.Information, Message = "Controls changed: {Fields}")]
    public static partial void ControlsChanged(ILogger logger, IEnumerable<string> fields);

    [LoggerMessage(EventId = 1615, Level = LogLevel.Information, Message = "Controls refused, nothing changed: {Fields}")]
    public static partial void ControlsRejected(ILogger logger, IEnumerable<string> fields);

    [LoggerMessage(EventId = 1616, Level = LogLevel.Information, Message = "Recorder {Action}: recording {Recording}, folder {Directory}")]
    public static partial void RecorderChanged(ILogger logger, string action, bool recording, string? directory);

    [LoggerMessage(EventId = 1617, Level = LogLevel.Debug, Message = "{Endpoint} client {Client} ended: {Reason}")]
    public static partial void SocketEnded(ILogger logger, string endpoint, long client, string reason);

    [LoggerMessage(EventId = 1618, Level = LogLevel.Information, Message = "HTTPS certificate SHA-256 {Fingerprint} for {Names}, valid until {NotAfter:yyyy-MM-dd}: {Origin}")]
    public static partial void ServingHttps(ILogger logger, string fingerprint, IEnumerable<string> names, DateTimeOffset notAfter, string origin);

    [LoggerMessage(EventId = 1619, Level = LogLevel.Warning, Message = "Reachable beyond this machine ({Address}) over plain HTTP: phones on the network get no motion sensors (browsers give them to secure contexts only); set server.https to auto or on")]
    public static partial void PlainHttpBeyondLoopback(ILogger logger, IPAddress address);
}
