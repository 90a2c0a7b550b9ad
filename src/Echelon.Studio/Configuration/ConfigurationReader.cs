using System.Net;
using Echelon.Core.Dell;
using Echelon.Core.Equilibrium;
using Echelon.Core.Serialization;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Music.Composition;
using Echelon.Music.Theory;
using Echelon.Music.Transport;
using Echelon.Studio.Web;

namespace Echelon.Studio.Configuration;

/// <summary>
/// Maps the parsed YAML onto <see cref="StudioConfiguration"/>, checking every field: type, range, names, the keys a
/// section knows, and the rules between fields. Every problem is collected; one <see cref="ConfigurationException"/>
/// carries them all.
/// </summary>
internal sealed class ConfigurationReader
{
    private const string DeviceIdRule = "1–64 of A–Z a–z 0–9 - _ ., not starting with '.'";
    private const string CertificateAllowed = "a PKCS#12 (.pfx, .p12) or PEM certificate file, or null for a self-signed one";
    private const string CertificateKeyAllowed = "the PEM private key file of a PEM certificate, or null when the key is in the certificate file";
    private const string CertificatePasswordAllowed = "the password of the PKCS#12 file or of the encrypted PEM key, or null for none";

    /// <summary>What errors show for <c>certificate_password</c>'s value: a password does not belong on a terminal or in a log.</summary>
    private const string HiddenPassword = "(hidden)";

    private static readonly string[] s_sections = ["session", "devices", "audio", "equilibrium", "tempo", "music", "mappings", "server", "osc", "midi"];

    private static readonly Dictionary<SensorSourceKind, string[]> s_sourceKeys = new()
    {
        [SensorSourceKind.Synthetic] = ["kind", "style", "bpm", "timing_jitter", "phone"],
        [SensorSourceKind.Replay] = ["kind", "path", "loop"],
        [SensorSourceKind.Osc] = ["kind", "port"],
        [SensorSourceKind.Phone] = ["kind", "max_phones"],
    };

    private readonly ErrorList _errors = new();
    private readonly string? _baseDirectory;

    private ConfigurationReader(string? baseDirectory) => _baseDirectory = baseDirectory;

    /// <summary>
    /// Reads <paramref name="text"/>. With <paramref name="baseDirectory"/> (a file's folder), relative paths are
    /// resolved against it and the files and folders they name are checked; without, paths stay as written.
    /// </summary>
    /// <exception cref="ConfigurationException">Anything is wrong; it lists every problem found.</exception>
    public static StudioConfiguration Read(string text, string sourceName, string? baseDirectory)
    {
        var reader = new ConfigurationReader(baseDirectory);
        StudioConfiguration configuration = reader.ReadRoot(text);
        return reader._errors.Count == 0 ? configuration : throw new ConfigurationException(sourceName, reader._errors.Sorted());
    }

    private StudioConfiguration ReadRoot(string text)
    {
        ConfigNode? root = YamlTree.Parse(text, _errors);
        if (root is null)
        {
            return StudioConfiguration.Default;
        }

        if (root is not ConfigMap)
        {
            _errors.BadValue(root, string.Empty, "a mapping of sections: " + string.Join(", ", s_sections));
            return StudioConfiguration.Default;
        }

        SectionReader top = SectionReader.Of(root, root, string.Empty, _errors);
        top.Expect(s_sections);
        SessionSettings session = ReadSession(top.Section("session"));
        DeviceSettings devices = ReadDevices(top.Section("devices"));
        AudioSettings audio = ReadAudio(top.Section("audio"));
        (EquilibriumSettings equilibrium, int fastSize, int slowSize) = ReadEquilibrium(top.Section("equilibrium"));
        TempoSettings tempo = ReadTempo(top.Section("tempo"));
        MusicSettings music = ReadMusic(top.Section("music"));
        ServerSettings server = ReadServer(top.Section("server"));
        OscOutputSettings osc = ReadOsc(top.Section("osc"));
        MidiOutputSettings midi = ReadMidi(top.Section("midi"));
        IReadOnlyList<ControlMapping> mappings = ReadMappings(top, equilibrium, fastSize, slowSize, osc, midi);
        top.Finish();
        return new StudioConfiguration
        {
            Session = session,
            Devices = devices,
            Audio = audio,
            Equilibrium = equilibrium,
            Tempo = tempo,
            Music = music,
            Mappings = mappings,
            Server = server,
            Osc = osc,
            Midi = midi,
        };
    }

