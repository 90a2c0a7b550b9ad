using System.Globalization;
using System.Text.Json.Nodes;
using Echelon.Audio.Evaluation;

namespace Echelon.Audio.Tests.Evaluation;

/// <summary>
/// Our metrics against the real mir_eval 0.7 (Debian's python3-mir-eval) on seeded random
/// reference/estimate pairs. One Python process per metric family reads every pair from a JSON file
/// and prints every score, so each test costs one interpreter start. Where mir_eval raises, ours must
/// throw. Scores agree within 1e-9. Both sides do the same IEEE operations in the same order (sums in
/// numpy's pairwise order), so on these seeds onsets, melody and tempo agree bit for bit; beats differ
/// in the last bit where numpy's exp and log2 round differently from .NET's.
/// </summary>
[Trait("Peer", "mir_eval")]
public sealed class MirEvalPeerTests
{
    private const double Tolerance = 1e-9;

    // Floats go back as JSON numbers, NaN as null (json.dumps would write a bare NaN), and a ValueError as its message.
    private const string Prelude = """
        import json, math, sys, warnings
        import numpy as np, mir_eval
        warnings.simplefilter("ignore")
        def num(x):
            x = float(x)
            return None if math.isnan(x) else x
        def run(f):
            try:
                return [num(v) for v in f()]
            except ValueError as e:
                return str(e)
        cases = json.load(open(sys.argv[1]))
        """;

    [PeerFact("mir_eval")]
    public void Beats_RandomPairs_MatchMirEvalTrimmedAndUntrimmed()
    {
        var random = new RandomAnnotations(2024);
        var cases = new List<(double[] Reference, double[] Estimated)>();
        for (int c = 0; c < 300; c++)
        {
            cases.Add(random.EventPair(maxSeconds: 40));
        }

        // All-in-one-10-ms-step references: mir_eval's P-score fails there, and so must ours.
        cases.Add(([6.001, 6.004], [6.0, 6.5, 7.0]));
        cases.Add(([], [5.5, 6.0]));
        cases.Add(([7.0], [7.0]));

        // Median reference interval 52.5 steps: the P-score window is round(10.5), which numpy takes to 10 (half to even),
        // and every estimate sits 11 steps late, so half-away-from-zero would score 1 where mir_eval scores 0.
        cases.Add(([0, 0.52, 1.05, 1.57, 2.10], [0.105, 0.625, 1.155, 1.675, 2.205]));

        JsonArray results = RunMirEval(
            cases.Select(c => new JsonObject { ["ref"] = Numbers(c.Reference), ["est"] = Numbers(c.Estimated) }),
            """
            out = []
            for c in cases:
                r, e = np.array(c["ref"], dtype=float), np.array(c["est"], dtype=float)
                out.append([run(lambda: mir_eval.beat.evaluate(r, e).values()),
                            run(lambda: mir_eval.beat.evaluate(r, e, min_beat_time=0.0).values())])
            print(json.dumps(out))
            """);

        int compared = 0, failedAlike = 0;
        for (int c = 0; c < cases.Count; c++)
        {
            (double[] reference, double[] estimated) = cases[c];
            foreach ((bool trim, JsonNode? expected) in new[] { (true, results[c]![0]), (false, results[c]![1]) })
            {
                string label = Invariant($"case {c} (trim {trim}): ref [{string.Join(", ", reference)}] est [{string.Join(", ", estimated)}]");
                if (expected is JsonValue error)
                {
                    var thrown = Assert.Throws<ArgumentException>(() => BeatEvaluation.Evaluate(reference, estimated, trim));
                    Assert.True(thrown.Message.Contains("10 ms", StringComparison.Ordinal), $"{label}: mir_eval said '{error}', we said '{thrown.Message}'");
                    failedAlike++;
                    continue;
                }

                BeatScores s = BeatEvaluation.Evaluate(reference, estimated, trim);
                double[] ours = [s.FMeasure, s.Cemgil, s.CemgilBestMetricLevel, s.Goto, s.PScore, s.Cmlc, s.Cmlt, s.Amlc, s.Amlt, s.InformationGain];
                string[] names = ["F-measure", "Cemgil", "Cemgil best", "Goto", "P-score", "CMLc", "CMLt", "AMLc", "AMLt", "Information gain"];
                AssertAll(expected!.AsArray(), ours, names, label);
                compared++;
            }
        }

        Assert.True(compared >= 590, $"{compared} scored comparisons");
        Assert.True(failedAlike >= 2, $"{failedAlike} cases where both refuse");
    }

