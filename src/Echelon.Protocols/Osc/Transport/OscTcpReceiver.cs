using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Echelon.Protocols.Osc.Transport;

/// <summary>
/// Accepts TCP connections and receives OSC packets framed as OSC 1.0 asks of stream transports (a
/// big-endian int32 size before each packet), into the bounded queue of <see cref="OscReceiver"/>.
/// Works with liblo's <c>osc.tcp://</c> senders.
/// </summary>
/// <remarks>
/// Each connection is read by its own task with its own <see cref="OscTcpFrameDecoder"/>. A frame larger
/// than <see cref="OscReceiverOptions.MaxPacketSize"/> is skipped and counted as oversize; a negative
/// size closes that connection (<see cref="FramingErrorCount"/>).
/// </remarks>
public sealed class OscTcpReceiver : OscReceiver
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, Task> _connections = new();
    private readonly Task _accepting;
    private long _accepted;
    private long _framingErrors;

    /// <summary>Listens on every IPv4 interface at <paramref name="port"/> (0 for any free port).</summary>
    /// <exception cref="SocketException">The port cannot be bound.</exception>
    public OscTcpReceiver(int port, OscReceiverOptions? options = null)
        : this(new IPEndPoint(IPAddress.Any, port), options)
    {
    }

    /// <summary>Listens at <paramref name="localEndPoint"/>.</summary>
    /// <exception cref="SocketException">The address cannot be bound.</exception>
    public OscTcpReceiver(IPEndPoint localEndPoint, OscReceiverOptions? options = null)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(localEndPoint);
        _listener = new Socket(localEndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _listener.Bind(localEndPoint);
            _listener.Listen(16);
        }
        catch
        {
            _listener.Dispose();
            throw;
        }

        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        _accepting = Task.Run(AcceptLoopAsync);
    }

    /// <inheritdoc/>
    public override IPEndPoint LocalEndPoint { get; }

    /// <summary>Connections accepted so far.</summary>
    public long ConnectionCount => Interlocked.Read(ref _accepted);

    /// <summary>Connections closed because a frame size was negative.</summary>
    public long FramingErrorCount => Interlocked.Read(ref _framingErrors);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        _stop.Cancel();
        _listener.Dispose();
        foreach (Socket s in _connections.Keys)
        {
            s.Dispose();
        }

        try
        {
            Task.WaitAll([_accepting, .. _connections.Values]);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException or SocketException or ObjectDisposedException))
        {
            // Expected: the loops end by cancellation or because their sockets were closed under them.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _connections[connection] = Task.Run(() => ReadLoopAsync(connection));
        }
    }

    private async Task ReadLoopAsync(Socket connection)
    {
        var decoder = new OscTcpFrameDecoder(Options.MaxPacketSize);
        byte[] buffer = new byte[16384];
        long oversizeSeen = 0;
        Action<ReadOnlySpan<byte>> enqueue = frame => Enqueue(frame);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                int n = await connection.ReceiveAsync(buffer, SocketFlags.None, _stop.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    return;
                }

                bool ok = decoder.Feed(buffer.AsSpan(0, n), enqueue);
                for (; oversizeSeen < decoder.OversizeFrames; oversizeSeen++)
                {
                    CountOversize();
                }

                if (!ok)
                {
                    Interlocked.Increment(ref _framingErrors);
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The peer went away or we are stopping.
        }
        finally
        {
            _connections.TryRemove(connection, out _);
            connection.Dispose();
        }
    }
}
