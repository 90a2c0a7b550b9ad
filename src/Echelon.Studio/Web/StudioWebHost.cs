using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Echelon.Studio.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Echelon.Studio.Web;

/// <summary>
/// The studio's web host: Kestrel on <see cref="StudioWebHostOptions.BindAddress"/> (127.0.0.1) and
/// <see cref="StudioWebHostOptions.Port"/> (5001) serving the dashboard, the stream player, the phone page, the
/// WebSockets, the REST API under <c>/api/v1</c>, the OpenAPI document at <c>/openapi/v1.json</c>,
/// <c>/metrics</c> and <c>/healthz</c>. Design note 0016.
/// </summary>
/// <remarks>
/// Start once, stop once. Every endpoint runs on I/O threads and reaches the engine only through
/// <see cref="IStudioRuntime"/> and <see cref="AudioBroadcast"/>, neither of which blocks the audio or control thread.
/// </remarks>
public sealed class StudioWebHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StudioWebHostOptions _options;
    private Uri? _baseAddress;

    private StudioWebHost(WebApplication app, StudioWebHostOptions options, string? pairingToken)
    {
        _app = app;
        _options = options;
        PairingToken = pairingToken;
    }

    /// <summary>The token phones and changes need; null when none is required (loopback only and none set).</summary>
    public string? PairingToken { get; }

    /// <summary>The address the host answers on, with the real port; known after <see cref="StartAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="StartAsync"/>.</exception>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("the web host has not started: call StartAsync first.");

    /// <summary>The dashboard's address (with the token when one is required).</summary>
    public Uri DashboardUrl => WithToken(new Uri(BaseAddress, "/"));

    /// <summary>The stream player's address.</summary>
    public Uri ListenUrl => new(BaseAddress, "/listen");

    /// <summary>The phone page's address for this machine (with the token when one is required).</summary>
    public Uri PairUrl => WithToken(new Uri(BaseAddress, "/pair"));

    /// <summary>The services (for tests and for hosting code that needs a logger or the lifetime).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Builds the host (nothing listens until <see cref="StartAsync"/>).</summary>
    /// <param name="runtime">The running instrument.</param>
    /// <param name="audio">The mix the engine writes, streamed to <c>/ws/audio</c>.</param>
    /// <param name="options">Listening and pacing; defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static StudioWebHost Create(IStudioRuntime runtime, AudioBroadcast audio, StudioWebHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(audio);
        options ??= new StudioWebHostOptions();
        options.Validate();
        string? token = options.PairingToken ?? (options.RequiresPairingToken ? PairingGuard.Generate() : null);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(StudioWebHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1 << 20;
            kestrel.Listen(options.BindAddress, options.Port);
        });
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.Services.AddStudioWeb(runtime, audio, options, token);

        WebApplication app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebSockets();
        app.MapStaticPagesApi();
        app.MapControlsApi();
        app.MapDevicesApi();
        app.MapRecorderApi();
        app.MapSessionsApi();
        app.MapMappingsApi();
        app.MapAudioApi();
        app.MapTelemetryApi();
        app.MapSensorsApi();
        app.MapHealthApi();
        app.MapMetricsApi();
        app.MapOpenApi();
        return new StudioWebHost(app, options, token);
    }

    /// <summary>Starts listening and logs the dashboard's address (and, when exposed, the pairing token and phone link).</summary>
    /// <exception cref="IOException">The address or port is taken.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _app.StartAsync(cancellationToken);
        string bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        int port = new Uri(bound).Port;
        _baseAddress = new UriBuilder(Uri.UriSchemeHttp, HostFor(_options.BindAddress), port).Uri;

        ILogger logger = _app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StudioWebHost).FullName!);
        WebLog.Listening(logger, DashboardUrl, ListenUrl);
        if (PairingToken is not null)
        {
            WebLog.PairingRequired(logger, _options.BindAddress, PairingToken, PairUrlsBeyondLoopback() is [Uri first, ..] ? first : PairUrl);
        }
    }

    /// <summary>The phone page's addresses on this machine's network interfaces (what a phone on the same network opens).</summary>
    public IReadOnlyList<Uri> PairUrlsBeyondLoopback()
    {
        if (IPAddress.IsLoopback(_options.BindAddress))
        {
            return [];
        }

        IEnumerable<IPAddress> addresses = _options.BindAddress.Equals(IPAddress.Any) || _options.BindAddress.Equals(IPAddress.IPv6Any)
            ? NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            : [_options.BindAddress];
        return [.. addresses.Select(a => WithToken(new UriBuilder(Uri.UriSchemeHttp, HostFor(a), BaseAddress.Port, "/pair").Uri))];
    }

    /// <summary>Stops listening: open WebSockets are closed with 1001 "studio stopping".</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Waits until the host stops (Ctrl+C or <see cref="StopAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Uri WithToken(Uri uri) =>
        PairingToken is null ? uri : new UriBuilder(uri) { Query = $"{PairingGuard.QueryName}={PairingToken}" }.Uri;

    private static string HostFor(IPAddress address)
    {
        if (address.Equals(IPAddress.Any))
        {
            return "127.0.0.1";
        }

        if (address.Equals(IPAddress.IPv6Any))
        {
            return "[::1]";
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
    }
}
