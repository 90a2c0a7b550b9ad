namespace Echelon.Audio.Tests.Evaluation;

/// <summary>
/// Finds the evaluation test data in the project's shared data (<c>shared/data</c>, a sibling of the
/// repository root) by walking up from the test binaries: mir_eval's own regression vectors under
/// <c>metrics/mir_eval</c>, and real annotations (madmom, MDB-stem-synth). CI always has them, so a
/// missing folder fails with where it looked.
/// </summary>
public static class EvaluationData
{
    private static readonly Lazy<string> s_root = new(Locate);

    /// <summary>The <c>shared/data/metrics/mir_eval</c> folder.</summary>
    public static string MirEvalRoot => Path.Combine(s_root.Value, "metrics", "mir_eval");

    /// <summary>The full path of mir_eval's <paramref name="family"/>/<paramref name="file"/>; throws when missing.</summary>
    public static string MirEval(string family, string file) => Existing(Path.Combine("metrics", "mir_eval", family, file));

    /// <summary>The full path of <paramref name="relative"/> under <c>shared/data</c>; throws when missing.</summary>
    public static string Existing(string relative)
    {
        string path = Path.Combine(s_root.Value, relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"The shared data has no {relative}.", path);
    }

    /// <summary>The numbers NN of every mir_eval <c>outputNN.json</c> in <paramref name="family"/>, sorted.</summary>
    public static IReadOnlyList<string> Cases(string family) =>
        [.. Directory.EnumerateFiles(Path.Combine(MirEvalRoot, family), "output*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f)["output".Length..])
            .Order(StringComparer.Ordinal)];

    private static string Locate()
    {
        var looked = new List<string>();
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data");
            looked.Add(candidate);
            if (Directory.Exists(Path.Combine(candidate, "metrics", "mir_eval")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "The shared test data with mir_eval's vectors (shared/data/metrics/mir_eval next to the repository root) was not found. Looked in:"
            + Environment.NewLine + string.Join(Environment.NewLine, looked));
    }
}
