namespace Echelon.Audio.Wav;

/// <summary>
/// A WAV file could not be read: the message names the file, the byte offset (from the start of the
/// file) where the problem was found, the header field or chunk, and what was expected there.
/// </summary>
/// <remarks>
/// What to do: the file is bad or of a kind this reader does not decode; retrying will not help.
/// A file cut short can still be read with <see cref="WavReadOptions.AllowTruncated"/>. Errors of
/// the file system itself (missing file, no permission) stay ordinary <see cref="IOException"/>s.
/// </remarks>
public sealed class WavFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file (or stream name) that failed to parse.</param>
    /// <param name="offset">Byte offset from the start of the file where the problem was found.</param>
    /// <param name="field">The header field or chunk id that was wrong (<c>RIFF</c>, <c>fmt .wFormatTag</c>, <c>data</c>).</param>
    /// <param name="problem">What was wrong and what is allowed.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public WavFormatException(string file, long offset, string field, string problem, Exception? inner = null)
        : base($"{file}: byte {offset}: {field}: {problem}", inner)
    {
        File = file;
        Offset = offset;
        Field = field;
        Problem = problem;
    }

    /// <summary>Creates the exception with a generic message (prefer the detailed constructor).</summary>
    public WavFormatException()
        : this("(unknown)", 0, "(unknown)", "unreadable WAV data")
    {
    }

    /// <summary>Creates the exception with a message only (prefer the detailed constructor).</summary>
    public WavFormatException(string message)
        : this("(unknown)", 0, "(unknown)", message)
    {
    }

    /// <summary>Creates the exception with a message and cause (prefer the detailed constructor).</summary>
    public WavFormatException(string message, Exception inner)
        : this("(unknown)", 0, "(unknown)", message, inner)
    {
    }

    /// <summary>The file (or stream name) that failed to parse.</summary>
    public string File { get; }

    /// <summary>Byte offset from the start of the file where the problem was found.</summary>
    public long Offset { get; }

    /// <summary>The header field or chunk id that was wrong.</summary>
    public string Field { get; }

    /// <summary>What was wrong and what is allowed.</summary>
    public string Problem { get; }
}
