using System.Globalization;
using System.Text.Json;

namespace Echelon.Audio.Tests.Peers;

public sealed class OnsetMatchingTests
{
    [Fact]
    public void Score_Identical_IsPerfect()
    {
        var score = OnsetMatching.Score([0.5, 1.0, 1.5], [0.5, 1.0, 1.5]);

        Assert.Equal(new OnsetScore(3, 3, 3), score);
        Assert.Equal(1.0, score.FMeasure);
    }

    [Fact]
    public void Score_WindowIsInclusive_AndEachEventIsUsedOnce()
    {
        // 1.05 is exactly at the edge of 1.0's window; 0.98 and 1.02 compete for the one reference at 1.0.
        Assert.Equal(1, OnsetMatching.Score([1.0], [1.0 + 0.05]).Matches);
        Assert.Equal(0, OnsetMatching.Score([1.0], [1.0 + 0.0501]).Matches);
        Assert.Equal(new OnsetScore(1, 1, 2), OnsetMatching.Score([1.0], [0.98, 1.02]));
    }

    [Fact]
    public void Score_GreedyChoiceThatAFirstFitWouldGetWrong_StillFindsTheMaximum()
    {
        // 0.96 fits only 1.0; 1.04 fits both 1.0 and 1.08. Matching 1.04 to 1.0 would strand 1.08.
        var score = OnsetMatching.Score([1.0, 1.08], [0.96, 1.04]);

        Assert.Equal(2, score.Matches);
    }

    [Fact]
    public void Score_UnsortedInput_IsSortedFirst() =>
        Assert.Equal(3, OnsetMatching.Score([1.5, 0.5, 1.0], [1.01, 1.49, 0.52]).Matches);

    [Fact]
    public void Score_Empty_IsZeroNotNaN()
    {
        Assert.Equal(0.0, OnsetMatching.Score([], [1.0]).FMeasure);
        Assert.Equal(0.0, OnsetMatching.Score([1.0], []).FMeasure);
        Assert.Equal(0.0, OnsetMatching.Score([], []).FMeasure);
    }

    [Fact]
    public void Score_HalfTheEstimatesSpurious_HasPrecisionOneHalf()
    {
        var score = OnsetMatching.Score([1.0, 2.0], [1.0, 1.5, 2.0, 2.5]);

        Assert.Equal(0.5, score.Precision);
        Assert.Equal(1.0, score.Recall);
        Assert.Equal(2.0 / 3.0, score.FMeasure, 12);
    }

    [PeerFact("mir_eval")]
    [Trait("Peer", "mir_eval")]
    public void Score_RandomSequences_AgreesWithMirEval()
    {
        var rng = new TestRandom(42);
        var cases = new List<(double[] Reference, double[] Estimated)>();
        for (var c = 0; c < 40; c++)
        {
            var reference = new List<double>();
            for (var t = rng.NextUnit() * 0.3; t < 10; t += 0.06 + (rng.NextUnit() * 0.4))
            {
                reference.Add(Math.Round(t, 6));
            }

            var estimated = new List<double>();
            foreach (var r in reference)
            {
                if (rng.NextUnit() < 0.85)
                {
                    estimated.Add(Math.Round(r + ((rng.NextUnit() - 0.5) * 0.16), 6)); // jitter up to ±80 ms
                }

                if (rng.NextUnit() < 0.1)
                {
                    estimated.Add(Math.Round(r + 0.02 + (rng.NextUnit() * 0.1), 6)); // a double detection
                }
            }

            estimated.Sort();
            cases.Add((reference.ToArray(), estimated.ToArray()));
        }

        using var dir = new TempDirectory();
        var input = dir.File("cases.json");
        File.WriteAllText(input, JsonSerializer.Serialize(cases.Select(c => new[] { c.Reference, c.Estimated })));
        const string script = """
            import json, sys, warnings
            import numpy as np, mir_eval
            warnings.simplefilter("ignore")
            out = []
            for ref, est in json.load(open(sys.argv[1])):
                out.append(list(mir_eval.onset.f_measure(np.array(ref), np.array(est), window=0.05)))
            print(json.dumps(out))
            """;

        var run = PeerTool.Get("mir_eval").Run("-c", script, input);
        var expected = JsonSerializer.Deserialize<double[][]>(run.StandardOutput)!;

        for (var c = 0; c < cases.Count; c++)
        {
            var ours = OnsetMatching.Score(cases[c].Reference, cases[c].Estimated);
            var message = string.Create(CultureInfo.InvariantCulture, $"case {c}: ours F={ours.FMeasure} P={ours.Precision} R={ours.Recall}, mir_eval {string.Join(' ', expected[c])}");
            Assert.True(Math.Abs(ours.FMeasure - expected[c][0]) < 1e-12, message);
            Assert.True(Math.Abs(ours.Precision - expected[c][1]) < 1e-12, message);
            Assert.True(Math.Abs(ours.Recall - expected[c][2]) < 1e-12, message);
        }
    }
}
