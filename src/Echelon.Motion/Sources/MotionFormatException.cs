namespace Echelon.Motion.Sources;

/// <summary>
/// A motion file could not be read: the message names the file, the line (1-based; 0 when the
/// problem is the file as a whole), the field, and what was expected.
/// </summary>
public sealed class MotionFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MotionFormatException(string file, int line, string field, string problem, Exception? inner = null)
        : base(line > 0 ? $"{file}:{line}: {field}: {problem}" : $"{file}: {field}: {problem}", inner)
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    /// <summary>Creates the exception with a message only (prefer the detailed constructor).</summary>
    public MotionFormatException()
        : this("(unknown)", 0, "(unknown)", "unreadable motion data")
    {
    }

    /// <summary>Creates the exception with a message only (prefer the detailed constructor).</summary>
    public MotionFormatException(string message)
        : this("(unknown)", 0, "(unknown)", message)
    {
    }

    /// <summary>Creates the exception with a message and cause (prefer the detailed constructor).</summary>
    public MotionFormatException(string message, Exception inner)
        : this("(unknown)", 0, "(unknown)", message, inner)
    {
    }

    /// <summary>The file that failed to parse.</summary>
    public string File { get; }

    /// <summary>1-based line, or 0 when the problem is the file as a whole.</summary>
    public int Line { get; }

    /// <summary>The field, channel or column that was wrong.</summary>
    public string Field { get; }

    /// <summary>What was wrong and what is allowed.</summary>
    public string Problem { get; }
}
