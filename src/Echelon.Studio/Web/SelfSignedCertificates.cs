using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Echelon.Core.Serialization;

namespace Echelon.Studio.Web;

/// <summary>
/// The studio's own certificate, for HTTPS when the performer names none: self-signed, ECDSA P-256, a year long,
/// naming this machine's addresses and host name, optionally kept in a PKCS#12 file so that a phone that trusted it
/// once keeps trusting it after a restart.
/// </summary>
/// <remarks>Start-up only (creates keys, reads and writes a file); thread-safe.</remarks>
internal static class SelfSignedCertificates
{
    /// <summary>The common name of every certificate made here; a kept file with another subject is not overwritten.</summary>
    public const string CommonName = "Echelon studio";

    /// <summary>How long a new certificate is valid. Apple accepts at most 825 days for TLS server certificates.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(365);

    /// <summary>A kept certificate closer than this to its end is made anew, so it never expires during a set.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    /// <summary>How far a new certificate's start is set back, so a phone whose clock is a little behind still accepts it.</summary>
    private static readonly TimeSpan s_backdate = TimeSpan.FromDays(1);

    /// <summary>
    /// A new certificate for <paramref name="dnsNames"/> and <paramref name="addresses"/> (its subject alternative
    /// names), valid from a day before <paramref name="now"/> for <see cref="Validity"/>.
    /// </summary>
    public static X509Certificate2 Create(IReadOnlyCollection<string> dnsNames, IReadOnlyCollection<IPAddress> addresses, DateTimeOffset now)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(CommonName);
        subject.AddOrganizationName("Echelon");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (string name in dnsNames)
        {
            names.AddDnsName(name);
        }

        foreach (IPAddress address in addresses)
        {
            names.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(names.Build(critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(CertificateFiles.ServerAuthenticationOid)], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return CertificateFiles.Usable(request.CreateSelfSigned(now - s_backdate, now + Validity));
    }

    /// <summary>
    /// The certificate kept in <paramref name="path"/> when it is one of ours, still valid for
    /// <see cref="RenewBefore"/> and names every one of <paramref name="dnsNames"/> and <paramref name="addresses"/>;
    /// otherwise a new one, written there (owner-only on Unix). With a null <paramref name="path"/>, a new one that is
    /// kept nowhere.
    /// </summary>
    /// <exception cref="CertificateFileException">
    /// <paramref name="path"/> holds something else (it is never overwritten), or cannot be read or written.
    /// </exception>
    public static StudioCertificate LoadOrCreate(string? path, IReadOnlyCollection<string> dnsNames, IReadOnlyCollection<IPAddress> addresses, DateTimeOffset now)
    {
        if (path is null)
        {
            return new StudioCertificate(Create(dnsNames, addresses, now), isSelfSigned: true, file: null, "self-signed, made for this run only");
        }

        string? reason = null;
        if (File.Exists(path))
        {
            X509Certificate2 kept = ReadKept(path);
            reason = Stale(kept, dnsNames, addresses, now);
            if (reason is null)
            {
                return new StudioCertificate(CertificateFiles.Usable(kept), isSelfSigned: true, path, $"self-signed, kept in {path} since {kept.NotBefore.ToUniversalTime() + s_backdate:yyyy-MM-dd}");
            }

            kept.Dispose();
        }

        X509Certificate2 made = Create(dnsNames, addresses, now);
        try
        {
            Save(made, path);
        }
        catch
        {
            made.Dispose();
            throw;
        }

        return new StudioCertificate(made, isSelfSigned: true, path, reason is null
            ? $"self-signed, new, kept in {path}"
            : $"self-signed, new ({reason}), kept in {path}; phones that trusted the old one ask again");
    }

    /// <summary>Why a kept certificate must be made anew, or null when it still serves.</summary>
    public static string? Stale(X509Certificate2 kept, IReadOnlyCollection<string> dnsNames, IReadOnlyCollection<IPAddress> addresses, DateTimeOffset now)
    {
        if (kept.NotAfter.ToUniversalTime() - RenewBefore < now.UtcDateTime)
        {
            return $"the old one ends on {kept.NotAfter.ToUniversalTime():yyyy-MM-dd}";
        }

        X509SubjectAlternativeNameExtension? names = kept.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        var keptNames = new HashSet<string>(names?.EnumerateDnsNames() ?? [], StringComparer.OrdinalIgnoreCase);
        var keptAddresses = new HashSet<IPAddress>(names?.EnumerateIPAddresses() ?? []);
        string[] missing =
        [
            .. dnsNames.Where(n => !keptNames.Contains(n)),
            .. addresses.Where(a => !keptAddresses.Contains(a)).Select(a => a.ToString()),
        ];
        return missing.Length == 0 ? null : $"the old one does not name {string.Join(", ", missing)}";
    }

    private static X509Certificate2 ReadKept(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CertificateFileException(CertificateSetting.SelfSigned, $"cannot read {path}: {e.Message.TrimEnd('.')}", e);
        }

        X509Certificate2 kept;
        try
        {
            kept = X509CertificateLoader.LoadPkcs12(bytes, null);
        }
        catch (CryptographicException e)
        {
            throw new CertificateFileException(CertificateSetting.SelfSigned, $"{path} is not a certificate this studio made ({e.Message.TrimEnd('.')}); remove it, or name another file", e);
        }

        if (!kept.HasPrivateKey || kept.GetNameInfo(X509NameType.SimpleName, forIssuer: false) != CommonName || kept.Subject != kept.Issuer)
        {
            string subject = kept.Subject;
            kept.Dispose();
            throw new CertificateFileException(CertificateSetting.SelfSigned, $"{path} is not a certificate this studio made (its subject is '{subject}'); remove it, or name another file");
        }

        return kept;
    }

    /// <summary>Writes the certificate and its key as PKCS#12, readable by the owner only, replacing the old file in one step.</summary>
    private static void Save(X509Certificate2 certificate, string path)
    {
        try
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            AtomicFile.Write(path, certificate.Export(X509ContentType.Pkcs12), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CertificateFileException(CertificateSetting.SelfSigned, $"cannot write {path}: {e.Message.TrimEnd('.')}", e);
        }
    }
}