    [PeerFact("mir_eval")]
    public void Onsets_RandomPairs_MatchMirEval()
    {
        var random = new RandomAnnotations(7);
        var cases = new List<(double[] Reference, double[] Estimated, double Window)>();
        for (int c = 0; c < 300; c++)
        {
            (double[] reference, double[] estimated) = random.EventPair(maxSeconds: 20);
            double window = random.Chance(0.5) ? OnsetEvaluation.DefaultWindow : Math.Round(random.Between(0, 0.2), 3);
            cases.Add((reference, estimated, window));
        }

        // Dense, overlapping windows: many maximal matchings, and a greedy first fit would fall short.
        for (int c = 0; c < 40; c++)
        {
            double[] reference = [.. Enumerable.Range(0, 60).Select(_ => Math.Round(random.Between(0, 3), 2)).Order()];
            double[] estimated = [.. Enumerable.Range(0, 60).Select(_ => Math.Round(random.Between(0, 3), 2)).Order()];
            cases.Add((reference, estimated, 0.05));
        }

        JsonArray results = RunMirEval(
            cases.Select(c => new JsonObject { ["ref"] = Numbers(c.Reference), ["est"] = Numbers(c.Estimated), ["window"] = c.Window }),
            """
            out = []
            for c in cases:
                r, e = np.array(c["ref"], dtype=float), np.array(c["est"], dtype=float)
                out.append(run(lambda: mir_eval.onset.f_measure(r, e, window=c["window"])))
            print(json.dumps(out))
            """);

        for (int c = 0; c < cases.Count; c++)
        {
            (double[] reference, double[] estimated, double window) = cases[c];
            OnsetScores s = OnsetEvaluation.Evaluate(reference, estimated, window);
            string label = Invariant($"case {c} (window {window}): ref [{string.Join(", ", reference)}] est [{string.Join(", ", estimated)}]");
            AssertAll(results[c]!.AsArray(), [s.FMeasure, s.Precision, s.Recall], ["F-measure", "Precision", "Recall"], label);
        }
    }

    [PeerFact("mir_eval")]
    public void Melody_RandomPairs_MatchMirEval()
    {
        var random = new RandomAnnotations(99);
        var cases = new List<MelodyPair>();
        for (int c = 0; c < 200; c++)
        {
            cases.Add(random.MelodyPair());
        }

        // A reference with no voiced frame: recall is 1 by mir_eval's convention, the raw accuracies 0.
        double[] silentTimes = [.. Enumerable.Range(0, 50).Select(i => i * 0.01)];
        cases.Add(new MelodyPair(silentTimes, new double[50], silentTimes, [.. silentTimes.Select(t => 200 + t)], null, null, null));

        JsonArray results = RunMirEval(
            cases.Select(c => new JsonObject
            {
                ["rt"] = Numbers(c.RefTimes),
                ["rf"] = Numbers(c.RefFreqs),
                ["et"] = Numbers(c.EstTimes),
                ["ef"] = Numbers(c.EstFreqs),
                ["ev"] = c.EstVoicing is null ? null : Numbers(c.EstVoicing),
                ["rr"] = c.RefReward is null ? null : Numbers(c.RefReward),
                ["hop"] = c.Hop,
            }),
            """
            out = []
            for c in cases:
                a = lambda k: None if c[k] is None else np.array(c[k], dtype=float)
                out.append(run(lambda: mir_eval.melody.evaluate(a("rt"), a("rf"), a("et"), a("ef"),
                                                                est_voicing=a("ev"), ref_reward=a("rr"), hop=c["hop"]).values()))
            print(json.dumps(out))
            """);

        for (int c = 0; c < cases.Count; c++)
        {
            MelodyPair p = cases[c];
            var options = new MelodyOptions { EstimatedVoicing = p.EstVoicing, ReferenceReward = p.RefReward, Hop = p.Hop };
            MelodyScores s = MelodyEvaluation.Evaluate(p.RefTimes, p.RefFreqs, p.EstTimes, p.EstFreqs, options);
            string label = Invariant($"case {c} ({p.RefTimes.Length} reference frames from {p.RefTimes[0]} s, {p.EstTimes.Length} estimated from {p.EstTimes[0]} s, voicing {p.EstVoicing is not null}, reward {p.RefReward is not null}, hop {p.Hop})");
            AssertAll(
                results[c]!.AsArray(),
                [s.VoicingRecall, s.VoicingFalseAlarm, s.RawPitchAccuracy, s.RawChromaAccuracy, s.OverallAccuracy],
                ["Voicing Recall", "Voicing False Alarm", "Raw Pitch Accuracy", "Raw Chroma Accuracy", "Overall Accuracy"],
                label);
        }
    }