    private SessionSettings ReadSession(SectionReader s)
    {
        var defaults = new SessionSettings();
        string name = s.Text("name", defaults.Name, SessionSettings.IsValidName, "1–64 of A–Z a–z 0–9 . _ -, not starting with '.'")!;
        string recordings = s.Text("recordings", defaults.RecordingsFolder, IsPath, "a folder path")!;
        var session = new SessionSettings
        {
            Name = name,
            RecordingsFolder = s.Has("recordings") ? Resolve(recordings) : recordings,
            RecordOnStart = s.Flag("record_on_start", defaults.RecordOnStart),
            Seed = s.Unsigned("seed", defaults.Seed),
        };
        s.Finish();
        return session;
    }

    private DeviceSettings ReadDevices(SectionReader s)
    {
        var defaults = new DeviceSettings();
        IReadOnlyList<SensorSourceSettings> sources = defaults.Sources;
        IReadOnlyList<(ConfigNode Node, string Path)>? items = s.Sequence("sources", "a list of sources, each a mapping with kind");
        if (items is not null)
        {
            if (items.Count == 0)
            {
                _errors.BadValue(s.Where("sources"), s.Field("sources"), "at least one source, e.g. - kind: synthetic", "no source");
            }

            var read = new List<SensorSourceSettings>();
            var firstOfKind = new Dictionary<SensorSourceKind, string>();
            var ports = new Dictionary<int, string>();
            foreach ((ConfigNode node, string path) in items)
            {
                SensorSourceSettings? source = ReadSource(node, path);
                if (source is null)
                {
                    continue;
                }

                if (source is OscSourceSettings osc)
                {
                    if (ports.TryGetValue(osc.Port, out string? other))
                    {
                        var port = (node as ConfigMap)?.Find("port") ?? node;
                        _errors.BadValue(port, path + ".port", "a port no other osc source listens on", $"{other} listens on it already");
                    }
                    else
                    {
                        ports.Add(osc.Port, path);
                    }
                }
                else if (firstOfKind.TryGetValue(source.Kind, out string? first))
                {
                    ConfigNode kind = (node as ConfigMap)?.Find("kind") ?? node;
                    _errors.BadValue(kind, path + ".kind", "one source of each kind (osc sources: one per port)", $"{first} is a {ConfigurationNames.SourceKinds.Format(source.Kind)} source already");
                }
                else
                {
                    firstOfKind.Add(source.Kind, path);
                }

                read.Add(source);
            }

            sources = read;
        }

        string? body = s.Text("body", null, id => id == "auto" || DeviceIds.IsValid(id), $"auto, or a device id ({DeviceIdRule})", nullable: true);
        var imu = new List<string>();
        ConfigNode? imuNode = s.Node("imu");
        if (imuNode is ConfigScalar { IsNull: false, Text: not "auto" } || imuNode is ConfigMap)
        {
            _errors.BadValue(imuNode, s.Field("imu"), $"auto, or a list of up to {Dynamics128Layout.MaxImuDevices} device ids");
        }
        else if (imuNode is ConfigSequence list)
        {
            if (list.Items.Count > Dynamics128Layout.MaxImuDevices)
            {
                _errors.BadValue(list.Items[Dynamics128Layout.MaxImuDevices], $"{s.Field("imu")}[{Dynamics128Layout.MaxImuDevices}]", $"up to {Dynamics128Layout.MaxImuDevices} device ids: the layout has slots for two IMUs", "one IMU too many");
            }

            for (int i = 0; i < list.Items.Count; i++)
            {
                string field = $"{s.Field("imu")}[{i}]";
                if (list.Items[i] is ConfigScalar { IsNull: false } id && DeviceIds.IsValid(id.Text))
                {
                    if (imu.Contains(id.Text, StringComparer.Ordinal))
                    {
                        _errors.BadValue(id, field, "each device once", "listed twice");
                    }

                    imu.Add(id.Text);
                }
                else
                {
                    _errors.BadValue(list.Items[i], field, $"a device id ({DeviceIdRule})");
                }
            }
        }

        var devices = new DeviceSettings
        {
            Sources = sources,
            BodyDevice = body == "auto" ? null : body,
            ImuDevices = imu.Count > Dynamics128Layout.MaxImuDevices ? imu.GetRange(0, Dynamics128Layout.MaxImuDevices) : imu,
            StaleAfterSeconds = s.Number("stale_after_seconds", defaults.StaleAfterSeconds, 0, 10, minOpen: true),
        };
        s.Finish();
        return devices;
    }

