namespace Echelon.Studio.Configuration;

/// <summary>
/// A studio configuration that could not be used: every problem found in it, not just the first, each with its
/// line, column, field and what is allowed.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception without errors (for serializers and tests).</summary>
    public ConfigurationException()
        : this("The studio configuration is not valid.")
    {
    }

    /// <summary>Creates the exception with a message and no errors.</summary>
    public ConfigurationException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message, no errors and an inner exception.</summary>
    public ConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Creates the exception for <paramref name="errors"/> found in <paramref name="source"/>.</summary>
    /// <param name="source">The file the errors are in, as the user named it, or a label such as <c>&lt;text&gt;</c>.</param>
    /// <param name="errors">Every problem, in the order of the text.</param>
    public ConfigurationException(string source, IReadOnlyList<ConfigurationError> errors)
        : base(Describe(source, errors))
    {
        SourceName = source;
        Errors = errors;
    }

    /// <summary>The file the errors are in, as the user named it, or a label such as <c>&lt;text&gt;</c>; null without errors.</summary>
    public string? SourceName { get; }

    /// <summary>Every problem, in the order of the text.</summary>
    public IReadOnlyList<ConfigurationError> Errors { get; }

    /// <summary>Each error as <c>file:line:column: field: message</c>, one per element.</summary>
    public IEnumerable<string> FormatErrors() => Errors.Select(e => e.Format(SourceName));

    private static string Describe(string source, IReadOnlyList<ConfigurationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        string count = errors.Count == 1 ? "1 error" : $"{errors.Count} errors";
        return $"{source}: {count} in the studio configuration:{Environment.NewLine}" +
            string.Join(Environment.NewLine, errors.Select(e => e.Format(source)));
    }
}
