using System.Text;
using Echelon.Music.Composition;
using Echelon.Music.Theory;

namespace Echelon.Studio.Configuration;

/// <summary>
/// Writes a <see cref="StudioConfiguration"/> as commented YAML that <see cref="ConfigurationReader"/> reads back to
/// an equal configuration: every field, each section headed by what it is for, each value followed by what is allowed.
/// </summary>
internal sealed class ConfigurationWriter
{
    /// <summary>Column where the trailing comments start, so they line up.</summary>
    private const int CommentColumn = 34;

    private readonly StringBuilder _text = new();

    /// <summary>The configuration as YAML.</summary>
    public static string Write(StudioConfiguration configuration)
    {
        var writer = new ConfigurationWriter();
        writer.WriteAll(configuration);
        return writer._text.ToString();
    }

    private void WriteAll(StudioConfiguration c)
    {
        Comment(0, "Echelon studio configuration (docs/architecture/0015-studio-configuration.md).");
        Comment(0, "Every key is optional: a key left out takes its default, and an empty file is the default configuration.");
        Comment(0, "Check a file with `echelon config validate FILE`.");
        Blank();

        SessionSettings session = c.Session;
        Comment(0, "The run: its name, where its recordings go, and the seed of everything random.");
        Key(0, "session");
        Value(2, "name", YamlScalars.String(session.Name), "1–64 of A–Z a–z 0–9 . _ -; recordings are named after it");
        Value(2, "recordings", YamlScalars.String(session.RecordingsFolder), "session archives go here (relative to this file)");
        Value(2, "record_on_start", YamlScalars.Bool(session.RecordOnStart), "true: record from the start; false: on request");
        Value(2, "seed", YamlScalars.Unsigned(session.Seed), "0–18446744073709551615: the dancer, the composer, the seeded equilibrium");
        Blank();

        WriteDevices(c.Devices);
        WriteAudio(c.Audio);
        WriteEquilibrium(c.Equilibrium);
        WriteTempo(c.Tempo);
        WriteMusic(c.Music);
        WriteMappings(c.Mappings);
        WriteServer(c.Server);
        WriteOutputs(c.Osc, c.Midi);
    }

    private void WriteDevices(DeviceSettings devices)
    {
        Comment(0, "Where sensor frames come from, and which devices feed the Dynamics128 body and IMU slots.");
        Key(0, "devices");
        Key(2, "sources", "at least one; kinds: synthetic, replay, osc, phone");
        foreach (SensorSourceSettings source in devices.Sources)
        {
            string kind = ConfigurationNames.SourceKinds.Format(source.Kind);
            switch (source)
            {
                case SyntheticSourceSettings synthetic:
                    Value(4, "- kind", kind, "the procedural dancer (skeleton and a phone IMU)");
                    Value(6, "style", ConfigurationNames.DanceStyles.Format(synthetic.Style), ConfigurationNames.DanceStyles.Allowed);
                    Value(6, "bpm", YamlScalars.Number(synthetic.Bpm), "40–200: the dancer's tempo");
                    Value(6, "timing_jitter", YamlScalars.Number(synthetic.TimingJitter), "0–0.2: each beat's length varies by up to this fraction");
                    Value(6, "phone", YamlScalars.Bool(synthetic.IncludePhone), "the virtual phone in the right hand reports its IMU");
                    break;
                case ReplaySourceSettings replay:
                    Value(4, "- kind", kind, "a recorded session's sensor streams");
                    Value(6, "path", YamlScalars.String(replay.Path), "the session folder (relative to this file)");
                    Value(6, "loop", YamlScalars.Bool(replay.Loop), "start again at the end");
                    break;
                case OscSourceSettings osc:
                    Value(4, "- kind", kind, "phone sensor apps and Wekinator-style senders over UDP");
                    Value(6, "port", YamlScalars.Integer(osc.Port), "1–65535 (TouchOSC sends to 8000, ZIG SIM to 50000)");
                    break;
                case PhoneSourceSettings phone:
                    Value(4, "- kind", kind, "phones paired through /pair, over /ws/sensors");
                    Value(6, "max_phones", YamlScalars.Integer(phone.MaxPhones), "1–16 phones at once");
                    break;
                default:
                    throw new InvalidOperationException($"No writer for source {source.GetType().Name}.");
            }
        }

        Value(2, "body", devices.BodyDevice is null ? "auto" : YamlScalars.String(devices.BodyDevice), "the skeleton or pose device for slots 0–79, or auto: the first seen");
        Value(2, "imu", devices.ImuDevices.Count == 0 ? "auto" : "[" + string.Join(", ", devices.ImuDevices.Select(YamlScalars.String)) + "]", "up to two IMU devices for slots 80–95, e.g. [phone], or auto");
        Value(2, "stale_after_seconds", YamlScalars.Number(devices.StaleAfterSeconds), "(0, 10]: a device's slots are masked once its data is this old");
        Blank();
    }

