namespace Echelon.Protocols.Osc;

/// <summary>
/// An OSC packet could not be decoded: <see cref="Offset"/> is the byte where the problem was found,
/// <see cref="Error"/> what kind it is, and the message names what was found and what is allowed.
/// </summary>
/// <remarks>
/// What to do: the packet is bad, not the program. A receiver drops it and counts it
/// (the <c>TryXxx</c> decoders report the same facts as an <see cref="OscDecodeError"/> without
/// throwing); a lenient <see cref="OscDecodeOptions"/> accepts the sloppy-but-readable packets the
/// policies name. Retrying the same bytes will not help.
/// </remarks>
public sealed class OscFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="offset">Byte offset in the packet.</param>
    /// <param name="error">What kind of problem.</param>
    /// <param name="problem">What was found and what is allowed.</param>
    public OscFormatException(int offset, OscFormatError error, string problem)
        : base($"OSC packet offset {offset}: {problem}")
    {
        Offset = offset;
        Error = error;
        Problem = problem;
    }

    /// <summary>Creates the exception with a generic message (prefer the detailed constructor).</summary>
    public OscFormatException()
        : this(0, OscFormatError.NotAnOscPacket, "not an OSC packet.")
    {
    }

    /// <summary>Creates the exception with a message only (prefer the detailed constructor).</summary>
    public OscFormatException(string message)
        : this(0, OscFormatError.NotAnOscPacket, message)
    {
    }

    /// <summary>Creates the exception with a message and cause (prefer the detailed constructor).</summary>
    public OscFormatException(string message, Exception inner)
        : base(message, inner)
    {
        Problem = message;
    }

    /// <summary>Byte offset in the packet where the problem was found.</summary>
    public int Offset { get; }

    /// <summary>What kind of problem.</summary>
    public OscFormatError Error { get; }

    /// <summary>What was found and what is allowed.</summary>
    public string Problem { get; }
}
