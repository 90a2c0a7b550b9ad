using System.Globalization;
using System.Text.Json;

namespace Echelon.Music.Composition;

/// <summary>
/// A time-stamped control-state script: one JSON object per line,
/// <c>{"t": seconds, "intensity": 0–1, "density": 0–1, "brightness": 0–1, "tension": 0–1, "section": n}</c>,
/// times non-decreasing; a field left out keeps its previous value (the first line starts from
/// <see cref="ControlState.Default"/>). The state at time t is the last line at or before t.
/// </summary>
public sealed class ControlScript
{
    private readonly double[] _times;
    private readonly ControlState[] _states;

    private ControlScript(double[] times, ControlState[] states)
    {
        _times = times;
        _states = states;
    }

    /// <summary>A script holding one state forever.</summary>
    public static ControlScript Constant(ControlState state) => new([0.0], [state]);

    /// <summary>Number of lines.</summary>
    public int Count => _times.Length;

    /// <summary>The state in force at <paramref name="seconds"/>.</summary>
    public ControlState At(double seconds)
    {
        int index = Array.BinarySearch(_times, seconds);
        index = index >= 0 ? index : ~index - 1;
        return _states[Math.Max(0, index)];
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
        ControlState state = ControlState.Default;
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
                if (property.Name is not ("t" or "intensity" or "density" or "brightness" or "tension" or "section"))
                {
                    throw Error(source, line, property.Name, "unknown field; allowed: t, intensity, density, brightness, tension, section");
                }
            }

            state = new ControlState(
                (float)(Number(root, "intensity", source, line, false, 0, 1) ?? state.Intensity),
                (float)(Number(root, "density", source, line, false, 0, 1) ?? state.Density),
                (float)(Number(root, "brightness", source, line, false, 0, 1) ?? state.Brightness),
                (float)(Number(root, "tension", source, line, false, 0, 1) ?? state.Tension),
                (int)(Number(root, "section", source, line, false, 0, 100_000) ?? state.Section));
            times.Add(t);
            states.Add(state);
        }

        if (times.Count == 0)
        {
            throw Error(source, 0, "lines", "the script is empty; give at least one line such as {\"t\": 0, \"intensity\": 0.5}");
        }

        return new ControlScript([.. times], [.. states]);
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
