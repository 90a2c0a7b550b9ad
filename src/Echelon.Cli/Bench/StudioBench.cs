using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Numerics;
using System.Text.Json.Nodes;
using Echelon.Audio.Devices;
using Echelon.Core.Metrics;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Synthetic;
using Echelon.Protocols.Osc;
using Echelon.Studio.Osc;
using Echelon.Studio.Configuration;
using Echelon.Studio.Engine;
using Echelon.Studio.Web;
using Microsoft.Extensions.Logging;

namespace Echelon.Cli.Bench;

/// <summary>
/// The studio's live budgets, measured on the real threads with an output pacing the audio in real time (the null
/// output, or a PortAudio device): sensor → sound latency (a step sent as an OSC message over UDP loopback to the studio's OSC sensor input, until a
/// rendered block carries it) and control-frame jitter (how far frame starts stray from 10 ms apart).
/// </summary>
internal static class StudioBench
{
    private const string BenchDevice = "bench-imu";

    /// <summary>
    /// Runs <paramref name="trials"/> latency trials on the null output at real-time pace, or on the default PortAudio
    /// device when <paramref name="portAudio"/>, and returns the figures.
    /// </summary>
    /// <exception cref="AudioDeviceException">PortAudio was asked for and no device opened.</exception>
    public static JsonObject Latency(int trials, bool portAudio = false)
    {
        // The bench IMU is IMU slot 0; its dynamic acceleration drives the master gain with no smoothing, so a still
        // IMU silences the band and a jolt (2 g) brings it back: the first block after the jolt is the answer. The
        // reverb is held at 0 (a mapping whose output range is 0–0), so a silenced band is silence and not a reverb
        // tail, and the −60 dBFS threshold is far above the floor (reported as rest_peak_dbfs).
        var mapping = new ControlMapping
        {
            Source = MappingSource.Slot("imu0_acc_dynamic"),
            Target = MappingTarget.Synth("gain"),
            Input = new MappingRange(0, 1),
            Output = new MappingRange(0, 0.5),
        };
        var dry = mapping with { Target = MappingTarget.Synth("reverb"), Output = new MappingRange(0, 0) };
        var probe = new StepProbe();

        // The step arrives as a phone app would send it: an OSC message over UDP on loopback to the studio's OSC sensor
        // input (Echelon's own IMU convention), decoded, stamped and published on that input's thread.
        using var osc = new OscSensorSource(0);
        using var sender = new UdpClient();
        sender.Connect(IPAddress.Loopback, osc.Port);
        var options = new EngineOptions
        {
            Sources = [() => new SyntheticDancer(new SyntheticDancerOptions { Seconds = 3600, IncludePhone = false }), () => osc],
            BuilderOptions = new Dynamics128BuilderOptions { ImuDevices = [BenchDevice], BodyDevice = "dancer" },
            Mappings = [mapping, dry],
            AudioSinks = [probe],
        };
        using var engine = new StudioEngine(options);
        using IAudioOutput output = portAudio
            ? new PortAudioOutput(new AudioOutputOptions { BlockSize = 128 })
            : new NullAudioOutput(new AudioOutputOptions { BlockSize = 128 });
        engine.Start();
        output.Start(new EngineAudioCallback(engine));

        var latencies = new List<double>();
        double restPeak = 0;
        int missed = 0;
        byte[] rest = ImuPacket(new Vector3(0, 0, 9.80665f));
        byte[] jolt = ImuPacket(new Vector3(0, 0, 3 * 9.80665f));
        for (int trial = 0; trial < trials + 1; trial++)
        {
            // A second and a half at rest: the gain glides to 0 and the reverb tail dies away; the last half second's
            // peak is the floor the step must rise above.
            long until = Stopwatch.GetTimestamp() + (long)(1.5 * Stopwatch.Frequency);
            long quietFrom = until - (long)(0.5 * Stopwatch.Frequency);
            bool quiet = false;
            while (Stopwatch.GetTimestamp() < until)
            {
                if (!quiet && Stopwatch.GetTimestamp() >= quietFrom)
                {
                    probe.ResetRestPeak();
                    quiet = true;
                }

                sender.Send(rest);
                Thread.Sleep(10);
            }

            restPeak = Math.Max(restPeak, probe.RestPeak);
            probe.Arm();
            long injected = Stopwatch.GetTimestamp();
            sender.Send(jolt);
            long heard = probe.Wait(TimeSpan.FromSeconds(1));
            if (trial > 0 && heard > 0)
            {
                latencies.Add((heard - injected) * 1000.0 / Stopwatch.Frequency);
            }
            else if (trial > 0)
            {
                missed++; // not heard within a second: reported as missed, not left out quietly
            }

            for (int i = 0; i < 20; i++)
            {
                sender.Send(jolt);
                Thread.Sleep(10);
            }
        }

        output.Stop();
        engine.Stop();
        double[] measured = [.. latencies];
        return new JsonObject
        {
            ["latency_ms"] = new JsonObject
            {
                ["p50"] = measured.Length > 0 ? Statistics.Percentile(measured, 50, new double[measured.Length]) : null,
                ["p90"] = measured.Length > 0 ? Statistics.Percentile(measured, 90, new double[measured.Length]) : null,
                ["p99"] = measured.Length > 0 ? Statistics.Percentile(measured, 99, new double[measured.Length]) : null,
                ["max"] = measured.Length > 0 ? measured.Max() : null,
            },
            ["latency_trials"] = measured.Length,
            ["latency_missed"] = missed,
            ["audio"] = output.Name,
            ["latency_threshold_dbfs"] = 20 * Math.Log10(StepProbe.Threshold),
            ["rest_peak_dbfs"] = restPeak > 0 ? 20 * Math.Log10(restPeak) : -200,
            ["jitter_ms_p95"] = JitterP95(engine),
            ["control_frames"] = engine.Counters.ControlFrames,
            ["control_overruns"] = engine.Counters.ControlOverruns,
            ["express_updates"] = engine.Counters.ExpressUpdates,
            ["xruns"] = output.Xruns,
            ["audio_overruns"] = output.Overruns,
        };
    }

