using System.Diagnostics.CodeAnalysis;

namespace Echelon.Music.Theory;

/// <summary>
/// Mode names ↔ <see cref="Mode"/>: the seven lower-case names (ionian … locrian), matched without
/// regard to case, plus the aliases <c>major</c> (ionian) and <c>minor</c> (aeolian).
/// </summary>
/// <remarks>Thread-safe; parsing allocates only when it throws.</remarks>
public static class ModeNames
{
    /// <summary>The field name every parse error carries: <c>mode</c>.</summary>
    public const string FieldName = "mode";

    private static readonly string[] s_names = ["ionian", "dorian", "phrygian", "lydian", "mixolydian", "aeolian", "locrian"];

    /// <summary>The seven names, in the order of <see cref="Mode"/>.</summary>
    public static IReadOnlyList<string> AllowedNames => s_names;

    /// <summary>The allowed names as one line, for error messages and help text.</summary>
    public static string AllowedList { get; } = string.Join(", ", s_names) + " (also major = ionian, minor = aeolian)";

    /// <summary>Parses a mode name, ignoring case and surrounding spaces.</summary>
    /// <exception cref="ModeParseException">Not a mode name; the message names <c>mode</c> and lists the seven.</exception>
    public static Mode Parse(string? text)
    {
        if (TryParse(text, out Mode mode))
        {
            return mode;
        }

        string shown = text?.Trim() ?? string.Empty;
        string message = shown.Length == 0
            ? $"mode is missing; allowed: {AllowedList}."
            : $"mode \"{shown}\" is not one of the seven diatonic modes; allowed: {AllowedList}.";
        throw new ModeParseException(message, text);
    }

    /// <summary>Parses a mode name; false (and <see cref="Mode.Ionian"/>) when <paramref name="text"/> is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Mode mode)
    {
        mode = Mode.Ionian;
        if (text is null)
        {
            return false;
        }

        ReadOnlySpan<char> s = text.AsSpan().Trim();
        for (int i = 0; i < s_names.Length; i++)
        {
            if (s.Equals(s_names[i], StringComparison.OrdinalIgnoreCase))
            {
                mode = (Mode)i;
                return true;
            }
        }

        if (s.Equals("major", StringComparison.OrdinalIgnoreCase))
        {
            mode = Mode.Ionian;
            return true;
        }

        if (s.Equals("minor", StringComparison.OrdinalIgnoreCase))
        {
            mode = Mode.Aeolian;
            return true;
        }

        return false;
    }

    /// <summary>The lower-case name of <paramref name="mode"/>.</summary>
    public static string Format(Mode mode)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode must be one of {AllowedList}.");
        }

        return s_names[(int)mode];
    }
}
