namespace Echelon.Protocols.Midi;

/// <summary>
/// Joins the two halves of 14-bit controllers (MSB on controller 0–31, LSB on that number + 32) into
/// one value per channel and controller, as the MIDI 1.0 specification describes under "Control
/// Change": an MSB alone sets the value with LSB 0 (a receiver resets its LSB when an MSB arrives);
/// a following LSB refines it; an LSB alone refines the last MSB.
/// </summary>
/// <remarks>
/// Threading: one receiver per input, one thread at a time. <see cref="TryReceive"/> never allocates.
/// </remarks>
public sealed class ControlChange14Receiver
{
    private readonly byte[] _msb = new byte[16 * 32];

    /// <summary>
    /// Feeds one message. True when it is the MSB or LSB of a 14-bit controller: then
    /// <paramref name="controller"/> is the MSB controller number (0–31) and <paramref name="value"/>
    /// the joined value. False for every other message.
    /// </summary>
    public bool TryReceive(MidiMessage message, out MidiChannel channel, out SevenBit controller, out FourteenBit value)
    {
        if (message.Kind != MidiMessageKind.ControlChange || message.Data1 >= 64)
        {
            channel = default;
            controller = default;
            value = default;
            return false;
        }

        channel = message.Channel;
        int number = message.Data1 & 31;
        controller = new SevenBit(number);
        int slot = (channel.Value * 32) + number;
        if (message.Data1 < 32)
        {
            _msb[slot] = message.Data2;
            value = new FourteenBit(message.Data2 << 7);
        }
        else
        {
            value = new FourteenBit((_msb[slot] << 7) | message.Data2);
        }

        return true;
    }

    /// <summary>Forgets every MSB (all values start again from 0).</summary>
    public void Reset() => Array.Clear(_msb);
}