    private void WriteAudio(AudioSettings audio)
    {
        Comment(0, "The sound: output device and block format (the WebSocket stream and the recorder always get it too).");
        Key(0, "audio");
        Value(2, "output", ConfigurationNames.AudioOutputs.Format(audio.Output), "portaudio (the sound card) or none (headless); --audio overrides");
        Value(2, "device", YamlScalars.String(audio.Device), "the output device's name or part of it; null: the system default");
        Value(2, "sample_rate", YamlScalars.Integer(audio.SampleRate), "8000–192000 Hz");
        Value(2, "block_size", YamlScalars.Integer(audio.BlockSize), "16–4096 frames per render block (128 = 2.7 ms at 48 kHz)");
        Value(2, "latency_ms", audio.LatencyMs is { } latency ? YamlScalars.Number(latency) : "null", "1–500: output latency to ask for; null: the device's low-latency default");
        Blank();
    }

    private void WriteEquilibrium(EquilibriumSettings e)
    {
        Comment(0, "The equilibrium core (DESIGN §3): lim-rps solves the fast state x* every frame; dell adds the slow");
        Comment(0, "state y* every beat, the coupling energy phi and the phase psi.");
        Key(0, "equilibrium");
        Value(2, "preset", ConfigurationNames.Presets.Format(e.Preset), ConfigurationNames.Presets.Allowed);
        Value(2, "frame_rate_hz", YamlScalars.Number(e.FrameRateHz), "10–2000: control frames per second");
        Value(2, "max_iterations", YamlScalars.Integer(e.MaxIterations), "1–64: K, the most splitting steps per solve");
        Value(2, "tolerance", YamlScalars.Number(e.Tolerance), "(0, 0.1]: stop once the relative residual is below this");
        Value(2, "warm_start", ConfigurationNames.WarmStarts.Format(e.WarmStart), ConfigurationNames.WarmStarts.Allowed);
        Value(2, "parameters", YamlScalars.String(e.ParametersFile), "an echelon.equilibrium file of the preset's kind; null: seeded");
        if (e.ParametersFile is not null)
        {
            Comment(2, "latent_size, margin, temporal_coupling and coupling_strength come from the parameters file.");
        }
        else
        {
            Value(2, "latent_size", YamlScalars.Integer(e.LatentSize), "2–256: d, the seeded model's latent size");
            Value(2, "margin", YamlScalars.Number(e.Margin), "(0, 100]: m, I − W ⪰ m I");
            Value(2, "temporal_coupling", YamlScalars.Number(e.TemporalCoupling), "0–100: λ, the pull towards the previous frame");
            if (e.Preset == EquilibriumPreset.Dell)
            {
                Value(2, "coupling_strength", YamlScalars.Number(e.CouplingStrength), "0–10: κ, the coupler's force on both states");
            }
        }

        Blank();
    }

    private void WriteTempo(TempoSettings t)
    {
        Comment(0, "The transport's tempo: follow the dancer within limits, or hold a fixed tempo.");
        Key(0, "tempo");
        Value(2, "mode", ConfigurationNames.TempoModes.Format(t.Mode), ConfigurationNames.TempoModes.Allowed);
        Value(2, "bpm", YamlScalars.Number(t.Bpm), "40–200: the held tempo, or where following starts");
        Value(2, "min_bpm", YamlScalars.Number(t.MinBpm), "40–200: following never goes slower");
        Value(2, "max_bpm", YamlScalars.Number(t.MaxBpm), "40–200, above min_bpm: following never goes faster");
        Value(2, "max_change_per_second", YamlScalars.Number(t.MaxChangePerSecond), "(0, 100] BPM per second: how fast following moves");
        Blank();
    }

    private void WriteMusic(MusicSettings m)
    {
        Comment(0, "What the composer plays before movement takes over, and the mix.");
        Key(0, "music");
        Value(2, "key", YamlScalars.String(m.Key), "C, C#, Db, D, … B");
        Value(2, "mode", ModeNames.Format(m.Mode), "ionian … locrian, or major, minor");
        Value(2, "beats_per_bar", YamlScalars.Integer(m.BeatsPerBar), "1–16");
        Value(2, "intensity", YamlScalars.Number(m.Intensity), "0–1: the starting intensity");
        Value(2, "master_level", YamlScalars.Number(m.MasterLevel), "0–1: master gain before the limiter");
        Key(2, "agents", "each: mute true/false, level 0–1");
        foreach (AgentKind agent in Enum.GetValues<AgentKind>())
        {
            AgentSettings a = m.Agent(agent);
            Value(4, agent.ToString().ToLowerInvariant(), $"{{mute: {YamlScalars.Bool(a.Mute)}, level: {YamlScalars.Number(a.Level)}}}", null);
        }

        Blank();
    }