    private SensorSourceSettings? ReadSource(ConfigNode node, string path)
    {
        SectionReader item = SectionReader.Of(node, node, path, _errors, "a source: a mapping with kind and its settings");
        if (node is not ConfigMap)
        {
            return null;
        }

        ConfigNode? kindNode = item.Node("kind");
        if (kindNode is null)
        {
            _errors.Missing(item.Location, item.Field("kind"), ConfigurationNames.SourceKinds.Allowed);
            return null;
        }

        SensorSourceKind kind = item.Choice("kind", (SensorSourceKind)(-1), ConfigurationNames.SourceKinds);
        if (!Enum.IsDefined(kind))
        {
            return null;
        }

        SensorSourceSettings source;
        switch (kind)
        {
            case SensorSourceKind.Synthetic:
                var synthetic = new SyntheticSourceSettings();
                source = new SyntheticSourceSettings
                {
                    Style = item.Choice("style", synthetic.Style, ConfigurationNames.DanceStyles),
                    Bpm = item.Number("bpm", synthetic.Bpm, Bpm.Min, Bpm.Max),
                    TimingJitter = item.Number("timing_jitter", synthetic.TimingJitter, 0, 0.2),
                    IncludePhone = item.Flag("phone", synthetic.IncludePhone),
                };
                break;
            case SensorSourceKind.Replay:
                string? folder = null;
                if (item.Node("path") is null)
                {
                    _errors.Missing(item.Location, item.Field("path"), "a session folder");
                }
                else
                {
                    folder = item.Text("path", null, IsPath, "a session folder");
                }

                if (folder is not null)
                {
                    folder = Resolve(folder);
                    if (_baseDirectory is not null && !Directory.Exists(folder))
                    {
                        _errors.BadValue(item.Where("path"), item.Field("path"), "an existing session folder", $"no such folder: {folder}");
                    }
                }

                source = new ReplaySourceSettings { Path = folder ?? string.Empty, Loop = item.Flag("loop", false) };
                break;
            case SensorSourceKind.Osc:
                source = new OscSourceSettings { Port = (int)item.Integer("port", OscSourceSettings.DefaultPort, 1, 65535) };
                break;
            default:
                source = new PhoneSourceSettings { MaxPhones = (int)item.Integer("max_phones", new PhoneSourceSettings().MaxPhones, 1, 16) };
                break;
        }

        item.Finish(key => s_sourceKeys.FirstOrDefault(p => p.Key != kind && p.Value.Contains(key, StringComparer.Ordinal)) is { Value: not null } other
            ? $"it belongs to kind {ConfigurationNames.SourceKinds.Format(other.Key)}, this source is kind {ConfigurationNames.SourceKinds.Format(kind)}"
            : null);
        return source;
    }

    private static AudioSettings ReadAudio(SectionReader s)
    {
        var defaults = new AudioSettings();
        var audio = new AudioSettings
        {
            Output = s.Choice("output", defaults.Output, ConfigurationNames.AudioOutputs),
            Device = s.Text("device", null, name => name.Trim().Length > 0, "a device name (or part of one), or null for the system default", nullable: true),
            SampleRate = (int)s.Integer("sample_rate", defaults.SampleRate, 8000, 192_000),
            BlockSize = (int)s.Integer("block_size", defaults.BlockSize, 16, 4096),
            LatencyMs = s.OptionalNumber("latency_ms", 1, 500),
        };
        s.Finish();
        return audio;
    }

    private (EquilibriumSettings Settings, int FastSize, int SlowSize) ReadEquilibrium(SectionReader s)
    {
        var defaults = new EquilibriumSettings();
        var settings = new EquilibriumSettings
        {
            Preset = s.Choice("preset", defaults.Preset, ConfigurationNames.Presets),
            FrameRateHz = s.Number("frame_rate_hz", defaults.FrameRateHz, 10, 2000),
            MaxIterations = (int)s.Integer("max_iterations", defaults.MaxIterations, 1, 64),
            Tolerance = s.Number("tolerance", defaults.Tolerance, 0, 0.1, minOpen: true),
            WarmStart = s.Choice("warm_start", defaults.WarmStart, ConfigurationNames.WarmStarts),
            ParametersFile = s.Text("parameters", null, IsPath, "an echelon.equilibrium file, or null for the seeded model", nullable: true),
            LatentSize = (int)s.Integer("latent_size", defaults.LatentSize, 2, EquilibriumSettings.MaxLatentSize),
            Margin = s.Number("margin", defaults.Margin, 0, 100, minOpen: true),
            TemporalCoupling = s.Number("temporal_coupling", defaults.TemporalCoupling, 0, 100),
            CouplingStrength = s.Number("coupling_strength", defaults.CouplingStrength, 0, 10),
        };
        s.Finish();

        if (settings.ParametersFile is not null)
        {
            foreach (string key in new[] { "latent_size", "margin", "temporal_coupling", "coupling_strength" })
            {
                if (s.Has(key) && !_errors.Reported(s.Field(key)))
                {
                    ConfigNode node = s.Where(key);
                    _errors.BadValue(node, s.Field(key), "only without equilibrium.parameters (the seeded model)", $"{key} comes from the parameters file");
                }
            }

            // Keep the seeded-model fields at their defaults: they are ignored with a file, and the writer leaves them out.
            settings = settings with
            {
                ParametersFile = Resolve(settings.ParametersFile),
                LatentSize = defaults.LatentSize,
                Margin = defaults.Margin,
                TemporalCoupling = defaults.TemporalCoupling,
                CouplingStrength = defaults.CouplingStrength,
            };
        }
        else if (settings.Preset == EquilibriumPreset.LimRps && s.Has("coupling_strength") && !_errors.Reported(s.Field("coupling_strength")))
        {
            _errors.BadValue(s.Where("coupling_strength"), s.Field("coupling_strength"), "only with preset: dell", "lim-rps has no slow state to couple to");
            settings = settings with { CouplingStrength = defaults.CouplingStrength };
        }

        int fast = settings.LatentSize;
        int slow = settings.LatentSize;
        if (settings.ParametersFile is not null && _baseDirectory is not null)
        {
            (fast, slow) = CheckParametersFile(s, settings);
        }

        return (settings, fast, slow);
    }

