using System.Globalization;

namespace Echelon.Protocols.Midi;

/// <summary>
/// A MIDI channel, 0–15 on the wire (shown to people as 1–16). It cannot hold any other value:
/// the constructor throws <see cref="ArgumentOutOfRangeException"/> naming the value and the range.
/// </summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public readonly record struct MidiChannel : IComparable<MidiChannel>
{
    /// <summary>Lowest channel number on the wire.</summary>
    public const int MinValue = 0;

    /// <summary>Highest channel number on the wire.</summary>
    public const int MaxValue = 15;

    private readonly byte _value;

    /// <summary>Creates a channel from its wire number 0–15.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside 0–15.</exception>
    public MidiChannel(int value)
    {
        if ((uint)value > MaxValue)
        {
            MidiThrow.OutOfRange(nameof(value), value, "a MIDI channel must be in [0, 15] (channels 1–16 as shown to people)");
        }

        _value = (byte)value;
    }

    /// <summary>The General MIDI percussion channel (wire 9, shown as channel 10).</summary>
    public static MidiChannel Percussion => new(9);

    /// <summary>The wire number, 0–15.</summary>
    public int Value => _value;

    /// <summary>The number people see, 1–16.</summary>
    public int Number => _value + 1;

    /// <summary>Creates a channel from the number people see, 1–16.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is outside 1–16.</exception>
    public static MidiChannel FromNumber(int number)
    {
        if (number is < 1 or > 16)
        {
            MidiThrow.OutOfRange(nameof(number), number, "a MIDI channel number must be in [1, 16]");
        }

        return new MidiChannel(number - 1);
    }

    /// <summary>The channel with wire number <paramref name="value"/> (0–15).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside 0–15.</exception>
    public static explicit operator MidiChannel(int value) => new(value);

    /// <summary>The wire number, 0–15.</summary>
    public static implicit operator int(MidiChannel channel) => channel._value;

    /// <summary>Named alternative to the explicit conversion from <see cref="int"/>.</summary>
    public static MidiChannel FromInt32(int value) => new(value);

    /// <summary>Named alternative to the implicit conversion to <see cref="int"/>.</summary>
    public int ToInt32() => _value;

    /// <inheritdoc />
    public int CompareTo(MidiChannel other) => _value.CompareTo(other._value);

    /// <summary>True when <paramref name="left"/> is a lower channel than <paramref name="right"/>.</summary>
    public static bool operator <(MidiChannel left, MidiChannel right) => left._value < right._value;

    /// <summary>True when <paramref name="left"/> is a higher channel than <paramref name="right"/>.</summary>
    public static bool operator >(MidiChannel left, MidiChannel right) => left._value > right._value;

    /// <summary>True when <paramref name="left"/> is not higher than <paramref name="right"/>.</summary>
    public static bool operator <=(MidiChannel left, MidiChannel right) => left._value <= right._value;

    /// <summary>True when <paramref name="left"/> is not lower than <paramref name="right"/>.</summary>
    public static bool operator >=(MidiChannel left, MidiChannel right) => left._value >= right._value;

    /// <summary>"ch 1" … "ch 16" (the number people see).</summary>
    public override string ToString() => "ch " + Number.ToString(CultureInfo.InvariantCulture);
}
