using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Echelon.Motion.Sources;
using Echelon.Sessions;
using Echelon.Sessions.Validation;
using Echelon.Sessions.Workflow;
using Spectre.Console;
using static Echelon.Cli.Commands.CommandErrors;

namespace Echelon.Cli.Commands;

/// <summary><c>echelon session …</c>: record, validate, inspect and replay session archives.</summary>
internal static class SessionCommand
{
    /// <summary>Builds the <c>session</c> command with its subcommands.</summary>
    public static Command Create() => new("session", "Record, validate, inspect and replay session archives (DESIGN §7).")
    {
        CreateRecord(),
        CreateValidate(),
        CreateInfo(),
        CreateReplay(),
    };

    private static Command CreateRecord()
    {
        var source = new Option<string>("--source") { Description = $"Where frames come from: {SourceSpec.Forms}.", DefaultValueFactory = _ => "synthetic" };
        var seconds = new Option<double>("--seconds") { Description = "Seconds to record (0.1–86400); a file source also stops at its end.", DefaultValueFactory = _ => 30.0 };
        var output = new Option<DirectoryInfo>("--out") { Description = "The new session folder (must not exist or be empty).", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the synthetic dancer.", DefaultValueFactory = _ => 1UL };
        var bpm = new Option<double>("--bpm") { Description = "Tempo of the synthetic dancer, 40–200 BPM.", DefaultValueFactory = _ => 120.0 };
        var realtime = new Option<bool>("--realtime") { Description = "Pace the recording at wall-clock speed instead of as fast as possible." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout and nothing else." };
        var command = new Command("record", "Record a source into a session: its sensor streams and the Dynamics128 derived at 100 Hz.")
        {
            source, seconds, output, seed, bpm, realtime, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            double s = parse.GetValue(seconds);
            double tempo = parse.GetValue(bpm);
            if (!(s is >= 0.1 and <= 86400))
            {
                return Fail($"--seconds must be between 0.1 and 86400; got {s.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (!(tempo is >= 40 and <= 200))
            {
                return Fail($"--bpm must be between 40 and 200; got {tempo.ToString(CultureInfo.InvariantCulture)}.");
            }

            string dir = parse.GetValue(output)!.FullName;
            try
            {
                using ISensorSource src = SourceSpec.Open(parse.GetValue(source)!, parse.GetValue(seed), s, tempo);
                RecordingSummary summary = await SessionDerivation.RecordAsync(src, dir, s, pace: parse.GetValue(realtime), cancellation: cancellation).ConfigureAwait(false);
                PrintSummary(summary, parse.GetValue(json), "recorded");
                return 0;
            }
            catch (Exception e) when (IsInputError(e))
            {
                return Fail(e.Message);
            }
        });
        return command;
    }

    private static Command CreateValidate()
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "The session folder." };
        var repair = new Option<bool>("--repair") { Description = "Truncate torn tails of an unclosed session and rewrite its manifest." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout: ok, streams[{name,records,torn_bytes}], errors[]." };
        var command = new Command("validate", "Check a session: manifest, every record of every stream, torn tails, counts and sha256. Exit 0 when ok, 1 when not.")
        {
            dir, repair, json,
        };
        command.SetAction(parse =>
        {
            try
            {
                ValidationReport report = SessionValidator.Validate(parse.GetValue(dir)!.FullName, parse.GetValue(repair));
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(report.ToJson());
                }
                else
                {
                    PrintReport(report);
                }

                return report.Ok ? 0 : 1;
            }
            catch (Exception e) when (IsInputError(e))
            {
                return Fail(e.Message);
            }
        });
        return command;
    }

    private static Command CreateInfo()
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "The session folder." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout and nothing else." };
        var command = new Command("info", "Describe a session: id, status, devices and streams with their counts.") { dir, json };
        command.SetAction(parse =>
        {
            try
            {
                SessionManifest manifest = SessionManifest.Load(Path.Combine(parse.GetValue(dir)!.FullName, SessionLayout.ManifestFileName));
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(JsonNode.Parse(manifest.ToJson())!.ToJsonString());
                    return 0;
                }

                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(manifest.Id)}[/]  {Markup.Escape(manifest.Status.ToString())}  created {Markup.Escape(manifest.Created.ToString("u", CultureInfo.InvariantCulture))}");
                var devices = new Table().AddColumns("device", "kind", "Hz", "description");
                foreach (SessionDevice d in manifest.Devices)
                {
                    devices.AddRow(Markup.Escape(d.Id), d.Kind.ToString(), d.RateHz.ToString("0.##", CultureInfo.InvariantCulture), Markup.Escape(d.Description));
                }

                var streams = new Table().AddColumns("stream", "producer", "records", "bytes", "sha256");
                foreach (SessionStreamInfo st in manifest.Streams)
                {
                    streams.AddRow(Markup.Escape(st.Name), Markup.Escape(st.Producer), st.Records?.ToString(CultureInfo.InvariantCulture) ?? "-", st.Bytes?.ToString(CultureInfo.InvariantCulture) ?? "-", st.Sha256 is { } h ? h[..12] + "…" : "-");
                }

                AnsiConsole.Write(devices);
                AnsiConsole.Write(streams);
                return 0;
            }
            catch (Exception e) when (IsInputError(e))
            {
                return Fail(e.Message);
            }
        });
        return command;
    }

    private static Command CreateReplay()
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "The session to replay." };
        var output = new Option<DirectoryInfo>("--out") { Description = "The new session folder for the replay.", Required = true };
        var realtime = new Option<bool>("--realtime") { Description = "Replay at wall-clock speed instead of as fast as possible." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout and nothing else." };
        var command = new Command("replay", "Replay a session's sensor streams into a new session, re-deriving dynamics128 (byte-identical with the same configuration).")
        {
            dir, output, realtime, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            try
            {
                RecordingSummary summary = await SessionDerivation.ReplayAsync(parse.GetValue(dir)!.FullName, parse.GetValue(output)!.FullName, pace: parse.GetValue(realtime), cancellation: cancellation).ConfigureAwait(false);
                PrintSummary(summary, parse.GetValue(json), "replayed");
                return 0;
            }
            catch (Exception e) when (IsInputError(e))
            {
                return Fail(e.Message);
            }
        });
        return command;
    }

    private static bool IsInputError(Exception e) =>
        e is ArgumentException or IOException or UnauthorizedAccessException or MotionFormatException or SessionFormatException or InvalidDataException;


    private static void PrintSummary(RecordingSummary s, bool json, string verb)
    {
        if (json)
        {
            var o = new JsonObject
            {
                ["dir"] = s.Directory,
                ["seconds"] = s.Seconds,
                ["sensor_frames"] = s.SensorFrames,
                ["vectors"] = s.Vectors,
                ["dropped"] = s.Dropped,
                ["rejected"] = s.Rejected,
                ["source_rejected"] = s.SourceRejected,
            };
            Console.Out.WriteLine(o.ToJsonString());
            return;
        }

        AnsiConsole.MarkupLine($"{verb} [bold]{Markup.Escape(s.Directory)}[/]: {s.Seconds.ToString("0.00", CultureInfo.InvariantCulture)} s, {s.SensorFrames} sensor frames, {s.Vectors} dynamics128 vectors, {s.Dropped} dropped, {s.Rejected} rejected, {s.SourceRejected} rejected by the source");
    }

    private static void PrintReport(ValidationReport report)
    {
        var table = new Table().AddColumns("stream", "records", "torn bytes", "sha256");
        foreach (StreamValidation st in report.Streams)
        {
            table.AddRow(Markup.Escape(st.Name), st.Records.ToString(CultureInfo.InvariantCulture), st.TornBytes.ToString(CultureInfo.InvariantCulture), st.Sha256Matches switch { true => "ok", false => "MISMATCH", null => "-" });
        }

        AnsiConsole.Write(table);
        foreach (ValidationError e in report.Errors)
        {
            AnsiConsole.MarkupLine($"[red]error[/] {Markup.Escape(e.ToString())}");
        }

        foreach (string note in report.Notes)
        {
            AnsiConsole.MarkupLine($"note {Markup.Escape(note)}");
        }

        AnsiConsole.MarkupLine(report.Ok ? "[green]ok[/]" : report.NeedsRepair ? "[yellow]needs repair (--repair)[/]" : "[red]not ok[/]");
    }
}
