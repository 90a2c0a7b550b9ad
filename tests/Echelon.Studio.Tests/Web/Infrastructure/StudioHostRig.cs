using System.Net.WebSockets;
using Echelon.Studio.Web;
using Microsoft.Extensions.Logging;

namespace Echelon.Studio.Tests.Web.Infrastructure;

/// <summary>A real Kestrel host on a free loopback port around a <see cref="FakeStudioRuntime"/>, with an HTTP client for it.</summary>
public sealed class StudioHostRig : IAsyncDisposable
{
    public const int SampleRate = 48_000;

    private StudioHostRig(FakeStudioRuntime runtime, AudioBroadcast audio, StudioWebHost host)
    {
        Runtime = runtime;
        Audio = audio;
        Host = host;
        Http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public FakeStudioRuntime Runtime { get; }

    public AudioBroadcast Audio { get; }

    public StudioWebHost Host { get; }

    public HttpClient Http { get; }

    public Uri WebSocketUri(string path) =>
        new UriBuilder(Host.BaseAddress) { Scheme = "ws", Path = path }.Uri;

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
