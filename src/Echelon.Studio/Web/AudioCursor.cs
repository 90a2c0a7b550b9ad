namespace Echelon.Studio.Web;

/// <summary>
/// One listener's place in an <see cref="AudioBroadcast"/>: reads the frames it has not sent yet into
/// <see cref="PcmPacket"/>s. When the writer has lapped it (the listener fell more than the ring behind), it jumps
/// to the newest frames, counts the frames it lost as a gap, and flags the next packet as a discontinuity.
/// </summary>
/// <remarks>
/// Threading: one reader (the listener's sender task); the writer may write concurrently. Never blocks the writer.
/// Dispose to give the listener's place back (<see cref="AudioBroadcast.Readers"/>).
/// </remarks>
public sealed class AudioCursor : IDisposable
{
    private readonly AudioBroadcast _broadcast;
    private long _next;
    private bool _discontinuity;
    private int _disposed;

    internal AudioCursor(AudioBroadcast broadcast, long start)
    {
        _broadcast = broadcast;
        _next = start;
    }

    /// <summary>Sequence number of the next frame this cursor will read.</summary>
    public long Position => _next;

    /// <summary>Times this cursor fell a ring behind and skipped ahead.</summary>
    public long Gaps { get; private set; }

    /// <summary>Frames this cursor skipped.</summary>
    public long GapFrames { get; private set; }

    /// <summary>Frames written but not read yet by this cursor (0 when it is at the newest).</summary>
    public long Pending => Math.Max(0, _broadcast.FramesWritten - _next);

    /// <summary>
    /// Writes the next packet (header and as many pending frames as fit, up to <see cref="PcmPacket.MaxFrames"/>)
    /// into <paramref name="destination"/>; false when no frame is pending.
    /// </summary>
    /// <param name="destination">Room for the header and at least one frame.</param>
    /// <param name="bytesWritten">The packet's length.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> cannot hold the header and one frame.</exception>
    /// <exception cref="ObjectDisposedException">The cursor was disposed.</exception>
    public bool TryReadPacket(Span<byte> destination, out int bytesWritten)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        int frameBytes = AudioBroadcast.Channels * sizeof(short);
        int room = Math.Min((destination.Length - PcmPacket.HeaderBytes) / frameBytes, PcmPacket.MaxFrames);
        if (room < 1)
        {
            throw new ArgumentException($"a packet needs at least {PcmPacket.SizeOf(1, AudioBroadcast.Channels)} bytes; got {destination.Length}.", nameof(destination));
        }

        // Two passes at most in practice: a copy the writer overtook is discarded as a gap and read again from the newest.
        for (int attempt = 0; attempt < 4; attempt++)
        {
            long written = _broadcast.FramesWritten;
            if (_next < _broadcast.OldestIntactFrame)
            {
                SkipToNewest(written, room);
            }

            long pending = written - _next;
            if (pending <= 0)
            {
                bytesWritten = 0;
                return false;
            }

            int frames = (int)Math.Min(pending, room);
            long first = _next;
            _broadcast.CopyFrames(first, frames, destination[PcmPacket.HeaderBytes..]);
            if (first < _broadcast.OldestIntactFrame)
            {
                // The writer reached these slots while we copied them: the copy may mix old and new frames.
                continue;
            }

            PcmPacket.WriteHeader(destination, new PcmPacketHeader(first, _broadcast.SampleRate, AudioBroadcast.Channels, frames, _discontinuity));
            _discontinuity = false;
            _next = first + frames;
            bytesWritten = PcmPacket.SizeOf(frames, AudioBroadcast.Channels);
            return true;
        }

        bytesWritten = 0;
        return false;
    }

    /// <summary>Gives the listener's place back. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _broadcast.ReaderClosed();
        }
    }

    private void SkipToNewest(long written, int room)
    {
        // Resume one packet (at most half a ring) before the newest frame, so the listener gets sound at once.
        long resume = Math.Max(_next, written - Math.Min(room, _broadcast.CapacityFrames / 2));
        long lost = resume - _next;
        if (lost <= 0)
        {
            return;
        }

        Gaps++;
        GapFrames += lost;
        _broadcast.CountGap(lost);
        _discontinuity = true;
        _next = resume;
    }
}
