using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Echelon.Audio.Wav;
using Echelon.Music.Composition;
using Echelon.Music.Theory;
using Echelon.Music.Transport;
using Echelon.Studio.Render;

namespace Echelon.Cli.Commands;

/// <summary><c>echelon render</c>: compose and render the default arrangement offline.</summary>
internal static class RenderCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var seconds = new Option<double>("--seconds") { Description = "Length, seconds (0.1–3600).", DefaultValueFactory = _ => 30.0 };
        var bpm = new Option<double>("--bpm") { Description = "Tempo, 40–200 BPM.", DefaultValueFactory = _ => 120.0 };
        var key = new Option<string>("--key") { Description = "Tonic: C, C#, Db, D, … B.", DefaultValueFactory = _ => "A" };
        var mode = new Option<string>("--mode") { Description = "ionian, dorian, phrygian, lydian, mixolydian, aeolian or locrian (major, minor).", DefaultValueFactory = _ => "aeolian" };
        var intensity = new Option<double>("--intensity") { Description = "0 sparse and quiet … 1 dense and driving.", DefaultValueFactory = _ => 0.6 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the composition.", DefaultValueFactory = _ => 1UL };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder: mix.wav, notes.jsonl, stems/ with --stems.", Required = true };
        var stems = new Option<bool>("--stems") { Description = "Also write stems/{drums,bass,harmony,melody,percussion}.wav (dry, float)." };
        var control = new Option<FileInfo?>("--control") { Description = "A JSONL control script ({\"t\": s, \"intensity\": …, \"density\": …, \"brightness\": …, \"tension\": …, \"section\": n, \"key\": \"D\", \"mode\": \"dorian\"}) instead of the fixed values; section, key and mode changes land on the next bar line." };
        var format = new Option<string>("--format") { Description = "mix.wav sample format: pcm24 or float.", DefaultValueFactory = _ => "pcm24" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout: seconds, realtime_factor, peak_dbfs, rms_dbfs, notes, agents{name:notes}." };
        var command = new Command("render", "Compose with the five agents and render the mix (48 kHz stereo) offline.")
        {
            seconds, bpm, key, mode, intensity, seed, output, stems, control, format, json,
        };
        command.SetAction(parse =>
        {
            // Everything is checked before anything is written.
            double s = parse.GetValue(seconds);
            double tempo = parse.GetValue(bpm);
            double level = parse.GetValue(intensity);
            if (!(s is >= 0.1 and <= 3600))
            {
                return Fail($"seconds: {Number(s)} is out of range; allowed 0.1–3600.");
            }

            if (!Bpm.IsValid(tempo))
            {
                return Fail($"{Bpm.FieldName}: {Number(tempo)} is out of range; allowed {Bpm.AllowedRange}.");
            }

            if (!UnitInterval.IsValid(level))
            {
                return Fail($"intensity: {Number(level)} is out of range; allowed 0–1.");
            }

            if (!KeyName.TryParse(parse.GetValue(key), out int tonic))
            {
                return Fail($"key: '{parse.GetValue(key)}' is not a key; allowed: {KeyName.AllowedList}.");
            }

            if (!ModeNames.TryParse(parse.GetValue(mode), out Mode parsedMode))
            {
                return Fail($"mode: '{parse.GetValue(mode)}' is not a mode; allowed: {ModeNames.AllowedList}.");
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

            ControlScript script;
            try
            {
                float i = (float)level;
                script = parse.GetValue(control) is { } file
                    ? ControlScript.Load(file.FullName)
                    : ControlScript.Constant(new ControlState(i, i, 0.5f, 0.5f, 0));
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                return Fail(e.Message);
            }

            var request = new RenderRequest
            {
                Arrangement = new ArrangementOptions { Seconds = s, Bpm = tempo, Scale = new Scale(tonic, parsedMode), Seed = parse.GetValue(seed), Control = script },
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

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 2;
    }
}
