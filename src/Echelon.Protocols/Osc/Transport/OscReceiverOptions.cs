namespace Echelon.Protocols.Osc.Transport;

/// <summary>How an <see cref="OscReceiver"/> queues packets between its I/O thread and the reader.</summary>
/// <remarks>Immutable once built.</remarks>
public sealed class OscReceiverOptions
{
    private readonly int _capacity = 256;
    private readonly int _maxPacketSize = 8192;

    /// <summary>Packets the queue holds (a power of two, 2–65536; default 256). A full queue drops new packets and counts them.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a power of two in 2–65536.</exception>
    public int Capacity
    {
        get => _capacity;
        init
        {
            if (value is < 2 or > 65536 || (value & (value - 1)) != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "the queue capacity must be a power of two in 2–65536.");
            }

            _capacity = value;
        }
    }

    /// <summary>Largest packet kept, in bytes (16–65536; default 8192); larger ones are dropped and counted.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 16–65536.</exception>
    public int MaxPacketSize
    {
        get => _maxPacketSize;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 16);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 65536);
            _maxPacketSize = value;
        }
    }
}
