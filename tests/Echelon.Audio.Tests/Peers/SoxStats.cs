using System.Globalization;
using Echelon.Audio.Wav;

namespace Echelon.Audio.Tests.Peers;

/// <summary>
/// The table <c>sox FILE -n stats</c> prints (on stderr), parsed: one row per measure, one column
/// for mono, <c>Overall</c> plus one per channel otherwise. sox cannot say whether a float file
/// holds NaN, infinite or subnormal samples, so <see cref="Measure"/> also reads the file with our
/// <see cref="WavReader"/> and fills <see cref="NonFiniteSampleCount"/> and <see cref="SubnormalSampleCount"/>.
/// </summary>
public sealed class SoxStats
{
    /// <summary>Row labels sox 14.4 prints, longest first so that a label never matches the start of another.</summary>
    private static readonly string[] s_labels =
    [
        "DC offset", "Min level", "Max level", "Pk lev dB", "RMS lev dB", "RMS Pk dB", "RMS Tr dB",
        "Crest factor", "Flat factor", "Pk count", "Bit-depth", "Num samples", "Length s", "Scale max", "Window s",
    ];

    private readonly Dictionary<string, string[]> _rows;

    private SoxStats(IReadOnlyList<string> columns, Dictionary<string, string[]> rows, long? nonFinite, long? subnormal)
    {
        Columns = columns;
        _rows = rows;
        NonFiniteSampleCount = nonFinite;
        SubnormalSampleCount = subnormal;
    }

    /// <summary>Column names: <c>Overall</c> alone for mono, else <c>Overall</c> then sox's channel names (<c>Left</c>, <c>Right</c>, <c>Ch3</c>…).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Mean of all samples (<c>DC offset</c>), full scale 1.</summary>
    public double DcOffset => Value("DC offset");

    /// <summary>Most negative sample (<c>Min level</c>).</summary>
    public double MinLevel => Value("Min level");

    /// <summary>Most positive sample (<c>Max level</c>).</summary>
    public double MaxLevel => Value("Max level");

    /// <summary>Peak level in dBFS (<c>Pk lev dB</c>, two decimals; −∞ for silence).</summary>
    public double PeakLevelDb => Value("Pk lev dB");

    /// <summary>RMS level in dBFS (<c>RMS lev dB</c>, two decimals; −∞ for silence).</summary>
    public double RmsLevelDb => Value("RMS lev dB");

    /// <summary>Length in seconds (<c>Length s</c>, three decimals).</summary>
    public double LengthSeconds => Value("Length s");

    /// <summary>NaN and infinite samples our reader found; null when parsed from text alone.</summary>
    public long? NonFiniteSampleCount { get; }

    /// <summary>Subnormal samples our reader found; null when parsed from text alone.</summary>
    public long? SubnormalSampleCount { get; }

    /// <summary>Runs <c>sox FILE -n stats</c>, parses it, and counts non-finite and subnormal samples with <see cref="WavReader"/>.</summary>
    public static SoxStats Measure(string wavPath)
    {
        var run = PeerTool.Get("sox").Run(wavPath, "-n", "stats");
        var parsed = Parse(run.StandardError);
        var audio = WavReader.Read(wavPath);
        return new SoxStats(parsed.Columns, parsed._rows, audio.NonFiniteSampleCount, audio.SubnormalSampleCount);
    }

    /// <summary>Parses the stats table.</summary>
    /// <exception cref="FormatException">A value is not a number (names the line and the row), or a needed row is missing.</exception>
    public static SoxStats Parse(string text)
    {
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        IReadOnlyList<string> columns = ["Overall"];
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("sox ", StringComparison.Ordinal))
            {
                continue; // blank, or a "sox WARN ..." line
            }

            var label = s_labels.FirstOrDefault(l => line.StartsWith(l, StringComparison.Ordinal) && (line.Length == l.Length || line[l.Length] == ' '));
            var fields = (label is null ? line : line[label.Length..]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (label is null)
            {
                if (fields.Length > 0 && fields[0] == "Overall")
                {
                    columns = fields;
                }

                continue; // a row a later sox may add: not ours to judge
            }

            foreach (var f in fields)
            {
                if (label is not "Bit-depth" && !TryNumber(f, out _))
                {
                    throw new FormatException($"sox stats line {number}: {label}: '{f}' is not a number.");
                }
            }

            rows[label] = fields;
        }

        foreach (var needed in new[] { "DC offset", "Pk lev dB", "RMS lev dB" })
        {
            if (!rows.ContainsKey(needed))
            {
                throw new FormatException($"sox stats: no '{needed}' row in the output.");
            }
        }

        return new SoxStats(columns, rows, null, null);
    }

    /// <summary>
    /// A row's value in a column (0 = <c>Overall</c>). sox prints only one value for rows measured
    /// over all channels (<c>Num samples</c>, <c>Length s</c>); those answer for every column.
    /// <c>-</c> (not applicable) reads as NaN, <c>-inf</c> as −∞, and a k/M/G suffix multiplies.
    /// </summary>
    /// <exception cref="KeyNotFoundException">sox printed no such row.</exception>
    public double Value(string label, int column = 0)
    {
        if (!_rows.TryGetValue(label, out var fields))
        {
            throw new KeyNotFoundException($"sox stats printed no '{label}' row; rows: {string.Join(", ", _rows.Keys)}.");
        }

        var f = fields.Length == 1 ? fields[0] : fields[column];
        return TryNumber(f, out var value) ? value : double.NaN;
    }

    private static bool TryNumber(string text, out double value)
    {
        switch (text)
        {
            case "-":
                value = double.NaN;
                return true;
            case "-inf":
                value = double.NegativeInfinity;
                return true;
            case "inf":
                value = double.PositiveInfinity;
                return true;
            default:
                break;
        }

        var scale = text[^1] switch { 'k' => 1e3, 'M' => 1e6, 'G' => 1e9, _ => 1.0 };
        var digits = scale == 1.0 ? text : text[..^1];
        var ok = double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        value *= scale;
        return ok;
    }
}
