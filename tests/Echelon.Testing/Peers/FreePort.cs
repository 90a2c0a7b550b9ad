using System.Net;
using System.Net.Sockets;

namespace Echelon.Testing.Peers;

/// <summary>
/// A port nobody is using now, for a peer program that must be told its port (such as <c>oscdump</c>).
/// The system picks it; another process could still take it before the peer binds, so a test retries
/// with a fresh port when the peer cannot bind.
/// </summary>
public static class FreePort
{
    /// <summary>A free UDP port on the loopback interface.</summary>
    public static int Udp()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>A free TCP port on the loopback interface.</summary>
    public static int Tcp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
