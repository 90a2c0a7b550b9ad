namespace Echelon.Studio.Configuration;

/// <summary>A scalar node: its text and whether it was written plain (unquoted, so it may be a number, bool or null).</summary>
internal sealed class ConfigScalar(int line, int column, string text, bool plain) : ConfigNode(line, column)
{
    /// <summary>The scalar's value after YAML's quoting and folding rules.</summary>
    public string Text { get; } = text;

    /// <summary>True when written without quotes or block indicators.</summary>
    public bool Plain { get; } = plain;

    /// <summary>
    /// True for YAML 1.2's null: an empty plain scalar, <c>~</c>, <c>null</c>, <c>Null</c> or <c>NULL</c>.
    /// </summary>
    public bool IsNull => Plain && Text is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>
    /// True for a value that stands in for one already reported (an alias to an unknown anchor): readers take the
    /// default without a second error.
    /// </summary>
    public bool Reported { get; init; }

    /// <inheritdoc/>
    public override string Shown => Plain ? Text : $"\"{Text}\"";
}
