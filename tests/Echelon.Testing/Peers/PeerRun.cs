namespace Echelon.Testing.Peers;

/// <summary>What one run of a peer program gave back.</summary>
public sealed record PeerRun(
    string Tool,
    IReadOnlyList<string> Arguments,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Elapsed)
{
    /// <summary>The command line as a person would type it, for failure messages.</summary>
    public string CommandLine => Tool + " " + string.Join(' ', Arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
}
