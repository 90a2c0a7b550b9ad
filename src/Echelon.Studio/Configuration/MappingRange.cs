using System.Globalization;

namespace Echelon.Studio.Configuration;

/// <summary>A mapping's input or output range, written <c>[min, max]</c>; <see cref="Min"/> is below <see cref="Max"/> (use <c>invert</c> to turn a mapping round).</summary>
/// <param name="Min">The low end.</param>
/// <param name="Max">The high end.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public readonly record struct MappingRange(double Min, double Max)
{
    /// <summary>[0, 1].</summary>
    public static MappingRange Unit { get; } = new(0.0, 1.0);

    /// <summary>True when [<see cref="Min"/>, <see cref="Max"/>] lies inside [<paramref name="outer"/>.Min, <paramref name="outer"/>.Max].</summary>
    public bool Within(MappingRange outer) => Min >= outer.Min && Max <= outer.Max;

    /// <summary><c>[min, max]</c>, as the configuration writes it.</summary>
    public override string ToString() =>
        $"[{Min.ToString("R", CultureInfo.InvariantCulture)}, {Max.ToString("R", CultureInfo.InvariantCulture)}]";
}
