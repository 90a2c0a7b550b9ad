using System.Net;
using System.Net.Sockets;

namespace Echelon.Protocols.Osc.Transport;

/// <summary>Sends OSC packets as UDP datagrams to one destination.</summary>
/// <remarks>
/// One thread at a time. Sending bytes allocates nothing; sending an <see cref="OscPacket"/> encodes
/// it into a buffer the sender keeps. UDP gives no delivery guarantee: a packet to a port nobody
/// listens on is silently lost.
/// </remarks>
public sealed class OscUdpSender : IDisposable
{
    /// <summary>The largest UDP payload over IPv4.</summary>
    public const int MaxPacketSize = 65507;

    private readonly Socket _socket;
    private readonly SocketAddress _remote;
    private byte[] _buffer = new byte[1024];
    private long _sent;

    /// <summary>A sender to <paramref name="remote"/>.</summary>
    public OscUdpSender(IPEndPoint remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        RemoteEndPoint = remote;
        _remote = remote.Serialize();
        _socket = new Socket(remote.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
    }

    /// <summary>A sender to <paramref name="host"/>:<paramref name="port"/> (a name is resolved now, IPv4 preferred).</summary>
    /// <exception cref="SocketException">The name does not resolve.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The port is not 1–65535.</exception>
    public OscUdpSender(string host, int port)
        : this(OscEndPoints.Resolve(host, port))
    {
    }

    /// <summary>Where packets go.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>Packets sent.</summary>
    public long SentCount => Interlocked.Read(ref _sent);

    /// <summary>Sends one packet's bytes as one datagram.</summary>
    /// <exception cref="ArgumentException">Larger than <see cref="MaxPacketSize"/>.</exception>
    /// <exception cref="SocketException">The network refused it.</exception>
    public void Send(ReadOnlySpan<byte> packet)
    {
        if (packet.Length > MaxPacketSize)
        {
            throw new ArgumentException($"a UDP datagram holds at most {MaxPacketSize} bytes; the packet has {packet.Length}.", nameof(packet));
        }

        _socket.SendTo(packet, SocketFlags.None, _remote);
        Interlocked.Increment(ref _sent);
    }

    /// <summary>Encodes and sends one packet.</summary>
    /// <exception cref="ArgumentException">Larger than <see cref="MaxPacketSize"/> once encoded.</exception>
    /// <exception cref="SocketException">The network refused it.</exception>
    public void Send(OscPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        int size = packet.GetEncodedSize();
        if (size > _buffer.Length)
        {
            _buffer = new byte[Math.Max(size, _buffer.Length * 2)];
        }

        Send(_buffer.AsSpan(0, packet.WriteTo(_buffer)));
    }

    /// <summary>Closes the socket.</summary>
    public void Dispose() => _socket.Dispose();
}
