namespace Echelon.Studio.Listening;

/// <summary>
/// A single-writer, single-reader slot that always hands the reader the newest value: a triple buffer. The
/// writer fills its own buffer and swaps it into the middle; the reader swaps the middle out when it holds
/// something new. Neither side waits, retries or allocates, and older values the reader never took are simply
/// overwritten, which is what a control loop wants from a sensor that reports faster than it reads.
/// </summary>
/// <remarks>
/// Each swap is one <see cref="Interlocked.Exchange(ref int, int)"/>, a full fence: the writer's stores to its
/// buffer are visible before the buffer is in the middle, and the reader's loads from the buffer it took happen
/// after it took it. Threading: <see cref="Publish"/> from one thread, <see cref="TryTake"/> and
/// <see cref="Current"/> from one (other) thread.
/// </remarks>
internal sealed class LatestValue<T>
    where T : unmanaged
{
    private const int Fresh = 4;
    private const int IndexMask = 3;

    private readonly T[] _buffers = new T[3];
    private int _back;
    private int _middle = 1;
    private int _front = 2;
    private bool _hasValue;

    /// <summary>The value the reader took last (default until the first <see cref="TryTake"/> that returned true). Reader side.</summary>
    public T Current => _buffers[_front];

    /// <summary>True once the reader has taken a value. Reader side.</summary>
    public bool HasValue => _hasValue;

    /// <summary>Makes <paramref name="value"/> the newest. Writer side; wait-free.</summary>
    public void Publish(in T value)
    {
        _buffers[_back] = value;
        _back = Interlocked.Exchange(ref _middle, _back | Fresh) & IndexMask;
    }

    /// <summary>
    /// Takes the newest value when one was published since the last take; otherwise leaves <see cref="Current"/>
    /// as it was and returns false. Reader side; wait-free.
    /// </summary>
    public bool TryTake(out T value)
    {
        if ((Volatile.Read(ref _middle) & Fresh) == 0)
        {
            value = _buffers[_front];
            return false;
        }

        _front = Interlocked.Exchange(ref _middle, _front) & IndexMask;
        _hasValue = true;
        value = _buffers[_front];
        return true;
    }
}
