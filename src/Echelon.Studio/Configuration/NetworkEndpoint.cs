using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Echelon.Studio.Configuration;

/// <summary>
/// A <c>host:port</c> to send to: an IPv4 address, a host name, or an IPv6 address in brackets
/// (<c>[::1]:57120</c>), and a port 1–65535.
/// </summary>
/// <param name="Host">The host: an IP address or a DNS name (without brackets).</param>
/// <param name="Port">The UDP port, 1–65535.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record NetworkEndpoint(string Host, int Port)
{
    /// <summary>What <see cref="TryParse"/> accepts, for error messages.</summary>
    public const string Allowed = "host:port, e.g. 127.0.0.1:57120, studio.local:9000 or [::1]:57120, port 1–65535";

    /// <summary>Parses <c>host:port</c>; false for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out NetworkEndpoint? endpoint)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string host;
        string port;
        if (text.StartsWith('['))
        {
            int close = text.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = text[1..close];
            port = text[(close + 2)..];
            if (!IPAddress.TryParse(host, out IPAddress? v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                return false;
            }
        }
        else
        {
            int colon = text.LastIndexOf(':');
            if (colon <= 0 || text.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                return false;
            }

            host = text[..colon];
            port = text[(colon + 1)..];
            if (!IPAddress.TryParse(host, out _) && Uri.CheckHostName(host) != UriHostNameType.Dns)
            {
                return false;
            }
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number is < 1 or > 65535)
        {
            return false;
        }

        endpoint = new NetworkEndpoint(host, number);
        return true;
    }

    /// <summary><c>host:port</c>, with an IPv6 host in brackets.</summary>
    public override string ToString() =>
        (Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host) + ":" + Port.ToString(CultureInfo.InvariantCulture);
}
