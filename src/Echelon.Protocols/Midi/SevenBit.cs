using System.Globalization;

namespace Echelon.Protocols.Midi;

/// <summary>
/// A MIDI data byte, 0–127: a note number, a velocity, a controller number or value, a program.
/// It cannot hold any other value: the constructor throws <see cref="ArgumentOutOfRangeException"/>
/// naming the value and the range.
/// </summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public readonly record struct SevenBit : IComparable<SevenBit>
{
    /// <summary>The smallest value.</summary>
    public const int MinValue = 0;

    /// <summary>The largest value.</summary>
    public const int MaxValue = 127;

    private readonly byte _value;

    /// <summary>Creates the value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside 0–127.</exception>
    public SevenBit(int value)
    {
        if ((uint)value > MaxValue)
        {
            MidiThrow.OutOfRange(nameof(value), value, "a 7-bit MIDI value must be in [0, 127]");
        }

        _value = (byte)value;
    }

    /// <summary>The value, 0–127.</summary>
    public int Value => _value;

    /// <summary>
    /// The nearest 7-bit value to <paramref name="unit"/> × 127 for a value in [0, 1] (a velocity or
    /// a normalized controller position). Half-way values round away from zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is NaN or outside [0, 1].</exception>
    public static SevenBit FromUnitInterval(double unit)
    {
        if (!(unit >= 0 && unit <= 1))
        {
            MidiThrow.OutOfRange(nameof(unit), unit, "a unit-interval value must be in [0, 1]");
        }

        return new SevenBit((int)Math.Round(unit * MaxValue, MidpointRounding.AwayFromZero));
    }

    /// <summary>The value scaled to [0, 1] (value / 127).</summary>
    public double ToUnitInterval() => _value / (double)MaxValue;

    /// <summary>The value <paramref name="value"/> (0–127).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside 0–127.</exception>
    public static explicit operator SevenBit(int value) => new(value);

    /// <summary>The value, 0–127.</summary>
    public static implicit operator int(SevenBit value) => value._value;

    /// <summary>Named alternative to the explicit conversion from <see cref="int"/>.</summary>
    public static SevenBit FromInt32(int value) => new(value);

    /// <summary>Named alternative to the implicit conversion to <see cref="int"/>.</summary>
    public int ToInt32() => _value;

    /// <inheritdoc />
    public int CompareTo(SevenBit other) => _value.CompareTo(other._value);

    /// <summary>True when <paramref name="left"/> is smaller than <paramref name="right"/>.</summary>
    public static bool operator <(SevenBit left, SevenBit right) => left._value < right._value;

    /// <summary>True when <paramref name="left"/> is larger than <paramref name="right"/>.</summary>
    public static bool operator >(SevenBit left, SevenBit right) => left._value > right._value;

    /// <summary>True when <paramref name="left"/> is not larger than <paramref name="right"/>.</summary>
    public static bool operator <=(SevenBit left, SevenBit right) => left._value <= right._value;

    /// <summary>True when <paramref name="left"/> is not smaller than <paramref name="right"/>.</summary>
    public static bool operator >=(SevenBit left, SevenBit right) => left._value >= right._value;

    /// <summary>The decimal value.</summary>
    public override string ToString() => _value.ToString(CultureInfo.InvariantCulture);
}
