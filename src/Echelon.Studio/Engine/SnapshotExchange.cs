namespace Echelon.Studio.Engine;

/// <summary>
/// A triple buffer of <see cref="TelemetrySnapshot"/>s: the control thread fills its back buffer in place and
/// publishes it with one atomic exchange (never waiting, never allocating); readers copy the newest published one.
/// </summary>
/// <remarks>One writer thread. Readers are I/O threads and serialise among themselves with a lock the writer never takes.</remarks>
internal sealed class SnapshotExchange
{
    private const int Fresh = 4;
    private readonly TelemetrySnapshot[] _buffers;
    private readonly Lock _readers = new();
    private int _back;
    private int _middle;
    private int _front;
    private bool _published;

    public SnapshotExchange(int fastSize, int slowSize, int maxIterations)
    {
        _buffers = [new(fastSize, slowSize, maxIterations), new(fastSize, slowSize, maxIterations), new(fastSize, slowSize, maxIterations)];
        _back = 0;
        _middle = 1;
        _front = 2;
    }

    /// <summary>The buffer the writer fills next.</summary>
    public TelemetrySnapshot Back => _buffers[_back];

    /// <summary>Makes the back buffer the newest; the writer gets a fresh back buffer.</summary>
    public void Publish()
    {
        _back = Interlocked.Exchange(ref _middle, _back | Fresh) & 3;
        Volatile.Write(ref _published, true);
    }

    /// <summary>Copies the newest published snapshot into <paramref name="target"/>; false before the first.</summary>
    public bool TryRead(TelemetrySnapshot target)
    {
        if (!Volatile.Read(ref _published))
        {
            return false;
        }

        lock (_readers)
        {
            if ((Volatile.Read(ref _middle) & Fresh) != 0)
            {
                _front = Interlocked.Exchange(ref _middle, _front) & 3;
            }

            _buffers[_front].CopyTo(target);
            return true;
        }
    }
}
