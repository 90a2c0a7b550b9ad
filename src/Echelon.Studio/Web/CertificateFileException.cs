namespace Echelon.Studio.Web;

/// <summary>
/// A certificate file that cannot serve HTTPS: missing, unreadable, the wrong kind, without its key, a wrong
/// password, expired, or not for servers. <see cref="Setting"/> says which setting to fix; the message says why,
/// without the password.
/// </summary>
internal sealed class CertificateFileException : Exception
{
    public CertificateFileException(CertificateSetting setting, string message, Exception? inner = null)
        : base(message, inner)
    {
        Setting = setting;
    }

    /// <summary>The setting to fix.</summary>
    public CertificateSetting Setting { get; }
}
