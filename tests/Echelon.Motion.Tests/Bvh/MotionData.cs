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
        string file = Path.Combine(Infrastructure.SharedTestData.Root, "motion", relative);
        return File.Exists(file) ? file : throw new FileNotFoundException($"The shared data folder has no motion/{relative}.", file);
    }
}
