namespace Echelon.Protocols.Midi;

/// <summary>
/// Writes MIDI 1.0 messages into a caller's buffer with running status: a channel message with the
/// same status as the last one written goes out without its status byte (a third fewer bytes for
/// runs of notes or controller sweeps on one channel). Never allocates.
/// </summary>
/// <remarks>
/// Follows the MIDI 1.0 rules the receiving side (<see cref="MidiMessageParser"/>) relies on:
/// system exclusive and system common messages cancel running status, real-time messages leave it
/// alone. Call <see cref="Reset"/> whenever the receiver may have lost track (a reconnect, a dropped
/// packet, the start of a new transmission). Threading: one encoder per output, one thread at a time.
/// </remarks>
public sealed class MidiRunningStatusEncoder
{
    private byte _runningStatus;

    /// <summary>The status the next matching channel message may omit; 0 when none.</summary>
    public byte RunningStatus => _runningStatus;

    /// <summary>Forgets the running status: the next message is written in full.</summary>
    public void Reset() => _runningStatus = 0;

    /// <summary>Writes <paramref name="message"/>, omitting its status when it runs; returns the bytes written (1–3).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small, or the message is a default value.</exception>
    public int Write(MidiMessage message, Span<byte> destination)
    {
        if (!TryWrite(message, destination, out int written))
        {
            if (message.Length == 0)
            {
                throw new ArgumentException("a default MidiMessage is not a message; build one with the MidiMessage factories.", nameof(message));
            }

            MidiThrow.DestinationTooSmall(nameof(destination), Runs(message) ? message.Length - 1 : message.Length, destination.Length);
        }

        return written;
    }

    /// <summary>Writes <paramref name="message"/> if it fits; false (nothing written, state unchanged) otherwise.</summary>
    public bool TryWrite(MidiMessage message, Span<byte> destination, out int written)
    {
        byte status = message.Status;
        if (Runs(message))
        {
            int length = message.Length - 1;
            if (destination.Length < length)
            {
                written = 0;
                return false;
            }

            destination[0] = message.Data1;
            if (length > 1)
            {
                destination[1] = message.Data2;
            }

            written = length;
            return true;
        }

        if (!MidiMessageEncoder.TryWrite(message, destination, out written))
        {
            return false;
        }

        if (message.IsChannelMessage)
        {
            _runningStatus = status;
        }
        else if (!message.IsRealTime)
        {
            _runningStatus = 0;
        }

        return true;
    }

    private bool Runs(MidiMessage message) => message.Status == _runningStatus && message.IsChannelMessage;

    /// <summary>Writes a system exclusive message (F0 data F7) and cancels running status.</summary>
    /// <exception cref="ArgumentException">A payload byte is ≥ 0x80, or <paramref name="destination"/> is too small.</exception>
    public int WriteSystemExclusive(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        int written = MidiMessageEncoder.WriteSystemExclusive(data, destination);
        _runningStatus = 0;
        return written;
    }
}
