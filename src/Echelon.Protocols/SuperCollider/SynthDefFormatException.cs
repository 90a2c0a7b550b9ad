namespace Echelon.Protocols.SuperCollider;

/// <summary>A SynthDef file that does not follow the "SCgf" version 2 format; names the byte offset.</summary>
public sealed class SynthDefFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public SynthDefFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SynthDefFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public SynthDefFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a fault at <paramref name="offset"/>.</summary>
    public SynthDefFormatException(long offset, string message)
        : base($"SynthDef file, byte {offset}: {message}")
    {
        Offset = offset;
    }

    /// <summary>Byte offset of the fault in the file; −1 when unknown.</summary>
    public long Offset { get; } = -1;
}
