namespace Echelon.Sessions.Validation;

/// <summary>One problem a validation found: the file, the 1-based line (0 when not tied to a line), the field, and what is wrong.</summary>
/// <param name="File">The file (full path).</param>
/// <param name="Line">1-based line, or 0.</param>
/// <param name="Field">The record key or manifest JSON path.</param>
/// <param name="Problem">What is wrong and what is allowed.</param>
public sealed record ValidationError(string File, int Line, string Field, string Problem)
{
    /// <summary>The error as one line: <c>file:line: field: problem</c>.</summary>
    public string Message => Line > 0 ? $"{File}:{Line}: {Field}: {Problem}" : $"{File}: {Field}: {Problem}";

    /// <summary>The error of a format exception.</summary>
    public static ValidationError From(SessionFormatException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new ValidationError(exception.File, exception.Line, exception.Field, exception.Problem);
    }

    /// <inheritdoc />
    public override string ToString() => Message;
}
