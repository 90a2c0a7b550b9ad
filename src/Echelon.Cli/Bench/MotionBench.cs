using System.Diagnostics;
using System.Text.Json.Nodes;
using Echelon.Core.Metrics;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Motion.Synthetic;
using Echelon.Sessions;
using Echelon.Sessions.Recording;

namespace Echelon.Cli.Bench;

/// <summary>
/// The motion budgets: Dynamics128 ingest + build per 100 Hz tick on the synthetic dancer (latency
/// distribution and allocation), and the session recorder writing full vectors at a fixed rate in
/// real time (process CPU as a share of one core, drops).
/// </summary>
internal static class MotionBench
{
    /// <summary>Runs both parts and returns the figures as one JSON object.</summary>
    public static JsonObject Run(double builderSeconds, double recorderSeconds, int recorderRate, string scratchDirectory)
    {
        return new JsonObject
        {
            ["dynamics128"] = Builder(builderSeconds),
            ["recorder"] = Recorder(recorderSeconds, recorderRate, scratchDirectory),
        };
    }

    private static JsonObject Builder(double seconds)
    {
        using var dancer = new SyntheticDancer(new SyntheticDancerOptions { Seconds = seconds, Seed = 1 });
        var frames = new List<SensorFrame>();
        while (dancer.TryRead(out SensorFrame? frame))
        {
            frames.Add(frame);
        }

        // Two passes: the first warms the JIT up to its optimised tier, the second is measured.
        var latencies = new double[(int)(seconds * 100) + 1];
        long allocated = 0;
        int ticks = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            var builder = new Dynamics128Builder();
            var vector = new Dynamics128Vector();
            int next = 0;
            ticks = 0;
            allocated = 0;
            for (long tick = 0; tick < latencies.Length; tick++)
            {
                long t = tick * 10_000_000L;
                long bytes = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                while (next < frames.Count && frames[next].HostTimeNs <= t)
                {
                    builder.Ingest(frames[next++]);
                }

                builder.Build(t, vector);
                long end = Stopwatch.GetTimestamp();
                allocated += GC.GetAllocatedBytesForCurrentThread() - bytes;
                latencies[ticks++] = (end - start) * 1e6 / Stopwatch.Frequency;
            }

            Thread.Sleep(200);
        }

        var scratch = new double[ticks];
        ReadOnlySpan<double> measured = latencies.AsSpan(0, ticks);
        return new JsonObject
        {
            ["ticks"] = ticks,
            ["frames"] = frames.Count,
            ["latency_us"] = new JsonObject
            {
                ["p50"] = Statistics.Percentile(measured, 50, scratch),
                ["p99"] = Statistics.Percentile(measured, 99, scratch),
                ["max"] = Statistics.Percentile(measured, 100, scratch),
            },
            ["alloc_bytes_per_tick"] = (double)allocated / ticks,
        };
    }

    private static JsonObject Recorder(double seconds, int rate, string scratchDirectory)
    {
        // One untimed second first, so JIT compilation of the encoding and writing paths is not billed.
        RecordOnce(1.0, rate, scratchDirectory);
        return RecordOnce(seconds, rate, scratchDirectory);
    }

    private static JsonObject RecordOnce(double seconds, int rate, string scratchDirectory)
    {
        string directory = Path.Combine(scratchDirectory, "echelon-bench-recorder-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var options = new SessionRecorderOptions
        {
            Dynamics128Streams = [new SessionStreamInfo(SessionLayout.Dynamics128StreamName, "bench", rate)],
        };
        var vector = new Dynamics128Vector { ProducerId = "bench", Mask = UInt128.MaxValue };
        var rng = new Echelon.Core.Numerics.DeterministicRandom(3);
        for (int i = 0; i < Dynamics128Vector.Size; i++)
        {
            vector.Values[i] = (float)rng.NextGaussian();
        }

        Process process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        long appended = 0;
        long total = (long)(seconds * rate);
        SessionRecorder recorder = SessionRecorder.Create(directory, options);
        try
        {
            while (appended < total)
            {
                // Append whatever the schedule says is due, then sleep one control period (10 ms), as the
                // control thread would: the records arrive at the rate, in 100 Hz bursts.
                double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
                long due = Math.Min(total, (long)(elapsed * rate) + 1);
                for (; appended < due; appended++)
                {
                    vector.TimeNs = appended * 1_000_000_000L / rate;
                    vector.Values[0] = appended;
                    recorder.TryAppend(vector);
                }

                Thread.Sleep(10);
            }

            recorder.CompleteAsync().GetAwaiter().GetResult();
            double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
            process.Refresh();
            double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            return new JsonObject
            {
                ["seconds"] = wall,
                ["rate_hz"] = rate,
                ["records"] = recorder.RecordsWritten,
                ["dropped"] = recorder.RecordsDropped,
                ["bytes_per_second"] = recorder.BytesWritten / wall,
                ["cpu_percent_of_one_core"] = 100.0 * cpu / wall,
            };
        }
        finally
        {
            recorder.Dispose();
            Directory.Delete(directory, recursive: true);
        }
    }
}
