namespace Echelon.Sessions;

/// <summary>
/// A session file could not be read: a manifest field or a stream record is malformed, truncated,
/// out of range or inconsistent. The message names the file, the line (1-based; 0 when the problem
/// is not tied to one line, as in the manifest), the field, and what was expected there.
/// </summary>
/// <remarks>
/// What to do: the data is bad, not the program. <c>echelon session validate DIR</c> lists every
/// problem; <c>--repair</c> fixes a torn tail left by a killed recorder and nothing else. Retrying
/// will not help. Errors of the file system itself (missing folder, no permission) stay ordinary
/// <see cref="IOException"/>s.
/// </remarks>
public sealed class SessionFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file that failed to parse.</param>
    /// <param name="line">1-based line, or 0 when the problem is the file as a whole.</param>
    /// <param name="field">The field (a record key such as <c>acc</c>, or a JSON path such as <c>$.streams[1].sha256</c>).</param>
    /// <param name="problem">What was wrong and what is allowed.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public SessionFormatException(string file, int line, string field, string problem, Exception? inner = null)
        : base(line > 0 ? $"{file}:{line}: {field}: {problem}" : $"{file}: {field}: {problem}", inner)
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    /// <summary>Creates the exception with a generic message (prefer the detailed constructor).</summary>
    public SessionFormatException()
        : this("(unknown)", 0, "(unknown)", "unreadable session data")
    {
    }

    /// <summary>Creates the exception with a message only (prefer the detailed constructor).</summary>
    public SessionFormatException(string message)
        : this("(unknown)", 0, "(unknown)", message)
    {
    }

    /// <summary>Creates the exception with a message and cause (prefer the detailed constructor).</summary>
    public SessionFormatException(string message, Exception inner)
        : this("(unknown)", 0, "(unknown)", message, inner)
    {
    }

    /// <summary>The file that failed to parse.</summary>
    public string File { get; }

    /// <summary>1-based line, or 0 when the problem is the file as a whole.</summary>
    public int Line { get; }

    /// <summary>The record key or manifest JSON path that was wrong.</summary>
    public string Field { get; }

    /// <summary>What was wrong and what is allowed.</summary>
    public string Problem { get; }
}
