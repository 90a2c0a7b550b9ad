using System.Diagnostics.CodeAnalysis;

namespace Echelon.Music.Theory;

/// <summary>
/// Key names ↔ tonic pitch classes (0 = C … 11 = B). A name is a letter A–G in either case,
/// optionally followed by one accidental: <c>#</c> or <c>♯</c> for sharp, <c>b</c> or <c>♭</c> for flat
/// (so <c>"Bb"</c>, <c>"bb"</c> and <c>"B♭"</c> are all B flat, and <c>"c#"</c> is C sharp).
/// </summary>
/// <remarks>
/// The German <c>H</c> is refused with its own message: it means B natural, but German <c>B</c> means
/// B flat, so accepting one without the other would silently play the wrong key. Thread-safe; parsing
/// allocates only when it throws.
/// </remarks>
public static class KeyName
{
    /// <summary>The field name every parse error carries: <c>key</c>.</summary>
    public const string FieldName = "key";

    private static readonly string[] s_sharpNames = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
    private static readonly string[] s_flatNames = ["C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"];
    private static readonly string[] s_allowed =
        ["C", "C#", "Db", "D", "D#", "Eb", "E", "F", "F#", "Gb", "G", "G#", "Ab", "A", "A#", "Bb", "B"];

    private static readonly int[] s_naturals = [9, 11, 0, 2, 4, 5, 7]; // A B C D E F G

    /// <summary>The canonical names, one per sharp and flat spelling, in pitch order from C.</summary>
    public static IReadOnlyList<string> AllowedNames => s_allowed;

    /// <summary>The allowed names as one line, for error messages and help text.</summary>
    public static string AllowedList { get; } =
        string.Join(", ", s_allowed) + " (letter in either case; # or b for sharp or flat)";

    /// <summary>Parses a key name to its tonic pitch class 0–11.</summary>
    /// <exception cref="KeyParseException">The text is not a key name; the message names <c>key</c> and lists the allowed names.</exception>
    public static int Parse(string? text)
    {
        if (TryParse(text, out int tonic))
        {
            return tonic;
        }

        throw Failure(text);
    }

    /// <summary>Parses a key name; false (and 0) when <paramref name="text"/> is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out int tonic)
    {
        tonic = 0;
        if (text is null)
        {
            return false;
        }

        ReadOnlySpan<char> s = text.AsSpan().Trim();
        if (s.Length is < 1 or > 2)
        {
            return false;
        }

        char letter = char.ToUpperInvariant(s[0]);
        if (letter is < 'A' or > 'G')
        {
            return false;
        }

        int pc = s_naturals[letter - 'A'];
        if (s.Length == 2)
        {
            switch (s[1])
            {
                case '#' or '♯':
                    pc += 1;
                    break;
                case 'b' or '♭':
                    pc -= 1;
                    break;
                default:
                    return false;
            }
        }

        tonic = (pc + 12) % 12;
        return true;
    }

    /// <summary>The name of a tonic pitch class, spelled with sharps or (when <paramref name="preferFlats"/>) flats.</summary>
    public static string Format(int tonic, bool preferFlats = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tonic);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tonic, 11);
        return preferFlats ? s_flatNames[tonic] : s_sharpNames[tonic];
    }

    private static KeyParseException Failure(string? text)
    {
        if (text is null || text.AsSpan().Trim().IsEmpty)
        {
            return new KeyParseException($"key is missing; allowed: {AllowedList}.", text);
        }

        string trimmed = text.Trim();
        if (trimmed is "H" or "h")
        {
            return new KeyParseException(
                $"key \"{trimmed}\" is not allowed: H is the German name for B natural (and German B is B flat); " +
                $"write \"B\" or \"Bb\". Allowed: {AllowedList}.",
                text);
        }

        return new KeyParseException($"key \"{trimmed}\" is not a key name; allowed: {AllowedList}.", text);
    }
}
