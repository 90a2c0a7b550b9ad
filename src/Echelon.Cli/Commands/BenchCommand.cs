using System.CommandLine;
using Echelon.Audio.Devices;
using System.Globalization;
using System.Text.Json;
using Echelon.Cli.Bench;
using Spectre.Console;

namespace Echelon.Cli.Commands;

/// <summary><c>echelon bench …</c>: measured figures for each subsystem.</summary>
internal static class BenchCommand
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = false };

    /// <summary>Builds the <c>bench</c> command with its subcommands.</summary>
    public static Command Create()
    {
        var bench = new Command("bench", "Measure Echelon's subsystems (never part of the test suite).");
        bench.Subcommands.Add(CreateCore());
        bench.Subcommands.Add(CreateMotion());
        bench.Subcommands.Add(CreateListen());
        bench.Subcommands.Add(CreateStudio());
        return bench;
    }

    private static Command CreateCore()
    {
        var seconds = new Option<double>("--seconds") { Description = "Length of the rhythmic stream in seconds (2–3600).", DefaultValueFactory = _ => 60.0 };
        var bpm = new Option<double>("--bpm") { Description = "Tempo of the stream and the transport, 40–200 BPM.", DefaultValueFactory = _ => 120.0 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the stream and the default parameters.", DefaultValueFactory = _ => 1UL };
        var dim = new Option<int>("--dim") { Description = "Fast latent size d (8–256); the slow latent is d/2.", DefaultValueFactory = _ => 64 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout and nothing else." };
        var core = new Command(
            "core",
            "Run DELL (fast LIM-RPS every frame at 100 Hz, slow solve every beat, phase-locked loop) on the "
            + "deterministic rhythmic test signal with a scripted two-beat dropout; report latency, allocation, "
            + "k_used, contraction, phase error, re-lock and coupling energy.")
        {
            seconds, bpm, seed, dim, json,
        };
        core.SetAction(parse =>
        {
            var options = new CoreBenchOptions(parse.GetValue(seconds), parse.GetValue(bpm), parse.GetValue(seed), parse.GetValue(dim));
            bool asJson = parse.GetValue(json);
            if (options.Validate() is { } problem)
            {
                Console.Error.WriteLine($"error: {problem.Message}");
                return 2;
            }

            CoreBenchResult result = asJson
                ? CoreBench.Run(options)
                : AnsiConsole.Progress().Start(ctx =>
                {
                    ProgressTask task = ctx.AddTask("DELL on the rhythmic signal", maxValue: 1.0);
                    return CoreBench.Run(options, new Progress<double>(f => task.Value = f));
                });
            if (asJson)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(result, s_json));
            }
            else
            {
                PrintTable(result);
            }

            return 0;
        });
        return core;
    }

    private static Command CreateMotion()
    {
        var seconds = new Option<double>("--seconds") { Description = "Seconds of the synthetic dancer through the Dynamics128 builder (2–3600).", DefaultValueFactory = _ => 60.0 };
        var recorderSeconds = new Option<double>("--recorder-seconds") { Description = "Seconds of real-time recording (1–600).", DefaultValueFactory = _ => 20.0 };
        var rate = new Option<int>("--rate") { Description = "Full Dynamics128 vectors per second the recorder is fed (1–100000).", DefaultValueFactory = _ => 1000 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout and nothing else." };
        var motion = new Command(
            "motion",
            "Measure Dynamics128 ingest + build per 100 Hz tick on the synthetic dancer (latency p50/p99/max, bytes allocated) "
            + "and the session recorder writing full vectors in real time (CPU as a share of one core, drops).")
        {
            seconds, recorderSeconds, rate, json,
        };
        motion.SetAction(parse =>
        {
            double s = parse.GetValue(seconds);
            double rs = parse.GetValue(recorderSeconds);
            int r = parse.GetValue(rate);
            if (!(s is >= 2 and <= 3600) || !(rs is >= 1 and <= 600) || !(r is >= 1 and <= 100_000))
            {
                Console.Error.WriteLine("error: --seconds must be 2–3600, --recorder-seconds 1–600 and --rate 1–100000.");
                return 2;
            }

            System.Text.Json.Nodes.JsonObject figures = MotionBench.Run(s, rs, r, Path.GetTempPath());
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(figures.ToJsonString());
            }
            else
            {
                Console.Out.WriteLine(figures.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }

            return 0;
        });
        return motion;
    }

    private static Command CreateStudio()
    {
        var trials = new Option<int>("--trials") { Description = "Sensor-to-sound steps to time (5–1000); each takes about 1.7 s.", DefaultValueFactory = _ => 30 };
        var listeners = new Option<int>("--listeners") { Description = "WebSocket listeners on /ws/audio (0–2000).", DefaultValueFactory = _ => 200 };
        var seconds = new Option<double>("--seconds") { Description = "How long the listeners listen, seconds (1–3600).", DefaultValueFactory = _ => 60.0 };
        var audio = new Option<string>("--audio") { Description = "Where the latency and jitter run plays: none (the null output at real-time pace) or portaudio (the default device, e.g. JACK).", DefaultValueFactory = _ => "none" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout and nothing else: latency_ms.{p50,p90,p99,max}, jitter_ms_p95, listeners, gaps, xruns, cpu_percent, and more." };
        var studio = new Command(
            "studio",
            "Measure the live studio on its real threads: sensor → sound latency (a step sent as OSC over UDP loopback to the "
            + "studio's OSC sensor input until a rendered block carries it) and control-frame jitter P95 on the output --audio "
            + "names, then N listeners on /ws/audio from a loopback load generator (gaps, xruns, CPU) on the null output at "
            + "real-time pace.")
        {
            trials, listeners, seconds, audio, json,
        };
        studio.SetAction(async (parse, cancellation) =>
        {
            int n = parse.GetValue(trials);
            int l = parse.GetValue(listeners);
            double s = parse.GetValue(seconds);
            if (n is < 5 or > 1000 || l is < 0 or > 2000 || !(s is >= 1 and <= 3600))
            {
                Console.Error.WriteLine("error: --trials must be 5–1000, --listeners 0–2000 and --seconds 1–3600.");
                return 2;
            }

            string device = parse.GetValue(audio) ?? "none";
            if (device is not ("none" or "portaudio"))
            {
                Console.Error.WriteLine($"error: --audio: '{device}' is not an output; allowed: none, portaudio.");
                return 2;
            }

            System.Text.Json.Nodes.JsonObject figures;
            try
            {
                figures = StudioBench.Latency(n, device == "portaudio");
            }
            catch (Exception e) when (e is AudioDeviceException or DllNotFoundException)
            {
                Console.Error.WriteLine($"error: --audio portaudio: {e.Message}");
                return 2;
            }

            if (l > 0)
            {
                System.Text.Json.Nodes.JsonObject load = await StudioBench.Listeners(l, s).ConfigureAwait(false);
                foreach ((string key, System.Text.Json.Nodes.JsonNode? value) in load.ToList())
                {
                    load.Remove(key);
                    figures[key == "xruns" ? "listen_xruns" : key == "audio_overruns" ? "listen_audio_overruns" : key] = value;
                }

                figures["xruns"] = figures["xruns"]!.GetValue<long>() + figures["listen_xruns"]!.GetValue<long>();
            }

            Console.Out.WriteLine(parse.GetValue(json) ? figures.ToJsonString() : figures.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        });
        return studio;
    }

    private static Command CreateListen()
    {
        var seconds = new Option<double>("--seconds") { Description = "Seconds of the composer's mix to analyse (5–3600).", DefaultValueFactory = _ => 60.0 };
        var bpm = new Option<double>("--bpm") { Description = "Tempo of the mix, BPM (40–200).", DefaultValueFactory = _ => 120.0 };
        var block = new Option<int>("--block") { Description = "Samples per call, as an audio callback would deliver them (1–8192).", DefaultValueFactory = _ => 128 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout and nothing else." };
        var listen = new Command(
            "listen",
            "Measure every listening analyzer together on the composer's own mix, block by block on one thread: real-time factor, "
            + "µs per block (p50/p99/max), bytes allocated per block, and the tempo found against the tempo played.")
        {
            seconds, bpm, block, json,
        };
        listen.SetAction(parse =>
        {
            double s = parse.GetValue(seconds);
            double b = parse.GetValue(bpm);
            int n = parse.GetValue(block);
            if (!(s is >= 5 and <= 3600) || !(b is >= 40 and <= 200) || n is < 1 or > 8192)
            {
                Console.Error.WriteLine("error: --seconds must be 5–3600, --bpm 40–200 and --block 1–8192.");
                return 2;
            }

            System.Text.Json.Nodes.JsonObject figures = ListenBench.Run(s, b, n, Path.GetTempPath());
            Console.Out.WriteLine(parse.GetValue(json) ? figures.ToJsonString() : figures.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        });
        return listen;
    }

    private static void PrintTable(CoreBenchResult r)
    {
        static string F(double v, string format = "F3") => v.ToString(format, CultureInfo.InvariantCulture);
        var table = new Table().AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        table.Title = new TableTitle($"bench core: d={r.Dimension}, {F(r.Bpm, "F0")} BPM, {F(r.Seconds, "F0")} s, seed {r.Seed}");
        table.AddRow("frames", r.Frames.ToString(CultureInfo.InvariantCulture));
        table.AddRow("latency µs p50 / p99 / max", $"{F(r.Latency.P50, "F2")} / {F(r.Latency.P99, "F2")} / {F(r.Latency.Max, "F2")}");
        table.AddRow("allocated bytes per frame", F(r.AllocatedBytesPerFrame, "F1"));
        table.AddRow("k_used mean / p95 / max", $"{F(r.Iterations.Mean, "F2")} / {F(r.Iterations.P95, "F0")} / {r.Iterations.Max}");
        table.AddRow("contraction median / health", $"{F(r.Contraction.Median)} / {F(r.Contraction.Health)}");
        table.AddRow("phase cRMSE rad / coherence", $"{F(r.Phase.CrmseRadians, "F4")} / {F(r.Phase.Coherence, "F4")}");
        table.AddRow("re-lock beats (dropout at beat)", r.Phase.RelockBeats is { } b ? $"{F(b)} (beat {r.Phase.DropoutStartBeat})" : "n/a");
        table.AddRow("coupling φ mean / p95", $"{F(r.Coupling.Mean)} / {F(r.Coupling.P95)}");
        table.AddRow("slow solves / dropout frames / rejected", $"{r.SlowSolves} / {r.DropoutFrames} / {r.RejectedFrames}");
        AnsiConsole.Write(table);
    }
}
