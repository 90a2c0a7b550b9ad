using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Echelon.Studio.Configuration;
using static Echelon.Cli.Commands.CommandErrors;

namespace Echelon.Cli.Commands;

/// <summary><c>echelon config …</c>: check, create and show the studio's YAML configuration (docs/architecture/0015).</summary>
internal static class ConfigCommand
{
    // Error texts hold quotes, dashes and angle brackets: keep them readable rather than \u-escaped.
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the <c>config</c> command with its subcommands.</summary>
    public static Command Create() => new("config", "Check, create and show the studio's YAML configuration.")
    {
        CreateValidate(),
        CreateInit(),
        CreateShow(),
    };

    private static Command CreateValidate()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The configuration file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout: valid, errors[{line,column,field,value,allowed,message}]." };
        var command = new Command("validate", "Check a configuration file: exit 0 when valid, 2 with every error (file:line:column: field: message) when not.")
        {
            file, json,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!.ToString();
            bool asJson = parse.GetValue(json);
            try
            {
                StudioConfiguration configuration = StudioConfiguration.Load(path);
                if (asJson)
                {
                    Console.Out.WriteLine(Report([]).ToJsonString(s_json));
                }
                else
                {
                    Console.Out.WriteLine($"valid: {path}: {Summary(configuration)}");
                }

                return 0;
            }
            catch (ConfigurationException e)
            {
                return ReportErrors(e, asJson);
            }
            catch (Exception e) when (IsFileError(e))
            {
                if (asJson)
                {
                    Console.Out.WriteLine(Report([new ConfigurationError(0, 0, string.Empty, null, null, e.Message)]).ToJsonString(s_json));
                    return BadInput;
                }

                return Fail(e.Message);
            }
        });
        return command;
    }

    private static Command CreateInit()
    {
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var force = new Option<bool>("--force") { Description = "Overwrite the --out file if it exists." };
        var command = new Command("init", "Write the default configuration, every field with a comment saying what it does and what it accepts.")
        {
            output, force,
        };
        command.SetAction(parse =>
        {
            string yaml = StudioConfiguration.Default.ToYaml();
            FileInfo? file = parse.GetValue(output);
            if (file is null)
            {
                Console.Out.Write(yaml);
                return 0;
            }

            if (file.Exists && !parse.GetValue(force))
            {
                return Fail($"{file} exists; add --force to overwrite it.");
            }

            try
            {
                file.Directory?.Create();
                File.WriteAllText(file.FullName, yaml);
                Console.Out.WriteLine($"wrote {file}");
                return 0;
            }
            catch (Exception e) when (IsFileError(e))
            {
                return Fail(e.Message);
            }
        });
        return command;
    }

    private static Command CreateShow()
    {
        var config = new Option<FileInfo?>("--config") { Description = "The configuration file; without it, the default configuration." };
        var command = new Command("show", "Print the effective configuration: the file's values, the defaults for the rest, paths resolved.")
        {
            config,
        };
        command.SetAction(parse =>
        {
            FileInfo? file = parse.GetValue(config);
            try
            {
                StudioConfiguration configuration = file is null ? StudioConfiguration.Default : StudioConfiguration.Load(file.ToString());
                Console.Out.Write(configuration.ToYaml());
                return 0;
            }
            catch (ConfigurationException e)
            {
                return ReportErrors(e, asJson: false);
            }
            catch (Exception e) when (IsFileError(e))
            {
                return Fail(e.Message);
            }
        });
        return command;
    }

    private static int ReportErrors(ConfigurationException e, bool asJson)
    {
        if (asJson)
        {
            Console.Out.WriteLine(Report(e.Errors).ToJsonString(s_json));
        }
        else
        {
            foreach (string line in e.FormatErrors())
            {
                Console.Error.WriteLine(line);
            }
        }

        return BadInput;
    }

    private static JsonObject Report(IReadOnlyList<ConfigurationError> errors)
    {
        var list = new JsonArray();
        foreach (ConfigurationError error in errors)
        {
            list.Add(new JsonObject
            {
                ["line"] = error.Line > 0 ? error.Line : null,
                ["column"] = error.Line > 0 ? error.Column : null,
                ["field"] = error.Field,
                ["value"] = error.Value,
                ["allowed"] = error.Allowed,
                ["message"] = error.Message,
            });
        }

        return new JsonObject { ["valid"] = errors.Count == 0, ["errors"] = list };
    }

    private static string Summary(StudioConfiguration c)
    {
        string tempo = c.Tempo.Mode == TempoMode.Fixed
            ? $"tempo fixed at {Number(c.Tempo.Bpm)} BPM"
            : $"tempo following from {Number(c.Tempo.Bpm)} BPM within {Number(c.Tempo.MinBpm)}–{Number(c.Tempo.MaxBpm)}";
        string sources = string.Join(", ", c.Devices.Sources.Select(s => s.Kind.ToString().ToLowerInvariant()));
        string preset = c.Equilibrium.Preset == EquilibriumPreset.Dell ? "dell" : "lim-rps";
        string audio = c.Audio.Output == AudioOutput.None
            ? "no audio device"
            : $"audio {c.Audio.SampleRate.ToString(CultureInfo.InvariantCulture)} Hz in blocks of {c.Audio.BlockSize.ToString(CultureInfo.InvariantCulture)}";
        return $"equilibrium {preset}, {tempo}, sources: {sources}, {c.Mappings.Count.ToString(CultureInfo.InvariantCulture)} mappings, {audio}, server {c.Server.Bind}:{c.Server.Port.ToString(CultureInfo.InvariantCulture)}{(c.Server.UsesHttps ? " over https" : string.Empty)}";
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static bool IsFileError(Exception e) => e is IOException or UnauthorizedAccessException or ArgumentException;
}
