using System.Diagnostics;
using Echelon.Audio.Wav;
using Echelon.Music.Composition;
using Echelon.Protocols.SuperCollider;

namespace Echelon.Studio.SuperCollider;

/// <summary>
/// Renders the composer's piece with SuperCollider instead of Echelon's own synthesizer: the same
/// notes as <c>echelon render</c> for the same arguments, written as a non-real-time score
/// (<c>DIR/score.osc</c>) and rendered by <c>scsynth -N</c> into <c>DIR/sc.wav</c> (48 kHz stereo, 24-bit).
/// </summary>
public static class ScRenderJob
{
    /// <summary>Composes, writes the score, runs scsynth and measures what it wrote.</summary>
    /// <param name="arrangement">The piece.</param>
    /// <param name="outputDirectory">Where score.osc and sc.wav go (created if needed).</param>
    /// <param name="scsynth">Path of scsynth; looked up on PATH when null.</param>
    /// <exception cref="ScsynthNotFoundException">scsynth is not installed.</exception>
    /// <exception cref="InvalidOperationException">scsynth failed; the message carries the end of its output.</exception>
    public static ScRenderResult Run(ArrangementOptions arrangement, string outputDirectory, string? scsynth = null)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        string program = scsynth ?? FindOnPath("scsynth") ?? throw new ScsynthNotFoundException();
        List<NoteEvent> notes = Arrangement.Compose(arrangement);
        NrtScore score = ScScore.Build(notes, arrangement.SampleRate, arrangement.Seconds);

        Directory.CreateDirectory(outputDirectory);
        string scorePath = Path.Combine(outputDirectory, "score.osc");
        string wavPath = Path.Combine(outputDirectory, "sc.wav");
        score.Save(scorePath);

        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { "-N", scorePath, "_", wavPath, arrangement.SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture), "WAV", "int24", "-o", "2" })
        {
            info.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        string log = stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult();
        if (process.ExitCode != 0 || !File.Exists(wavPath))
        {
            throw new InvalidOperationException($"scsynth -N exited with {process.ExitCode}: {(log.Length > 2000 ? log[^2000..] : log).Trim()}");
        }

        WavAudio audio = WavReader.Read(wavPath);
        double peak = 0;
        double sum = 0;
        long count = 0;
        foreach (float[] channel in audio.Channels)
        {
            foreach (float x in channel)
            {
                peak = Math.Max(peak, Math.Abs(x));
                sum += x * (double)x;
            }

            count += channel.Length;
        }

        return new ScRenderResult(
            arrangement.Seconds,
            notes.Count(n => n.StartSample / (double)arrangement.SampleRate < arrangement.Seconds),
            score.Count,
            scorePath,
            wavPath,
            Decibels(peak),
            Decibels(Math.Sqrt(sum / Math.Max(1, count))),
            clock.Elapsed.TotalSeconds);
    }

    private static double Decibels(double amplitude) => amplitude > 0 ? 20 * Math.Log10(amplitude) : double.NegativeInfinity;

    private static string? FindOnPath(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string full = Path.Combine(dir, OperatingSystem.IsWindows() ? name + ".exe" : name);
            if (File.Exists(full))
            {
                return full;
            }
        }

        return null;
    }
}
