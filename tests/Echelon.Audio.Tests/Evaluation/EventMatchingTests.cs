using Echelon.Audio.Evaluation;
using Echelon.Audio.Tests.Peers;

namespace Echelon.Audio.Tests.Evaluation;

public sealed class EventMatchingTests
{
    [Fact]
    public void Match_WindowEdge_IsDecidedByMirEvalsBoundsNotByTheDistance()
    {
        // In doubles |1.0 − 1.05| is 0.050000000000000044 > 0.05, but mir_eval searches for r in [e − w, e + w],
        // and 1.05 − 0.05 rounds to exactly 1.0, so it pairs them (python3 -c "mir_eval.onset.f_measure([1.0], [1.05])" gives 1.0).
        Assert.True(Math.Abs(1.0 - 1.05) > 0.05);

        Assert.Single(EventMatching.Match([1.0], [1.05], 0.05));
        Assert.Empty(EventMatching.Match([1.0], [1.0501], 0.05));
    }

    [Fact]
    public void Match_EachEventIsUsedOnce()
    {
        EventMatch[] pairs = EventMatching.Match([1.0], [0.98, 1.02], 0.05);

        Assert.Single(pairs);
        Assert.Equal(0, pairs[0].Reference);
    }

    [Fact]
    public void Match_WhenFirstFitWouldStrandAReference_StillFindsTheMaximum()
    {
        // 1.04 fits both references and comes first; 0.96 fits only 1.0. Taking 1.0 for 1.04 would strand 1.08.
        EventMatch[] pairs = EventMatching.Match([1.0, 1.08], [1.04, 0.96], 0.05);

        Assert.Equal([new EventMatch(0, 1), new EventMatch(1, 0)], pairs);
    }

    [Fact]
    public void Match_AugmentingPathThroughEveryEvent_IsFoundWithoutRecursion()
    {
        // Estimate i sits between references i and i + 1; a last estimate fits only reference 0. Reaching the full
        // matching means re-routing all 100 000 earlier pairs along one alternating path.
        const int N = 100_000;
        double[] reference = [.. Enumerable.Range(0, N + 1).Select(i => (double)i)];
        double[] estimated = [.. Enumerable.Range(0, N).Select(i => i + 0.5), -0.25];

        EventMatch[] pairs = EventMatching.Match(reference, estimated, 0.5);

        Assert.Equal(N + 1, pairs.Length);
        Assert.Equal(new EventMatch(0, N), pairs[0]);
    }

    [Fact]
    public void Match_RandomUnsortedSets_HaveTheSizeOfABruteForceMaximumAndValidPairs()
    {
        var rng = new TestRandom(5);
        for (int c = 0; c < 400; c++)
        {
            double[] reference = [.. Enumerable.Range(0, 1 + (int)(rng.NextUnit() * 8)).Select(_ => Math.Round(rng.NextUnit(), 2))];
            double[] estimated = [.. Enumerable.Range(0, 1 + (int)(rng.NextUnit() * 8)).Select(_ => Math.Round(rng.NextUnit(), 2))];
            double window = 0.02 + (rng.NextUnit() * 0.2);

            EventMatch[] pairs = EventMatching.Match(reference, estimated, window);

            Assert.Equal(BruteForceMaximum(reference, estimated, window, 0, 0), pairs.Length);
            Assert.Equal(pairs.Length, pairs.Select(p => p.Reference).Distinct().Count());
            Assert.Equal(pairs.Length, pairs.Select(p => p.Estimated).Distinct().Count());
            Assert.All(pairs, p => Assert.True(Fits(reference[p.Reference], estimated[p.Estimated], window)));
        }
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Match_BadWindow_Throws(double window) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EventMatching.Match([1.0], [1.0], window));

    private static bool Fits(double r, double e, double window) => r >= e - window && r <= e + window;

    private static int BruteForceMaximum(double[] reference, double[] estimated, double window, int e, int usedReferences)
    {
        if (e == estimated.Length)
        {
            return 0;
        }

        int best = BruteForceMaximum(reference, estimated, window, e + 1, usedReferences);
        for (int r = 0; r < reference.Length; r++)
        {
            if ((usedReferences & (1 << r)) == 0 && Fits(reference[r], estimated[e], window))
            {
                best = Math.Max(best, 1 + BruteForceMaximum(reference, estimated, window, e + 1, usedReferences | (1 << r)));
            }
        }

        return best;
    }
}
