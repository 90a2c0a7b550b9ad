using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Echelon.Protocols.Midi;

/// <summary>Throw sites kept out of hot methods (STYLE habit 11) so those stay small and inlinable.</summary>
internal static class MidiThrow
{
    [DoesNotReturn]
    public static void OutOfRange(string name, double value, string allowed) =>
        throw new ArgumentOutOfRangeException(name, value,
            string.Create(CultureInfo.InvariantCulture, $"{name} is {value}; {allowed}."));

    [DoesNotReturn]
    public static void DestinationTooSmall(string name, int needed, int available) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"{name} has room for {available} bytes; the message needs {needed}."), name);

    [DoesNotReturn]
    public static void NotA(string what, MidiMessageKind kind) =>
        throw new InvalidOperationException($"the message is {kind}, not {what}.");
}
