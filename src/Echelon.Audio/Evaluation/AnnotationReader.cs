using System.Globalization;

namespace Echelon.Audio.Evaluation;

/// <summary>
/// Reads the plain-text annotations mir_eval evaluates: event times (beats, onsets), time series
/// (melody f0) and tempo <c>.lab</c> lines. Lines are 1-based; blank lines and lines whose first
/// non-blank character is <c>#</c> are skipped; fields are separated by whitespace (any mix of spaces
/// and tabs) or by a comma.
/// </summary>
/// <remarks>
/// mir_eval's loaders only warn about times its metrics then reject; these readers reject them with the
/// line, so a bad file fails before scoring. They accept two things mir_eval's <c>load_events</c> does
/// not: blank lines, and extra columns on an event line (madmom's <c>time⇥beat_in_bar</c> beat files),
/// of which the first is the time. Thread-safe; allocates.
/// </remarks>
public static class AnnotationReader
{
    /// <summary>Reads one event time per line (the first field), in seconds.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="AnnotationFormatException">
    /// A time is not a number, not finite, negative, later than 30 000 s, or earlier than the one before.
    /// </exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static double[] ReadEvents(string path)
    {
        using var reader = new StreamReader(path);
        return ReadEvents(reader, path);
    }

    /// <summary>Reads one event time per line (the first field), in seconds.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="name">Name used in error messages (the file name).</param>
    /// <exception cref="AnnotationFormatException">See <see cref="ReadEvents(string)"/>.</exception>
    public static double[] ReadEvents(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var times = new List<double>();
        int previousLine = 0;
        foreach ((int line, List<string> fields) in DataLines(reader, name))
        {
            double time = Time(fields[0], name, line, "time");
            if (time > EventTimes.MaxSeconds)
            {
                throw new AnnotationFormatException(name, line, "time", Invariant($"{fields[0]} is later than the {EventTimes.MaxSeconds} s mir_eval allows; event times are seconds."));
            }

            if (times.Count > 0 && time < times[^1])
            {
                throw new AnnotationFormatException(name, line, "time", Invariant($"{fields[0]} is earlier than {times[^1]} on line {previousLine}; event times must be in increasing order."));
            }

            times.Add(time);
            previousLine = line;
        }

        return [.. times];
    }

    /// <summary>Reads a two-column time series: time in seconds, then a value (f0 in Hz for melodies).</summary>
    /// <param name="path">The file (<c>.txt</c> with whitespace or <c>.csv</c> with commas, like MDB's <c>time,f0</c>).</param>
    /// <exception cref="AnnotationFormatException">
    /// A line has other than two fields, a field is not a finite number, a time is negative, or a time
    /// does not come after the one before.
    /// </exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TimeSeries ReadTimeSeries(string path)
    {
        using var reader = new StreamReader(path);
        return ReadTimeSeries(reader, path);
    }

    /// <summary>Reads a two-column time series: time in seconds, then a value.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="name">Name used in error messages (the file name).</param>
    /// <exception cref="AnnotationFormatException">See <see cref="ReadTimeSeries(string)"/>.</exception>
    public static TimeSeries ReadTimeSeries(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var times = new List<double>();
        var values = new List<double>();
        int previousLine = 0;
        foreach ((int line, List<string> fields) in DataLines(reader, name))
        {
            if (fields.Count != 2)
            {
                throw new AnnotationFormatException(name, line, "line", Invariant($"{fields.Count} fields; a time series line holds two: time (s) and value (f0 in Hz)."));
            }

            double time = Time(fields[0], name, line, "time");
            if (times.Count > 0 && !(time > times[^1]))
            {
                throw new AnnotationFormatException(name, line, "time", Invariant($"{fields[0]} does not come after {times[^1]} on line {previousLine}; times must be strictly increasing."));
            }

            times.Add(time);
            values.Add(Finite(fields[1], name, line, "f0"));
            previousLine = line;
        }

        return new TimeSeries([.. times], [.. values]);
    }

