using System.Security.Cryptography.X509Certificates;

namespace Echelon.Studio.Web;

/// <summary>
/// The certificate the web host serves HTTPS with, and what the performer needs to know about it: its SHA-256
/// fingerprint (what a phone shows when it asks whether to trust a self-signed certificate), the names it is
/// for, and where it came from.
/// </summary>
/// <remarks>Immutable; thread-safe. The host that made it disposes <see cref="Certificate"/> when it is disposed.</remarks>
public sealed class StudioCertificate
{
    internal StudioCertificate(X509Certificate2 certificate, bool isSelfSigned, string? file, string origin)
    {
        Certificate = certificate;
        IsSelfSigned = isSelfSigned;
        File = file;
        Origin = origin;
        Sha256Fingerprint = CertificateFiles.Fingerprint(certificate);
        X509SubjectAlternativeNameExtension? names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        Names = names is null
            ? [certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false)]
            : [.. names.EnumerateDnsNames(), .. names.EnumerateIPAddresses().Select(a => a.ToString())];
    }

    /// <summary>The certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The SHA-256 of the certificate as browsers show it: 32 upper-case hex pairs joined by colons.</summary>
    public string Sha256Fingerprint { get; }

    /// <summary>True when the studio made the certificate itself (browsers ask once before trusting it).</summary>
    public bool IsSelfSigned { get; }

    /// <summary>The file it was read from or is kept in; null when it was made for this run only or handed over in code.</summary>
    public string? File { get; }

    /// <summary>The host names and addresses it is for (its subject alternative names, or its common name without them).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Where it came from, in words: <c>self-signed, kept in …</c>, <c>from …</c>.</summary>
    public string Origin { get; }

    /// <summary>When it stops being valid.</summary>
    public DateTimeOffset NotAfter => Certificate.NotAfter.ToUniversalTime();
}
