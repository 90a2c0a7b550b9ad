using System.Diagnostics.CodeAnalysis;

namespace Echelon.Protocols.Osc;

/// <summary>Throw sites kept out of the encoder's hot methods so those stay small and inlinable.</summary>
internal static class OscThrow
{
    [DoesNotReturn]
    public static void BufferTooSmall(int required, int available) => throw new OscBufferTooSmallException(required, available);

    [DoesNotReturn]
    public static void InvalidOperation(string message) => throw new InvalidOperationException(message);

    [DoesNotReturn]
    public static void Argument(string message, string parameter) => throw new ArgumentException(message, parameter);
}
