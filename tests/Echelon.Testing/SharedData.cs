namespace Echelon.Testing;

/// <summary>
/// Finds the project's shared test data (<c>shared/data</c>, a sibling of the repository root) by walking up from
/// the test binaries, so tests run from any checkout location. CI always has it, so a missing folder or file fails
/// with where it looked.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> s_root = new(Locate);

    /// <summary>The <c>shared/data</c> folder.</summary>
    public static string Root => s_root.Value;

    /// <summary>A folder under <c>shared/data</c>; throws naming it when it is missing.</summary>
    public static string Folder(params string[] parts)
    {
        string folder = Path.Combine([Root, .. parts]);
        return Directory.Exists(folder) ? folder : throw new DirectoryNotFoundException($"The shared data has no folder {string.Join('/', parts)} (looked for {folder}).");
    }

    /// <summary>A file under <c>shared/data</c>; throws naming it when it is missing.</summary>
    public static string File(params string[] parts)
    {
        string file = Path.Combine([Root, .. parts]);
        return System.IO.File.Exists(file) ? file : throw new FileNotFoundException($"The shared data has no {string.Join('/', parts)}.", file);
    }

    private static string Locate()
    {
        var looked = new List<string>();
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data");
            looked.Add(candidate);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "The shared test data folder (shared/data next to the repository root) was not found. Looked in:"
            + Environment.NewLine + string.Join(Environment.NewLine, looked));
    }
}
