using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Echelon.Audio.Evaluation;
using Spectre.Console;
using static Echelon.Cli.Commands.CommandErrors;

namespace Echelon.Cli.Commands;

/// <summary>
/// <c>echelon eval beats|onsets|pitch|tempo</c>: score an estimate against a reference annotation with
/// the metrics of mir_eval 0.7 (docs/architecture/0012-evaluation-metrics.md).
/// </summary>
internal static class EvalCommand
{
    /// <summary>Builds the <c>eval</c> command with its subcommands.</summary>
    public static Command Create() => new("eval", "Score an estimate against a reference annotation with mir_eval's metrics (mir_eval 0.7 definitions).")
    {
        CreateBeats(),
        CreateOnsets(),
        CreatePitch(),
        CreateTempo(),
    };

    private static Command CreateBeats()
    {
        var files = new AnnotationFiles("beat times, one per line (extra columns such as madmom's beat-in-bar are ignored)");
        var noTrim = new Option<bool>("--no-trim")
        {
            Description = "Keep beats before 5 s. By default both files lose them first, as mir_eval.beat.evaluate does.",
        };
        var json = JsonOption("f_measure, cemgil, cemgil_best_metric_level, goto, p_score, cmlc, cmlt, amlc, amlt, information_gain, trimmed, reference_beats, estimated_beats");
        var command = new Command("beats", "Beat tracking: F-measure (±70 ms), Cemgil, Goto, P-score, CMLc/CMLt/AMLc/AMLt and information gain.") { noTrim, json };
        files.AddTo(command);
        command.SetAction(parse => Run(() =>
        {
            (string refPath, string estPath) = files.Paths(parse);
            double[] reference = AnnotationReader.ReadEvents(refPath);
            double[] estimated = AnnotationReader.ReadEvents(estPath);
            bool trim = !parse.GetValue(noTrim);
            BeatScores s = BeatEvaluation.Evaluate(reference, estimated, trim);
            Print(parse.GetValue(json), [
                ("F-measure", "f_measure", s.FMeasure),
                ("Cemgil", "cemgil", s.Cemgil),
                ("Cemgil best metric level", "cemgil_best_metric_level", s.CemgilBestMetricLevel),
                ("Goto", "goto", s.Goto),
                ("P-score", "p_score", s.PScore),
                ("CMLc", "cmlc", s.Cmlc),
                ("CMLt", "cmlt", s.Cmlt),
                ("AMLc", "amlc", s.Amlc),
                ("AMLt", "amlt", s.Amlt),
                ("Information gain", "information_gain", s.InformationGain),
            ], new JsonObject
            {
                ["trimmed"] = trim,
                ["reference_beats"] = trim ? BeatEvaluation.TrimBeats(reference).Length : reference.Length,
                ["estimated_beats"] = trim ? BeatEvaluation.TrimBeats(estimated).Length : estimated.Length,
            });
        }));
        return command;
    }

    private static Command CreateOnsets()
    {
        var files = new AnnotationFiles("onset times, one per line");
        var window = new Option<double>("--window")
        {
            Description = "Tolerance in seconds either side of a reference onset.",
            DefaultValueFactory = _ => OnsetEvaluation.DefaultWindow,
        };
        var json = JsonOption("f_measure, precision, recall, matches, reference_onsets, estimated_onsets, window");
        var command = new Command("onsets", "Onset detection: F-measure, precision and recall of a one-to-one matching within the window (±50 ms).") { window, json };
        files.AddTo(command);
        command.SetAction(parse => Run(() =>
        {
            double w = parse.GetValue(window);
            if (!(w >= 0 && w <= 10))
            {
                throw new ArgumentException($"window: {Invariant(w)} is outside 0–10 s.");
            }

            (string refPath, string estPath) = files.Paths(parse);
            OnsetScores s = OnsetEvaluation.Evaluate(AnnotationReader.ReadEvents(refPath), AnnotationReader.ReadEvents(estPath), w);
            Print(parse.GetValue(json), [
                ("F-measure", "f_measure", s.FMeasure),
                ("Precision", "precision", s.Precision),
                ("Recall", "recall", s.Recall),
            ], new JsonObject
            {
                ["matches"] = s.Matches,
                ["reference_onsets"] = s.ReferenceCount,
                ["estimated_onsets"] = s.EstimatedCount,
                ["window"] = w,
            });
        }));
        return command;
    }