    /// <summary>Reads a tempo <c>.lab</c>: one line <c>tempo1 tempo2 weight</c> (BPM, BPM, weight of tempo1 in 0–1).</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="AnnotationFormatException">
    /// The file has no data line or more than one, the line has other than three fields, a tempo is
    /// negative or not finite, or the weight is outside 0–1.
    /// </exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TempoAnnotation ReadTempo(string path)
    {
        using var reader = new StreamReader(path);
        return ReadTempo(reader, path);
    }

    /// <summary>Reads a tempo <c>.lab</c>: one line <c>tempo1 tempo2 weight</c>.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="name">Name used in error messages (the file name).</param>
    /// <exception cref="AnnotationFormatException">See <see cref="ReadTempo(string)"/>.</exception>
    public static TempoAnnotation ReadTempo(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        TempoAnnotation? tempo = null;
        int dataLine = 0;
        foreach ((int line, List<string> fields) in DataLines(reader, name))
        {
            if (tempo is not null)
            {
                throw new AnnotationFormatException(name, line, "line", Invariant($"a second tempo line (the first is line {dataLine}); a tempo file holds one line: tempo1 tempo2 weight."));
            }

            if (fields.Count != 3)
            {
                throw new AnnotationFormatException(name, line, "line", Invariant($"{fields.Count} fields; a tempo line holds three: tempo1 (BPM), tempo2 (BPM), weight of tempo1 (0–1)."));
            }

            double first = Tempo(fields[0], name, line, "tempo1");
            double second = Tempo(fields[1], name, line, "tempo2");
            double weight = Finite(fields[2], name, line, "weight");
            if (!(weight >= 0 && weight <= 1))
            {
                throw new AnnotationFormatException(name, line, "weight", Invariant($"{fields[2]} is outside 0–1; the weight is the share of listeners who tap tempo1."));
            }

            tempo = new TempoAnnotation(first, second, weight);
            dataLine = line;
        }

        return tempo ?? throw new AnnotationFormatException(name, 0, "tempo", "no data line; a tempo file holds one line: tempo1 tempo2 weight.");
    }

    private static IEnumerable<(int Line, List<string> Fields)> DataLines(TextReader reader, string name)
    {
        int number = 0;
        while (reader.ReadLine() is string text)
        {
            number++;
            string line = text.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            List<string> fields = Fields(line);
            int empty = fields.IndexOf(string.Empty);
            if (empty >= 0)
            {
                throw new AnnotationFormatException(name, number, "line", Invariant($"field {empty + 1} is empty; fields are separated by whitespace or by one comma."));
            }

            yield return (number, fields);
        }
    }

    /// <summary>Splits a trimmed line at runs of whitespace, each holding at most one comma.</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        int i = 0;
        while (true)
        {
            int start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]) && line[i] != ',')
            {
                i++;
            }

            fields.Add(line[start..i]);
            if (i == line.Length)
            {
                return fields;
            }

            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i < line.Length && line[i] == ',')
            {
                i++;
                while (i < line.Length && char.IsWhiteSpace(line[i]))
                {
                    i++;
                }
            }

            if (i == line.Length)
            {
                fields.Add(string.Empty);
                return fields;
            }
        }
    }

    private static double Finite(string text, string name, int line, string field)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new AnnotationFormatException(name, line, field, $"'{text}' is not a number.");
        }

        if (!double.IsFinite(value))
        {
            throw new AnnotationFormatException(name, line, field, $"'{text}' is not a finite number.");
        }

        return value;
    }

    private static double Time(string text, string name, int line, string field)
    {
        double time = Finite(text, name, line, field);
        return time >= 0 ? time : throw new AnnotationFormatException(name, line, field, $"{text} is negative; times are seconds, 0 or more.");
    }

    private static double Tempo(string text, string name, int line, string field)
    {
        double tempo = Finite(text, name, line, field);
        return tempo >= 0 ? tempo : throw new AnnotationFormatException(name, line, field, $"{text} is negative; a tempo is BPM, 0 or more.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
