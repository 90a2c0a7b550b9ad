using System.Diagnostics;

namespace Echelon.Protocols.Osc.Transport;

/// <summary>
/// A bounded single-consumer ring of packets in preallocated slots (power-of-two count, fixed slot
/// size): the producer copies a packet in, the consumer reads it in place and advances. Positions
/// are published with <see cref="Volatile"/> so neither side locks; producers serialise among
/// themselves (the receivers hold a lock around <see cref="TryWrite"/>). Full means the write fails
/// and the caller counts a drop; nothing ever blocks.
/// </summary>
internal sealed class PacketRing
{
    private readonly byte[] _slab;
    private readonly int[] _lengths;
    private readonly int _slotSize;
    private readonly int _mask;
    private long _head;
    private long _tail;

    public PacketRing(int capacity, int slotSize)
    {
        Debug.Assert(capacity > 0 && (capacity & (capacity - 1)) == 0, "capacity is a power of two");
        _slab = new byte[checked(capacity * slotSize)];
        _lengths = new int[capacity];
        _slotSize = slotSize;
        _mask = capacity - 1;
    }

    public int Capacity => _mask + 1;

    public int SlotSize => _slotSize;

    public int Count => (int)(Volatile.Read(ref _tail) - Volatile.Read(ref _head));

    /// <summary>Copies <paramref name="packet"/> (at most <see cref="SlotSize"/> bytes) in; false when full.</summary>
    public bool TryWrite(ReadOnlySpan<byte> packet)
    {
        Debug.Assert(packet.Length <= _slotSize, "the caller checks the size");
        long tail = _tail;
        if (tail - Volatile.Read(ref _head) > _mask)
        {
            return false;
        }

        int slot = (int)(tail & _mask);
        packet.CopyTo(_slab.AsSpan(slot * _slotSize, _slotSize));
        _lengths[slot] = packet.Length;
        Volatile.Write(ref _tail, tail + 1);
        return true;
    }

    /// <summary>The oldest packet, in place; false when empty. Valid until <see cref="Advance"/>.</summary>
    public bool TryPeek(out ReadOnlySpan<byte> packet)
    {
        long head = _head;
        if (head == Volatile.Read(ref _tail))
        {
            packet = default;
            return false;
        }

        int slot = (int)(head & _mask);
        packet = _slab.AsSpan(slot * _slotSize, _lengths[slot]);
        return true;
    }

    /// <summary>Releases the packet <see cref="TryPeek"/> returned.</summary>
    public void Advance() => Volatile.Write(ref _head, _head + 1);
}
