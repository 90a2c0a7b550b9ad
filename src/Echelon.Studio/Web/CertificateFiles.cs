using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Echelon.Studio.Web;

/// <summary>
/// Reads a certificate for HTTPS from the files a performer names: PKCS#12 (<c>.pfx</c>, <c>.p12</c>, optionally with a
/// password) or PEM (the certificate, and its private key in the same file or another, optionally encrypted). The
/// kind is read from the content, not the file name. Every problem is a <see cref="CertificateFileException"/> that
/// names the setting to fix; the password never appears in a message.
/// </summary>
/// <remarks>Start-up and configuration checking only (reads files, allocates); thread-safe.</remarks>
internal static class CertificateFiles
{
    /// <summary>Largest certificate or key file read: certificates are a few KB, so anything bigger is the wrong file.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>The extended key usage that lets a certificate serve TLS (RFC 5280 §4.2.1.12, id-kp-serverAuth).</summary>
    public const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>
    /// The HRESULT of a PKCS#12 MAC that does not verify with the password given (Win32 ERROR_INVALID_PASSWORD): what
    /// <see cref="X509CertificateLoader"/> throws for a wrong or missing password, on every platform.
    /// </summary>
    private const int InvalidPassword = unchecked((int)0x80070056);

    /// <summary>
    /// The certificate with its private key, checked: it has the key, it is valid at <paramref name="now"/>, and its
    /// extended key usage (when it has one) allows server authentication.
    /// </summary>
    /// <param name="path">The certificate file.</param>
    /// <param name="keyPath">The PEM private key file; null when the key is in <paramref name="path"/>.</param>
    /// <param name="password">The PKCS#12 password or the encrypted PEM key's; null for none.</param>
    /// <param name="now">The time the certificate must be valid at.</param>
    /// <exception cref="CertificateFileException">Anything is wrong; <see cref="CertificateFileException.Setting"/> says where.</exception>
    public static X509Certificate2 Load(string path, string? keyPath, string? password, DateTimeOffset now)
    {
        byte[] bytes = Read(path, CertificateSetting.Certificate);
        X509Certificate2 certificate = IsPem(bytes)
            ? LoadPem(path, Encoding.UTF8.GetString(bytes), keyPath, password)
            : LoadPkcs12(bytes, keyPath, password);
        try
        {
            Check(certificate, keyPath is null ? CertificateSetting.Certificate : CertificateSetting.Key, now);
            return Usable(certificate);
        }
        catch
        {
            certificate.Dispose();
            throw;
        }
    }

    /// <summary>The SHA-256 of the certificate's DER encoding as browsers show it: 32 hex pairs joined by colons.</summary>
    public static string Fingerprint(X509Certificate2 certificate)
    {
        string hex = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var text = new StringBuilder((hex.Length / 2 * 3) - 1);
        for (int i = 0; i < hex.Length; i += 2)
        {
            if (i > 0)
            {
                text.Append(':');
            }

            text.Append(hex, i, 2);
        }

        return text.ToString();
    }

    /// <summary>
    /// A certificate Kestrel can use on every platform: on Windows, SChannel cannot use the ephemeral keys that PEM
    /// loading and <see cref="CertificateRequest.CreateSelfSigned"/> give, so the certificate goes once through
    /// PKCS#12 there (the usual workaround; not exercised by the tests, which run on Linux). Elsewhere it is returned
    /// as it is. Disposes <paramref name="certificate"/> when it returns another.
    /// </summary>
    public static X509Certificate2 Usable(X509Certificate2 certificate)
    {
        if (!OperatingSystem.IsWindows())
        {
            return certificate;
        }

        X509Certificate2 stored = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        certificate.Dispose();
        return stored;
    }

    private static byte[] Read(string path, CertificateSetting setting)
    {
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                throw new CertificateFileException(setting, $"no such file: {path}");
            }