    private (int Fast, int Slow) CheckParametersFile(SectionReader s, EquilibriumSettings settings)
    {
        string path = settings.ParametersFile!;
        string kind = settings.Preset == EquilibriumPreset.Dell ? ParameterFile.DellKind : ParameterFile.LimRpsKind;
        string allowed = $"an echelon.equilibrium file of kind {kind} (the preset)";
        ConfigNode node = s.Where("parameters");
        if (!File.Exists(path))
        {
            _errors.BadValue(node, s.Field("parameters"), allowed, $"no such file: {path}");
            return (EquilibriumSettings.MaxLatentSize, EquilibriumSettings.MaxLatentSize);
        }

        try
        {
            LimRpsParameters fast;
            int slow;
            if (settings.Preset == EquilibriumPreset.Dell)
            {
                DellParameters dell = ParameterFile.LoadDell(path);
                fast = dell.Fast;
                slow = dell.Slow.LatentSize;
            }
            else
            {
                fast = ParameterFile.LoadLimRps(path);
                slow = 0;
            }

            if (fast.InputSize != Dynamics128Vector.Size)
            {
                _errors.BadValue(node, s.Field("parameters"), $"{allowed} that reads {Dynamics128Vector.Size} inputs (Dynamics128)", $"its fast layer reads {fast.InputSize} inputs");
            }

            return (fast.LatentSize, slow);
        }
        catch (Exception e) when (e is ParameterFileException or IOException or UnauthorizedAccessException)
        {
            _errors.BadValue(node, s.Field("parameters"), allowed, e.Message.TrimEnd('.'));
            return (EquilibriumSettings.MaxLatentSize, EquilibriumSettings.MaxLatentSize);
        }
    }

    private TempoSettings ReadTempo(SectionReader s)
    {
        var defaults = new TempoSettings();
        TempoMode mode = s.Choice("mode", defaults.Mode, ConfigurationNames.TempoModes);
        int before = _errors.Count;
        double bpm = s.Number("bpm", defaults.Bpm, Bpm.Min, Bpm.Max);
        bool bpmOk = _errors.Count == before;
        before = _errors.Count;
        double min = s.Number("min_bpm", defaults.MinBpm, Bpm.Min, Bpm.Max);
        double max = s.Number("max_bpm", defaults.MaxBpm, Bpm.Min, Bpm.Max);
        bool limitsOk = _errors.Count == before;
        var tempo = new TempoSettings
        {
            Mode = mode,
            Bpm = bpm,
            MinBpm = min,
            MaxBpm = max,
            MaxChangePerSecond = s.Number("max_change_per_second", defaults.MaxChangePerSecond, 0, 100, minOpen: true),
        };
        s.Finish();

        if (limitsOk && min >= max)
        {
            string key = s.Has("max_bpm") ? "max_bpm" : "min_bpm";
            ConfigNode node = s.Where(key);
            string value = YamlScalars.Number(key == "max_bpm" ? max : min);
            _errors.BadValue(node.Line, node.Column, s.Field(key), value, $"min_bpm below max_bpm, both {Bpm.AllowedRange}", $"min_bpm {YamlScalars.Number(min)} is not below max_bpm {YamlScalars.Number(max)}");
        }
        else if (limitsOk && bpmOk && mode == TempoMode.Follow && (bpm < min || bpm > max))
        {
            ConfigNode node = s.Where("bpm");
            _errors.BadValue(node.Line, node.Column, s.Field("bpm"), YamlScalars.Number(bpm), $"{YamlScalars.Number(min)}–{YamlScalars.Number(max)} (min_bpm–max_bpm) when following", "following starts inside the limits");
        }

        return tempo;
    }

