using System.Net;
using System.Net.Sockets;

namespace Echelon.Protocols.Osc.Transport;

/// <summary>
/// Sends OSC packets over one TCP connection with OSC 1.0's stream framing (a big-endian int32 size
/// before each packet), as liblo's <c>osc.tcp://</c> URLs expect.
/// </summary>
/// <remarks>One thread at a time. Nagle's delay is off, so each packet leaves as it is sent.</remarks>
public sealed class OscTcpSender : IDisposable
{
    private readonly Socket _socket;
    private byte[] _buffer = new byte[1024];
    private long _sent;

    /// <summary>Connects to <paramref name="remote"/>.</summary>
    /// <exception cref="SocketException">The connection was refused or timed out.</exception>
    public OscTcpSender(IPEndPoint remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        _socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            _socket.Connect(remote);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        RemoteEndPoint = remote;
    }

    /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/> (IPv4 preferred).</summary>
    /// <exception cref="SocketException">The name does not resolve, or the connection was refused.</exception>
    public OscTcpSender(string host, int port)
        : this(OscEndPoints.Resolve(host, port))
    {
    }

    /// <summary>Where packets go.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>Packets sent.</summary>
    public long SentCount => Interlocked.Read(ref _sent);

    /// <summary>Sends one packet, framed.</summary>
    /// <exception cref="SocketException">The connection failed.</exception>
    public void Send(ReadOnlySpan<byte> packet)
    {
        Ensure(OscTcpFrameDecoder.HeaderSize + packet.Length);
        OscTcpFrameDecoder.WriteHeader(_buffer, packet.Length);
        packet.CopyTo(_buffer.AsSpan(OscTcpFrameDecoder.HeaderSize));
        SendAll(_buffer.AsSpan(0, OscTcpFrameDecoder.HeaderSize + packet.Length));
    }

    /// <summary>Encodes and sends one packet, framed.</summary>
    /// <exception cref="SocketException">The connection failed.</exception>
    public void Send(OscPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        int size = packet.GetEncodedSize();
        Ensure(OscTcpFrameDecoder.HeaderSize + size);
        OscTcpFrameDecoder.WriteHeader(_buffer, size);
        packet.WriteTo(_buffer.AsSpan(OscTcpFrameDecoder.HeaderSize));
        SendAll(_buffer.AsSpan(0, OscTcpFrameDecoder.HeaderSize + size));
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer; closing is all that is left.
        }

        _socket.Dispose();
    }

    private void Ensure(int size)
    {
        if (size > _buffer.Length)
        {
            _buffer = new byte[Math.Max(size, _buffer.Length * 2)];
        }
    }

    private void SendAll(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            bytes = bytes[_socket.Send(bytes, SocketFlags.None)..];
        }

        Interlocked.Increment(ref _sent);
    }
}
