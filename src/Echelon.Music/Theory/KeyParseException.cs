namespace Echelon.Music.Theory;

/// <summary>
/// A key name that <see cref="KeyName.Parse"/> does not accept. <see cref="ArgumentException.ParamName"/>
/// is always <c>key</c>, and the message lists the names that are allowed.
/// </summary>
public sealed class KeyParseException : ArgumentException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public KeyParseException()
        : this("key is not a valid key name.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public KeyParseException(string message)
        : base(message, KeyName.FieldName)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public KeyParseException(string message, Exception innerException)
        : base(message, KeyName.FieldName, innerException)
    {
    }

    /// <summary>Creates the exception for the rejected text <paramref name="value"/>.</summary>
    internal KeyParseException(string message, string? value)
        : base(message, KeyName.FieldName)
    {
        Value = value;
    }

    /// <summary>The text that was rejected (null when none was given).</summary>
    public string? Value { get; }

    /// <summary>The key names that are accepted (letters in either case; <c>#</c> or <c>b</c> for sharp or flat).</summary>
    public static IReadOnlyList<string> AllowedValues => KeyName.AllowedNames;
}
