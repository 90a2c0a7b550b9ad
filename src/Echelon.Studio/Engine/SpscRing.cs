namespace Echelon.Studio.Engine;

/// <summary>
/// A bounded single-producer single-consumer ring (power-of-two capacity): the producer publishes its write index
/// with <see cref="Volatile"/> and the consumer its read index, so neither side locks, waits or allocates. Full
/// means the write fails and the caller counts a drop.
/// </summary>
/// <remarks>One producer thread and one consumer thread at a time (several producers must serialise among themselves).</remarks>
internal sealed class SpscRing<T>
{
    private readonly T[] _items;
    private readonly int _mask;
    private long _head;
    private long _tail;

    public SpscRing(int capacity)
    {
        if (capacity < 2 || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "a ring's capacity must be a power of two, 2 or more");
        }

        _items = new T[capacity];
        _mask = capacity - 1;
    }

    public int Capacity => _items.Length;

    public int Count => (int)(Volatile.Read(ref _tail) - Volatile.Read(ref _head));

    public bool TryWrite(T item)
    {
        long tail = _tail;
        if (tail - Volatile.Read(ref _head) > _mask)
        {
            return false;
        }

        _items[tail & _mask] = item;
        Volatile.Write(ref _tail, tail + 1);
        return true;
    }

    public bool TryPeek(out T item)
    {
        long head = _head;
        if (head == Volatile.Read(ref _tail))
        {
            item = default!;
            return false;
        }

        item = _items[head & _mask];
        return true;
    }

    public void Advance()
    {
        long head = _head;
        _items[head & _mask] = default!;
        Volatile.Write(ref _head, head + 1);
    }

    public bool TryRead(out T item)
    {
        if (!TryPeek(out item))
        {
            return false;
        }

        Advance();
        return true;
    }
}
