namespace Echelon.Motion.Tests.Bvh;

/// <summary>
/// Finds the shared motion data (<c>../shared/data/motion</c> next to the repository) by walking up
/// from the test binaries; CI always has it, so a missing folder fails with where it looked.
/// </summary>
internal static class MotionData
{
    public const string Cmu131 = "cmu-131-bvh11/131_03.bvh";
    public const string Salsa60 = "cmu-salsa-60_61/60_10_scaled.bvh";
    public const string Salsa61 = "cmu-salsa-60_61/61_10_scaled.bvh";

    /// <summary>The full path of a file under <c>shared/data/motion</c>.</summary>
    public static string PathOf(string relative)
    {
        var looked = new List<string>();
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string data = Path.Combine(dir.FullName, "shared", "data");
            looked.Add(data);
            if (Directory.Exists(data))
            {
                string file = Path.Combine(data, "motion", relative);
                return File.Exists(file)
                    ? file
                    : throw new FileNotFoundException($"The shared data folder {data} has no motion/{relative}.", file);
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/data folder above {AppContext.BaseDirectory}; looked in: {string.Join(", ", looked)}. "
            + "The data lives in ../shared/data next to the repository root.");
    }
}
