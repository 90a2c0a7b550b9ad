using System.Net;

namespace Echelon.Protocols.Osc.Transport;

/// <summary>
/// What every OSC receiver shares: an I/O thread puts whole packets into a bounded queue; the reader
/// takes them out with <see cref="TryRead"/>, <see cref="WaitToRead"/> or <see cref="DispatchPending"/>.
/// A full queue drops the new packet and counts it (<see cref="DroppedCount"/>), a packet larger than
/// <see cref="OscReceiverOptions.MaxPacketSize"/> is dropped and counted (<see cref="OversizeCount"/>):
/// the network never blocks the reader and the reader never blocks the network.
/// </summary>
/// <remarks>
/// Threading: one reader thread at a time (the control thread, say); reading allocates nothing and
/// takes no lock. The counters can be read from any thread. <see cref="Dispose()"/> stops the I/O
/// work and waits for it; packets still queued are discarded.
/// </remarks>
public abstract class OscReceiver : IDisposable
{
    private readonly PacketRing _ring;
    private readonly object _producerGate = new();
    private readonly ManualResetEventSlim _available = new(false);
    private long _received;
    private long _dropped;
    private long _oversize;
    private int _disposed;

    private protected OscReceiver(OscReceiverOptions? options)
    {
        Options = options ?? new OscReceiverOptions();
        _ring = new PacketRing(Options.Capacity, Options.MaxPacketSize);
    }

    /// <summary>The queue's size limits.</summary>
    public OscReceiverOptions Options { get; }

    /// <summary>The address and port listened on (the port the system chose when 0 was asked for).</summary>
    public abstract IPEndPoint LocalEndPoint { get; }

    /// <summary>Packets that arrived, including those dropped.</summary>
    public long ReceivedCount => Interlocked.Read(ref _received);

    /// <summary>Packets dropped because the queue was full.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Packets dropped because they were larger than <see cref="OscReceiverOptions.MaxPacketSize"/>.</summary>
    public long OversizeCount => Interlocked.Read(ref _oversize);

    /// <summary>Packets waiting in the queue.</summary>
    public int PendingCount => _ring.Count;

    /// <summary>True once disposed.</summary>
    protected bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Takes the oldest packet, copying it into <paramref name="destination"/>; false when none is waiting.</summary>
    /// <exception cref="OscBufferTooSmallException">The packet is longer than <paramref name="destination"/>; it stays queued.</exception>
    public bool TryRead(Span<byte> destination, out int length)
    {
        if (!_ring.TryPeek(out ReadOnlySpan<byte> packet))
        {
            length = 0;
            return false;
        }

        if (packet.Length > destination.Length)
        {
            throw new OscBufferTooSmallException(packet.Length, destination.Length);
        }

        packet.CopyTo(destination);
        length = packet.Length;
        _ring.Advance();
        return true;
    }

    /// <summary>Waits until a packet is queued; false when <paramref name="timeout"/> passes first.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The receiver was disposed.</exception>
    public bool WaitToRead(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (_ring.Count > 0)
        {
            return true;
        }

        // Reset, then look again: a packet queued between the two looks has set the event after the reset.
        _available.Reset();
        if (_ring.Count > 0)
        {
            return true;
        }

        _available.Wait(timeout, cancellationToken);
        return _ring.Count > 0;
    }

    /// <summary>
    /// Dispatches up to <paramref name="maxPackets"/> queued packets through <paramref name="dispatcher"/>,
    /// in place and without allocating; malformed packets are counted by the dispatcher. Returns the packets taken.
    /// </summary>
    public int DispatchPending(OscDispatcher dispatcher, int maxPackets = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        int taken = 0;
        while (taken < maxPackets && _ring.TryPeek(out ReadOnlySpan<byte> packet))
        {
            try
            {
                dispatcher.TryDispatch(packet, out _);
            }
            finally
            {
                _ring.Advance();
            }

            taken++;
        }

        return taken;
    }

    /// <summary>Stops receiving and releases the socket(s).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Dispose(true);
            _available.Set();
            _available.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Stops the I/O work and waits for it.</summary>
    protected abstract void Dispose(bool disposing);

    /// <summary>Queues a packet from the I/O side; counts it, and counts it again when it is dropped. Thread-safe.</summary>
    private protected bool Enqueue(ReadOnlySpan<byte> packet)
    {
        bool queued = false;
        lock (_producerGate)
        {
            if (packet.Length > _ring.SlotSize)
            {
                Interlocked.Increment(ref _oversize);
            }
            else if (_ring.TryWrite(packet))
            {
                queued = true;
            }
            else
            {
                Interlocked.Increment(ref _dropped);
            }

            // Counted last: a reader that sees the count also sees the packet (and its drop count) it counts.
            Interlocked.Increment(ref _received);
        }

        if (queued && !IsDisposed)
        {
            _available.Set();
        }

        return queued;
    }

    /// <summary>Counts a packet dropped for its size before it was read whole (a TCP frame that is skipped).</summary>
    private protected void CountOversize()
    {
        lock (_producerGate)
        {
            Interlocked.Increment(ref _oversize);
            Interlocked.Increment(ref _received);
        }
    }
}
