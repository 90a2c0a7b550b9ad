namespace Echelon.Core.Serialization;

/// <summary>
/// An equilibrium parameter file (or JSON text) that cannot be loaded: malformed or truncated JSON, a
/// wrong format or version, a missing, unknown or ill-typed field, a wrong size, a non-finite number
/// or an out-of-range setting. The message names the file, the JSON path and what is allowed there.
/// </summary>
/// <remarks>
/// What to do: the file is bad, not the program; fix or regenerate the file (or keep the seeded
/// defaults). Retrying will not help. Deliberately not a <see cref="System.Text.Json.JsonException"/>:
/// callers catch one type for every content problem, syntax included.
/// </remarks>
public sealed class ParameterFileException : Exception
{
    /// <summary>Creates the exception with a generic message and the root path <c>$</c>.</summary>
    public ParameterFileException()
        : this("The equilibrium parameter file is invalid.")
    {
    }

    /// <summary>Creates the exception with a message and the root path <c>$</c>.</summary>
    public ParameterFileException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates the exception with a message, an inner exception and the root path <c>$</c>.</summary>
    public ParameterFileException(string message, Exception? innerException)
        : base(message, innerException)
    {
        JsonPath = "$";
        Problem = message;
    }

    internal ParameterFileException(
        string? path,
        string jsonPath,
        string problem,
        Exception? innerException = null,
        long? lineNumber = null,
        long? bytePositionInLine = null)
        : base(Compose(path, jsonPath, problem), innerException)
    {
        Path = path;
        JsonPath = jsonPath;
        Problem = problem;
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>The file that was being loaded, or null when the JSON came from a string.</summary>
    public string? Path { get; }

    /// <summary>Where in the document the problem is, e.g. <c>$.fast.A.data[17]</c>.</summary>
    public string JsonPath { get; }

    /// <summary>The problem and what is allowed, without the file and path prefix.</summary>
    public string Problem { get; }

    /// <summary>1-based line of a JSON syntax error; null for errors found after parsing.</summary>
    public long? LineNumber { get; }

    /// <summary>1-based byte position within <see cref="LineNumber"/> of a JSON syntax error; null otherwise.</summary>
    public long? BytePositionInLine { get; }

    private static string Compose(string? path, string jsonPath, string problem) =>
        path is null
            ? $"Equilibrium parameter JSON, {jsonPath}: {problem}"
            : $"Equilibrium parameter file '{path}', {jsonPath}: {problem}";
}
