namespace Echelon.Motion.Tests.Infrastructure;

/// <summary>
/// The motion recordings of the project's shared test data, found through <see cref="Echelon.Testing.SharedData"/>.
/// </summary>
public static class SharedTestData
{
    /// <summary>The <c>shared/data</c> folder.</summary>
    public static string Root => Echelon.Testing.SharedData.Root;

    /// <summary>The Oxford step-counter validation trace (user 1, hand-held, ~194 s at 100 Hz).</summary>
    public static string OxfordHandCsv =>
        Path.Combine(Root, "motion", "oxford-step-counter", "user1_hand_1506421989895.csv");
}
