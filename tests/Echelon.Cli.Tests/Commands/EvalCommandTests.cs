using System.Globalization;
using System.Text.Json;
using Echelon.Cli.Tests.Infrastructure;

namespace Echelon.Cli.Tests.Commands;

/// <summary><c>echelon eval</c> run as a user runs it, on real annotations from shared/data.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private static readonly Lazy<string> s_shared = new(LocateSharedData);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Onsets_MadmomSampleAgainstItself_IsPerfect()
    {
        string onsets = Shared("beat_onset/madmom/sample.onsets");

        using JsonDocument doc = RunJson("eval", "onsets", "--ref", onsets, "--est", onsets, "--json");

        JsonElement root = doc.RootElement;
        Assert.Equal(1.0, root.GetProperty("f_measure").GetDouble());
        Assert.Equal(1.0, root.GetProperty("precision").GetDouble());
        Assert.Equal(1.0, root.GetProperty("recall").GetDouble());
        Assert.Equal(15, root.GetProperty("matches").GetInt32());
        Assert.Equal(0.05, root.GetProperty("window").GetDouble());
    }

    [Fact]
    public void Onsets_CopyShiftedBy60ms_FailsAt50msAndPassesAt70ms()
    {
        string onsets = Shared("beat_onset/madmom/sample.onsets");
        string shifted = _dir.Write("shifted.onsets", [.. File.ReadAllLines(onsets)
            .Where(l => !l.StartsWith('#'))
            .Select(l => (double.Parse(l, CultureInfo.InvariantCulture) + 0.06).ToString("R", CultureInfo.InvariantCulture))]);

        // mir_eval.onset.f_measure gives 1/15 here: only 0.763 + 0.06 lands within 50 ms of another onset (0.8025).
        using (JsonDocument narrow = RunJson("eval", "onsets", "--ref", onsets, "--est", shifted, "--json"))
        {
            Assert.Equal(1, narrow.RootElement.GetProperty("matches").GetInt32());
            Assert.Equal(1.0 / 15, narrow.RootElement.GetProperty("f_measure").GetDouble(), 15);
        }

        using JsonDocument wide = RunJson("eval", "onsets", "--ref", onsets, "--est", shifted, "--window", "0.07", "--json");
        Assert.Equal(1.0, wide.RootElement.GetProperty("f_measure").GetDouble());
    }

    [Fact]
    public void Beats_MirEvalVector_GivesMirEvalsScores()
    {
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Shared("metrics/mir_eval/beat/output00.json")));
        using JsonDocument doc = RunJson("eval", "beats", "--ref", Shared("metrics/mir_eval/beat/ref00.txt"), "--est", Shared("metrics/mir_eval/beat/est00.txt"), "--json");

        JsonElement e = expected.RootElement, ours = doc.RootElement;
        (string Theirs, string Ours)[] keys =
        [
            ("F-measure", "f_measure"), ("Cemgil", "cemgil"), ("Cemgil Best Metric Level", "cemgil_best_metric_level"),
            ("Goto", "goto"), ("P-score", "p_score"), ("Correct Metric Level Continuous", "cmlc"), ("Correct Metric Level Total", "cmlt"),
            ("Any Metric Level Continuous", "amlc"), ("Any Metric Level Total", "amlt"), ("Information gain", "information_gain"),
        ];
        foreach ((string theirs, string key) in keys)
        {
            Assert.Equal(e.GetProperty(theirs).GetDouble(), ours.GetProperty(key).GetDouble(), 1e-9);
        }

        Assert.True(ours.GetProperty("trimmed").GetBoolean());
    }

    [Fact]
    public void Beats_MadmomSample_IsAllBeforeFiveSecondsSoOnlyNoTrimScoresIt()
    {
        string beats = Shared("beat_onset/madmom/sample.beats");

        using (JsonDocument trimmed = RunJson("eval", "beats", "--ref", beats, "--est", beats, "--json"))
        {
            Assert.Equal(0, trimmed.RootElement.GetProperty("reference_beats").GetInt32());
            Assert.Equal(0.0, trimmed.RootElement.GetProperty("f_measure").GetDouble());
        }

        using JsonDocument whole = RunJson("eval", "beats", "--ref", beats, "--est", beats, "--no-trim", "--json");
        Assert.Equal(4, whole.RootElement.GetProperty("reference_beats").GetInt32());
        Assert.Equal(1.0, whole.RootElement.GetProperty("f_measure").GetDouble());
        Assert.Equal(1.0, whole.RootElement.GetProperty("amlt").GetDouble());
    }

    [Fact]
    public void Beats_WithoutJson_PrintsATable()
    {
        string beats = Shared("beat_onset/madmom/sample.beats");

        (int code, string stdout, string stderr) = EchelonProcess.Run("eval", "beats", "--ref", beats, "--est", beats, "--no-trim");

        Assert.True(code == 0, stderr);
        Assert.Contains("F-measure", stdout, StringComparison.Ordinal);
        Assert.Contains("Information gain", stdout, StringComparison.Ordinal);
        Assert.Contains("1.000000", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Pitch_MdbCsvAgainstItself_IsPerfect_AndAMirEvalVectorGivesItsScores()
    {
        string mdb = Shared("pitch/mdb-stem-synth/AClassicEducation_NightOwl_STEM_08.RESYN.csv");
        using (JsonDocument same = RunJson("eval", "pitch", "--ref", mdb, "--est", mdb, "--json"))
        {
            JsonElement s = same.RootElement;
            Assert.Equal((1.0, 0.0, 1.0, 1.0, 1.0), (s.GetProperty("voicing_recall").GetDouble(), s.GetProperty("voicing_false_alarm").GetDouble(),
                s.GetProperty("raw_pitch_accuracy").GetDouble(), s.GetProperty("raw_chroma_accuracy").GetDouble(), s.GetProperty("overall_accuracy").GetDouble()));
            Assert.Equal(1034, s.GetProperty("frames").GetInt32());
        }

        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Shared("metrics/mir_eval/melody/output03.json")));
        using JsonDocument doc = RunJson("eval", "pitch", "--ref", Shared("metrics/mir_eval/melody/ref03.txt"), "--est", Shared("metrics/mir_eval/melody/est03.txt"), "--json");
        Assert.Equal(expected.RootElement.GetProperty("Raw Pitch Accuracy").GetDouble(), doc.RootElement.GetProperty("raw_pitch_accuracy").GetDouble(), 1e-9);
        Assert.Equal(expected.RootElement.GetProperty("Overall Accuracy").GetDouble(), doc.RootElement.GetProperty("overall_accuracy").GetDouble(), 1e-9);
    }

    [Fact]
    public void Tempo_MirEvalVector_GivesItsPScore()
    {
        using JsonDocument doc = RunJson("eval", "tempo", "--ref", Shared("metrics/mir_eval/tempo/ref00.lab"), "--est", Shared("metrics/mir_eval/tempo/est00.lab"), "--json");

        Assert.Equal(0.75, doc.RootElement.GetProperty("p_score").GetDouble());
        Assert.True(doc.RootElement.GetProperty("one_correct").GetBoolean());
        Assert.False(doc.RootElement.GetProperty("both_correct").GetBoolean());
    }

    [Fact]
    public void Onsets_FileWithTimesOutOfOrder_ExitsTwoNamingTheLineAndPrintsNothing()
    {
        string onsets = Shared("beat_onset/madmom/sample.onsets");
        string bad = _dir.Write("bad.onsets", "# header", "0.5", "0.25");

        (int code, string stdout, string stderr) = EchelonProcess.Run("eval", "onsets", "--ref", onsets, "--est", bad, "--json");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout.Trim());
        Assert.Contains($"error: {bad}:3: time: 0.25 is earlier than 0.5 on line 2", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Tempo_MirEvalBadFile_ExitsTwoNamingTheField()
    {
        string bad = Shared("metrics/mir_eval/tempo/bad02.lab");

        (int code, string stdout, string stderr) = EchelonProcess.Run("eval", "tempo", "--ref", bad, "--est", Shared("metrics/mir_eval/tempo/est00.lab"), "--json");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout.Trim());
        Assert.Contains($"{bad}:1: tempo2: -120.0 is negative", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("onsets", "--window", "-0.05", "window: -0.05 is outside 0–10 s.")]
    [InlineData("pitch", "--hop", "0", "hop: 0 is outside 0.001–1 s.")]
    [InlineData("tempo", "--tolerance", "1.5", "tolerance: 1.5 is outside 0–1.")]
    public void BadOptionValue_ExitsTwoNamingTheOptionAndTheRange(string family, string option, string value, string message)
    {
        string file = family switch
        {
            "onsets" => Shared("beat_onset/madmom/sample.onsets"),
            "pitch" => Shared("metrics/mir_eval/melody/ref00.txt"),
            _ => Shared("metrics/mir_eval/tempo/ref00.lab"),
        };

        (int code, string stdout, string stderr) = EchelonProcess.Run("eval", family, "--ref", file, "--est", file, option, value, "--json");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout.Trim());
        Assert.Equal($"error: {message}", stderr.Trim());
    }

    [Fact]
    public void Pitch_MissingFile_ExitsTwo()
    {
        string missing = _dir.File("missing.csv");

        (int code, _, string stderr) = EchelonProcess.Run("eval", "pitch", "--ref", missing, "--est", missing);

        Assert.Equal(2, code);
        Assert.Contains("missing.csv", stderr, StringComparison.Ordinal);
    }

    private static JsonDocument RunJson(params string[] arguments)
    {
        (int code, string stdout, string stderr) = EchelonProcess.Run(arguments);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout);
    }

    private static string Shared(string relative)
    {
        string path = Path.Combine(s_shared.Value, relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"The shared data has no {relative}.", path);
    }

    private static string LocateSharedData()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "metrics", "mir_eval")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"shared/data (with metrics/mir_eval) was not found above {AppContext.BaseDirectory}.");
    }
}
