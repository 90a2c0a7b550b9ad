namespace Echelon.Studio.Configuration;

/// <summary>Collects every <see cref="ConfigurationError"/> of one load, phrased the same way everywhere.</summary>
internal sealed class ErrorList
{
    private readonly List<ConfigurationError> _errors = [];

    /// <summary>How many errors so far.</summary>
    public int Count => _errors.Count;

    /// <summary>True when an error about <paramref name="field"/> has been reported already.</summary>
    public bool Reported(string field) => _errors.Exists(e => string.Equals(e.Field, field, StringComparison.Ordinal));

    /// <summary>The errors in the order of the text (line, then column, then the order found).</summary>
    public IReadOnlyList<ConfigurationError> Sorted() =>
        [.. _errors.Select((e, i) => (e, i)).OrderBy(p => p.e.Line).ThenBy(p => p.e.Column).ThenBy(p => p.i).Select(p => p.e)];

    /// <summary>A value that is not allowed: <c>bad value 'x' (reason); allowed: …</c>.</summary>
    public void BadValue(ConfigNode node, string field, string allowed, string? reason = null) =>
        BadValue(node.Line, node.Column, field, node.Shown, allowed, reason);

    /// <summary>A value that is not allowed, at an explicit place.</summary>
    public void BadValue(int line, int column, string field, string value, string allowed, string? reason = null)
    {
        string why = reason is null ? string.Empty : $" ({reason})";
        _errors.Add(new ConfigurationError(line, column, field, value, allowed, $"bad value '{value}'{why}; allowed: {allowed}"));
    }

    /// <summary>A required field that is absent; reported at the mapping that should hold it.</summary>
    public void Missing(ConfigNode parent, string field, string allowed) =>
        _errors.Add(new ConfigurationError(parent.Line, parent.Column, field, null, allowed, $"missing; allowed: {allowed}"));

    /// <summary>A key the section does not know, with the closest known key when one is near.</summary>
    public void UnknownKey(ConfigScalar key, string field, IReadOnlyList<string> known, string? hint = null)
    {
        string allowed = string.Join(", ", known);
        string? guess = KeySuggestion.Closest(key.Text, known);
        string message = $"unknown key '{key.Text}'";
        if (hint is not null)
        {
            message += $" ({hint})";
        }

        message += $"; allowed: {allowed}";
        if (guess is not null)
        {
            message += $"; did you mean '{guess}'?";
        }

        _errors.Add(new ConfigurationError(key.Line, key.Column, field, key.Text, allowed, message));
    }

    /// <summary>A key written twice in one mapping.</summary>
    public void DuplicateKey(ConfigScalar key, string field, ConfigScalar first) =>
        _errors.Add(new ConfigurationError(
            key.Line,
            key.Column,
            field,
            key.Text,
            "each key once",
            $"duplicate key '{key.Text}' (first at line {first.Line}, column {first.Column}); allowed: each key once"));

    /// <summary>Text the YAML parser could not read.</summary>
    public void Syntax(int line, int column, string problem) =>
        _errors.Add(new ConfigurationError(line, column, string.Empty, null, null, $"syntax error: {problem}"));

    /// <summary>Any other problem, phrased by the caller.</summary>
    public void Other(int line, int column, string field, string? value, string? allowed, string message) =>
        _errors.Add(new ConfigurationError(line, column, field, value, allowed, message));
}
