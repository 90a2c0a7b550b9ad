using System.Net;
using System.Security.Cryptography.X509Certificates;
using Echelon.Studio.Configuration;
using Echelon.Studio.Tests.Web.Infrastructure;
using Echelon.Studio.Web;

namespace Echelon.Studio.Tests.Configuration;

/// <summary>The <c>server</c> section's HTTPS fields: read, checked against the files they name, written back.</summary>
public sealed class ServerHttpsConfigurationTests : IDisposable
{
    private readonly TestCertificates _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Auto_IsHttpsOnlyWhenExposedOrACertificateIsNamed()
    {
        Assert.False(StudioConfiguration.Parse("server:\n  https: auto\n").Server.UsesHttps);
        Assert.True(StudioConfiguration.Parse("server:\n  bind: 0.0.0.0\n  expose: true\n").Server.UsesHttps);
        Assert.True(StudioConfiguration.Parse("server:\n  certificate: studio.pfx\n").Server.UsesHttps);
        Assert.False(StudioConfiguration.Parse("server:\n  bind: 0.0.0.0\n  expose: true\n  https: off\n").Server.UsesHttps);
        ServerSettings on = StudioConfiguration.Parse("server:\n  https: on\n  self_signed_certificate: null\n").Server;
        Assert.True(on.UsesHttps);
        Assert.Equal(HttpsMode.On, on.Https);
        Assert.Null(on.SelfSignedCertificate);
    }

    [Fact]
    public void Load_APfxWithItsPassword_Loads_AndRelativePathsResolveAgainstTheFilesFolder()
    {
        using X509Certificate2 made = TestCertificates.Create();
        _files.WritePfx(made, "studio.pfx");
        string file = Write($"server:\n  https: on\n  certificate: studio.pfx\n  certificate_password: \"{TestCertificates.Password}\"\n  self_signed_certificate: keys/kept.pfx\n");
        ServerSettings server = StudioConfiguration.Load(file).Server;
        Assert.Equal(_files.PathOf("studio.pfx"), server.Certificate);
        Assert.Equal(TestCertificates.Password, server.CertificatePassword);
        Assert.Equal(_files.PathOf(Path.Combine("keys", "kept.pfx")), server.SelfSignedCertificate);

        // Left out, the kept certificate goes next to the configuration too; Parse leaves it as written.
        Assert.Equal(_files.PathOf(ServerSettings.DefaultSelfSignedCertificate), StudioConfiguration.Load(Write("server:\n  https: on\n")).Server.SelfSignedCertificate);
        Assert.Equal(ServerSettings.DefaultSelfSignedCertificate, StudioConfiguration.Parse("server:\n  https: on\n").Server.SelfSignedCertificate);
    }

    [Fact]
    public void Load_PemCertificateAndKey_Load()
    {
        using X509Certificate2 made = TestCertificates.Create();
        (string certificate, string key) = _files.WritePem(made, "studio", password: TestCertificates.Password);
        string file = Write($"server:\n  certificate: {Path.GetFileName(certificate)}\n  certificate_key: {Path.GetFileName(key)}\n  certificate_password: {TestCertificates.Password}\n");
        ServerSettings server = StudioConfiguration.Load(file).Server;
        Assert.Equal(certificate, server.Certificate);
        Assert.Equal(key, server.CertificateKey);
        Assert.True(server.UsesHttps);
    }

