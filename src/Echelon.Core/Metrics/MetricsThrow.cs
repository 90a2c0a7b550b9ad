using System.Diagnostics.CodeAnalysis;

namespace Echelon.Core.Metrics;

/// <summary>
/// Throw helpers for the metrics module. Kept out of the metric methods so that those stay small
/// enough to inline and carry no string formatting on their normal path (STYLE habit 11).
/// </summary>
internal static class MetricsThrow
{
    [DoesNotReturn]
    public static void LengthMismatch(string firstName, int firstLength, string secondName, int secondLength) =>
        throw new ArgumentException(
            $"{firstName} has {firstLength} samples but {secondName} has {secondLength}; they must be the same length.",
            secondName);

    [DoesNotReturn]
    public static void Empty(string name) =>
        throw new ArgumentException($"{name} is empty; the metric needs at least one sample.", name);

    [DoesNotReturn]
    public static void ScratchTooShort(string scratchName, int scratchLength, string valuesName, int valuesLength) =>
        throw new ArgumentException(
            $"{scratchName} has {scratchLength} slots but {valuesName} has {valuesLength} values; scratch must be at least as long.",
            scratchName);

    [DoesNotReturn]
    public static void PercentOutOfRange(double percent) =>
        throw new ArgumentOutOfRangeException(nameof(percent), percent, "Percent must lie in [0, 100].");
}
