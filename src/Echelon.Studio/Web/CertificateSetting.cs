namespace Echelon.Studio.Web;

/// <summary>Which certificate setting a <see cref="CertificateFileException"/> is about.</summary>
internal enum CertificateSetting
{
    /// <summary>The certificate file (PKCS#12 or PEM).</summary>
    Certificate,

    /// <summary>The PEM private key file.</summary>
    Key,

    /// <summary>The password of the PKCS#12 file or of the encrypted PEM key.</summary>
    Password,

    /// <summary>The file the generated self-signed certificate is kept in.</summary>
    SelfSigned,
}
