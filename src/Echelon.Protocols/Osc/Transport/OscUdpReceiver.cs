using System.Net;
using System.Net.Sockets;

namespace Echelon.Protocols.Osc.Transport;

/// <summary>
/// Receives OSC packets as UDP datagrams (one packet per datagram, OSC 1.0) on a background thread
/// into the bounded queue of <see cref="OscReceiver"/>.
/// </summary>
/// <remarks>
/// Bind port 0 to let the system choose a free port (<see cref="OscReceiver.LocalEndPoint"/> says which).
/// The receiving thread copies each datagram once into a preallocated slot and allocates nothing per packet.
/// </remarks>
public sealed class OscUdpReceiver : OscReceiver
{
    private const int MaxDatagram = 65536;

    private readonly Socket _socket;
    private readonly Thread _thread;

    /// <summary>Listens on every IPv4 interface at <paramref name="port"/> (0 for any free port).</summary>
    /// <exception cref="SocketException">The port cannot be bound (in use, or not allowed).</exception>
    public OscUdpReceiver(int port, OscReceiverOptions? options = null)
        : this(new IPEndPoint(IPAddress.Any, port), options)
    {
    }

    /// <summary>Listens at <paramref name="localEndPoint"/>.</summary>
    /// <exception cref="SocketException">The address cannot be bound (in use, or not allowed).</exception>
    public OscUdpReceiver(IPEndPoint localEndPoint, OscReceiverOptions? options = null)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(localEndPoint);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(localEndPoint.Port, IPEndPoint.MaxPort);
        _socket = new Socket(localEndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // A deep kernel buffer absorbs bursts while the thread copies; the queue bounds what we keep.
            _socket.ReceiveBufferSize = 1 << 20;
            _socket.Bind(localEndPoint);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _thread = new Thread(Run) { IsBackground = true, Name = $"osc-udp-{LocalEndPoint.Port}" };
        _thread.Start();
    }

    /// <inheritdoc/>
    public override IPEndPoint LocalEndPoint { get; }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Closing the socket unblocks the thread's receive (the runtime shuts the socket down first).
            _socket.Dispose();
            _thread.Join();
        }
    }

    private void Run()
    {
        byte[] buffer = new byte[MaxDatagram];
        var remote = new SocketAddress(_socket.AddressFamily);
        while (!IsDisposed)
        {
            int n;
            try
            {
                n = _socket.ReceiveFrom(buffer, SocketFlags.None, remote);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (IsDisposed)
            {
                return;
            }
            catch (SocketException)
            {
                // An ICMP error from an earlier send (connection reset) or a transient failure: keep listening.
                continue;
            }

            Enqueue(buffer.AsSpan(0, n));
        }
    }
}
