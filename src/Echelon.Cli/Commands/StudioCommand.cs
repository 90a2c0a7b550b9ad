using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Echelon.Audio.Devices;
using Echelon.Protocols.Midi.Live;
using Echelon.Studio.Configuration;
using Echelon.Studio.Engine;
using Echelon.Studio.Web;
using Microsoft.Extensions.Logging;
using static Echelon.Cli.Commands.CommandErrors;

namespace Echelon.Cli.Commands;

/// <summary><c>echelon studio</c>: the live instrument.</summary>
internal static class StudioCommand
{
    /// <summary>The web host's certificate options and the <c>server</c> fields they come from.</summary>
    private static readonly Dictionary<string, string> s_certificateFields = new(StringComparer.Ordinal)
    {
        [nameof(StudioWebHostOptions.CertificatePath)] = "certificate",
        [nameof(StudioWebHostOptions.CertificateKeyPath)] = "certificate_key",
        [nameof(StudioWebHostOptions.CertificatePassword)] = "certificate_password",
        [nameof(StudioWebHostOptions.SelfSignedCertificatePath)] = "self_signed_certificate",
        [nameof(StudioWebHostOptions.Certificate)] = "certificate",
    };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var config = new Option<FileInfo?>("--config") { Description = "Studio configuration (YAML; `echelon config init` writes the default). Without it, the defaults." };
        var source = new Option<string?>("--source") { Description = "Overrides the configured sources: synthetic, replay:DIR or osc:PORT." };
        var audio = new Option<string?>("--audio") { Description = "portaudio (the default device; falls back to none when none opens) or none (a clock without a device)." };
        var port = new Option<int?>("--port") { Description = "Web host port (default 5001; 0 = any free port)." };
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this many seconds (default: run until Ctrl+C)." };
        var record = new Option<bool>("--record") { Description = "Record the performance into the recordings folder from the start." };
        var json = new Option<bool>("--json") { Description = "At the end, print one JSON object with the engine's counters." };
        var https = new Option<bool>("--https") { Description = "Serve the web host over HTTPS even on loopback (server.https: on): with the configured certificate, or a self-signed one whose SHA-256 fingerprint is printed. Exposed beyond loopback, HTTPS is the default already." };
        var command = new Command("studio", "Run the live instrument: sensors in, music out on the audio device (or a clock), the dashboard, stream and phone pages on the web host (http://127.0.0.1:5001 by default; https when exposed to phones on the network), and the OSC outputs the configuration names.")
        {
            config, source, audio, port, https, seconds, record, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            StudioConfiguration configuration;
            string baseDirectory = Environment.CurrentDirectory;
            try
            {
                FileInfo? file = parse.GetValue(config);
                configuration = file is null ? StudioConfiguration.Default : StudioConfiguration.Load(file.FullName);
                baseDirectory = file?.DirectoryName ?? baseDirectory;
                configuration = Override(configuration, parse.GetValue(source), parse.GetValue(audio), parse.GetValue(port), baseDirectory);
                if (parse.GetValue(https))
                {
                    configuration = configuration with { Server = configuration.Server with { Https = HttpsMode.On } };
                }
            }
            catch (ConfigurationException e)
            {
                return Fail(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return Fail(e.Message);
            }

            double? limit = parse.GetValue(seconds);
            if (limit is { } l && !(l > 0 && l <= 86_400))
            {
                return Fail($"seconds: {l.ToString(CultureInfo.InvariantCulture)} is out of range; allowed: 0–86400.");
            }

            var broadcast = new AudioBroadcast(configuration.Audio.SampleRate);
            using var engine = new StudioEngine(StudioSetup.ToEngineOptions(configuration, baseDirectory, [broadcast]));
            using IAudioOutput output = OpenOutput(configuration.Audio);
            RtMidiOutput? midi;
            try
            {
                midi = OpenMidi(configuration.Midi);
            }
            catch (Exception e) when (e is MidiPortException or DllNotFoundException)
            {
                return Fail($"midi.port: {e.Message}");
            }

            using RtMidiOutput? midiOutput = midi;
            using ControlOutputs? outputs = OpenOutputs(engine, configuration, midi);
            ServerSettings server = configuration.Server;
            StudioWebHost created;
            try
            {
                created = StudioWebHost.Create(engine, broadcast, new StudioWebHostOptions
                {
                    BindAddress = server.Bind,
                    Port = server.Port,
                    AudioClientLimit = server.AudioClientLimit,
                    HeartbeatInterval = TimeSpan.FromSeconds(server.HeartbeatSeconds),
                    HeartbeatTimeout = TimeSpan.FromSeconds(server.TimeoutSeconds),
                    TelemetryHz = server.TelemetryHz,
                    PairingToken = server.PairingToken,
                    Https = server.Https,
                    CertificatePath = server.Certificate is { } certificate ? Path.GetFullPath(certificate, baseDirectory) : null,
                    CertificateKeyPath = server.CertificateKey is { } key ? Path.GetFullPath(key, baseDirectory) : null,
                    CertificatePassword = server.CertificatePassword,
                    SelfSignedCertificatePath = server.SelfSignedCertificate is { } kept ? Path.GetFullPath(kept, baseDirectory) : null,
                    // Logs go to standard error, so standard output holds only the --json object.
                    ConfigureLogging = logging => logging
                        .ClearProviders()
                        .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
                        .AddFilter("Microsoft", LogLevel.Warning)
                        .AddFilter("System", LogLevel.Warning),
                });
            }
            catch (ArgumentException e) when (e.ParamName is { } option && s_certificateFields.TryGetValue(option, out string? field))
            {
                // The host names its option; the performer edits the configuration, so name the field there.
                return Fail($"server.{field}: {(e.InnerException ?? e).Message.TrimEnd('.')}.");
            }

            await using StudioWebHost web = created;
            try
            {
                await web.StartAsync(cancellation).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                return Fail($"port: the web host cannot listen on {server.Bind}:{server.Port} ({e.Message}); choose another with --port (0 = any free port).");
            }

            engine.Start();
            output.Start(new EngineAudioCallback(engine));
            outputs?.Start();
            if (parse.GetValue(record) || configuration.Session.RecordOnStart)
            {
                engine.StartRecording();
            }

            Console.Error.WriteLine($"echelon studio: {output.Name}, {configuration.Audio.SampleRate} Hz, {engine.Options.Sources.Count} source(s); Ctrl+C stops.");
            Console.Error.WriteLine($"dashboard: {web.DashboardUrl}");
            Console.Error.WriteLine($"listen:    {web.ListenUrl}");
            Console.Error.WriteLine($"pair:      {web.PairUrl}");
            foreach (Uri phone in web.PairUrlsBeyondLoopback())
            {
                Console.Error.WriteLine($"phone:     {phone}");
            }

            if (web.Certificate is { } served)
            {
                // What the phone shows when it asks whether to trust the certificate: compare before tapping "proceed".
                Console.Error.WriteLine($"https:     certificate SHA-256 {served.Sha256Fingerprint}");
                Console.Error.WriteLine($"           for {string.Join(", ", served.Names)}; {served.Origin}; valid until {served.NotAfter:yyyy-MM-dd}");
                if (served.IsSelfSigned)
                {
                    Console.Error.WriteLine("           self-signed: a browser asks once whether to trust it; check that it shows this fingerprint. iOS then asks for motion access with a tap.");
                }
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            if (limit is { } run)
            {
                stop.CancelAfter(TimeSpan.FromSeconds(run));
            }

            try
            {
                while (!stop.Token.IsCancellationRequested)
                {
                    await Task.Delay(250, stop.Token).ConfigureAwait(false);
                    Report(engine, output);
                }
            }
            catch (OperationCanceledException)
            {
            }

            output.Stop();
            engine.Stop();
            await web.StopAsync(CancellationToken.None).ConfigureAwait(false);
            Report(engine, output);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(Summary(engine, output, web).ToJsonString());
            }

            return 0;
        });
        return command;
    }

    private static StudioConfiguration Override(StudioConfiguration configuration, string? source, string? audio, int? port, string baseDirectory)
    {
        if (source is not null)
        {
            SensorSourceSettings settings = source switch
            {
                "synthetic" => new SyntheticSourceSettings(),
                _ when source.StartsWith("replay:", StringComparison.Ordinal) && source.Length > 7 => new ReplaySourceSettings { Path = Path.GetFullPath(source[7..], baseDirectory) },
                _ when source.StartsWith("osc:", StringComparison.Ordinal) && int.TryParse(source[4..], NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p is > 0 and < 65536 => new OscSourceSettings { Port = p },
                _ => throw new ArgumentException($"source: '{source}' is not a source; allowed: synthetic, replay:DIR, osc:PORT (1–65535)."),
            };
            configuration = configuration with { Devices = configuration.Devices with { Sources = [settings] } };
        }

        if (audio is not null)
        {
            AudioOutput kind = audio switch
            {
                "portaudio" => AudioOutput.PortAudio,
                "none" => AudioOutput.None,
                _ => throw new ArgumentException($"audio: '{audio}' is not an output; allowed: portaudio, none."),
            };
            configuration = configuration with { Audio = configuration.Audio with { Output = kind } };
        }

        if (port is { } p2)
        {
            if (p2 is < 0 or > 65535)
            {
                throw new ArgumentException($"port: {p2} is out of range; allowed: 0–65535 (0 = any free port).");
            }

            configuration = configuration with { Server = configuration.Server with { Port = p2 } };
        }

        return configuration;
    }

    private static IAudioOutput OpenOutput(AudioSettings settings)
    {
        var options = new AudioOutputOptions
        {
            SampleRate = settings.SampleRate,
            BlockSize = settings.BlockSize,
            DeviceName = settings.Device,
            SuggestedLatency = settings.LatencyMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
        };
        if (settings.Output == AudioOutput.None)
        {
            return new NullAudioOutput(options);
        }

        try
        {
            return new FallbackAudioOutput(new PortAudioOutput(options));
        }
        catch (AudioDeviceException e)
        {
            Console.Error.WriteLine($"echelon studio: no audio device ({e.Message}); running on a clock without one.");
            return new NullAudioOutput(options);
        }
    }

    private static ControlOutputs? OpenOutputs(StudioEngine engine, StudioConfiguration configuration, RtMidiOutput? midi)
    {
        IPEndPoint? mirror = Resolve(configuration.Osc.Mirror);
        IPEndPoint? wekinator = Resolve(configuration.Osc.Wekinator);
        return mirror is null && wekinator is null && midi is null
            ? null
            : new ControlOutputs(engine, () => engine.Mappings, mirror, wekinator, midi is null ? null : midi.TrySend);
    }

    /// <summary>The MIDI output the configuration names (a port whose name contains <c>midi.port</c>), or null.</summary>
    private static RtMidiOutput? OpenMidi(MidiOutputSettings settings)
    {
        if (settings.Port is not { } port)
        {
            return null;
        }

        RtMidiOutput output = RtMidiOutput.Create("echelon");
        try
        {
            output.OpenPort(port, "out");
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    private static IPEndPoint? Resolve(NetworkEndpoint? endpoint)
    {
        if (endpoint is null)
        {
            return null;
        }

        IPAddress address = IPAddress.TryParse(endpoint.Host, out IPAddress? ip) ? ip : Dns.GetHostAddresses(endpoint.Host)[0];
        return new IPEndPoint(address, endpoint.Port);
    }

    private static void Report(StudioEngine engine, IAudioOutput output) =>
        engine.ReportAudioDevice(output.Xruns, output.Overruns, output is FallbackAudioOutput f ? f.Fallbacks : 0);

    private static JsonObject Summary(StudioEngine engine, IAudioOutput output, StudioWebHost web)
    {
        EngineCounters c = engine.Counters;
        return new JsonObject
        {
            ["audio"] = output.Name,
            ["seconds"] = engine.Position / (double)engine.Options.SampleRate,
            ["control_frames"] = c.ControlFrames,
            ["control_overruns"] = c.ControlOverruns,
            ["audio_blocks"] = c.AudioBlocks,
            ["xruns"] = c.Xruns,
            ["audio_overruns"] = c.AudioOverruns,
            ["fallbacks"] = c.AudioFallbacks,
            ["late_notes"] = c.LateNotes,
            ["sensor_frames"] = c.SensorFrames,
            ["express_updates"] = c.ExpressUpdates,
            ["bpm"] = engine.Bpm,
            ["dashboard"] = web.DashboardUrl.ToString(),
            ["certificate_sha256"] = web.Certificate?.Sha256Fingerprint,
        };
    }
}
