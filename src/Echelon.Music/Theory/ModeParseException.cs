namespace Echelon.Music.Theory;

/// <summary>
/// A mode name that <see cref="ModeNames.Parse"/> does not accept. <see cref="ArgumentException.ParamName"/>
/// is always <c>mode</c>, and the message lists the seven modes.
/// </summary>
public sealed class ModeParseException : ArgumentException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ModeParseException()
        : this("mode is not a valid mode name.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ModeParseException(string message)
        : base(message, ModeNames.FieldName)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public ModeParseException(string message, Exception innerException)
        : base(message, ModeNames.FieldName, innerException)
    {
    }

    /// <summary>Creates the exception for the rejected text <paramref name="value"/>.</summary>
    internal ModeParseException(string message, string? value)
        : base(message, ModeNames.FieldName)
    {
        Value = value;
    }

    /// <summary>The text that was rejected (null when none was given).</summary>
    public string? Value { get; }

    /// <summary>The accepted mode names, lower case.</summary>
    public static IReadOnlyList<string> AllowedValues => ModeNames.AllowedNames;
}
