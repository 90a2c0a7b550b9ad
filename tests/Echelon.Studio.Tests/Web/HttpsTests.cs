using System.Net;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Echelon.Studio.Tests.Web.Infrastructure;
using Echelon.Studio.Web;
using Microsoft.Extensions.Logging;

namespace Echelon.Studio.Tests.Web;

/// <summary>HTTPS, so a phone on the network gets a secure context and with it the motion sensors (design note 0016).</summary>
public sealed class HttpsTests : IDisposable
{
    private readonly TestCertificates _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task HttpsOn_WithAGeneratedCertificate_ServesHealthz_AndTelemetryOverWss()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions { Https = HttpsMode.On });
        StudioCertificate certificate = Assert.IsType<StudioCertificate>(rig.Host.Certificate);
        Assert.Equal("https", rig.Host.BaseAddress.Scheme);
        Assert.Equal("https", rig.Host.PairUrl.Scheme);
        Assert.True(certificate.IsSelfSigned);
        Assert.Null(certificate.File);
        Assert.Contains("127.0.0.1", certificate.Names);
        Assert.Contains("localhost", certificate.Names);
        Assert.Matches("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", certificate.Sha256Fingerprint);
        Assert.Equal(certificate.Certificate.GetCertHashString(HashAlgorithmName.SHA256), certificate.Sha256Fingerprint.Replace(":", string.Empty, StringComparison.Ordinal));
        Assert.InRange(certificate.NotAfter, DateTimeOffset.UtcNow.AddDays(360), DateTimeOffset.UtcNow.AddDays(366));
        using ECDsa? key = certificate.Certificate.GetECDsaPublicKey();
        Assert.Equal(256, key?.KeySize);

        using (JsonDocument health = await ControlsApiTests.GetJson(rig, "/healthz"))
        {
            Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        }

        using ClientWebSocket socket = await rig.ConnectAsync("/ws/telemetry");
        Assert.Equal("wss", rig.WebSocketUri("/ws/telemetry").Scheme);
        using JsonDocument telemetry = (await socket.ReceiveAsync()).Json();
        Assert.Equal("telemetry", telemetry.RootElement.GetProperty("type").GetString());

        // Both clients saw exactly this certificate, and nothing wrong with it but its self-signed root: it names 127.0.0.1.
        Assert.True(rig.CertificatesSeen.Count >= 2);
        Assert.All(rig.CertificatesSeen, seen =>
        {
            Assert.Equal(certificate.Certificate.GetCertHashString(HashAlgorithmName.SHA256), seen.Sha256);
            Assert.Equal(SslPolicyErrors.RemoteCertificateChainErrors, seen.Errors);
        });
    }

    [Theory]
    [InlineData("/ws/telemetry")]
    [InlineData("/ws/sensors")]
    [InlineData("/ws/audio")]
    public async Task WebSocketsOverHttp2_OpenWithExtendedConnect(string path)
    {
        // Browsers get HTTP/2 from ALPN over HTTPS and then open WebSockets with CONNECT (RFC 8441), not GET.
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions { Https = HttpsMode.On });
        using var handler = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = rig.Pin } };
        using var invoker = new HttpMessageInvoker(handler);
        using var socket = new ClientWebSocket();
        socket.Options.HttpVersion = HttpVersion.Version20;
        socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        await socket.ConnectAsync(rig.WebSocketUri(path), invoker, CancellationToken.None);
        Assert.Equal(WebSocketState.Open, socket.State);
        if (path == "/ws/telemetry")
        {
            using JsonDocument telemetry = (await socket.ReceiveAsync()).Json();
            Assert.Equal("telemetry", telemetry.RootElement.GetProperty("type").GetString());
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Fact]
    public async Task AClientPinnedToAnotherCertificate_IsRefused()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions { Https = HttpsMode.On });
        using X509Certificate2 other = TestCertificates.Create();
        string pinned = other.GetCertHashString(HashAlgorithmName.SHA256);
        using var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, c, _, _) => c?.GetCertHashString(HashAlgorithmName.SHA256) == pinned },
        };
        using var client = new HttpClient(handler) { BaseAddress = rig.Host.BaseAddress };
        HttpRequestException e = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("/healthz", UriKind.Relative)));
        Assert.IsType<AuthenticationException>(e.InnerException);
    }

    [Fact]
    public async Task PlainHttpClients_GetNoAnswerFromAnHttpsHost()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions { Https = HttpsMode.On });
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Uri plain = new UriBuilder(rig.Host.BaseAddress) { Scheme = "http", Path = "/healthz" }.Uri;
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(plain));
    }

    [Fact]
    public void Auto_IsPlainHttpOnLoopback_AndHttpsBeyondIt_OrWithACertificate()
    {
        Assert.False(new StudioWebHostOptions().UsesHttps);
        Assert.True(new StudioWebHostOptions { BindAddress = IPAddress.Any }.UsesHttps);
        Assert.True(new StudioWebHostOptions { BindAddress = IPAddress.Parse("192.168.1.20") }.UsesHttps);
        Assert.True(new StudioWebHostOptions { CertificatePath = "studio.pfx" }.UsesHttps);
        Assert.False(new StudioWebHostOptions { BindAddress = IPAddress.Any, Https = HttpsMode.Off }.UsesHttps);
        Assert.True(new StudioWebHostOptions { Https = HttpsMode.On }.UsesHttps);
    }

    [Fact]
    public async Task Loopback_StaysPlainHttp_ByDefault()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        Assert.Null(rig.Host.Certificate);
        Assert.Equal("http", rig.Host.BaseAddress.Scheme);
    }

    [Fact]
    public async Task ExposedBeyondLoopback_ServesHttps_AndLogsTheFingerprint_AndThePhoneLinksAreHttps()
    {
        using var logs = new CapturedLogs();
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions
        {
            BindAddress = IPAddress.Any,
            ConfigureLogging = logging => logging.ClearProviders().AddProvider(logs),
        });
        StudioCertificate certificate = Assert.IsType<StudioCertificate>(rig.Host.Certificate);
        Assert.All(rig.Host.PairUrlsBeyondLoopback(), u =>
        {
            Assert.Equal("https", u.Scheme);
            Assert.Contains(u.Host, certificate.Names);
        });
        (int _, LogLevel level, string text) = Assert.Single(logs.Entries, e => e.EventId == 1618);
        Assert.Equal(LogLevel.Information, level);
        Assert.Contains(certificate.Sha256Fingerprint, text, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.EventId == 1602 && e.Text.Contains("https://", StringComparison.Ordinal));
        using HttpResponseMessage health = await rig.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task ExposedOverPlainHttp_WarnsThatPhonesGetNoSensors()
    {
        using var logs = new CapturedLogs();
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions
        {
            BindAddress = IPAddress.Any,
            Https = HttpsMode.Off,
            ConfigureLogging = logging => logging.ClearProviders().AddProvider(logs),
        });
        Assert.Null(rig.Host.Certificate);
        (int _, LogLevel level, string text) = Assert.Single(logs.Entries, e => e.EventId == 1619);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("no motion sensors", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfSigned_KeptInAFile_IsTheSameAfterARestart_AndOnlyTheOwnerCanRead()
    {
        string kept = _files.PathOf("keys/studio-certificate.pfx");
        var options = new StudioWebHostOptions { Https = HttpsMode.On, SelfSignedCertificatePath = kept };
        string first;
        await using (StudioHostRig rig = await StudioHostRig.StartAsync(options))
        {
            first = rig.Host.Certificate!.Sha256Fingerprint;
            Assert.Equal(kept, rig.Host.Certificate.File);
            Assert.StartsWith($"self-signed, new, kept in {kept}", rig.Host.Certificate.Origin, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(kept));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(kept));
        }

        await using (StudioHostRig again = await StudioHostRig.StartAsync(options))
        {
            Assert.Equal(first, again.Host.Certificate!.Sha256Fingerprint);
            Assert.StartsWith($"self-signed, kept in {kept} since ", again.Host.Certificate.Origin, StringComparison.Ordinal);
            using HttpResponseMessage health = await again.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
    }

    [Fact]
    public async Task SelfSigned_KeptForOtherAddresses_IsMadeAnew_AndSaysWhy()
    {
        string kept = _files.PathOf("studio-certificate.pfx");
        StudioCertificate old = SelfSignedCertificates.LoadOrCreate(kept, ["localhost"], [IPAddress.Parse("10.9.8.7")], DateTimeOffset.UtcNow);
        old.Certificate.Dispose();
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions { Https = HttpsMode.On, SelfSignedCertificatePath = kept });
        Assert.NotEqual(old.Sha256Fingerprint, rig.Host.Certificate!.Sha256Fingerprint);
        Assert.Matches(@"\(the old one does not name [^)]*\b127\.0\.0\.1\b", rig.Host.Certificate.Origin);
        Assert.Contains("phones that trusted the old one ask again", rig.Host.Certificate.Origin, StringComparison.Ordinal);
        using X509Certificate2 onDisk = X509CertificateLoader.LoadPkcs12FromFile(kept, null);
        Assert.Equal(rig.Host.Certificate.Certificate.Thumbprint, onDisk.Thumbprint);
    }

    [Fact]
    public void SelfSigned_NearItsEnd_IsMadeAnew()
    {
        string kept = _files.PathOf("studio-certificate.pfx");
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using X509Certificate2 old = SelfSignedCertificates.LoadOrCreate(kept, ["localhost"], [IPAddress.Loopback], now - TimeSpan.FromDays(350)).Certificate;
        StudioCertificate renewed = SelfSignedCertificates.LoadOrCreate(kept, ["localhost"], [IPAddress.Loopback], now);
        using X509Certificate2 certificate = renewed.Certificate;
        Assert.NotEqual(old.Thumbprint, certificate.Thumbprint);
        Assert.Contains($"the old one ends on {old.NotAfter.ToUniversalTime():yyyy-MM-dd}", renewed.Origin, StringComparison.Ordinal);
        Assert.True(certificate.NotAfter.ToUniversalTime() > now.UtcDateTime.AddDays(360));
    }

    [Fact]
    public void SelfSigned_AFileThatIsNotOurs_IsNeverOverwritten()
    {
        string kept = _files.PathOf("mine.pfx");
        using X509Certificate2 someoneElses = TestCertificates.Create();
        _files.WritePfx(someoneElses, "mine.pfx", password: null);
        byte[] before = File.ReadAllBytes(kept);
        var e = Assert.Throws<ArgumentException>(() => StudioWebHost.Create(new FakeStudioRuntime(), new AudioBroadcast(48_000), new StudioWebHostOptions { Https = HttpsMode.On, SelfSignedCertificatePath = kept }));
        Assert.Equal("SelfSignedCertificatePath", e.ParamName);
        Assert.Contains("is not a certificate this studio made (its subject is 'CN=studio.test')", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(kept));

        File.WriteAllText(kept, "not a certificate at all");
        e = Assert.Throws<ArgumentException>(() => StudioWebHost.Create(new FakeStudioRuntime(), new AudioBroadcast(48_000), new StudioWebHostOptions { Https = HttpsMode.On, SelfSignedCertificatePath = kept }));
        Assert.Equal("SelfSignedCertificatePath", e.ParamName);
        Assert.Equal("not a certificate at all", File.ReadAllText(kept));
    }

    [Fact]
    public async Task APfxWithItsPassword_IsServed()
    {
        using X509Certificate2 made = TestCertificates.Create();
        string pfx = _files.WritePfx(made, "studio.pfx");
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions { CertificatePath = pfx, CertificatePassword = TestCertificates.Password });
        Assert.Equal(made.Thumbprint, rig.Host.Certificate!.Certificate.Thumbprint);
        Assert.Equal($"from {pfx}", rig.Host.Certificate.Origin);
        Assert.Equal(pfx, rig.Host.Certificate.File);
        using HttpResponseMessage health = await rig.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task PemCertificateAndKey_AreServed(bool together, bool encrypted)
    {
        using X509Certificate2 made = TestCertificates.Create();
        (string certificate, string key) = _files.WritePem(made, "studio", together, encrypted ? TestCertificates.Password : null);
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions
        {
            CertificatePath = certificate,
            CertificateKeyPath = together ? null : key,
            CertificatePassword = encrypted ? TestCertificates.Password : null,
        });
        Assert.Equal(made.Thumbprint, rig.Host.Certificate!.Certificate.Thumbprint);
        using ClientWebSocket socket = await rig.ConnectAsync("/ws/telemetry");
        Assert.Equal(WebSocketMessageType.Text, (await socket.ReceiveAsync()).Type);
    }

    [Fact]
    public void ABadCertificatePath_NamesTheOption()
    {
        string missing = _files.PathOf("nowhere.pfx");
        ArgumentException e = CreateFails(new StudioWebHostOptions { CertificatePath = missing });
        Assert.Equal("CertificatePath", e.ParamName);
        Assert.StartsWith($"CertificatePath: no such file: {missing}.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongPassword_NamesThePasswordOption_AndNeverShowsIt()
    {
        using X509Certificate2 made = TestCertificates.Create();
        string pfx = _files.WritePfx(made, "studio.pfx");
        ArgumentException wrong = CreateFails(new StudioWebHostOptions { CertificatePath = pfx, CertificatePassword = "hunter2-wrong" });
        Assert.Equal("CertificatePassword", wrong.ParamName);
        Assert.StartsWith("CertificatePassword: wrong password for the PKCS#12 file.", wrong.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", wrong.Message, StringComparison.Ordinal);

        ArgumentException none = CreateFails(new StudioWebHostOptions { CertificatePath = pfx });
        Assert.Equal("CertificatePassword", none.ParamName);
        Assert.Contains("protected by a password, and none is given", none.Message, StringComparison.Ordinal);

        string open = _files.WritePfx(made, "open.pfx", password: null);
        ArgumentException extra = CreateFails(new StudioWebHostOptions { CertificatePath = open, CertificatePassword = "x" });
        Assert.Equal("CertificatePassword", extra.ParamName);
        Assert.Contains("not protected by a password, so it takes none", extra.Message, StringComparison.Ordinal);

        (string certificate, string key) = _files.WritePem(made, "enc", password: TestCertificates.Password);
        ArgumentException pem = CreateFails(new StudioWebHostOptions { CertificatePath = certificate, CertificateKeyPath = key, CertificatePassword = "wrong" });
        Assert.Equal("CertificatePassword", pem.ParamName);
        Assert.Contains("wrong password", pem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CertificatesThatCannotServe_SayWhy()
    {
        using X509Certificate2 made = TestCertificates.Create();
        File.WriteAllBytes(_files.PathOf("only.cer"), made.RawData);
        Assert.Contains("without its private key (DER)", CreateFails(new StudioWebHostOptions { CertificatePath = _files.PathOf("only.cer") }).Message, StringComparison.Ordinal);

        File.WriteAllText(_files.PathOf("notes.txt"), "hello");
        Assert.Contains("neither PKCS#12 (.pfx, .p12) nor PEM", CreateFails(new StudioWebHostOptions { CertificatePath = _files.PathOf("notes.txt") }).Message, StringComparison.Ordinal);

        (string pemOnly, _) = _files.WritePem(made, "lonely");
        ArgumentException noKey = CreateFails(new StudioWebHostOptions { CertificatePath = pemOnly });
        Assert.Equal("CertificateKeyPath", noKey.ParamName);
        Assert.Contains("holds the certificate but no private key; name the key file too", noKey.Message, StringComparison.Ordinal);

        string pfx = _files.WritePfx(made, "with-key.pfx", password: null);
        ArgumentException keyForPfx = CreateFails(new StudioWebHostOptions { CertificatePath = pfx, CertificateKeyPath = pemOnly });
        Assert.Equal("CertificateKeyPath", keyForPfx.ParamName);

        using X509Certificate2 other = TestCertificates.Create();
        (string otherCertificate, _) = _files.WritePem(other, "other");
        (_, string madeKey) = _files.WritePem(made, "made");
        ArgumentException mismatch = CreateFails(new StudioWebHostOptions { CertificatePath = otherCertificate, CertificateKeyPath = madeKey });
        Assert.Equal("CertificateKeyPath", mismatch.ParamName);

        using X509Certificate2 expired = TestCertificates.Create(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1));
        Assert.Contains("the certificate expired on", CreateFails(new StudioWebHostOptions { CertificatePath = _files.WritePfx(expired, "old.pfx", null) }).Message, StringComparison.Ordinal);

        using X509Certificate2 client = TestCertificates.Create(usage: "1.3.6.1.5.5.7.3.2");
        Assert.Contains("does not allow server authentication", CreateFails(new StudioWebHostOptions { CertificatePath = _files.WritePfx(client, "client.pfx", null) }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContradictoryCertificateOptions_AreRefused()
    {
        Assert.Equal("CertificatePath", Assert.Throws<ArgumentException>(() => new StudioWebHostOptions { Https = HttpsMode.Off, CertificatePath = "a.pfx" }.Validate()).ParamName);
        Assert.Equal("CertificateKeyPath", Assert.Throws<ArgumentException>(() => new StudioWebHostOptions { CertificateKeyPath = "a.key" }.Validate()).ParamName);
        ArgumentException password = Assert.Throws<ArgumentException>(() => new StudioWebHostOptions { CertificatePassword = "secret-one" }.Validate());
        Assert.Equal("CertificatePassword", password.ParamName);
        Assert.DoesNotContain("secret-one", password.Message, StringComparison.Ordinal);
        using X509Certificate2 made = TestCertificates.Create();
        Assert.Equal("CertificatePath", Assert.Throws<ArgumentException>(() => new StudioWebHostOptions { Certificate = made, CertificatePath = "a.pfx" }.Validate()).ParamName);
    }

    private static ArgumentException CreateFails(StudioWebHostOptions options) =>
        Assert.Throws<ArgumentException>(() => StudioWebHost.Create(new FakeStudioRuntime(), new AudioBroadcast(48_000), options));
}
