using System.CommandLine;
using System.Text.Json.Nodes;
using Echelon.Audio.Wav;
using Echelon.Music.Composition;
using Echelon.Studio.Render;
using static Echelon.Cli.Commands.CommandErrors;

namespace Echelon.Cli.Commands;

/// <summary><c>echelon render</c>: compose and render the default arrangement offline.</summary>
internal static class RenderCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var piece = new ArrangementArguments();
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder: mix.wav, notes.jsonl, stems/ with --stems.", Required = true };
        var stems = new Option<bool>("--stems") { Description = "Also write stems/{drums,bass,harmony,melody,percussion}.wav (dry, float)." };
        var format = new Option<string>("--format") { Description = "mix.wav sample format: pcm24 or float.", DefaultValueFactory = _ => "pcm24" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout: seconds, realtime_factor, peak_dbfs, rms_dbfs, notes, agents{name:notes}." };
        var command = new Command("render", "Compose with the five agents and render the mix (48 kHz stereo) offline.")
        {
            output, stems, format, json,
        };
        piece.AddTo(command);
        command.SetAction(parse =>
        {
            // Everything is checked before anything is written.
            if (!piece.TryRead(parse, out ArrangementOptions arrangement, out string error))
            {
                return Fail(error);
            }

            WavSampleFormat sampleFormat;
            switch (parse.GetValue(format))
            {
                case "pcm24":
                    sampleFormat = WavSampleFormat.Pcm24;
                    break;
                case "float":
                    sampleFormat = WavSampleFormat.IeeeFloat32;
                    break;
                default:
                    return Fail($"format: '{parse.GetValue(format)}' is not a format; allowed: pcm24, float.");
            }

            var request = new RenderRequest
            {
                Arrangement = arrangement,
                OutputDirectory = parse.GetValue(output)!.FullName,
                Stems = parse.GetValue(stems),
                Format = sampleFormat,
            };
            RenderResult result = RenderJob.Run(request);
            var agents = new JsonObject();
            foreach ((string name, int count) in result.AgentNotes)
            {
                agents[name] = count;
            }

            var figures = new JsonObject
            {
                ["seconds"] = result.Seconds,
                ["realtime_factor"] = result.RealtimeFactor,
                ["peak_dbfs"] = result.PeakDbfs,
                ["rms_dbfs"] = result.RmsDbfs,
                ["notes"] = result.Notes,
                ["agents"] = agents,
            };
            Console.Out.WriteLine(parse.GetValue(json) ? figures.ToJsonString() : figures.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            return 0;
        });
        return command;
    }
}