    private void WriteMappings(IReadOnlyList<ControlMapping> mappings)
    {
        Comment(0, "Movement → music. source: x_star[i], y_star[i], psi, phi or slot:<Dynamics128 slot>;");
        Comment(0, "target: composer.intensity|density|brightness|tension, synth.<parameter>, midi.cc:<channel>:<cc>, osc:/address.");
        Comment(0, "The source's in range is stretched onto the target's out range: dead_zone (0–0.5 of the range) is ignored,");
        Comment(0, "invert turns it round, curve (linear, exp, log, s-curve) bends it, smoothing_seconds (0–10) smooths it,");
        Comment(0, "rate (frame, beat) says when the target is updated. Each target is driven by one mapping at most.");
        if (mappings.Count == 0)
        {
            Value(0, "mappings", "[]", "none: movement does not shape the music");
            Blank();
            return;
        }

        Key(0, "mappings");
        foreach (ControlMapping map in mappings)
        {
            Value(2, "- source", YamlScalars.String(map.Source.ToString()), map.Source.Definition?.Description);
            Value(4, "target", YamlScalars.String(map.Target.ToString()), null);
            Value(4, "in", map.Input.ToString(), null);
            Value(4, "out", map.Output.ToString(), null);
            Value(4, "curve", ConfigurationNames.Curves.Format(map.Curve), null);
            Value(4, "invert", YamlScalars.Bool(map.Invert), null);
            Value(4, "dead_zone", YamlScalars.Number(map.DeadZone), null);
            Value(4, "smoothing_seconds", YamlScalars.Number(map.SmoothingSeconds), null);
            Value(4, "rate", ConfigurationNames.Rates.Format(map.Rate), null);
        }

        Blank();
    }

    private void WriteServer(ServerSettings s)
    {
        Comment(0, "The web host: dashboard, /listen, /pair, /ws/audio, /ws/telemetry, /ws/sensors and /api/v1.");
        Key(0, "server");
        Value(2, "bind", YamlScalars.String(s.Bind.ToString()), "an IP address; beyond loopback only with expose: true");
        Value(2, "port", YamlScalars.Integer(s.Port), "1–65535");
        Value(2, "expose", YamlScalars.Bool(s.Expose), "true: listen beyond this machine; clients must pair");
        Value(2, "pairing_token", YamlScalars.String(s.PairingToken), "16–128 of A–Z a–z 0–9 - _; null: a fresh one each start");
        Value(2, "audio_clients", YamlScalars.Integer(s.AudioClientLimit), "1–1024 listeners on /ws/audio at once");
        Value(2, "heartbeat_seconds", YamlScalars.Number(s.HeartbeatSeconds), "1–300: ping each WebSocket this often");
        Value(2, "timeout_seconds", YamlScalars.Number(s.TimeoutSeconds), "2–600, above the heartbeat: close a silent socket");
        Value(2, "telemetry_hz", YamlScalars.Integer(s.TelemetryHz), "30–60 control-state updates per second on /ws/telemetry");
        Comment(2, "HTTPS: phones on the network get their motion sensors only from a secure (https) page.");
        Value(2, "https", ConfigurationNames.HttpsModes.Format(s.Https), "auto: https when exposed or a certificate is named; on; off");
        Value(2, "certificate", YamlScalars.String(s.Certificate), "a .pfx/.p12 or PEM file (relative to this file); null: self-signed");
        Value(2, "certificate_key", YamlScalars.String(s.CertificateKey), "a PEM certificate's key file; null: the key is in certificate");
        Value(2, "certificate_password", YamlScalars.String(s.CertificatePassword), "the .pfx's or encrypted PEM key's password; null: none");
        Value(2, "self_signed_certificate", YamlScalars.String(s.SelfSignedCertificate), "kept here so phones trust it across restarts; null: new each start");
        Blank();
    }

    private void WriteOutputs(OscOutputSettings osc, MidiOutputSettings midi)
    {
        Comment(0, "OSC out: each destination host:port, or null for none.");
        Key(0, "osc");
        Value(2, "mirror", YamlScalars.String(osc.Mirror?.ToString()), "/echelon/... and every osc: mapping target go here");
        Value(2, "wekinator", YamlScalars.String(osc.Wekinator?.ToString()), "the latent as /wek/outputs (Wekinator listens on 12000)");
        Value(2, "supercollider", YamlScalars.String(osc.SuperCollider?.ToString()), "scsynth to play on (it listens on 57110)");
        Value(2, "latency_ms", YamlScalars.Number(osc.LatencyMs), "0–1000: SuperCollider bundles are stamped this far ahead");
        Blank();
        Comment(0, "MIDI out: notes, midi.cc mapping targets and clock.");
        Key(0, "midi");
        Value(2, "port", YamlScalars.String(midi.Port), "the output port's name or part of it; null: no MIDI");
        Value(2, "clock", YamlScalars.Bool(midi.Clock), "send MIDI clock (24 ppqn), start and stop; needs a port");
    }

    private void Comment(int indent, string text) => _text.Append(' ', indent).Append("# ").Append(text).Append('\n');

    private void Blank() => _text.Append('\n');

    private void Key(int indent, string key, string? comment = null) => Value(indent, key, null, comment);

    private void Value(int indent, string key, string? value, string? comment)
    {
        int start = _text.Length;
        _text.Append(' ', indent).Append(key).Append(':');
        if (value is not null)
        {
            _text.Append(' ').Append(value);
        }

        if (comment is not null)
        {
            int width = _text.Length - start;
            _text.Append(' ', Math.Max(1, CommentColumn - width)).Append("# ").Append(comment);
        }

        _text.Append('\n');
    }
}
