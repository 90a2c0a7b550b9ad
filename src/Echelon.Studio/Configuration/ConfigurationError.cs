using System.Globalization;
using System.Text;

namespace Echelon.Studio.Configuration;

/// <summary>
/// One problem in a studio configuration file: where it is (1-based line and column), which field, the value
/// found there and what is allowed instead.
/// </summary>
/// <param name="Line">1-based line of the offending node; 0 when the problem has no place in the text (a missing file).</param>
/// <param name="Column">1-based column of the offending node; 0 with <paramref name="Line"/> 0.</param>
/// <param name="Field">The field's path, e.g. <c>tempo.bpm</c> or <c>mappings[2].target</c>; empty for a syntax error.</param>
/// <param name="Value">The value as written (a key, for an unknown or duplicate key); null when the field is missing.</param>
/// <param name="Allowed">What the field accepts, e.g. <c>40–200</c>; null for a syntax error.</param>
/// <param name="Message">The whole problem in words, e.g. <c>bad value '300'; allowed: 40–200</c>.</param>
/// <remarks>Immutable.</remarks>
public sealed record ConfigurationError(int Line, int Column, string Field, string? Value, string? Allowed, string Message)
{
    /// <summary>
    /// The error as one line: <c>file:line:column: field: message</c>, the way compilers report, so editors and
    /// terminals can jump to it. <paramref name="file"/> null or empty leaves the file out.
    /// </summary>
    public string Format(string? file)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(file))
        {
            text.Append(file).Append(':');
        }

        if (Line > 0)
        {
            text.Append(Line.ToString(CultureInfo.InvariantCulture)).Append(':')
                .Append(Column.ToString(CultureInfo.InvariantCulture)).Append(':');
        }

        if (text.Length > 0)
        {
            text.Append(' ');
        }

        if (Field.Length > 0)
        {
            text.Append(Field).Append(": ");
        }

        return text.Append(Message).ToString();
    }

    /// <summary>The error as <c>line:column: field: message</c>.</summary>
    public override string ToString() => Format(null);
}