    [Fact]
    public void Load_AMissingCertificate_IsReportedAtItsField_WithEveryOtherError()
    {
        string file = Write("tempo:\n  bpm: 300\nserver:\n  certificate: nowhere.pfx\n");
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => StudioConfiguration.Load(file));
        Assert.Equal(2, e.Errors.Count);
        ConfigurationError error = e.Errors[1];
        Assert.Equal((4, 16, "server.certificate", "nowhere.pfx"), (error.Line, error.Column, error.Field, error.Value));
        Assert.Equal("a PKCS#12 (.pfx, .p12) or PEM certificate with its private key, valid now, for server authentication", error.Allowed);
        Assert.Equal($"bad value 'nowhere.pfx' (no such file: {_files.PathOf("nowhere.pfx")}); allowed: {error.Allowed}", error.Message);
        Assert.Contains($"studio.yaml:4:16: server.certificate: bad value 'nowhere.pfx' (no such file: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AWrongPassword_IsReportedAtThePasswordField_WithoutShowingIt()
    {
        using X509Certificate2 made = TestCertificates.Create();
        _files.WritePfx(made, "studio.pfx");
        string file = Write("server:\n  certificate: studio.pfx\n  certificate_password: hunter2-wrong\n");
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => StudioConfiguration.Load(file));
        ConfigurationError error = Assert.Single(e.Errors);
        Assert.Equal((3, 25, "server.certificate_password", "(hidden)"), (error.Line, error.Column, error.Field, error.Value));
        Assert.Equal("bad value '(hidden)' (wrong password for the PKCS#12 file); allowed: the password of the PKCS#12 file or of the encrypted PEM key, or null for none", error.Message);
        Assert.DoesNotContain("hunter2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_APasswordOrKeyTheCertificateNeeds_IsReportedMissing_AtTheSection()
    {
        using X509Certificate2 made = TestCertificates.Create();
        _files.WritePfx(made, "studio.pfx");
        ConfigurationError password = Assert.Single(Assert.Throws<ConfigurationException>(() => StudioConfiguration.Load(Write("server:\n  certificate: studio.pfx\n"))).Errors);
        Assert.Equal((2, 3, "server.certificate_password", null), (password.Line, password.Column, password.Field, password.Value));
        Assert.Equal("missing (the PKCS#12 file is protected by a password, and none is given); allowed: the password of the PKCS#12 file or of the encrypted PEM key, or null for none", password.Message);

        (string certificate, _) = _files.WritePem(made, "lonely");
        ConfigurationError key = Assert.Single(Assert.Throws<ConfigurationException>(() => StudioConfiguration.Load(Write($"server:\n  certificate: {Path.GetFileName(certificate)}\n"))).Errors);
        Assert.Equal("server.certificate_key", key.Field);
        Assert.StartsWith("missing (", key.Message, StringComparison.Ordinal);
        Assert.Contains("holds the certificate but no private key", key.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ACertificateThatCannotServe_SaysWhy()
    {
        using X509Certificate2 expired = TestCertificates.Create(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-2));
        _files.WritePfx(expired, "old.pfx", password: null);
        ConfigurationError error = Assert.Single(Assert.Throws<ConfigurationException>(() => StudioConfiguration.Load(Write("server:\n  certificate: old.pfx\n"))).Errors);
        Assert.Equal("server.certificate", error.Field);
        Assert.Contains("(the certificate expired on ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DoesNotReadTheCertificate()
    {
        ServerSettings server = StudioConfiguration.Parse("server:\n  certificate: nowhere.pfx\n  certificate_password: x\n").Server;
        Assert.Equal("nowhere.pfx", server.Certificate);
        Assert.Equal("x", server.CertificatePassword);
    }

    [Fact]
    public void ToString_HidesThePassword()
    {
        var server = new ServerSettings { Certificate = "a.pfx", CertificatePassword = "s3cret-value", Bind = IPAddress.Loopback };
        string text = server.ToString();
        Assert.DoesNotContain("s3cret-value", text, StringComparison.Ordinal);
        Assert.Contains("CertificatePassword = (hidden)", text, StringComparison.Ordinal);
        Assert.Contains("Certificate = a.pfx", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToYaml_WritesTheHttpsFields_AndReadsThemBack()
    {
        StudioConfiguration c = StudioConfiguration.Default with
        {
            Server = new ServerSettings { Https = HttpsMode.On, Certificate = "/etc/echelon/studio.pfx", CertificatePassword = "pa ss: #1" },
        };
        string yaml = c.ToYaml();
        Assert.Contains("  https: on ", yaml, StringComparison.Ordinal);
        Assert.Contains("  self_signed_certificate: studio-certificate.pfx ", yaml, StringComparison.Ordinal);
        Assert.Equal(c, StudioConfiguration.Parse(yaml));
        Assert.Contains("  https: auto ", StudioConfiguration.Default.ToYaml(), StringComparison.Ordinal);
    }

    private string Write(string text)
    {
        string path = _files.PathOf("studio.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