    private static MusicSettings ReadMusic(SectionReader s)
    {
        var defaults = new MusicSettings();
        string key = defaults.Key;
        ConfigNode? keyNode = s.Node("key");
        if (keyNode is not null)
        {
            if (keyNode is ConfigScalar { IsNull: false } k && KeyName.TryParse(k.Text, out _))
            {
                key = NormaliseKey(k.Text);
            }
            else
            {
                string? reason = keyNode is ConfigScalar { Text: "H" or "h" } ? "German H is B natural and German B is B flat: write B or Bb" : null;
                s.Errors.BadValue(keyNode, s.Field("key"), KeyName.AllowedList, reason);
            }
        }

        Mode mode = defaults.Mode;
        ConfigNode? modeNode = s.Node("mode");
        if (modeNode is not null)
        {
            if (modeNode is ConfigScalar { IsNull: false } m && ModeNames.TryParse(m.Text, out Mode parsed))
            {
                mode = parsed;
            }
            else
            {
                string? guess = modeNode is ConfigScalar g ? KeySuggestion.Closest(g.Text, [.. ModeNames.AllowedNames, "major", "minor"]) : null;
                s.Errors.BadValue(modeNode, s.Field("mode"), ModeNames.AllowedList, guess is null ? null : $"did you mean '{guess}'?");
            }
        }

        SectionReader agents = s.Section("agents");
        string[] names = [.. Enum.GetValues<AgentKind>().Select(a => a.ToString().ToLowerInvariant())];
        agents.Expect(names);
        AgentSettings Agent(AgentKind kind)
        {
            SectionReader a = agents.Section(kind.ToString().ToLowerInvariant());
            var agent = new AgentSettings { Mute = a.Flag("mute", false), Level = a.Number("level", 1.0, 0, 1) };
            a.Finish();
            return agent;
        }

        var music = new MusicSettings
        {
            Key = key,
            Mode = mode,
            BeatsPerBar = (int)s.Integer("beats_per_bar", defaults.BeatsPerBar, 1, 16),
            Intensity = s.Number("intensity", defaults.Intensity, 0, 1),
            MasterLevel = s.Number("master_level", defaults.MasterLevel, 0, 1),
            Drums = Agent(AgentKind.Drums),
            Bass = Agent(AgentKind.Bass),
            Harmony = Agent(AgentKind.Harmony),
            Melody = Agent(AgentKind.Melody),
            Percussion = Agent(AgentKind.Percussion),
        };
        agents.Finish();
        s.Finish();
        return music;
    }

    private ServerSettings ReadServer(SectionReader s)
    {
        var defaults = new ServerSettings();
        int before = _errors.Count;
        string? bindText = s.Text("bind", null, text => IPAddress.TryParse(text, out _), "an IP address, e.g. 127.0.0.1, ::1 or 0.0.0.0");
        bool bindOk = _errors.Count == before;
        IPAddress bind = bindText is null ? defaults.Bind : IPAddress.Parse(bindText);
        before = _errors.Count;
        double heartbeat = s.Number("heartbeat_seconds", defaults.HeartbeatSeconds, 1, 300);
        double timeout = s.Number("timeout_seconds", defaults.TimeoutSeconds, 2, 600);
        bool timersOk = _errors.Count == before;
        var server = new ServerSettings
        {
            Bind = bind,
            Port = (int)s.Integer("port", defaults.Port, 1, 65535),
            Expose = s.Flag("expose", defaults.Expose),
            PairingToken = s.Text("pairing_token", null, ServerSettings.IsValidToken, $"{ServerSettings.MinTokenLength}–{ServerSettings.MaxTokenLength} of A–Z a–z 0–9 - _, or null to draw one at each start", nullable: true),
            AudioClientLimit = (int)s.Integer("audio_clients", defaults.AudioClientLimit, 1, 1024),
            HeartbeatSeconds = heartbeat,
            TimeoutSeconds = timeout,
            TelemetryHz = (int)s.Integer("telemetry_hz", defaults.TelemetryHz, 30, 60),
            Https = s.Choice("https", defaults.Https, ConfigurationNames.HttpsModes),
            Certificate = s.Text("certificate", null, IsPath, CertificateAllowed, nullable: true),
            CertificateKey = s.Text("certificate_key", null, IsPath, CertificateKeyAllowed, nullable: true),
            CertificatePassword = s.Text("certificate_password", null, text => text.Length > 0, CertificatePasswordAllowed, nullable: true),
            SelfSignedCertificate = s.Text("self_signed_certificate", defaults.SelfSignedCertificate, IsPath, "a file to keep the self-signed certificate in, or null for a new one at each start", nullable: true),
        };
        s.Finish();

        if (timersOk && timeout <= heartbeat)
        {
            ConfigNode node = s.Where("timeout_seconds");
            _errors.BadValue(node.Line, node.Column, s.Field("timeout_seconds"), YamlScalars.Number(timeout), $"more than heartbeat_seconds ({YamlScalars.Number(heartbeat)}), up to 600", "a client would time out between two heartbeats");
        }

        if (bindOk && !IPAddress.IsLoopback(bind) && !server.Expose)
        {
            _errors.BadValue(s.Where("bind"), s.Field("bind"), "a loopback address (127.0.0.1, ::1), or expose: true to listen beyond this machine", "not loopback, and expose is false");
        }
        else if (bindOk && IPAddress.IsLoopback(bind) && server.Expose)
        {
            _errors.BadValue(s.Where("expose"), s.Field("expose"), "false, or true with a bind address beyond loopback such as 0.0.0.0", $"bind {bind} is loopback, so nothing beyond this machine can connect");
        }

        return ReadCertificate(s, server);
    }

