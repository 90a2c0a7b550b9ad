using System.Globalization;

namespace Echelon.Music.Transport;

/// <summary>
/// The meter: beats per bar, 1–16 (the beat is the counted unit; 6/8 felt in two is 2, counted in
/// six is 6). <c>default(Meter)</c> is four beats to the bar.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public readonly struct Meter : IEquatable<Meter>
{
    /// <summary>Fewest beats per bar.</summary>
    public const int MinBeatsPerBar = 1;

    /// <summary>Most beats per bar.</summary>
    public const int MaxBeatsPerBar = 16;

    /// <summary>The field name range errors carry: <c>meter</c>.</summary>
    public const string FieldName = "meter";

    // Stored as beats − 4 so that default(Meter) is 4/4.
    private readonly int _beatsMinusFour;

    /// <summary>Creates a meter of <paramref name="beatsPerBar"/> beats.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1–16; <c>ParamName</c> is <c>meter</c>.</exception>
    public Meter(int beatsPerBar)
    {
        if (beatsPerBar is < MinBeatsPerBar or > MaxBeatsPerBar)
        {
            ThrowOutOfRange(beatsPerBar, FieldName);
        }

        _beatsMinusFour = beatsPerBar - 4;
    }

    /// <summary>Four beats to the bar.</summary>
    public static Meter Common => default;

    /// <summary>Beats in one bar, 1–16.</summary>
    public int BeatsPerBar => _beatsMinusFour + 4;

    /// <inheritdoc/>
    public bool Equals(Meter other) => _beatsMinusFour == other._beatsMinusFour;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Meter other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _beatsMinusFour;

    /// <inheritdoc/>
    public override string ToString() => BeatsPerBar.ToString(CultureInfo.InvariantCulture) + " beats per bar";

    /// <summary>Same beats per bar.</summary>
    public static bool operator ==(Meter left, Meter right) => left.Equals(right);

    /// <summary>Different beats per bar.</summary>
    public static bool operator !=(Meter left, Meter right) => !left.Equals(right);

    private static void ThrowOutOfRange(int beatsPerBar, string field) =>
        throw new ArgumentOutOfRangeException(
            field,
            beatsPerBar,
            $"{field} must have between {MinBeatsPerBar} and {MaxBeatsPerBar} beats per bar; got {beatsPerBar}.");
}
