using System.Diagnostics.CodeAnalysis;

namespace Echelon.Core;

/// <summary>Throw sites kept out of hot methods so those stay small and inlinable.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowWrongSize(string what, int expected, int actual) =>
        throw new ArgumentException($"{what} has {actual} values; expected {expected}.", what);
}
