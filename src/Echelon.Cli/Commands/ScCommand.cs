using System.CommandLine;
using System.Text.Json.Nodes;
using Echelon.Music.Composition;
using Echelon.Protocols.Osc.Transport;
using Echelon.Protocols.SuperCollider;
using Echelon.Studio.SuperCollider;
using static Echelon.Cli.Commands.CommandErrors;

namespace Echelon.Cli.Commands;

/// <summary><c>echelon sc</c>: SuperCollider — render the composer's notes with scsynth, write Echelon's SynthDefs.</summary>
internal static class ScCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var sc = new Command("sc", "SuperCollider: render the composer's notes with scsynth, or write Echelon's SynthDefs.");
        sc.Subcommands.Add(Render());
        sc.Subcommands.Add(Play());
        sc.Subcommands.Add(Defs());
        return sc;
    }

    private static Command Render()
    {
        var piece = new ArrangementArguments();
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder: score.osc (the NRT score) and sc.wav (what scsynth rendered).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: seconds, notes, messages, score, wav, peak_dbfs, rms_dbfs, scsynth_seconds." };
        var command = new Command("render", "The notes `echelon render` composes for the same arguments, as a scsynth NRT score rendered by `scsynth -N` (48 kHz stereo).")
        {
            output, json,
        };
        piece.AddTo(command);
        command.SetAction(parse =>
        {
            if (!piece.TryRead(parse, out ArrangementOptions arrangement, out string error))
            {
                return Fail(error);
            }

            ScRenderResult result;
            try
            {
                result = ScRenderJob.Run(arrangement, parse.GetValue(output)!.FullName);
            }
            catch (ScsynthNotFoundException e)
            {
                return Fail(e.Message, 3);
            }
            catch (InvalidOperationException e)
            {
                return Fail(e.Message, 1);
            }

            var figures = new JsonObject
            {
                ["seconds"] = result.Seconds,
                ["notes"] = result.Notes,
                ["messages"] = result.Messages,
                ["score"] = result.ScorePath,
                ["wav"] = result.WavPath,
                ["peak_dbfs"] = result.PeakDbfs,
                ["rms_dbfs"] = result.RmsDbfs,
                ["scsynth_seconds"] = result.ScsynthSeconds,
            };
            Console.Out.WriteLine(parse.GetValue(json) ? figures.ToJsonString() : figures.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            return 0;
        });
        return command;
    }

    private static Command Play()
    {
        var piece = new ArrangementArguments();
        var server = new Option<string>("--server") { Description = "scsynth's UDP address, HOST:PORT (start it with `scsynth -u PORT`).", DefaultValueFactory = _ => "127.0.0.1:57110" };
        var latency = new Option<double>("--latency") { Description = "How far ahead notes are time-stamped, ms (0–1000).", DefaultValueFactory = _ => 50.0 };
        var command = new Command("play", "Play the notes `echelon render` composes for the same arguments on a running scsynth, each in a bundle stamped ahead so it starts on its sample.")
        {
            server, latency,
        };
        piece.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            if (!piece.TryRead(parse, out ArrangementOptions arrangement, out string error))
            {
                return Fail(error);
            }

            if (!OscEndPoints.TrySplit(parse.GetValue(server), out string? host, out int port, out string? problem))
            {
                return Fail($"server: {problem}");
            }

            double ms = parse.GetValue(latency);
            if (!(ms is >= 0 and <= 1000))
            {
                return Fail($"latency: {ms.ToString(System.Globalization.CultureInfo.InvariantCulture)} is out of range; allowed 0–1000 ms.");
            }

            List<NoteEvent> notes = Arrangement.Compose(arrangement);
            using var client = new ScsynthClient(OscEndPoints.Resolve(host, port), TimeSpan.FromMilliseconds(ms));
            try
            {
                int sent = await ScPlayer.PlayAsync(client, notes, arrangement.SampleRate, arrangement.Seconds, cancel).ConfigureAwait(false);
                var figures = new JsonObject
                {
                    ["notes"] = notes.Count,
                    ["commands"] = sent,
                    ["nodes_started"] = client.NodesStarted,
                    ["failures"] = client.Failures,
                    ["last_failure"] = client.LastFailure,
                };
                Console.Out.WriteLine(figures.ToJsonString());
                return 0;
            }
            catch (ScsynthException e)
            {
                return Fail(e.Message, 1);
            }
            catch (OperationCanceledException)
            {
                return 130;
            }
        });
        return command;
    }

    private static Command Defs()
    {
        var output = new Option<FileInfo>("--out") { Description = "The .scsyndef file to write (all of Echelon's defs in one file).", Required = true };
        var command = new Command("defs", $"Write Echelon's SynthDefs ({string.Join(", ", EchelonSynthDefs.All.Select(d => d.Name))}) as one SCgf version 2 file for scsynth's synthdefs folder or /d_load.")
        {
            output,
        };
        command.SetAction(parse =>
        {
            FileInfo file = parse.GetValue(output)!;
            file.Directory?.Create();
            File.WriteAllBytes(file.FullName, SynthDefFile.Write(EchelonSynthDefs.All));
            Console.Out.WriteLine(file.FullName);
            return 0;
        });
        return command;
    }
}