    /// <summary>The rules between the HTTPS fields; with a base directory, the paths resolved and the certificate loaded.</summary>
    private ServerSettings ReadCertificate(SectionReader s, ServerSettings server)
    {
        bool Written(string key) => s.Has(key) && !_errors.Reported(s.Field(key)) && s.Node(key) is not ConfigScalar { IsNull: true };
        bool rulesOk = true;
        if (Written("certificate") && server.Https == HttpsMode.Off && !_errors.Reported(s.Field("https")))
        {
            _errors.BadValue(s.Where("certificate"), s.Field("certificate"), "null while https is off; a certificate with https: auto or on", "https is off, so it would not be used");
            rulesOk = false;
        }

        foreach (string key in new[] { "certificate_key", "certificate_password" })
        {
            if (Written(key) && server.Certificate is null && !_errors.Reported(s.Field("certificate")))
            {
                ConfigNode node = s.Where(key);
                string shown = key == "certificate_password" ? HiddenPassword : node.Shown;
                _errors.BadValue(node.Line, node.Column, s.Field(key), shown, $"null unless certificate names a file; {(key == "certificate_key" ? CertificateKeyAllowed : CertificatePasswordAllowed)}", "certificate is not set: the self-signed certificate needs neither");
                rulesOk = false;
            }
        }

        server = server with
        {
            Certificate = server.Certificate is { } certificate ? Resolve(certificate) : null,
            CertificateKey = server.CertificateKey is { } keyFile ? Resolve(keyFile) : null,
            // Resolved even when left out (unlike session.recordings): the studio keeps it next to the file that names it,
            // and written out absolute it stays the same file wherever the written copy is loaded from.
            SelfSignedCertificate = server.SelfSignedCertificate is { } kept ? Resolve(kept) : null,
        };

        string[] fields = ["certificate", "certificate_key", "certificate_password"];
        if (rulesOk && _baseDirectory is not null && server.Certificate is not null && !fields.Any(f => _errors.Reported(s.Field(f))))
        {
            CheckCertificate(s, server);
        }

        return server;
    }

    private void CheckCertificate(SectionReader s, ServerSettings server)
    {
        try
        {
            CertificateFiles.Load(server.Certificate!, server.CertificateKey, server.CertificatePassword, DateTimeOffset.UtcNow).Dispose();
        }
        catch (CertificateFileException e)
        {
            (string key, string allowed) = e.Setting switch
            {
                CertificateSetting.Key => ("certificate_key", CertificateKeyAllowed),
                CertificateSetting.Password => ("certificate_password", CertificatePasswordAllowed),
                _ => ("certificate", "a PKCS#12 (.pfx, .p12) or PEM certificate with its private key, valid now, for server authentication"),
            };
            if (!s.Has(key))
            {
                // The key file or password the certificate needs is not written: report it missing, with why.
                _errors.Other(s.Location.Line, s.Location.Column, s.Field(key), null, allowed, $"missing ({e.Message}); allowed: {allowed}");
                return;
            }

            ConfigNode node = s.Where(key);
            _errors.BadValue(node.Line, node.Column, s.Field(key), key == "certificate_password" ? HiddenPassword : node.Shown, allowed, e.Message);
        }
    }

