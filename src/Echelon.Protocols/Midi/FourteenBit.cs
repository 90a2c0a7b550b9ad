using System.Globalization;

namespace Echelon.Protocols.Midi;

/// <summary>
/// A 14-bit MIDI value, 0–16383, sent as two 7-bit halves: pitch bend (centre 8192), song position,
/// and the high-resolution controllers (MSB on controller n, LSB on n + 32). It cannot hold any
/// other value: the constructor throws <see cref="ArgumentOutOfRangeException"/> naming the value and
/// the range.
/// </summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public readonly record struct FourteenBit : IComparable<FourteenBit>
{
    /// <summary>The smallest value.</summary>
    public const int MinValue = 0;

    /// <summary>The largest value.</summary>
    public const int MaxValue = 16383;

    /// <summary>The centre value (8192): pitch bend at rest.</summary>
    public const int CenterValue = 8192;

    private readonly ushort _value;

    /// <summary>Creates the value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside 0–16383.</exception>
    public FourteenBit(int value)
    {
        if ((uint)value > MaxValue)
        {
            MidiThrow.OutOfRange(nameof(value), value, "a 14-bit MIDI value must be in [0, 16383]");
        }

        _value = (ushort)value;
    }

    /// <summary>The centre value 8192 (pitch bend at rest).</summary>
    public static FourteenBit Center => new(CenterValue);

    /// <summary>The value, 0–16383.</summary>
    public int Value => _value;

    /// <summary>The high 7 bits (value >> 7): sent second in pitch bend, first on controller n.</summary>
    public SevenBit Msb => new(_value >> 7);

    /// <summary>The low 7 bits: sent first in pitch bend, second on controller n + 32.</summary>
    public SevenBit Lsb => new(_value & 0x7F);

    /// <summary>The value relative to the centre, −8192 … 8191 (pitch bend as a signed amount).</summary>
    public int Bipolar => _value - CenterValue;

    /// <summary>Joins two 7-bit halves.</summary>
    public static FourteenBit FromHalves(SevenBit msb, SevenBit lsb) => new((msb.Value << 7) | lsb.Value);

    /// <summary>The value from a bipolar amount −8192 … 8191 relative to the centre.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bipolar"/> is outside −8192 … 8191.</exception>
    public static FourteenBit FromBipolar(int bipolar)
    {
        if (bipolar is < -CenterValue or > MaxValue - CenterValue)
        {
            MidiThrow.OutOfRange(nameof(bipolar), bipolar, "a bipolar 14-bit MIDI value must be in [-8192, 8191]");
        }

        return new FourteenBit(bipolar + CenterValue);
    }

    /// <summary>The value <paramref name="value"/> (0–16383).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside 0–16383.</exception>
    public static explicit operator FourteenBit(int value) => new(value);

    /// <summary>The value, 0–16383.</summary>
    public static implicit operator int(FourteenBit value) => value._value;

    /// <summary>Named alternative to the explicit conversion from <see cref="int"/>.</summary>
    public static FourteenBit FromInt32(int value) => new(value);

    /// <summary>Named alternative to the implicit conversion to <see cref="int"/>.</summary>
    public int ToInt32() => _value;

    /// <inheritdoc />
    public int CompareTo(FourteenBit other) => _value.CompareTo(other._value);

    /// <summary>True when <paramref name="left"/> is smaller than <paramref name="right"/>.</summary>
    public static bool operator <(FourteenBit left, FourteenBit right) => left._value < right._value;

    /// <summary>True when <paramref name="left"/> is larger than <paramref name="right"/>.</summary>
    public static bool operator >(FourteenBit left, FourteenBit right) => left._value > right._value;

    /// <summary>True when <paramref name="left"/> is not larger than <paramref name="right"/>.</summary>
    public static bool operator <=(FourteenBit left, FourteenBit right) => left._value <= right._value;

    /// <summary>True when <paramref name="left"/> is not smaller than <paramref name="right"/>.</summary>
    public static bool operator >=(FourteenBit left, FourteenBit right) => left._value >= right._value;

    /// <summary>The decimal value.</summary>
    public override string ToString() => _value.ToString(CultureInfo.InvariantCulture);
}
