using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Echelon.Protocols.Osc.Transport;

/// <summary>Turns what people type (<c>localhost:9000</c>, <c>192.168.1.5:8000</c>, <c>[::1]:57120</c>) into endpoints.</summary>
public static class OscEndPoints
{
    /// <summary>Resolves <paramref name="host"/> (an address or a name; IPv4 preferred, as liblo's tools listen on IPv4).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The port is not 1–65535.</exception>
    /// <exception cref="SocketException">The name does not resolve.</exception>
    public static IPEndPoint Resolve(string host, int port)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        if (port is < 1 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "a port is 1–65535.");
        }

        if (IPAddress.TryParse(host, out IPAddress? address))
        {
            return new IPEndPoint(address, port);
        }

        IPAddress[] addresses = Dns.GetHostAddresses(host);
        IPAddress chosen = Array.Find(addresses, a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? (addresses.Length > 0 ? addresses[0] : throw new SocketException((int)SocketError.HostNotFound));
        return new IPEndPoint(chosen, port);
    }

    /// <summary>
    /// Splits <c>HOST:PORT</c> (IPv6 in brackets: <c>[::1]:9000</c>) without resolving; false with a
    /// reason naming what is allowed when it is not that form or the port is not 1–65535.
    /// </summary>
    public static bool TrySplit(string? text, [NotNullWhen(true)] out string? host, out int port, [NotNullWhen(false)] out string? problem)
    {
        host = null;
        port = 0;
        int colon = text?.LastIndexOf(':') ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1)
        {
            problem = $"'{text}' is not HOST:PORT; e.g. localhost:9000, 192.168.1.5:8000 or [::1]:57120.";
            return false;
        }

        string h = text[..colon];
        if (h.StartsWith('[') && h.EndsWith(']'))
        {
            h = h[1..^1];
        }
        else if (h.Contains(':', StringComparison.Ordinal))
        {
            problem = $"'{text}' has an IPv6 address without brackets; write [ADDRESS]:PORT, e.g. [::1]:57120.";
            return false;
        }

        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int p) || p is < 1 or > IPEndPoint.MaxPort)
        {
            problem = $"port '{text[(colon + 1)..]}' is not a port; allowed 1–65535.";
            return false;
        }

        host = h;
        port = p;
        problem = null;
        return true;
    }
}
