using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Echelon.Motion.Frames;

namespace Echelon.Motion.Clock;

/// <summary>
/// Puts frames whose aligned <see cref="SensorFrame.HostTimeNs"/> arrive slightly out of order back
/// in order: each frame is held for a window, then released in time order (ties in arrival order).
/// </summary>
/// <remarks>
/// <para>
/// Frames wait in a binary min-heap keyed by (host time, arrival number) over an array sized at
/// construction. <see cref="TryPop"/> releases the earliest frame once its time is at or before
/// now − window. A frame earlier than the last one released can no longer be put in order: it is
/// rejected and counted in <see cref="RejectedLate"/>. Released frames therefore never go back in time.
/// </para>
/// <para>
/// The buffer never blocks and never grows. When a push finds it full, the earliest frame, the new
/// one included, is released early (<see cref="ForcedReleases"/>): it moves to a ready queue of the same capacity that
/// <see cref="TryPop"/> drains first, whatever the time. Only a caller that pushes more than twice the
/// capacity without popping overflows that queue; the earliest ready frame is then dropped and
/// counted in <see cref="Dropped"/>.
/// </para>
/// <para>Single owner; not thread-safe. Pushing and popping allocate nothing.</para>
/// </remarks>
public sealed class ReorderBuffer
{
    /// <summary>Default hold window: 50 ms, five frames at 100 Hz, above the jitter of a good Wi-Fi link.</summary>
    public const long DefaultWindowNs = 50_000_000L;

    /// <summary>Default capacity: 1024 frames, about 1 s of a 1 kHz IMU.</summary>
    public const int DefaultCapacity = 1024;

    /// <summary>Largest capacity accepted.</summary>
    public const int MaxCapacity = 1 << 20;

    private readonly Entry[] _heap;
    private readonly SensorFrame?[] _ready;
    private int _heapCount;
    private int _readyHead;
    private int _readyCount;
    private long _nextSequence;
    private long _lastReleasedNs = long.MinValue;
    private long _flushHorizonNs = long.MinValue;
    private long _rejectedLate;
    private long _forcedReleases;
    private long _dropped;

    /// <summary>Creates a buffer that holds frames for <paramref name="windowNs"/> and at most <paramref name="capacity"/> of them.</summary>
    public ReorderBuffer(long windowNs = DefaultWindowNs, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(windowNs);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, MaxCapacity);
        WindowNs = windowNs;
        _heap = new Entry[capacity];
        _ready = new SensorFrame?[capacity];
    }

    /// <summary>How long a frame is held, ns.</summary>
    public long WindowNs { get; }

    /// <summary>Most frames held waiting (the ready queue has the same capacity again).</summary>
    public int Capacity => _heap.Length;

    /// <summary>Frames held, waiting or ready.</summary>
    public int Count => _heapCount + _readyCount;

    /// <summary>Host time of the last frame released, or <see cref="long.MinValue"/> before the first.</summary>
    public long LastReleasedNs => _lastReleasedNs;

    /// <summary>Frames rejected because they were earlier than a frame already released.</summary>
    public long RejectedLate => _rejectedLate;

    /// <summary>Frames released before their window ended because the buffer was full.</summary>
    public long ForcedReleases => _forcedReleases;

    /// <summary>Released frames dropped because the caller did not pop them (ready queue full).</summary>
    public long Dropped => _dropped;

    /// <summary>
    /// Adds a frame. Returns false, and counts it in <see cref="RejectedLate"/>, when it is earlier
    /// than the last frame released.
    /// </summary>
    public bool TryPush(SensorFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        long time = frame.HostTimeNs;
        if (time < _lastReleasedNs)
        {
            _rejectedLate++;
            return false;
        }

        var entry = new Entry(frame, time, _nextSequence++);
        if (_heapCount == _heap.Length)
        {
            if (Before(entry, _heap[0]))
            {
                // The new frame is itself the earliest: it is the one released early.
                Release(frame, time);
                return true;
            }

            long earliestNs = _heap[0].TimeNs;
            Release(RemoveEarliest(), earliestNs);
        }

        // Sift up from the new leaf.
        int i = _heapCount++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Before(entry, _heap[parent]))
            {
                break;
            }

            _heap[i] = _heap[parent];
            i = parent;
        }

        _heap[i] = entry;
        return true;
    }

    /// <summary>
    /// Releases the next frame: first any released early, then the earliest waiting frame when its
    /// time is at or before <paramref name="nowHostNs"/> − <see cref="WindowNs"/> (or before the
    /// horizon of the last <see cref="Flush"/>).
    /// </summary>
    public bool TryPop(long nowHostNs, [NotNullWhen(true)] out SensorFrame? frame)
    {
        if (_readyCount > 0)
        {
            frame = _ready[_readyHead]!;
            _ready[_readyHead] = null;
            _readyHead = _readyHead + 1 == _ready.Length ? 0 : _readyHead + 1;
            _readyCount--;
            return true;
        }

        long horizon = nowHostNs < long.MinValue + WindowNs ? long.MinValue : nowHostNs - WindowNs;
        if (_flushHorizonNs > horizon)
        {
            horizon = _flushHorizonNs;
        }

        if (_heapCount > 0 && _heap[0].TimeNs <= horizon)
        {
            frame = RemoveEarliest();
            return true;
        }

        frame = null;
        return false;
    }

    /// <summary>
    /// End of stream: every frame held now becomes releasable at once, in order, through
    /// <see cref="TryPop"/>. Frames pushed afterwards wait their window as usual, except those no
    /// later than the last frame flushed, which are released at once too.
    /// </summary>
    public void Flush()
    {
        for (int i = 0; i < _heapCount; i++)
        {
            if (_heap[i].TimeNs > _flushHorizonNs)
            {
                _flushHorizonNs = _heap[i].TimeNs;
            }
        }
    }

    private static bool Before(in Entry a, in Entry b) =>
        a.TimeNs < b.TimeNs || (a.TimeNs == b.TimeNs && a.Sequence < b.Sequence);

    /// <summary>Queues a frame released before its window ended; its time becomes the release horizon.</summary>
    private void Release(SensorFrame frame, long timeNs)
    {
        _lastReleasedNs = timeNs;
        _forcedReleases++;
        if (_readyCount == _ready.Length)
        {
            _ready[_readyHead] = null;
            _readyHead = _readyHead + 1 == _ready.Length ? 0 : _readyHead + 1;
            _readyCount--;
            _dropped++;
        }

        int tail = _readyHead + _readyCount;
        if (tail >= _ready.Length)
        {
            tail -= _ready.Length;
        }

        _ready[tail] = frame;
        _readyCount++;
    }

    /// <summary>Takes the heap's root, marks its time released and restores the heap.</summary>
    private SensorFrame RemoveEarliest()
    {
        Debug.Assert(_heapCount > 0, "caller checks the heap is not empty");
        SensorFrame earliest = _heap[0].Frame;
        _lastReleasedNs = _heap[0].TimeNs;
        int last = --_heapCount;
        Entry moved = _heap[last];
        _heap[last] = default;
        if (last > 0)
        {
            // Sift the former last leaf down from the root.
            int i = 0;
            while (true)
            {
                int child = (2 * i) + 1;
                if (child >= last)
                {
                    break;
                }

                if (child + 1 < last && Before(_heap[child + 1], _heap[child]))
                {
                    child++;
                }

                if (!Before(_heap[child], moved))
                {
                    break;
                }

                _heap[i] = _heap[child];
                i = child;
            }

            _heap[i] = moved;
        }

        return earliest;
    }

    private readonly record struct Entry(SensorFrame Frame, long TimeNs, long Sequence);
}