    private static OscOutputSettings ReadOsc(SectionReader s)
    {
        const string allowed = NetworkEndpoint.Allowed + "; or null for none";
        NetworkEndpoint? Endpoint(string key) =>
            s.Text(key, null, text => NetworkEndpoint.TryParse(text, out _), allowed, nullable: true) is { } text && NetworkEndpoint.TryParse(text, out NetworkEndpoint? endpoint) ? endpoint : null;

        var osc = new OscOutputSettings
        {
            Mirror = Endpoint("mirror"),
            Wekinator = Endpoint("wekinator"),
            SuperCollider = Endpoint("supercollider"),
            LatencyMs = s.Number("latency_ms", new OscOutputSettings().LatencyMs, 0, 1000),
        };
        s.Finish();
        return osc;
    }

    private static MidiOutputSettings ReadMidi(SectionReader s)
    {
        var midi = new MidiOutputSettings
        {
            Port = s.Text("port", null, name => name.Trim().Length > 0, "an output port name (or part of one), or null for none", nullable: true),
            Clock = s.Flag("clock", false),
        };
        s.Finish();
        if (midi.Clock && midi.Port is null)
        {
            s.Errors.BadValue(s.Where("clock"), s.Field("clock"), "false, or true with midi.port set", "there is no midi.port to send the clock to");
        }

        return midi;
    }

    private IReadOnlyList<ControlMapping> ReadMappings(SectionReader top, EquilibriumSettings equilibrium, int fastSize, int slowSize, OscOutputSettings osc, MidiOutputSettings midi)
    {
        IReadOnlyList<(ConfigNode Node, string Path)>? items = top.Sequence("mappings", "a list of mappings, each a mapping with source and target");
        if (items is null)
        {
            return StudioConfiguration.DefaultMappings;
        }

        var mappings = new List<ControlMapping>();
        var targets = new Dictionary<MappingTarget, (string Path, ConfigNode Node)>();
        foreach ((ConfigNode node, string path) in items)
        {
            SectionReader m = SectionReader.Of(node, node, path, _errors, "a mapping: source, target and its shaping");
            if (node is not ConfigMap)
            {
                continue;
            }

            MappingSource? source = ReadMappingSource(m, equilibrium, fastSize, slowSize);
            MappingTarget? target = ReadMappingTarget(m, osc, midi);
            if (target is not null)
            {
                if (targets.TryGetValue(target, out (string Path, ConfigNode Node) first))
                {
                    _errors.BadValue(m.Where("target"), m.Field("target"), "each target once", $"{first.Path} at line {first.Node.Line} drives it already");
                }
                else
                {
                    targets.Add(target, (path, m.Where("target")));
                }
            }

            MappingRange? input = ReadRange(m, "in", source?.ReachableRange, source is null ? null : $"{source} reaches {Describe(source.ReachableRange)}", overlap: true);
            MappingRange? output = ReadRange(m, "out", target?.AllowedOutput, target is null ? null : $"{target} takes {Describe(target.AllowedOutput)}", overlap: false);
            var defaults = new ControlMapping { Source = MappingSource.Phase, Target = MappingTarget.Composer("intensity") };
            MappingCurve curve = m.Choice("curve", defaults.Curve, ConfigurationNames.Curves);
            bool invert = m.Flag("invert", defaults.Invert);
            double deadZone = m.Number("dead_zone", defaults.DeadZone, 0, ControlMapping.MaxDeadZone);
            double smoothing = m.Number("smoothing_seconds", defaults.SmoothingSeconds, 0, ControlMapping.MaxSmoothingSeconds);
            MappingRate rate = m.Choice("rate", defaults.Rate, ConfigurationNames.Rates);
            m.Finish();
            if (source is null || target is null)
            {
                continue;
            }

            var mapping = new ControlMapping
            {
                Source = source,
                Target = target,
                Curve = curve,
                Invert = invert,
                DeadZone = deadZone,
                SmoothingSeconds = smoothing,
                Rate = rate,
            };
            mapping = input is { } i ? mapping with { Input = i } : mapping;
            mapping = output is { } o ? mapping with { Output = o } : mapping;
            mappings.Add(mapping);
        }

        return mappings;
    }

    private MappingSource? ReadMappingSource(SectionReader m, EquilibriumSettings equilibrium, int fastSize, int slowSize)
    {
        ConfigNode? node = m.Node("source");
        string field = m.Field("source");
        if (node is null)
        {
            _errors.Missing(m.Location, field, MappingSource.Allowed);
            return null;
        }

        if (node is not ConfigScalar { IsNull: false } scalar)
        {
            _errors.BadValue(node, field, MappingSource.Allowed);
            return null;
        }

        if (!MappingSource.TryParse(scalar.Text, out MappingSource? source, out string? problem))
        {
            _errors.BadValue(node, field, MappingSource.Allowed, problem);
            return null;
        }

        if (source.NeedsSlowState && !equilibrium.HasSlowState)
        {
            _errors.BadValue(node, field, "x_star[i] or slot:<name> with preset lim-rps", "y_star, psi and phi need preset dell");
            return null;
        }

        int size = source.Kind == MappingSourceKind.SlowLatent ? slowSize : fastSize;
        if (source.Kind is MappingSourceKind.FastLatent or MappingSourceKind.SlowLatent && source.Index >= size)
        {
            string name = source.Kind == MappingSourceKind.FastLatent ? "x_star" : "y_star";
            _errors.BadValue(node, field, $"{name}[0]–{name}[{size - 1}]", $"the {(source.Kind == MappingSourceKind.FastLatent ? "fast" : "slow")} latent has {size} coordinates");
            return null;
        }

        return source;
    }

