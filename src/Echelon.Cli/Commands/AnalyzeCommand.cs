using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Echelon.Audio.Analysis;
using Echelon.Audio.Files;
using Spectre.Console;
using static Echelon.Cli.Commands.CommandErrors;

namespace Echelon.Cli.Commands;

/// <summary><c>echelon analyze FILE</c>: onsets, beats, tempo and pitch of a recording, found by the live analyzers.</summary>
internal static class AnalyzeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The recording: WAV or FLAC (any rate, any channel count; channels are mixed to mono)." };
        var onsets = new Option<bool>("--onsets") { Description = "Report onsets (with none of --onsets, --beats, --pitch, all three are reported)." };
        var beats = new Option<bool>("--beats") { Description = "Report beats and the tempo." };
        var pitch = new Option<bool>("--pitch") { Description = "Report the pitch series." };
        var block = new Option<int>("--block") { Description = "Samples fed to the analyzers per call, 1–1048576 (the results do not depend on it).", DefaultValueFactory = _ => 4096 };
        var allowTruncated = new Option<bool>("--allow-truncated") { Description = "Analyse what a file cut short holds instead of refusing it." };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object: {onsets:[s], beats:[s], tempo_bpm, pitch:{hop_s, f0_hz:[…], confidence:[…]}, latency_ms, latencies_ms{onsets,beats,pitch}, duration_s, sample_rate}. " +
                "f0_hz follows the MIREX convention: positive when voiced, the negated best guess when unvoiced, 0 when silent.",
        };
        var command = new Command("analyze", "Find onsets, beats, tempo and pitch in a recording with the causal live analyzers, block by block.")
        {
            file, onsets, beats, pitch, block, allowTruncated, json,
        };
        command.SetAction(parse =>
        {
            FileInfo input = parse.GetValue(file)!;
            int blockSize = parse.GetValue(block);
            if (blockSize is < 1 or > 1_048_576)
            {
                return Fail($"block: {blockSize} is out of range; allowed: 1–1048576 samples.");
            }

            bool wantOnsets = parse.GetValue(onsets), wantBeats = parse.GetValue(beats), wantPitch = parse.GetValue(pitch);
            if (!wantOnsets && !wantBeats && !wantPitch)
            {
                wantOnsets = wantBeats = wantPitch = true;
            }

            if (!TryRead(input, parse.GetValue(allowTruncated), out float[][] channels, out int sampleRate, out string error))
            {
                return Fail(error);
            }

            ListeningReport report;
            try
            {
                report = ListeningReport.Analyze(channels, sampleRate, blockSize: blockSize);
            }
            catch (ArgumentOutOfRangeException e)
            {
                return Fail($"{input.Name}: cannot be analysed: {e.Message}");
            }

            if (report.NonFiniteSamples > 0)
            {
                return Fail($"{input.Name}: holds {report.NonFiniteSamples} NaN or infinite samples; allowed: finite samples only.");
            }

            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(ToJson(report, wantOnsets, wantBeats, wantPitch).ToJsonString());
            }
            else
            {
                PrintTable(input, report, wantOnsets, wantBeats, wantPitch);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The JSON object <c>--json</c> prints.</summary>
    internal static JsonObject ToJson(ListeningReport report, bool onsets, bool beats, bool pitch)
    {
        var result = new JsonObject
        {
            ["duration_s"] = report.DurationSeconds,
            ["sample_rate"] = report.SampleRate,
        };
        var latencies = new JsonObject();
        double latency = 0;
        if (onsets)
        {
            result["onsets"] = Times(report.Onsets);
            latencies["onsets"] = Milliseconds(report.OnsetLatencySeconds);
            latency = Math.Max(latency, report.OnsetLatencySeconds);
        }

        if (beats)
        {
            result["beats"] = Times(report.Beats);
            result["tempo_bpm"] = Math.Round(report.TempoBpm, 3);
            latencies["beats"] = Milliseconds(report.BeatLatencySeconds);
            latency = Math.Max(latency, report.BeatLatencySeconds);
        }

        if (pitch)
        {
            var f0 = new JsonArray();
            var confidence = new JsonArray();
            foreach (PitchEstimate estimate in report.Pitch)
            {
                double hz = estimate.Voiced ? estimate.FrequencyHz : -estimate.FrequencyHz;
                f0.Add(Math.Round(hz, 3) + 0.0);
                confidence.Add(Math.Round(estimate.Confidence, 4));
            }

            result["pitch"] = new JsonObject { ["hop_s"] = report.PitchHopSeconds, ["f0_hz"] = f0, ["confidence"] = confidence };
            latencies["pitch"] = Milliseconds(report.PitchLatencySeconds);
            latency = Math.Max(latency, report.PitchLatencySeconds);
        }

        result["latency_ms"] = Milliseconds(latency);
        result["latencies_ms"] = latencies;
        return result;
    }

    private static JsonArray Times(IReadOnlyList<double> seconds)
    {
        var array = new JsonArray();
        foreach (double s in seconds)
        {
            array.Add(Math.Round(s, 6));
        }

        return array;
    }

    private static double Milliseconds(double seconds) => Math.Round(seconds * 1000, 3);

    private static void PrintTable(FileInfo input, ListeningReport report, bool onsets, bool beats, bool pitch)
    {
        var table = new Table().Title(Markup.Escape(input.Name)).AddColumn("what").AddColumn("found").AddColumn("latency");
        CultureInfo c = CultureInfo.InvariantCulture;
        table.AddRow("input", Markup.Escape($"{report.DurationSeconds.ToString("0.###", c)} s at {report.SampleRate} Hz"), "");
        if (onsets)
        {
            table.AddRow("onsets", report.Onsets.Count.ToString(c), Ms(report.OnsetLatencySeconds));
        }

        if (beats)
        {
            table.AddRow("beats", report.Beats.Count.ToString(c), Ms(report.BeatLatencySeconds));
            table.AddRow("tempo", report.TempoBpm > 0 ? report.TempoBpm.ToString("0.0", c) + " BPM" : "none", "");
        }

        if (pitch)
        {
            int voiced = report.Pitch.Count(p => p.Voiced);
            double[] notes = [.. report.Pitch.Where(p => p.Voiced).Select(p => p.MidiNote).Order()];
            string median = notes.Length > 0 ? $", median {NoteName(notes[notes.Length / 2])}" : "";
            table.AddRow("pitch", Markup.Escape($"{voiced} of {report.Pitch.Count} frames voiced{median}"), Ms(report.PitchLatencySeconds));
        }

        AnsiConsole.Write(table);
    }

    private static string Ms(double seconds) => (seconds * 1000).ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static string NoteName(double midi)
    {
        string[] names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
        int nearest = (int)Math.Round(midi);
        double cents = (midi - nearest) * 100;
        return $"{names[((nearest % 12) + 12) % 12]}{(nearest / 12) - 1} {cents.ToString("+0;-0;0", CultureInfo.InvariantCulture)} cents";
    }

    private static bool TryRead(FileInfo input, bool allowTruncated, out float[][] channels, out int sampleRate, out string error)
    {
        channels = [];
        sampleRate = 0;
        try
        {
            // NaN and infinite samples are refused with the first bad frame and channel (NonFiniteSamplePolicy.Reject).
            DecodedAudio audio = AudioFileReader.Read(input.FullName, AudioFileReadOptions.Default with { AllowTruncated = allowTruncated });
            if (audio.FrameCount == 0)
            {
                error = $"{input.Name}: holds no audio frames; allowed: a recording of at least one frame.";
                return false;
            }

            channels = audio.Channels;
            sampleRate = audio.SampleRate;
            error = "";
            return true;
        }
        catch (AudioFileException e)
        {
            error = e.Message;
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"{input.Name}: {e.Message}";
            return false;
        }
    }
}
