using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Echelon.Studio.Tests.Web.Infrastructure;

/// <summary>Certificates written the ways performers bring them: PKCS#12 with a password, PEM with the key beside it or inside, an encrypted PEM key.</summary>
public sealed class TestCertificates : IDisposable
{
    public const string Password = "correct horse battery";

    public TestCertificates()
    {
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "echelon-certs-" + Guid.NewGuid().ToString("N"));

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>A self-signed RSA certificate for 127.0.0.1 and localhost, as a CA would issue for a LAN host.</summary>
    public static X509Certificate2 Create(DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, string usage = "1.3.6.1.5.5.7.3.1")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=studio.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], critical: false));
        return request.CreateSelfSigned(notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(30));
    }

    public string WritePfx(X509Certificate2 certificate, string name, string? password = Password)
    {
        string path = PathOf(name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    /// <summary>The certificate and its key as PEM: two files, or one with both; the key encrypted with <paramref name="password"/> when given.</summary>
    public (string Certificate, string Key) WritePem(X509Certificate2 certificate, string name, bool together = false, string? password = null)
    {
        using RSA key = certificate.GetRSAPrivateKey()!;
        string keyPem = password is null
            ? key.ExportPkcs8PrivateKeyPem()
            : key.ExportEncryptedPkcs8PrivateKeyPem(password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000));
        string certificatePem = certificate.ExportCertificatePem();
        string certificatePath = PathOf(name + ".crt");
        string keyPath = PathOf(name + ".key");
        if (together)
        {
            File.WriteAllText(certificatePath, certificatePem + "\n" + keyPem + "\n");
            return (certificatePath, certificatePath);
        }

        File.WriteAllText(certificatePath, certificatePem + "\n");
        File.WriteAllText(keyPath, keyPem + "\n");
        return (certificatePath, keyPath);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
