namespace Echelon.Studio.Web;

/// <summary>
/// Whether the web host speaks HTTPS (<c>server.https</c>). Browsers give motion sensors only to secure contexts, so a
/// phone on the network needs HTTPS to pair; a browser on this machine does not (design note 0016).
/// </summary>
public enum HttpsMode
{
    /// <summary>HTTPS when the host listens beyond loopback or a certificate is named; plain HTTP on loopback otherwise.</summary>
    Auto,

    /// <summary>Always HTTPS, on loopback too.</summary>
    On,

    /// <summary>Always plain HTTP (behind a TLS tunnel or proxy, for example); phones on the network get no motion sensors.</summary>
    Off,
}
