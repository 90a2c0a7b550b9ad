using System.Diagnostics;
using System.Text.Json.Nodes;
using Echelon.Audio.Analysis;
using Echelon.Audio.Wav;
using Echelon.Core.Metrics;
using Echelon.Music.Composition;
using Echelon.Studio.Render;

namespace Echelon.Cli.Bench;

/// <summary>
/// The listening budget: every analyzer together (spectrum, onsets, pitch, tempo and beats, level, centroid) over
/// the composer's own mix, fed in real-time-sized blocks on one thread: real-time factor, time per block, bytes
/// allocated per block, and whether the tempo found is the tempo played.
/// </summary>
internal static class ListenBench
{
    /// <summary>Renders <paramref name="seconds"/> of the default arrangement at <paramref name="bpm"/> and measures the analyzers on it.</summary>
    public static JsonObject Run(double seconds, double bpm, int block, string scratchDirectory)
    {
        string folder = Path.Combine(scratchDirectory, $"echelon-bench-listen-{Environment.ProcessId}");
        float[] mono;
        int rate;
        try
        {
            RenderJob.Run(new RenderRequest
            {
                Arrangement = new ArrangementOptions { Seconds = seconds, Bpm = bpm, Seed = 1 },
                OutputDirectory = folder,
            });
            WavAudio mix = WavReader.Read(Path.Combine(folder, "mix.wav"));
            rate = mix.SampleRate;
            mono = new float[mix.FrameCount];
            for (int i = 0; i < mono.Length; i++)
            {
                mono[i] = 0.5f * (mix.Channels[0][i] + mix.Channels[1][i]);
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        int blocks = (mono.Length + block - 1) / block;
        var times = new double[blocks];
        long allocated = 0;
        double elapsed = 0;
        ListeningAnalyzer analyzer = null!;
        var sink = new CountingSink();

        // Two passes: the first compiles everything to its final tier, the second is measured.
        for (int pass = 0; pass < 2; pass++)
        {
            analyzer = new ListeningAnalyzer(new ListeningOptions { SampleRate = rate });
            sink.Reset();
            allocated = GC.GetAllocatedBytesForCurrentThread();
            long begin = Stopwatch.GetTimestamp();
            for (int b = 0; b < blocks; b++)
            {
                int start = b * block;
                long t0 = Stopwatch.GetTimestamp();
                analyzer.Process(mono.AsSpan(start, Math.Min(block, mono.Length - start)), sink);
                times[b] = (Stopwatch.GetTimestamp() - t0) * 1e6 / Stopwatch.Frequency;
            }

            elapsed = (Stopwatch.GetTimestamp() - begin) / (double)Stopwatch.Frequency;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Thread.Sleep(100);
        }

        var scratch = new double[blocks];
        double audioSeconds = (double)mono.Length / rate;
        return new JsonObject
        {
            ["seconds"] = audioSeconds,
            ["bpm"] = bpm,
            ["block"] = block,
            ["sample_rate"] = rate,
            ["realtime_factor"] = audioSeconds / elapsed,
            ["block_us"] = new JsonObject
            {
                ["p50"] = Statistics.Percentile(times, 50, scratch),
                ["p99"] = Statistics.Percentile(times, 99, scratch),
                ["max"] = Statistics.Percentile(times, 100, scratch),
            },
            ["alloc_bytes_per_block"] = (double)allocated / blocks,
            ["tempo_bpm"] = analyzer.Beats.TempoBpm,
            ["tempo_error_percent"] = 100 * (analyzer.Beats.TempoBpm - bpm) / bpm,
            ["beats"] = sink.Beats,
            ["onsets"] = sink.Onsets,
            ["latency_ms"] = analyzer.LatencySeconds * 1000,
        };
    }

    private sealed class CountingSink : IListeningSink
    {
        public int Beats { get; private set; }

        public int Onsets { get; private set; }

        public void Reset() => Beats = Onsets = 0;

        public void OnFrame(in ListeningFrame frame)
        {
        }

        public void OnOnset(double seconds, float strength) => Onsets++;

        public void OnBeat(double seconds, double tempoBpm) => Beats++;

        public void OnPitch(long index, in PitchEstimate estimate)
        {
        }
    }
}
