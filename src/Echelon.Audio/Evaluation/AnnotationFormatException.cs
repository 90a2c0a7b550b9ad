namespace Echelon.Audio.Evaluation;

/// <summary>
/// An annotation file could not be read: the message names the file, the 1-based line, the field and
/// what is allowed there (<c>ref.txt:3: time: 0.5 is earlier than 0.7 on line 2; …</c>).
/// </summary>
/// <remarks>
/// What to do: fix the file; reading it again will not help. File system errors (missing file, no
/// permission) stay ordinary <see cref="IOException"/>s.
/// </remarks>
public sealed class AnnotationFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file (or source name) being read.</param>
    /// <param name="line">1-based line of the problem; 0 when it concerns the file as a whole.</param>
    /// <param name="field">The field that was wrong (<c>time</c>, <c>f0</c>, <c>weight</c>, …).</param>
    /// <param name="problem">What was wrong and what is allowed.</param>
    public AnnotationFormatException(string file, int line, string field, string problem)
        : base(line > 0 ? $"{file}:{line}: {field}: {problem}" : $"{file}: {field}: {problem}")
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    /// <summary>Creates the exception with a generic message (prefer the detailed constructor).</summary>
    public AnnotationFormatException()
        : this("(unknown)", 0, "(unknown)", "unreadable annotation")
    {
    }

    /// <summary>Creates the exception with a message only (prefer the detailed constructor).</summary>
    public AnnotationFormatException(string message)
        : this("(unknown)", 0, "(unknown)", message)
    {
    }

    /// <summary>Creates the exception with a message and cause (prefer the detailed constructor).</summary>
    public AnnotationFormatException(string message, Exception inner)
        : base(message, inner)
    {
        File = "(unknown)";
        Field = "(unknown)";
        Problem = message;
    }

    /// <summary>The file (or source name) being read.</summary>
    public string File { get; }

    /// <summary>1-based line of the problem; 0 when it concerns the file as a whole.</summary>
    public int Line { get; }

    /// <summary>The field that was wrong.</summary>
    public string Field { get; }

    /// <summary>What was wrong and what is allowed.</summary>
    public string Problem { get; }
}