    [PeerFact("mir_eval")]
    public void Tempo_RandomPairs_MatchMirEval()
    {
        var random = new RandomAnnotations(31);
        var cases = new List<(double[] Reference, double Weight, double[] Estimated, double Tolerance)>();
        double[] ratios = [0.5, 1, 1, 1.5, 2, 3];
        for (int c = 0; c < 500; c++)
        {
            double slow = Math.Round(random.Between(40, 130), random.Chance(0.5) ? 0 : 2);
            double[] reference = [slow, slow * 2];
            if (random.Chance(0.15))
            {
                reference[random.Below(2)] = 0;
            }

            double weight = random.Chance(0.1) ? random.Below(2) : Math.Round(random.Unit(), 2);
            double[] estimated = new double[2];
            for (int k = 0; k < 2; k++)
            {
                double basis = slow * ratios[random.Below(ratios.Length)];
                estimated[k] = random.Chance(0.05) ? 0 : Math.Round(basis * (1 + random.Between(-0.12, 0.12)), random.Chance(0.5) ? 0 : 3);
            }

            double tolerance = random.Chance(0.6) ? TempoEvaluation.DefaultTolerance : Math.Round(random.Between(0, 0.2), 2);
            cases.Add((reference, weight, estimated, tolerance));
        }

        JsonArray results = RunMirEval(
            cases.Select(c => new JsonObject { ["ref"] = Numbers(c.Reference), ["w"] = c.Weight, ["est"] = Numbers(c.Estimated), ["tol"] = c.Tolerance }),
            """
            out = []
            for c in cases:
                out.append(run(lambda: mir_eval.tempo.detection(np.array(c["ref"]), c["w"], np.array(c["est"]), tol=c["tol"])))
            print(json.dumps(out))
            """);

        for (int c = 0; c < cases.Count; c++)
        {
            (double[] reference, double weight, double[] estimated, double tolerance) = cases[c];
            TempoScores s = TempoEvaluation.Detection(reference, weight, estimated, tolerance);
            string label = Invariant($"case {c}: ref [{string.Join(", ", reference)}] weight {weight} est [{string.Join(", ", estimated)}] tol {tolerance}");
            AssertAll(results[c]!.AsArray(), [s.PScore, s.OneCorrect ? 1 : 0, s.BothCorrect ? 1 : 0], ["P-score", "One-correct", "Both-correct"], label);
        }
    }

    [PeerFact("mir_eval")]
    public void NumpySum_RandomArrays_AreBitIdenticalToNumpy()
    {
        var random = new RandomAnnotations(3);
        var arrays = new List<double[]>();
        for (int c = 0; c < 300; c++)
        {
            int n = random.Chance(0.5) ? random.Below(20) : random.Below(3000);
            arrays.Add([.. Enumerable.Range(0, n).Select(_ => random.Between(-1, 1) * Math.Pow(10, random.Below(10) - 5))]);
        }

        JsonArray results = RunMirEval(
            arrays.Select(a => new JsonObject { ["x"] = Numbers(a) }),
            """
            print(json.dumps([float(np.sum(np.array(c["x"], dtype=float))) for c in cases]))
            """);

        for (int c = 0; c < arrays.Count; c++)
        {
            Assert.Equal(results[c]!.GetValue<double>(), NumpySum.Pairwise(arrays[c]));
        }
    }

    private static JsonArray RunMirEval(IEnumerable<JsonObject> cases, string body)
    {
        using var dir = new TempDirectory();
        string input = dir.File("cases.json");
        File.WriteAllText(input, new JsonArray([.. cases]).ToJsonString());
        PeerRun run = PeerTool.Get("mir_eval").Run(["-c", Prelude + "\n" + body, input], TimeSpan.FromMinutes(3));
        return JsonNode.Parse(run.StandardOutput)!.AsArray();
    }

    private static JsonArray Numbers(double[] values) => new([.. values.Select(v => (JsonNode)v)]);

    private static void AssertAll(JsonArray expected, double[] ours, string[] names, string label)
    {
        Assert.True(expected.Count == ours.Length, $"{label}: mir_eval gave {expected.ToJsonString()}");
        for (int i = 0; i < ours.Length; i++)
        {
            double theirs = expected[i] is null ? double.NaN : expected[i]!.GetValue<double>();
            bool same = double.IsNaN(theirs) ? double.IsNaN(ours[i]) : Math.Abs(theirs - ours[i]) <= Tolerance;
            Assert.True(same, Invariant($"{label}: {names[i]} mir_eval {theirs:R}, ours {ours[i]:R}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
