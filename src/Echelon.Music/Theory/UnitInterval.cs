using System.Globalization;

namespace Echelon.Music.Theory;

/// <summary>
/// An amount from 0 to 1 inclusive (intensity, density, brightness, tension): it cannot hold a value
/// outside that range, NaN or infinity. The constructor takes the field's name so the error says which
/// control was wrong, e.g. "intensity must be between 0 and 1; got -1".
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public readonly record struct UnitInterval
{
    /// <summary>Creates the value; <paramref name="field"/> names the control in the error when it is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1] or not finite; <c>ParamName</c> is <paramref name="field"/>.</exception>
    public UnitInterval(double value, string field)
    {
        if (!IsValid(value))
        {
            ThrowOutOfRange(value, field);
        }

        Value = value;
    }

    /// <summary>Zero.</summary>
    public static UnitInterval Zero => default;

    /// <summary>One.</summary>
    public static UnitInterval One { get; } = new(1.0, "value");

    /// <summary>The amount, 0–1.</summary>
    public double Value { get; }

    /// <summary>True when <paramref name="value"/> lies in [0, 1] (NaN does not).</summary>
    public static bool IsValid(double value) => value is >= 0.0 and <= 1.0;

    /// <summary>The nearest valid value to <paramref name="value"/> (NaN becomes 0); for inputs already known to be approximately in range.</summary>
    public static UnitInterval Clamp(double value) => new(double.IsNaN(value) ? 0.0 : Math.Clamp(value, 0.0, 1.0), "value");

    /// <summary>The amount as a float.</summary>
    public float ToSingle() => (float)Value;

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    private static void ThrowOutOfRange(double value, string field) =>
        throw new ArgumentOutOfRangeException(
            field,
            value,
            $"{field} must be between 0 and 1; got {value.ToString(CultureInfo.InvariantCulture)}.");
}
