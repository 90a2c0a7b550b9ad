namespace Echelon.Audio.Tests.Evaluation;

/// <summary>
/// Finds mir_eval's own regression vectors in the project's shared data
/// (<c>shared/data/metrics/mir_eval</c>, a sibling of the repository root) by walking up from the test
/// binaries. CI always has them, so a missing folder fails with where it looked.
/// </summary>
public static class MirEvalData
{
    private static readonly Lazy<string> s_root = new(Locate);

    /// <summary>The <c>shared/data/metrics/mir_eval</c> folder.</summary>
    public static string Root => s_root.Value;

    /// <summary>The full path of <paramref name="family"/>/<paramref name="file"/>; throws when missing.</summary>
    public static string PathOf(string family, string file)
    {
        string path = Path.Combine(Root, family, file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"The shared data has no metrics/mir_eval/{family}/{file}.", path);
    }

    /// <summary>The numbers NN of every <c>outputNN.json</c> in <paramref name="family"/>, sorted.</summary>
    public static IReadOnlyList<string> Cases(string family) =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, family), "output*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f)["output".Length..])
            .Order(StringComparer.Ordinal)];

    private static string Locate()
    {
        var looked = new List<string>();
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "metrics", "mir_eval");
            looked.Add(candidate);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "mir_eval's test vectors (shared/data/metrics/mir_eval next to the repository root) were not found. Looked in:"
            + Environment.NewLine + string.Join(Environment.NewLine, looked));
    }
}
