using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.RegularExpressions;
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
/// <see cref="StudioWebHostOptions.Port"/> (5001), over HTTPS when <see cref="StudioWebHostOptions.UsesHttps"/>, serving the dashboard, the stream player, the phone page, the
/// WebSockets, the REST API under <c>/api/v1</c>, the OpenAPI document at <c>/openapi/v1.json</c>,
/// <c>/metrics</c> and <c>/healthz</c>. Design note 0016.
/// </summary>
/// <remarks>
/// Start once, stop once. Every endpoint runs on I/O threads and reaches the engine only through
/// <see cref="IStudioRuntime"/> and <see cref="AudioBroadcast"/>, neither of which blocks the audio or control thread.
/// </remarks>
public sealed partial class StudioWebHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StudioWebHostOptions _options;
    private readonly bool _ownsCertificate;
    private Uri? _baseAddress;

    private StudioWebHost(WebApplication app, StudioWebHostOptions options, string? pairingToken, StudioCertificate? certificate, bool ownsCertificate)
    {
        _app = app;
        _options = options;
        PairingToken = pairingToken;
        Certificate = certificate;
        _ownsCertificate = ownsCertificate;
    }

    /// <summary>The token phones and changes need; null when none is required (loopback only and none set).</summary>
    public string? PairingToken { get; }

    /// <summary>The certificate HTTPS is served with (its fingerprint is what a phone shows); null for plain HTTP.</summary>
    public StudioCertificate? Certificate { get; }

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
    /// <param name="options">Listening, HTTPS and pacing; defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">
    /// The certificate options contradict each other, or a certificate file cannot serve HTTPS (missing, unreadable,
    /// the wrong kind, a wrong password, expired); <see cref="ArgumentException.ParamName"/> names the option and the
    /// message says why.
    /// </exception>
    public static StudioWebHost Create(IStudioRuntime runtime, AudioBroadcast audio, StudioWebHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(audio);
        options ??= new StudioWebHostOptions();
        options.Validate();
        string? token = options.PairingToken ?? (options.RequiresPairingToken ? PairingGuard.Generate() : null);
        StudioCertificate? certificate = options.UsesHttps ? ResolveCertificate(options, DateTimeOffset.UtcNow) : null;
        bool ownsCertificate = certificate is not null && options.Certificate is null;
        try
        {
            return Build(runtime, audio, options, token, certificate, ownsCertificate);
        }
        catch
        {
            if (ownsCertificate)
            {
                certificate!.Certificate.Dispose();
            }

            throw;
        }
    }

    private static StudioWebHost Build(IStudioRuntime runtime, AudioBroadcast audio, StudioWebHostOptions options, string? token, StudioCertificate? certificate, bool ownsCertificate)
    {

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(StudioWebHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1 << 20;
            kestrel.Listen(options.BindAddress, options.Port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate.Certificate);
                }
            });
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
        return new StudioWebHost(app, options, token, certificate, ownsCertificate);
    }

    /// <summary>Starts listening and logs the dashboard's address (and, when exposed, the pairing token and phone link).</summary>
    /// <exception cref="IOException">The address or port is taken.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _app.StartAsync(cancellationToken);
        string bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        int port = new Uri(bound).Port;
        _baseAddress = new UriBuilder(Scheme, HostFor(_options.BindAddress), port).Uri;

        ILogger logger = _app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StudioWebHost).FullName!);
        WebLog.Listening(logger, DashboardUrl, ListenUrl);
        if (Certificate is not null)
        {
            WebLog.ServingHttps(logger, Certificate.Sha256Fingerprint, Certificate.Names, Certificate.NotAfter, Certificate.Origin);
        }
        else if (!IPAddress.IsLoopback(_options.BindAddress))
        {
            WebLog.PlainHttpBeyondLoopback(logger, _options.BindAddress);
        }
        if (PairingToken is not null)
        {
            WebLog.PairingRequired(logger, _options.BindAddress, PairingToken, PairUrlsBeyondLoopback() is [Uri first, ..] ? first : PairUrl);
        }
    }

    /// <summary>The phone page's addresses on this machine's network interfaces (what a phone on the same network opens).</summary>
    public IReadOnlyList<Uri> PairUrlsBeyondLoopback()
    {
        return [.. AddressesBeyondLoopback(_options.BindAddress).Select(a => WithToken(new UriBuilder(Scheme, HostFor(a), BaseAddress.Port, "/pair").Uri))];
    }

    /// <summary>Stops listening: open WebSockets are closed with 1001 "studio stopping".</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Waits until the host stops (Ctrl+C or <see cref="StopAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        if (_ownsCertificate)
        {
            Certificate!.Certificate.Dispose();
        }
    }

    private string Scheme => Certificate is null ? Uri.UriSchemeHttp : Uri.UriSchemeHttps;

    /// <summary>The addresses beyond loopback that <paramref name="bind"/> answers on: its IPv4 interfaces' for a wildcard, itself otherwise.</summary>
    private static IReadOnlyList<IPAddress> AddressesBeyondLoopback(IPAddress bind)
    {
        if (IPAddress.IsLoopback(bind))
        {
            return [];
        }

        if (!bind.Equals(IPAddress.Any) && !bind.Equals(IPAddress.IPv6Any))
        {
            return [bind];
        }

        return
        [
            .. NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                .Distinct(),
        ];
    }

    /// <summary>The certificate the options ask for: given, read from its file, or self-signed (kept or made).</summary>
    private static StudioCertificate ResolveCertificate(StudioWebHostOptions options, DateTimeOffset now)
    {
        if (options.Certificate is { } given)
        {
            return new StudioCertificate(given, given.SubjectName.RawData.AsSpan().SequenceEqual(given.IssuerName.RawData), file: null, "given by the host's caller");
        }

        try
        {
            if (options.CertificatePath is { } path)
            {
                var loaded = CertificateFiles.Load(path, options.CertificateKeyPath, options.CertificatePassword, now);
                return new StudioCertificate(loaded, loaded.SubjectName.RawData.AsSpan().SequenceEqual(loaded.IssuerName.RawData), path, $"from {path}");
            }

            // The names a browser may reach the studio by: this machine's loopback and host names, and the addresses it listens on.
            IPAddress[] addresses = [IPAddress.Loopback, IPAddress.IPv6Loopback, .. AddressesBeyondLoopback(options.BindAddress)];
            return SelfSignedCertificates.LoadOrCreate(options.SelfSignedCertificatePath, HostNames(), addresses, now);
        }
        catch (CertificateFileException e)
        {
            string option = e.Setting switch
            {
                CertificateSetting.Certificate => nameof(StudioWebHostOptions.CertificatePath),
                CertificateSetting.Key => nameof(StudioWebHostOptions.CertificateKeyPath),
                CertificateSetting.Password => nameof(StudioWebHostOptions.CertificatePassword),
                _ => nameof(StudioWebHostOptions.SelfSignedCertificatePath),
            };
            throw new ArgumentException($"{option}: {e.Message}.", option, e);
        }
    }

    /// <summary><c>localhost</c>, this machine's host name and its mDNS name (<c>name.local</c>, which phones resolve on a LAN without DNS).</summary>
    private static string[] HostNames()
    {
        var names = new List<string> { "localhost" };
        string host = Dns.GetHostName();
        if (DnsName().IsMatch(host) && !string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            names.Add(host);
            if (!host.Contains('.', StringComparison.Ordinal))
            {
                names.Add(host + ".local");
            }
        }

        return [.. names];
    }

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex DnsName();

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
