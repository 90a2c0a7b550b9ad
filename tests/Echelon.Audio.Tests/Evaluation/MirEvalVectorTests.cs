using System.Text.Json;
using Echelon.Audio.Evaluation;

namespace Echelon.Audio.Tests.Evaluation;

/// <summary>
/// mir_eval's own regression vectors (shared/data/metrics/mir_eval: refNN, estNN and the scores
/// mir_eval computed in outputNN.json), read with our readers and scored with our metrics.
/// </summary>
public sealed class MirEvalVectorTests
{
    private const double Tolerance = 1e-6;

    public static TheoryData<string> BeatCases => [.. EvaluationData.Cases("beat")];

    public static TheoryData<string> OnsetCases => [.. EvaluationData.Cases("onset")];

    public static TheoryData<string> MelodyCases => [.. EvaluationData.Cases("melody")];

    public static TheoryData<string> TempoCases => [.. EvaluationData.Cases("tempo")];

    [Fact]
    public void EveryFamily_HasItsVectors()
    {
        Assert.Equal(10, EvaluationData.Cases("beat").Count);
        Assert.Equal(10, EvaluationData.Cases("onset").Count);
        Assert.Equal(10, EvaluationData.Cases("melody").Count);
        Assert.Equal(4, EvaluationData.Cases("tempo").Count);
    }

    [Theory]
    [MemberData(nameof(BeatCases))]
    public void Beat_Evaluate_MatchesMirEval(string n)
    {
        double[] reference = AnnotationReader.ReadEvents(EvaluationData.MirEval("beat", $"ref{n}.txt"));
        double[] estimated = AnnotationReader.ReadEvents(EvaluationData.MirEval("beat", $"est{n}.txt"));
        BeatScores scores = BeatEvaluation.Evaluate(reference, estimated);

        Dictionary<string, double> expected = Expected("beat", n);
        Assert.Equal(10, expected.Count);
        Near(expected["F-measure"], scores.FMeasure, "F-measure");
        Near(expected["Cemgil"], scores.Cemgil, "Cemgil");
        Near(expected["Cemgil Best Metric Level"], scores.CemgilBestMetricLevel, "Cemgil Best Metric Level");
        Near(expected["Goto"], scores.Goto, "Goto");
        Near(expected["P-score"], scores.PScore, "P-score");
        Near(expected["Correct Metric Level Continuous"], scores.Cmlc, "CMLc");
        Near(expected["Correct Metric Level Total"], scores.Cmlt, "CMLt");
        Near(expected["Any Metric Level Continuous"], scores.Amlc, "AMLc");
        Near(expected["Any Metric Level Total"], scores.Amlt, "AMLt");
        Near(expected["Information gain"], scores.InformationGain, "Information gain");
    }

    [Theory]
    [MemberData(nameof(OnsetCases))]
    public void Onset_Evaluate_MatchesMirEval(string n)
    {
        double[] reference = AnnotationReader.ReadEvents(EvaluationData.MirEval("onset", $"ref{n}.txt"));
        double[] estimated = AnnotationReader.ReadEvents(EvaluationData.MirEval("onset", $"est{n}.txt"));
        OnsetScores score = OnsetEvaluation.Evaluate(reference, estimated);

        Dictionary<string, double> expected = Expected("onset", n);
        Assert.Equal(3, expected.Count);
        Near(expected["F-measure"], score.FMeasure, "F-measure");
        Near(expected["Precision"], score.Precision, "Precision");
        Near(expected["Recall"], score.Recall, "Recall");
    }

    [Theory]
    [MemberData(nameof(MelodyCases))]
    public void Melody_Evaluate_MatchesMirEval(string n)
    {
        TimeSeries reference = AnnotationReader.ReadTimeSeries(EvaluationData.MirEval("melody", $"ref{n}.txt"));
        TimeSeries estimated = AnnotationReader.ReadTimeSeries(EvaluationData.MirEval("melody", $"est{n}.txt"));
        MelodyScores scores = MelodyEvaluation.Evaluate(reference.Times, reference.Values, estimated.Times, estimated.Values);

        Dictionary<string, double> expected = Expected("melody", n);
        Assert.Equal(5, expected.Count);
        Near(expected["Voicing Recall"], scores.VoicingRecall, "Voicing Recall");
        Near(expected["Voicing False Alarm"], scores.VoicingFalseAlarm, "Voicing False Alarm");
        Near(expected["Raw Pitch Accuracy"], scores.RawPitchAccuracy, "Raw Pitch Accuracy");
        Near(expected["Raw Chroma Accuracy"], scores.RawChromaAccuracy, "Raw Chroma Accuracy");
        Near(expected["Overall Accuracy"], scores.OverallAccuracy, "Overall Accuracy");
    }

    [Theory]
    [MemberData(nameof(TempoCases))]
    public void Tempo_Detection_MatchesMirEval(string n)
    {
        TempoAnnotation reference = AnnotationReader.ReadTempo(EvaluationData.MirEval("tempo", $"ref{n}.lab"));
        TempoAnnotation estimated = AnnotationReader.ReadTempo(EvaluationData.MirEval("tempo", $"est{n}.lab"));
        TempoScores scores = TempoEvaluation.Detection(reference, estimated);

        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(EvaluationData.MirEval("tempo", $"output{n}.json")));
        JsonElement root = expected.RootElement;
        Near(root.GetProperty("P-score").GetDouble(), scores.PScore, "P-score");
        Assert.Equal(root.GetProperty("One-correct").GetBoolean(), scores.OneCorrect);
        Assert.Equal(root.GetProperty("Both-correct").GetBoolean(), scores.BothCorrect);
    }

    [Theory]
    [InlineData("bad00.lab", 2, "line", "second tempo line")]
    [InlineData("bad01.lab", 1, "weight", "outside 0–1")]
    [InlineData("bad02.lab", 1, "tempo2", "negative")]
    public void Tempo_BadFiles_FailValidationNamingTheLineAndField(string file, int line, string field, string problem)
    {
        var error = Assert.Throws<AnnotationFormatException>(() => AnnotationReader.ReadTempo(EvaluationData.MirEval("tempo", file)));

        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith(EvaluationData.MirEval("tempo", file) + $":{line}: {field}: ", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, double> Expected(string family, string n) =>
        JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(EvaluationData.MirEval(family, $"output{n}.json")))!;

    private static void Near(double expected, double actual, string metric) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance, $"{metric}: expected {expected:R}, got {actual:R}");
}
