using System.CommandLine;
using System.Globalization;
using Echelon.Music.Composition;
using Echelon.Music.Theory;
using Echelon.Music.Transport;

namespace Echelon.Cli.Commands;

/// <summary>
/// The options that choose a piece — <c>--seconds --bpm --key --mode --intensity --seed --control</c> —
/// shared by <c>echelon render</c> and <c>echelon sc render</c>, so the same arguments give the same notes.
/// </summary>
internal sealed class ArrangementArguments
{
    private readonly Option<double> _seconds = new("--seconds") { Description = "Length, seconds (0.1–3600).", DefaultValueFactory = _ => 30.0 };
    private readonly Option<double> _bpm = new("--bpm") { Description = "Tempo, 40–200 BPM.", DefaultValueFactory = _ => 120.0 };
    private readonly Option<string> _key = new("--key") { Description = "Tonic: C, C#, Db, D, … B.", DefaultValueFactory = _ => "A" };
    private readonly Option<string> _mode = new("--mode") { Description = "ionian, dorian, phrygian, lydian, mixolydian, aeolian or locrian (major, minor).", DefaultValueFactory = _ => "aeolian" };
    private readonly Option<double> _intensity = new("--intensity") { Description = "0 sparse and quiet … 1 dense and driving.", DefaultValueFactory = _ => 0.6 };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed of the composition.", DefaultValueFactory = _ => 1UL };
    private readonly Option<FileInfo?> _control = new("--control") { Description = "A JSONL control script ({\"t\": s, \"intensity\": …, \"density\": …, \"brightness\": …, \"tension\": …, \"section\": n, \"key\": \"D\", \"mode\": \"dorian\"}) instead of the fixed values; section, key and mode changes land on the next bar line." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { _seconds, _bpm, _key, _mode, _intensity, _seed, _control })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Reads and checks every option; on failure <paramref name="error"/> names the field and what is allowed.</summary>
    public bool TryRead(ParseResult parse, out ArrangementOptions options, out string error)
    {
        options = new ArrangementOptions();
        double s = parse.GetValue(_seconds);
        double tempo = parse.GetValue(_bpm);
        double level = parse.GetValue(_intensity);
        if (!(s is >= 0.1 and <= 3600))
        {
            error = $"seconds: {Number(s)} is out of range; allowed 0.1–3600.";
            return false;
        }

        if (!Bpm.IsValid(tempo))
        {
            error = $"{Bpm.FieldName}: {Number(tempo)} is out of range; allowed {Bpm.AllowedRange}.";
            return false;
        }

        if (!UnitInterval.IsValid(level))
        {
            error = $"intensity: {Number(level)} is out of range; allowed 0–1.";
            return false;
        }

        if (!KeyName.TryParse(parse.GetValue(_key), out int tonic))
        {
            error = $"key: '{parse.GetValue(_key)}' is not a key; allowed: {KeyName.AllowedList}.";
            return false;
        }

        if (!ModeNames.TryParse(parse.GetValue(_mode), out Mode mode))
        {
            error = $"mode: '{parse.GetValue(_mode)}' is not a mode; allowed: {ModeNames.AllowedList}.";
            return false;
        }

        ControlScript script;
        try
        {
            float i = (float)level;
            script = parse.GetValue(_control) is { } file
                ? ControlScript.Load(file.FullName)
                : ControlScript.Constant(new ControlState(i, i, 0.5f, 0.5f, 0));
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            error = e.Message;
            return false;
        }

        options = new ArrangementOptions { Seconds = s, Bpm = tempo, Scale = new Scale(tonic, mode), Seed = parse.GetValue(_seed), Control = script };
        error = string.Empty;
        return true;
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
