namespace Echelon.Protocols.Tests.Osc.Infrastructure;

/// <summary>
/// Finds the shared OSC test vectors (<c>shared/data/osc_midi</c>, a sibling of the repository root)
/// by walking up from the test binaries; CI always has them, so a missing folder fails with where it looked.
/// </summary>
internal static class OscData
{
    private static readonly Lazy<string> s_root = new(Locate);

    /// <summary>The <c>shared/data/osc_midi</c> folder.</summary>
    public static string Root => s_root.Value;

    /// <summary>The full path of a file under <c>shared/data/osc_midi</c>; throws when it is missing.</summary>
    public static string PathOf(string relative)
    {
        string file = Path.Combine(Root, relative);
        return File.Exists(file) ? file : throw new FileNotFoundException($"The shared data folder has no osc_midi/{relative}.", file);
    }

    /// <summary>The text of a vector file.</summary>
    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string Locate()
    {
        var looked = new List<string>();
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "osc_midi");
            looked.Add(candidate);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "The shared OSC test vectors (shared/data/osc_midi next to the repository root) were not found. Looked in:"
            + Environment.NewLine + string.Join(Environment.NewLine, looked));
    }
}
