using System.Globalization;

namespace Echelon.Audio.Tests.Peers;

/// <summary>
/// Parsers for aubio 0.4.9's command-line output (PEERS.md), and runners that call the tool and
/// parse in one step. Every parse failure is a <see cref="FormatException"/> naming the tool, the
/// 1-based line and the field, with the text found there.
/// </summary>
public static class AubioOutput
{
    /// <summary>
    /// Parses <c>aubio tempo FILE</c>: one line <c>120.18 bpm</c>, or <c>unknown bpm</c> when the
    /// tracker found no tempo (returned as null).
    /// </summary>
    public static double? ParseTempo(string stdout)
    {
        var lines = Lines(stdout);
        if (lines.Count == 0)
        {
            throw new FormatException("aubio tempo: no output; expected a line '<bpm> bpm' or 'unknown bpm'.");
        }

        var (number, text) = lines[^1];
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 2 || fields[1] != "bpm")
        {
            throw new FormatException($"aubio tempo line {number}: expected '<bpm> bpm' or 'unknown bpm', got '{text}'.");
        }

        return fields[0] == "unknown" ? null : Number("aubio tempo", number, "bpm", fields[0]);
    }

    /// <summary>Parses output with one time in seconds per line (<c>aubioonset -i</c>, <c>aubiotrack -i</c>).</summary>
    public static IReadOnlyList<double> ParseTimes(string stdout, string tool = "aubioonset")
    {
        var times = new List<double>();
        foreach (var (number, text) in Lines(stdout))
        {
            if (text.Contains(' ', StringComparison.Ordinal) || text.Contains('\t', StringComparison.Ordinal))
            {
                throw new FormatException($"{tool} line {number}: time: expected one number per line, got '{text}'.");
            }

            times.Add(Number(tool, number, "time", text));
        }

        return times;
    }

    /// <summary>Parses <c>aubiopitch -i FILE</c>: <c>time freq</c> per hop, frequency 0 when unvoiced.</summary>
    public static IReadOnlyList<PitchFrame> ParsePitch(string stdout)
    {
        var frames = new List<PitchFrame>();
        foreach (var (number, text) in Lines(stdout))
        {
            var fields = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2)
            {
                throw new FormatException($"aubiopitch line {number}: expected 'time frequency', got '{text}'.");
            }

            frames.Add(new PitchFrame(
                Number("aubiopitch", number, "time", fields[0]),
                Number("aubiopitch", number, "frequency", fields[1])));
        }

        return frames;
    }

    /// <summary>Runs <c>aubio tempo FILE</c> and parses it.</summary>
    public static double? Tempo(string wavPath) => ParseTempo(PeerTool.Get("aubio").Run("tempo", wavPath).StandardOutput);

    /// <summary>Runs <c>aubioonset -i FILE</c> and parses it.</summary>
    public static IReadOnlyList<double> Onsets(string wavPath) =>
        ParseTimes(PeerTool.Get("aubioonset").Run("-i", wavPath).StandardOutput, "aubioonset");

    /// <summary>Runs <c>aubiotrack -i FILE</c> (beat times) and parses it.</summary>
    public static IReadOnlyList<double> Beats(string wavPath) =>
        ParseTimes(PeerTool.Get("aubiotrack").Run("-i", wavPath).StandardOutput, "aubiotrack");

    /// <summary>Runs <c>aubiopitch -p METHOD -i FILE</c> (yin by default) and parses it.</summary>
    public static IReadOnlyList<PitchFrame> Pitch(string wavPath, string method = "yin") =>
        ParsePitch(PeerTool.Get("aubiopitch").Run("-p", method, "-i", wavPath).StandardOutput);

    private static List<(int Number, string Text)> Lines(string stdout)
    {
        var lines = new List<(int, string)>();
        var number = 0;
        foreach (var raw in stdout.Split('\n'))
        {
            number++;
            var text = raw.Trim();
            if (text.Length > 0)
            {
                lines.Add((number, text));
            }
        }

        return lines;
    }

    private static double Number(string tool, int line, string field, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"{tool} line {line}: {field}: '{text}' is not a finite number.");
}
