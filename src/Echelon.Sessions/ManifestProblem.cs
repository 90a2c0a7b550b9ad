namespace Echelon.Sessions;

/// <summary>The first inconsistency found in a manifest: its JSON path, what is wrong, and the constructor parameter it came from.</summary>
internal readonly record struct ManifestProblem(string Field, string Problem, string Parameter);
