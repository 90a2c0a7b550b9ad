using System.Globalization;

namespace Echelon.Music.Transport;

/// <summary>
/// A tempo in beats per minute, 40–200 inclusive: it cannot hold anything else. <c>default(Bpm)</c> is
/// 120, so an unset field is still a playable tempo.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public readonly struct Bpm : IEquatable<Bpm>, IComparable<Bpm>
{
    /// <summary>The slowest tempo: 40 BPM.</summary>
    public const double Min = 40.0;

    /// <summary>The fastest tempo: 200 BPM.</summary>
    public const double Max = 200.0;

    /// <summary>The tempo <c>default(Bpm)</c> stands for: 120 BPM.</summary>
    public const double DefaultValue = 120.0;

    /// <summary>The field name every range error carries: <c>bpm</c>.</summary>
    public const string FieldName = "bpm";

    // 0 means "never set" and reads as 120, so default(Bpm) is valid.
    private readonly double _value;

    /// <summary>Creates a tempo.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 40–200 or not finite; <c>ParamName</c> is <c>bpm</c>.</exception>
    public Bpm(double value)
    {
        if (!IsValid(value))
        {
            ThrowOutOfRange(value, FieldName);
        }

        _value = value;
    }

    /// <summary>Beats per minute, 40–200.</summary>
    public double Value => _value == 0.0 ? DefaultValue : _value;

    /// <summary>Seconds one beat lasts.</summary>
    public double SecondsPerBeat => 60.0 / Value;

    /// <summary>The allowed range as text, for messages and help.</summary>
    public static string AllowedRange => "40–200";

    /// <summary>True when <paramref name="value"/> is a tempo this type can hold.</summary>
    public static bool IsValid(double value) => value is >= Min and <= Max;

    /// <summary>The nearest valid tempo to <paramref name="value"/> (NaN becomes 120).</summary>
    public static Bpm Clamp(double value) => new(double.IsNaN(value) ? DefaultValue : Math.Clamp(value, Min, Max));

    /// <summary>Samples one beat lasts at <paramref name="sampleRate"/> samples per second.</summary>
    public double SamplesPerBeat(int sampleRate) => sampleRate * 60.0 / Value;

    /// <inheritdoc/>
    public bool Equals(Bpm other) => Value.Equals(other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Bpm other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(Bpm other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + " BPM";

    /// <summary>Equal tempi.</summary>
    public static bool operator ==(Bpm left, Bpm right) => left.Equals(right);

    /// <summary>Different tempi.</summary>
    public static bool operator !=(Bpm left, Bpm right) => !left.Equals(right);

    /// <summary>Slower.</summary>
    public static bool operator <(Bpm left, Bpm right) => left.Value < right.Value;

    /// <summary>Faster.</summary>
    public static bool operator >(Bpm left, Bpm right) => left.Value > right.Value;

    /// <summary>Slower or equal.</summary>
    public static bool operator <=(Bpm left, Bpm right) => left.Value <= right.Value;

    /// <summary>Faster or equal.</summary>
    public static bool operator >=(Bpm left, Bpm right) => left.Value >= right.Value;

    private static void ThrowOutOfRange(double value, string field) =>
        throw new ArgumentOutOfRangeException(
            field,
            value,
            $"{field} must be between {Min} and {Max}; got {value.ToString(CultureInfo.InvariantCulture)}.");
}