    private static Command CreatePitch()
    {
        var files = new AnnotationFiles("time (s) and f0 (Hz) per line, whitespace or comma separated; 0 Hz is unvoiced, and a negative estimate is unvoiced with that pitch");
        var hop = new Option<double?>("--hop")
        {
            Description = "Resample both melodies onto a grid of this many seconds. By default the estimate is resampled onto the reference's times, as mir_eval does.",
        };
        var json = JsonOption("voicing_recall, voicing_false_alarm, raw_pitch_accuracy, raw_chroma_accuracy, overall_accuracy, frames");
        var command = new Command("pitch", "Melody (f0) tracking: voicing recall and false alarm, raw pitch and raw chroma accuracy (±50 cents), overall accuracy.") { hop, json };
        files.AddTo(command);
        command.SetAction(parse => Run(() =>
        {
            (string refPath, string estPath) = files.Paths(parse);
            TimeSeries reference = AnnotationReader.ReadTimeSeries(refPath);
            TimeSeries estimated = AnnotationReader.ReadTimeSeries(estPath);
            double? grid = parse.GetValue(hop);
            if (grid is double h && !(h >= 0.001 && h <= 1))
            {
                throw new ArgumentException($"hop: {Invariant(h)} is outside 0.001–1 s.");
            }

            var options = new MelodyOptions { Hop = grid };
            MelodyFrames frames = MelodyEvaluation.ToCentVoicing(reference.Times, reference.Values, estimated.Times, estimated.Values, options);
            MelodyScores s = MelodyEvaluation.Evaluate(frames);
            Print(parse.GetValue(json), [
                ("Voicing recall", "voicing_recall", s.VoicingRecall),
                ("Voicing false alarm", "voicing_false_alarm", s.VoicingFalseAlarm),
                ("Raw pitch accuracy", "raw_pitch_accuracy", s.RawPitchAccuracy),
                ("Raw chroma accuracy", "raw_chroma_accuracy", s.RawChromaAccuracy),
                ("Overall accuracy", "overall_accuracy", s.OverallAccuracy),
            ], new JsonObject { ["frames"] = frames.Count });
        }));
        return command;
    }

    private static Command CreateTempo()
    {
        var files = new AnnotationFiles("one line 'tempo1 tempo2 weight' (BPM, BPM, weight of tempo1 in 0–1; the estimate's weight is ignored)");
        var tolerance = new Option<double>("--tolerance")
        {
            Description = "Relative tolerance, 0–1.",
            DefaultValueFactory = _ => TempoEvaluation.DefaultTolerance,
        };
        var json = JsonOption("p_score, one_correct, both_correct, tolerance");
        var command = new Command("tempo", "Tempo estimation: P-score, one correct and both correct within the tolerance (8 %).") { tolerance, json };
        files.AddTo(command);
        command.SetAction(parse => Run(() =>
        {
            (string refPath, string estPath) = files.Paths(parse);
            double tol = parse.GetValue(tolerance);
            if (!(tol >= 0 && tol <= 1))
            {
                throw new ArgumentException($"tolerance: {Invariant(tol)} is outside 0–1.");
            }

            TempoScores s = TempoEvaluation.Detection(AnnotationReader.ReadTempo(refPath), AnnotationReader.ReadTempo(estPath), tol);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(new JsonObject
                {
                    ["p_score"] = s.PScore,
                    ["one_correct"] = s.OneCorrect,
                    ["both_correct"] = s.BothCorrect,
                    ["tolerance"] = tol,
                }.ToJsonString());
                return;
            }

            var table = new Table().AddColumns("metric", "score");
            table.AddRow("P-score", Format(s.PScore));
            table.AddRow("One correct", s.OneCorrect ? "yes" : "no");
            table.AddRow("Both correct", s.BothCorrect ? "yes" : "no");
            AnsiConsole.Write(table);
        }));
        return command;
    }

    private static Option<bool> JsonOption(string keys) =>
        new("--json") { Description = $"Print one JSON object on stdout and nothing else: {keys}." };

    /// <summary>Runs a scoring action: bad files and bad values become one error line and exit code 2.</summary>
    private static int Run(Action score)
    {
        try
        {
            score();
            return 0;
        }
        catch (Exception e) when (e is AnnotationFormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            return Fail(e.Message);
        }
    }

    /// <summary>Prints the scores: a table for people, or one JSON object with snake_case keys (NaN as null).</summary>
    private static void Print(bool json, (string Label, string Key, double Value)[] scores, JsonObject extra)
    {
        if (json)
        {
            var figures = new JsonObject();
            foreach ((_, string key, double value) in scores)
            {
                figures[key] = double.IsFinite(value) ? value : null;
            }

            foreach ((string key, JsonNode? value) in extra)
            {
                figures[key] = value?.DeepClone();
            }

            Console.Out.WriteLine(figures.ToJsonString());
            return;
        }

        var table = new Table().AddColumns("metric", "score");
        foreach ((string label, _, double value) in scores)
        {
            table.AddRow(Markup.Escape(label), Format(value));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape(string.Join("  ", extra.Select(p => $"{p.Key.Replace('_', ' ')}: {p.Value?.ToJsonString()}"))));
    }

    private static string Format(double value) => value.ToString("0.000000", CultureInfo.InvariantCulture);

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The <c>--ref</c> and <c>--est</c> options every subcommand takes.</summary>
    private sealed class AnnotationFiles(string format)
    {
        private readonly Option<FileInfo> _reference = new("--ref") { Description = $"Reference annotation: {format}.", Required = true };
        private readonly Option<FileInfo> _estimated = new("--est") { Description = "Estimated annotation, same format.", Required = true };

        public void AddTo(Command command)
        {
            command.Options.Add(_reference);
            command.Options.Add(_estimated);
        }

        public (string Reference, string Estimated) Paths(ParseResult parse) =>
            (parse.GetValue(_reference)!.FullName, parse.GetValue(_estimated)!.FullName);
    }
}
