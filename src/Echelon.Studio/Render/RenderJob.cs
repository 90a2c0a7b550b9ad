using System.Diagnostics;
using System.Globalization;
using System.Text;
using Echelon.Audio.Instruments;
using Echelon.Audio.Render;
using Echelon.Audio.Wav;
using Echelon.Music.Composition;

namespace Echelon.Studio.Render;

/// <summary>
/// Offline render of the default arrangement: compose (<see cref="Arrangement"/>), play the notes
/// through the <see cref="Band"/>, send the melody to a quarter-note echo, add reverb, limit at −0.1 dBFS
/// with look-ahead (<see cref="MixBus"/>), and write
/// <c>mix.wav</c> (48 kHz stereo), <c>notes.jsonl</c>, <c>notes.mid</c> (<see cref="NotesMidiFile"/>) and, on
/// request, one dry float WAV per agent.
/// </summary>
/// <remarks>The limiter's look-ahead delay is removed from the mix, so the mix, the stems and the notes share one timeline.</remarks>
public static class RenderJob
{
    /// <summary>Renders and returns the figures.</summary>
    public static RenderResult Run(RenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!(request.BlockSize is >= 1 and <= 8192))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.BlockSize, "block size must be 1–8192 samples.");
        }

        ArrangementOptions arrangement = request.Arrangement;
        List<NoteEvent> notes = Arrangement.Compose(arrangement);
        int rate = arrangement.SampleRate;
        long total = (long)Math.Round(arrangement.Seconds * rate);

        Directory.CreateDirectory(request.OutputDirectory);
        WriteNotes(Path.Combine(request.OutputDirectory, "notes.jsonl"), notes, rate);
        NotesMidiFile.Build(notes, rate, arrangement.Bpm).Write(Path.Combine(request.OutputDirectory, "notes.mid"));

        var events = new InstrumentEvent[notes.Count];
        for (int i = 0; i < notes.Count; i++)
        {
            NoteEvent n = notes[i];
            events[i] = new InstrumentEvent(n.StartSample, (int)n.Agent, n.Pitch, n.Velocity, n.DurationSamples);
        }

        IInstrument[] band = Band.Create();
        var renderer = new InstrumentRenderer(band, events);
        int block = request.BlockSize;
        renderer.Prepare(rate, block);
        var bus = new MixBus();
        bus.Prepare(rate, block, arrangement.Bpm);
        int latency = bus.LatencySamples;
        int melody = (int)AgentKind.Melody; // instrument and stem index = agent (the events below are built so)

        var mixOptions = new WavWriterOptions { SampleRate = rate, Channels = 2, Format = request.Format };
        var stemOptions = new WavWriterOptions { SampleRate = rate, Channels = 2, Format = WavSampleFormat.IeeeFloat32 };
        using WavWriter mix = WavWriter.Create(Path.Combine(request.OutputDirectory, "mix.wav"), mixOptions);
        WavWriter[] stems = [];
        if (request.Stems)
        {
            Directory.CreateDirectory(Path.Combine(request.OutputDirectory, "stems"));
            stems = [.. Arrangement.Agents.Select(a => WavWriter.Create(Path.Combine(request.OutputDirectory, "stems", Arrangement.StemName(a) + ".wav"), stemOptions))];
        }

        try
        {
            var left = new float[block];
            var right = new float[block];
            double peak = 0;
            double sumSquares = 0;
            long ticks = 0;
            for (long position = 0; position < total + latency; position += block)
            {
                int n = (int)Math.Min(block, total + latency - position);
                Span<float> l = left.AsSpan(0, n);
                Span<float> r = right.AsSpan(0, n);
                long start = Stopwatch.GetTimestamp();
                renderer.RenderBlock(l, r);
                bus.Process(l, r, renderer.StemLeft(melody, n), renderer.StemRight(melody, n));
                ticks += Stopwatch.GetTimestamp() - start;

                // Stems are dry and on the note timeline; the mix is delayed by the limiter's look-ahead.
                int stemCount = (int)Math.Max(0, Math.Min(n, total - position));
                for (int s = 0; s < stems.Length; s++)
                {
                    stems[s].Write(renderer.StemLeft(s, stemCount), renderer.StemRight(s, stemCount));
                }

                int skip = (int)Math.Clamp(latency - position, 0, n);
                if (skip < n)
                {
                    ReadOnlySpan<float> ml = l[skip..];
                    ReadOnlySpan<float> mr = r[skip..];
                    mix.Write(ml, mr);
                    for (int i = 0; i < ml.Length; i++)
                    {
                        peak = Math.Max(peak, Math.Max(Math.Abs(ml[i]), Math.Abs(mr[i])));
                        sumSquares += (ml[i] * (double)ml[i]) + (mr[i] * (double)mr[i]);
                    }
                }
            }

            double seconds = total / (double)rate;
            double renderSeconds = ticks / (double)Stopwatch.Frequency;
            var perAgent = Arrangement.Agents.ToDictionary(Arrangement.StemName, a => notes.Count(n => n.Agent == a), StringComparer.Ordinal);
            return new RenderResult(
                seconds,
                renderSeconds > 0 ? seconds / renderSeconds : double.PositiveInfinity,
                Decibels(peak),
                Decibels(Math.Sqrt(sumSquares / Math.Max(1, 2 * total))),
                notes.Count,
                perAgent);
        }
        finally
        {
            foreach (WavWriter stem in stems)
            {
                stem.Dispose();
            }
        }
    }

    private static double Decibels(double amplitude) => amplitude > 0 ? 20 * Math.Log10(amplitude) : double.NegativeInfinity;

    private static void WriteNotes(string path, List<NoteEvent> notes, int rate)
    {
        var text = new StringBuilder(notes.Count * 80);
        foreach (NoteEvent n in notes)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"t\":{(n.StartSample / (double)rate).ToString("R", CultureInfo.InvariantCulture)},\"agent\":\"{Arrangement.StemName(n.Agent)}\",\"pitch\":{n.Pitch},\"velocity\":{n.Velocity.ToString("R", CultureInfo.InvariantCulture)},\"duration\":{(n.DurationSamples / (double)rate).ToString("R", CultureInfo.InvariantCulture)}}}\n");
        }

        File.WriteAllText(path, text.ToString());
    }
}
