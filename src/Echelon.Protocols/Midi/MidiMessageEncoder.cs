using System.Runtime.CompilerServices;

namespace Echelon.Protocols.Midi;

/// <summary>
/// Writes MIDI 1.0 messages into a caller's buffer, each with its status byte (no running status;
/// see <see cref="MidiRunningStatusEncoder"/> for that). Never allocates.
/// </summary>
/// <remarks>Stateless; safe to call from any thread, including the audio and control threads.</remarks>
public static class MidiMessageEncoder
{
    /// <summary>
    /// Writes <paramref name="message"/> and returns the bytes written (1–3).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small, or the message is a default value.</exception>
    public static int Write(MidiMessage message, Span<byte> destination)
    {
        if (!TryWrite(message, destination, out int written))
        {
            ThrowCannotWrite(message, destination.Length);
        }

        return written;
    }

    /// <summary>
    /// Writes <paramref name="message"/> if it fits; false (and nothing written) when it does not or
    /// when the message is a default value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryWrite(MidiMessage message, Span<byte> destination, out int written)
    {
        int length = message.Length;
        if (length == 0 || destination.Length < length)
        {
            written = 0;
            return false;
        }

        destination[0] = message.Status;
        if (length > 1)
        {
            destination[1] = message.Data1;
            if (length > 2)
            {
                destination[2] = message.Data2;
            }
        }

        written = length;
        return true;
    }

    /// <summary>
    /// Writes a system exclusive message: F0, <paramref name="data"/>, F7. Returns the bytes written
    /// (<paramref name="data"/>.Length + 2).
    /// </summary>
    /// <param name="data">The payload between F0 and F7 (manufacturer id first); every byte must be below 0x80.</param>
    /// <param name="destination">Where to write.</param>
    /// <exception cref="ArgumentException">A payload byte is ≥ 0x80, or <paramref name="destination"/> is too small.</exception>
    public static int WriteSystemExclusive(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        int index = data.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
        if (index >= 0)
        {
            throw new ArgumentException($"system exclusive byte {index} is 0x{data[index]:X2}; payload bytes must be below 0x80.", nameof(data));
        }

        int needed = data.Length + 2;
        if (destination.Length < needed)
        {
            MidiThrow.DestinationTooSmall(nameof(destination), needed, destination.Length);
        }

        destination[0] = 0xF0;
        data.CopyTo(destination[1..]);
        destination[needed - 1] = 0xF7;
        return needed;
    }

    private static void ThrowCannotWrite(MidiMessage message, int available)
    {
        if (message.Length == 0)
        {
            throw new ArgumentException("a default MidiMessage is not a message; build one with the MidiMessage factories.", nameof(message));
        }

        MidiThrow.DestinationTooSmall("destination", message.Length, available);
    }
}