    private MappingTarget? ReadMappingTarget(SectionReader m, OscOutputSettings osc, MidiOutputSettings midi)
    {
        ConfigNode? node = m.Node("target");
        string field = m.Field("target");
        if (node is null)
        {
            _errors.Missing(m.Location, field, MappingTarget.Allowed);
            return null;
        }

        if (node is not ConfigScalar { IsNull: false } scalar)
        {
            _errors.BadValue(node, field, MappingTarget.Allowed);
            return null;
        }

        if (!MappingTarget.TryParse(scalar.Text, out MappingTarget? target, out string? problem))
        {
            _errors.BadValue(node, field, MappingTarget.Allowed, problem);
            return null;
        }

        if (target.Kind == MappingTargetKind.MidiCc && midi.Port is null)
        {
            _errors.BadValue(node, field, "a midi.cc target once midi.port names an output", "midi.port is not set");
        }
        else if (target.Kind == MappingTargetKind.Osc && osc.Mirror is null)
        {
            _errors.BadValue(node, field, "an osc: target once osc.mirror names a destination", "osc.mirror is not set");
        }

        return target;
    }

    /// <summary>
    /// <c>[min, max]</c>: two numbers, min below max, and overlapping (<paramref name="overlap"/>) or inside
    /// <paramref name="limits"/>. Null when absent or bad (the mapping's default applies).
    /// </summary>
    private MappingRange? ReadRange(SectionReader m, string key, MappingRange? limits, string? limitsText, bool overlap)
    {
        ConfigNode? node = m.Node(key);
        string field = m.Field(key);
        const string shape = "[min, max], two numbers with min below max";
        if (node is null)
        {
            return null;
        }

        if (node is not ConfigSequence { Items.Count: 2 } pair)
        {
            _errors.BadValue(node, field, shape, node is ConfigSequence list ? $"{list.Items.Count} items" : null);
            return null;
        }

        var ends = new double[2];
        bool ok = true;
        for (int i = 0; i < 2; i++)
        {
            if (pair.Items[i] is not ConfigScalar end || !YamlScalars.TryNumber(end, out ends[i]) || !double.IsFinite(ends[i]))
            {
                _errors.BadValue(pair.Items[i], $"{field}[{i}]", "a finite number", YamlScalars.NotANumber(pair.Items[i]));
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        var range = new MappingRange(ends[0], ends[1]);
        string shown = $"[{YamlScalars.Number(ends[0])}, {YamlScalars.Number(ends[1])}]";
        if (range.Min >= range.Max)
        {
            _errors.BadValue(pair.Line, pair.Column, field, shown, shape, "min is not below max; invert: true turns a mapping round");
            return null;
        }

        if (limits is { } l && (overlap ? !(range.Min < l.Max && range.Max > l.Min) : !range.Within(l)))
        {
            _errors.BadValue(pair.Line, pair.Column, field, shown, overlap ? $"a range that overlaps {Describe(l)}" : $"a range within {Describe(l)}", limitsText);
            return null;
        }

        return range;
    }

    private static string Describe(MappingRange range) => range switch
    {
        { Min: double.NegativeInfinity, Max: double.PositiveInfinity } => "any number",
        { Max: double.PositiveInfinity } => $"{YamlScalars.Number(range.Min)} and above",
        { Min: float.MinValue, Max: float.MaxValue } => "any 32-bit float",
        _ when Math.Abs(range.Max - Math.PI) < 1e-12 => "−π–π",
        _ => $"{YamlScalars.Number(range.Min)}–{YamlScalars.Number(range.Max)}",
    };

    private static string NormaliseKey(string text)
    {
        string t = text.Trim();
        char letter = char.ToUpperInvariant(t[0]);
        return t.Length == 1 ? letter.ToString() : letter + (t[1] is '#' or '♯' ? "#" : "b");
    }

    private static bool IsPath(string text) => text.Trim().Length > 0 && text.IndexOfAny(Path.GetInvalidPathChars()) < 0;

    private string Resolve(string path) =>
        _baseDirectory is null ? path : Path.GetFullPath(Path.Combine(_baseDirectory, path));
}
