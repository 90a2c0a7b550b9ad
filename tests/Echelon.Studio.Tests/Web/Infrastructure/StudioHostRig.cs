using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Echelon.Studio.Web;
using Microsoft.Extensions.Logging;

namespace Echelon.Studio.Tests.Web.Infrastructure;

/// <summary>
/// A real Kestrel host on a free loopback port around a <see cref="FakeStudioRuntime"/>, with an HTTP client for it.
/// Over HTTPS the client and the sockets trust exactly the host's certificate (pinned by its SHA-256), nothing else.
/// </summary>
public sealed class StudioHostRig : IAsyncDisposable
{
    public const int SampleRate = 48_000;

    private StudioHostRig(FakeStudioRuntime runtime, AudioBroadcast audio, StudioWebHost host)
    {
        Runtime = runtime;
        Audio = audio;
        Host = host;
        Http = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = Pin } })
        {
            BaseAddress = host.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public FakeStudioRuntime Runtime { get; }

    public AudioBroadcast Audio { get; }

    public StudioWebHost Host { get; }

    public HttpClient Http { get; }

    /// <summary>What the server presented each time a client here checked its certificate: the SHA-256 and the errors .NET saw.</summary>
    public List<(string Sha256, SslPolicyErrors Errors)> CertificatesSeen { get; } = [];

    public Uri WebSocketUri(string path) =>
        new UriBuilder(Host.BaseAddress) { Scheme = Host.Certificate is null ? "ws" : "wss", Path = path }.Uri;

    /// <summary>
    /// Trusts the host's own certificate and nothing else: its SHA-256 must match, and the only error allowed is the
    /// untrusted root every self-signed certificate has (so a name the certificate does not cover still fails).
    /// </summary>
    public bool Pin(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || Host.Certificate is null)
        {
            return false;
        }

        string seen = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        lock (CertificatesSeen)
        {
            CertificatesSeen.Add((seen, errors));
        }

        return string.Equals(seen, Host.Certificate.Certificate.GetCertHashString(HashAlgorithmName.SHA256), StringComparison.Ordinal)
            && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None;
    }

    public static async Task<StudioHostRig> StartAsync(
        StudioWebHostOptions? options = null,
        FakeStudioRuntime? runtime = null,
        AudioBroadcast? audio = null)
    {
        options ??= new StudioWebHostOptions();
        options = Quiet(options);
        runtime ??= new FakeStudioRuntime();
        audio ??= new AudioBroadcast(SampleRate);
        StudioWebHost host = StudioWebHost.Create(runtime, audio, options);
        await host.StartAsync();
        return new StudioHostRig(runtime, audio, host);
    }

    public async Task<ClientWebSocket> ConnectAsync(string path, string? token = null, CancellationToken cancellationToken = default)
    {
        var socket = new ClientWebSocket();
        socket.Options.RemoteCertificateValidationCallback = Pin;
        Uri uri = WebSocketUri(path);
        if (token is not null)
        {
            uri = new UriBuilder(uri) { Query = "token=" + token }.Uri;
        }

        await socket.ConnectAsync(uri, cancellationToken);
        return socket;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Host.StopAsync(stop.Token);
        await Host.DisposeAsync();
    }

    /// <summary>The same options on port 0 with logging off unless ECHELON_WEB_LOG=1.</summary>
    private static StudioWebHostOptions Quiet(StudioWebHostOptions o) => new()
    {
        BindAddress = o.BindAddress,
        Port = 0,
        AudioClientLimit = o.AudioClientLimit,
        AudioPollInterval = o.AudioPollInterval,
        AudioPacketMaxFrames = o.AudioPacketMaxFrames,
        HeartbeatInterval = o.HeartbeatInterval,
        HeartbeatTimeout = o.HeartbeatTimeout,
        TelemetryHz = o.TelemetryHz,
        PairingToken = o.PairingToken,
        StaticFilesDirectory = o.StaticFilesDirectory,
        Https = o.Https,
        Certificate = o.Certificate,
        CertificatePath = o.CertificatePath,
        CertificateKeyPath = o.CertificateKeyPath,
        CertificatePassword = o.CertificatePassword,
        SelfSignedCertificatePath = o.SelfSignedCertificatePath,
        ConfigureLogging = o.ConfigureLogging ?? (logging =>
        {
            logging.ClearProviders();
            if (Environment.GetEnvironmentVariable("ECHELON_WEB_LOG") == "1")
            {
                logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
            }
        }),
    };
}
