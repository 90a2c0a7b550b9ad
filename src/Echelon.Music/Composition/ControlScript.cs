using System.Globalization;
using System.Text.Json;
using Echelon.Music.Theory;

namespace Echelon.Music.Composition;

/// <summary>
/// A time-stamped control-state script: one JSON object per line,
/// <c>{"t": seconds, "intensity": 0–1, "density": 0–1, "brightness": 0–1, "tension": 0–1, "section": n,
/// "key": "C"…"B", "mode": "dorian"…}</c>, times non-decreasing; a field left out keeps its previous value
/// (the first line starts from <see cref="ControlState.Default"/>, and from the piece's own key and mode).
/// The state at time t is the last line at or before t. The composer reads it at each bar line, so a
/// key, mode or section change takes effect on the first bar line at or after its time.
/// </summary>
public sealed class ControlScript
{
    private readonly double[] _times;
    private readonly ControlState[] _states;
    private readonly int?[] _tonics;
    private readonly Mode?[] _modes;

    private ControlScript(double[] times, ControlState[] states, int?[] tonics, Mode?[] modes)
    {
        _times = times;
        _states = states;
        _tonics = tonics;
        _modes = modes;
    }

    /// <summary>A script holding one state forever.</summary>
    public static ControlScript Constant(ControlState state) => new([0.0], [state], [null], [null]);

    /// <summary>Number of lines.</summary>
    public int Count => _times.Length;

    /// <summary>The state in force at <paramref name="seconds"/>.</summary>
    public ControlState At(double seconds) => _states[IndexAt(seconds)];

    /// <summary>
    /// The key and mode in force at <paramref name="seconds"/>: the last ones the script set at or before
    /// then, each falling back to <paramref name="piece"/>'s own when the script has not set it yet.
    /// </summary>
    public Scale ScaleAt(double seconds, Scale piece)
    {
        int index = IndexAt(seconds);
        return new Scale(_tonics[index] ?? piece.Tonic, _modes[index] ?? piece.Mode);
    }

    /// <summary>Reads a script file.</summary>
    /// <exception cref="FormatException">A line is malformed: the message names the file, line, field and what is allowed.</exception>
    public static ControlScript Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllLines(path), path);
    }

    /// <summary>Parses script lines (blank lines are skipped).</summary>
    public static ControlScript Parse(IReadOnlyList<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var times = new List<double>();
        var states = new List<ControlState>();
        var tonics = new List<int?>();
        var modes = new List<Mode?>();
        ControlState state = ControlState.Default;
        int? tonic = null;
        Mode? mode = null;
        for (int i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            int line = i + 1;
            JsonElement root;
            try
            {
                using JsonDocument doc = JsonDocument.Parse(lines[i]);
                root = doc.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw Error(source, line, "json", $"not a JSON object ({e.Message})");
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Error(source, line, "json", "each line must be one JSON object");
            }

            double t = Number(root, "t", source, line, required: true, 0, double.MaxValue) ?? 0;
            if (times.Count > 0 && t < times[^1])
            {
                throw Error(source, line, "t", $"{t.ToString(CultureInfo.InvariantCulture)} goes back in time (previous line has {times[^1].ToString(CultureInfo.InvariantCulture)}); times must not decrease");
            }

            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (property.Name is not ("t" or "intensity" or "density" or "brightness" or "tension" or "section" or "key" or "mode"))
                {
                    throw Error(source, line, property.Name, "unknown field; allowed: t, intensity, density, brightness, tension, section, key, mode");
                }
            }

            if (root.TryGetProperty("key", out JsonElement keyValue))
            {
                tonic = keyValue.ValueKind == JsonValueKind.String && KeyName.TryParse(keyValue.GetString(), out int parsed)
                    ? parsed
                    : throw Error(source, line, "key", $"{keyValue.GetRawText()} is not a key; allowed: {KeyName.AllowedList}");
            }

            if (root.TryGetProperty("mode", out JsonElement modeValue))
            {
                mode = modeValue.ValueKind == JsonValueKind.String && ModeNames.TryParse(modeValue.GetString(), out Mode parsed)
                    ? parsed
                    : throw Error(source, line, "mode", $"{modeValue.GetRawText()} is not a mode; allowed: {ModeNames.AllowedList}");
            }

            state = new ControlState(
                (float)(Number(root, "intensity", source, line, false, 0, 1) ?? state.Intensity),
                (float)(Number(root, "density", source, line, false, 0, 1) ?? state.Density),
                (float)(Number(root, "brightness", source, line, false, 0, 1) ?? state.Brightness),
                (float)(Number(root, "tension", source, line, false, 0, 1) ?? state.Tension),
                (int)(Number(root, "section", source, line, false, 0, 100_000) ?? state.Section));
            times.Add(t);
            states.Add(state);
            tonics.Add(tonic);
            modes.Add(mode);
        }

        if (times.Count == 0)
        {
            throw Error(source, 0, "lines", "the script is empty; give at least one line such as {\"t\": 0, \"intensity\": 0.5}");
        }

        return new ControlScript([.. times], [.. states], [.. tonics], [.. modes]);
    }

    private int IndexAt(double seconds)
    {
        int index = Array.BinarySearch(_times, seconds);
        index = index >= 0 ? index : ~index - 1;
        return Math.Max(0, index);
    }

    private static double? Number(JsonElement root, string field, string source, int line, bool required, double min, double max)
    {
        if (!root.TryGetProperty(field, out JsonElement value))
        {
            return required ? throw Error(source, line, field, "missing; every line needs a time in seconds") : null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number))
        {
            throw Error(source, line, field, $"must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!double.IsFinite(number) || number < min || number > max)
        {
            throw Error(source, line, field, $"{number.ToString(CultureInfo.InvariantCulture)} is out of range; allowed {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}");
        }

        return number;
    }

    private static FormatException Error(string source, int line, string field, string problem) =>
        new(line > 0 ? $"{source}:{line}: {field}: {problem}" : $"{source}: {field}: {problem}");
}