            if (file.Length > MaxFileBytes)
            {
                throw new CertificateFileException(setting, $"{path} is {file.Length.ToString(CultureInfo.InvariantCulture)} bytes; a certificate or key file is at most 1 MiB");
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CertificateFileException(setting, $"cannot read {path}: {e.Message.TrimEnd('.')}", e);
        }
    }

    private static bool IsPem(ReadOnlySpan<byte> bytes)
    {
        // RFC 7468 §2: text before the first encapsulation boundary is allowed, so look for one anywhere near the start.
        ReadOnlySpan<byte> head = bytes[..Math.Min(bytes.Length, 4096)];
        return head.IndexOf("-----BEGIN "u8) >= 0;
    }

    private static X509Certificate2 LoadPem(string path, string text, string? keyPath, string? password)
    {
        if (!text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            throw new CertificateFileException(CertificateSetting.Certificate, $"{path} is PEM but holds no CERTIFICATE block");
        }

        string keyText = keyPath is null ? text : Encoding.UTF8.GetString(Read(keyPath, CertificateSetting.Key));
        CertificateSetting keySetting = keyPath is null ? CertificateSetting.Certificate : CertificateSetting.Key;
        bool encrypted = keyText.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal);
        if (!encrypted && !keyText.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new CertificateFileException(CertificateSetting.Key, keyPath is null
                ? $"{path} holds the certificate but no private key; name the key file too"
                : $"{keyPath} holds no PEM private key");
        }

        if (encrypted && password is null)
        {
            throw new CertificateFileException(CertificateSetting.Password, "the private key is encrypted, and no password is given");
        }

        if (!encrypted && password is not null)
        {
            throw new CertificateFileException(CertificateSetting.Password, "the private key is not encrypted, so it takes no password");
        }

        try
        {
            return encrypted
                ? X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath)
                : X509Certificate2.CreateFromPemFile(path, keyPath);
        }
        catch (CryptographicException e) when (encrypted)
        {
            throw new CertificateFileException(CertificateSetting.Password, "wrong password: the private key cannot be decrypted with it", e);
        }
        catch (CryptographicException e)
        {
            throw new CertificateFileException(keySetting, $"the certificate and key do not load together: {e.Message.TrimEnd('.')}", e);
        }
        catch (ArgumentException e)
        {
            throw new CertificateFileException(keySetting, $"the PEM text does not load: {e.Message.TrimEnd('.')}", e);
        }
    }

    private static X509Certificate2 LoadPkcs12(byte[] bytes, string? keyPath, string? password)
    {
        X509ContentType kind;
        try
        {
            kind = X509Certificate2.GetCertContentType(bytes);
        }
        catch (CryptographicException)
        {
            kind = X509ContentType.Unknown;
        }

        if (kind == X509ContentType.Cert)
        {
            throw new CertificateFileException(CertificateSetting.Certificate, "a certificate without its private key (DER); give a PKCS#12 (.pfx) file, or a PEM certificate and its key");
        }

        if (kind != X509ContentType.Pkcs12)
        {
            throw new CertificateFileException(CertificateSetting.Certificate, "neither PKCS#12 (.pfx, .p12) nor PEM");
        }

        if (keyPath is not null)
        {
            throw new CertificateFileException(CertificateSetting.Key, "the certificate is PKCS#12, which carries its own key; name no key file");
        }

        try
        {
            return X509CertificateLoader.LoadPkcs12(bytes, password);
        }
        catch (CryptographicException e) when (e.HResult == InvalidPassword)
        {
            throw new CertificateFileException(CertificateSetting.Password, password is null
                ? "the PKCS#12 file is protected by a password, and none is given"
                : TakesNoPassword(bytes) ? "the PKCS#12 file is not protected by a password, so it takes none" : "wrong password for the PKCS#12 file", e);
        }
        catch (CryptographicException e)
        {
            throw new CertificateFileException(CertificateSetting.Certificate, $"the PKCS#12 file does not load: {e.Message.TrimEnd('.')}", e);
        }
    }

    private static bool TakesNoPassword(byte[] bytes)
    {
        try
        {
            X509CertificateLoader.LoadPkcs12(bytes, null).Dispose();
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static void Check(X509Certificate2 certificate, CertificateSetting keySetting, DateTimeOffset now)
    {
        if (!certificate.HasPrivateKey)
        {
            throw new CertificateFileException(keySetting, "the certificate comes without its private key");
        }

        if (certificate.NotAfter.ToUniversalTime() < now.UtcDateTime)
        {
            throw new CertificateFileException(CertificateSetting.Certificate, $"the certificate expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
        }

        if (certificate.NotBefore.ToUniversalTime() > now.UtcDateTime)
        {
            throw new CertificateFileException(CertificateSetting.Certificate, $"the certificate is not valid before {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
        }

        foreach (X509Extension extension in certificate.Extensions)
        {
            if (extension is X509EnhancedKeyUsageExtension usage && usage.EnhancedKeyUsages.Count > 0 && usage.EnhancedKeyUsages[ServerAuthenticationOid] is null)
            {
                throw new CertificateFileException(CertificateSetting.Certificate, $"its extended key usage does not allow server authentication ({ServerAuthenticationOid})");
            }
        }
    }
}
