using Echelon.Core.Equilibrium;

namespace Echelon.Core.Serialization;

/// <summary>
/// The strings that stand for enum values in the file. Spelled out here rather than derived from the
/// enum names, so renaming an enum member can never silently change the format.
/// </summary>
internal static class ParameterFileVocabulary
{
    /// <summary>Every allowed <c>prox</c> string, quoted, for messages.</summary>
    public const string AllowedProx = "\"none\", \"non-negative\", \"soft-threshold\", \"box\"";

    /// <summary>Every allowed <c>warmStart</c> string, quoted, for messages.</summary>
    public const string AllowedWarmStart = "\"cold\", \"previous\", \"extrapolate\"";

    /// <summary>The file's name for a prox kind.</summary>
    public static string Name(ProxKind prox) => prox switch
    {
        ProxKind.None => "none",
        ProxKind.NonNegative => "non-negative",
        ProxKind.SoftThreshold => "soft-threshold",
        ProxKind.Box => "box",
        _ => throw new ArgumentOutOfRangeException(nameof(prox), prox, $"Prox must be one of {AllowedProx}."),
    };

    /// <summary>The file's name for a warm start.</summary>
    public static string Name(WarmStart warmStart) => warmStart switch
    {
        WarmStart.Cold => "cold",
        WarmStart.Previous => "previous",
        WarmStart.Extrapolate => "extrapolate",
        _ => throw new ArgumentOutOfRangeException(nameof(warmStart), warmStart, $"WarmStart must be one of {AllowedWarmStart}."),
    };

    /// <summary>Parses a <c>prox</c> string (exact, case-sensitive).</summary>
    public static bool TryParseProx(string text, out ProxKind prox)
    {
        (bool ok, prox) = text switch
        {
            "none" => (true, ProxKind.None),
            "non-negative" => (true, ProxKind.NonNegative),
            "soft-threshold" => (true, ProxKind.SoftThreshold),
            "box" => (true, ProxKind.Box),
            _ => (false, default),
        };
        return ok;
    }

    /// <summary>Parses a <c>warmStart</c> string (exact, case-sensitive).</summary>
    public static bool TryParseWarmStart(string text, out WarmStart warmStart)
    {
        (bool ok, warmStart) = text switch
        {
            "cold" => (true, WarmStart.Cold),
            "previous" => (true, WarmStart.Previous),
            "extrapolate" => (true, WarmStart.Extrapolate),
            _ => (false, default),
        };
        return ok;
    }
}