    /// <summary>
    /// <paramref name="count"/> listeners on <c>/ws/audio</c> for <paramref name="seconds"/> from a loopback load
    /// generator in this process, while the engine plays in real time: gaps (sequence jumps or flagged skips seen by
    /// the clients), xruns, and the process's CPU as a share of the whole machine.
    /// </summary>
    public static async Task<JsonObject> Listeners(int count, double seconds)
    {
        var broadcast = new AudioBroadcast(48_000);
        using var engine = new StudioEngine(new EngineOptions
        {
            Sources = [() => new SyntheticDancer(new SyntheticDancerOptions { Seconds = 3600 })],
            AudioSinks = [broadcast],
        });
        using var output = new NullAudioOutput(new AudioOutputOptions { BlockSize = 128 });
        await using StudioWebHost web = StudioWebHost.Create(engine, broadcast, new StudioWebHostOptions
        {
            Port = 0,
            AudioClientLimit = count,
            ConfigureLogging = b => b.SetMinimumLevel(LogLevel.Warning),
        });
        await web.StartAsync().ConfigureAwait(false);
        engine.Start();
        output.Start(new EngineAudioCallback(engine));

        var uri = new Uri(web.BaseAddress.ToString().Replace("http", "ws", StringComparison.Ordinal) + "ws/audio");
        using var stop = new CancellationTokenSource();
        var clients = new Task<(long Frames, long Gaps, bool Connected)>[count];
        for (int i = 0; i < count; i++)
        {
            clients[i] = Listen(uri, stop.Token);
        }

        Process process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
        double wall = (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / wall / Environment.ProcessorCount * 100;
        await stop.CancelAsync().ConfigureAwait(false);
        (long Frames, long Gaps, bool Connected)[] results = await Task.WhenAll(clients).ConfigureAwait(false);
        output.Stop();
        engine.Stop();
        await web.StopAsync().ConfigureAwait(false);
        return new JsonObject
        {
            ["listeners"] = results.Count(r => r.Connected),
            ["listen_seconds"] = wall,
            ["gaps"] = results.Sum(r => r.Gaps),
            ["frames_per_listener_min"] = results.Min(r => r.Frames),
            ["server_gaps"] = broadcast.Gaps,
            ["listen_jitter_ms_p95"] = JitterP95(engine),
            ["xruns"] = output.Xruns,
            ["audio_overruns"] = output.Overruns,
            ["cpu_percent"] = cpu,
        };
    }

    /// <summary>
    /// How far control frames strayed from their period: the 95th percentile of |interval − 10 ms| over the newest
    /// frames the engine keeps (up to 4096, 41 s at 100 Hz).
    /// </summary>
    private static double? JitterP95(StudioEngine engine)
    {
        long[] starts = engine.FrameStartTimestamps();
        if (starts.Length < 2)
        {
            return null;
        }

        var deviations = new double[starts.Length - 1];
        double period = 1000.0 / engine.Options.ControlRateHz;
        for (int i = 1; i < starts.Length; i++)
        {
            deviations[i - 1] = Math.Abs(((starts[i] - starts[i - 1]) * 1000.0 / Stopwatch.Frequency) - period);
        }

        return Statistics.Percentile(deviations, 95, new double[deviations.Length]);
    }

    private static async Task<(long Frames, long Gaps, bool Connected)> Listen(Uri uri, CancellationToken stop)
    {
        using var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(uri, stop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            return (0, 0, false);
        }

        var buffer = new byte[1 << 20];
        long frames = 0, gaps = 0, next = -1;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                int length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), stop).ConfigureAwait(false);
                    length += result.Count;
                }
                while (!result.EndOfMessage);
                if (result.MessageType != WebSocketMessageType.Binary || !PcmPacket.TryReadHeader(buffer.AsSpan(0, length), out PcmPacketHeader header, out _))
                {
                    continue;
                }

                if (header.Discontinuity || (next >= 0 && header.Sequence != next))
                {
                    gaps++;
                }

                next = header.Sequence + header.Frames;
                frames += header.Frames;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }

        return (frames, gaps, true);
    }

    private static byte[] ImuPacket(Vector3 acceleration) =>
        new OscMessage($"/echelon/imu/{BenchDevice}", OscValue.Float32(acceleration.X), OscValue.Float32(acceleration.Y), OscValue.Float32(acceleration.Z)).ToArray();

    /// <summary>
    /// Notes the time of the first block whose peak passes <see cref="Threshold"/> (−60 dBFS) after it is armed, and the
    /// peak of the rest before (audio thread: no allocation).
    /// </summary>
    private sealed class StepProbe : IAudioBlockSink
    {
        /// <summary>The level a block must reach to count as the step heard: −60 dBFS, far above the silenced band's floor.</summary>
        public const float Threshold = 0.001f;

        private long _at;
        private volatile bool _armed;
        private float _restPeak;

        /// <summary>The loudest sample since <see cref="ResetRestPeak"/> while not armed.</summary>
        public float RestPeak => Volatile.Read(ref _restPeak);

        public void ResetRestPeak() => Volatile.Write(ref _restPeak, 0);

        public void Arm()
        {
            Volatile.Write(ref _at, 0);
            _armed = true;
        }

        /// <summary>
        /// Polls every 0.2 ms (the audio thread must never signal a waiting thread) until the step is heard or the
        /// timeout passes. The time heard is the audio thread's, so the poll only has to leave the CPU to the engine: a
        /// spinning waiter would take one of two cores from it.
        /// </summary>
        public long Wait(TimeSpan timeout)
        {
            long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (Volatile.Read(ref _at) == 0 && Stopwatch.GetTimestamp() < deadline)
            {
                PreciseSleep.Until(Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 5000));
            }

            return Volatile.Read(ref _at);
        }

        public void Write(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
        {
            float peak = 0;
            for (int i = 0; i < left.Length; i++)
            {
                peak = Math.Max(peak, Math.Max(Math.Abs(left[i]), Math.Abs(right[i])));
            }

            if (!_armed)
            {
                if (peak > _restPeak)
                {
                    Volatile.Write(ref _restPeak, peak);
                }

                return;
            }

            if (peak > Threshold)
            {
                _armed = false;
                Volatile.Write(ref _at, Stopwatch.GetTimestamp());
            }
        }
    }
}
