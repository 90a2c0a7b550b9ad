namespace Echelon.Studio.Configuration;

/// <summary>The <c>session</c> section: what a run is called, where its recordings go and what seeds it.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record SessionSettings
{
    /// <summary>The default <see cref="Name"/>.</summary>
    public const string DefaultName = "studio";

    /// <summary>Longest <see cref="Name"/>.</summary>
    public const int MaxNameLength = 64;

    /// <summary>
    /// <c>name</c>: the run's name, 1–64 of <c>A–Z a–z 0–9 . _ -</c>, not starting with <c>.</c>; recorded sessions
    /// are named after it (it becomes part of a folder name, so it is held to the characters every file system takes).
    /// </summary>
    public string Name { get; init; } = DefaultName;

    /// <summary>
    /// <c>recordings</c>: the folder session archives are written under. Relative paths in a file are resolved
    /// against the file's folder when it is loaded; the default is relative to the working directory.
    /// </summary>
    public string RecordingsFolder { get; init; } = "sessions";

    /// <summary><c>record_on_start</c>: start recording as soon as the studio starts, rather than on request.</summary>
    public bool RecordOnStart { get; init; }

    /// <summary><c>seed</c>: seeds everything random (the synthetic dancer, the composer, the seeded equilibrium), 0–18446744073709551615.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>True when <paramref name="name"/> is a valid <see cref="Name"/>.</summary>
    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name[0] == '.')
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
