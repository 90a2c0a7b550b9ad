namespace Echelon.Motion.Tests.Infrastructure;

/// <summary>
/// Finds the project's shared test data (<c>shared/data</c>, a sibling of the repository root) by
/// walking up from the test binaries, so the tests run from any checkout location.
/// </summary>
public static class SharedTestData
{
    private static readonly Lazy<string> s_root = new(Locate);

    /// <summary>The <c>shared/data</c> folder.</summary>
    public static string Root => s_root.Value;

    /// <summary>The Oxford step-counter validation trace (user 1, hand-held, ~194 s at 100 Hz).</summary>
    public static string OxfordHandCsv =>
        Path.Combine(Root, "motion", "oxford-step-counter", "user1_hand_1506421989895.csv");

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
