using Echelon.Studio.Configuration;

namespace Echelon.Studio.Tests.Configuration;

/// <summary>Every kind of mistake, each with the exact place, field, value and what is allowed.</summary>
public sealed class ConfigurationErrorTests
{
    private const string Sections = "session, devices, audio, equilibrium, tempo, music, mappings, server, osc, midi";

    /// <summary>text, line, column, field, value, allowed, the whole message.</summary>
    public static TheoryData<string, int, int, string, string?, string?, string> Cases { get; } = new()
    {
        // A number out of range.
        { "tempo:\n  bpm: 300\n", 2, 8, "tempo.bpm", "300", "40–200", "bad value '300'; allowed: 40–200" },

        // The wrong type: text, a quoted number, a fraction where a whole number goes, an empty value.
        { "tempo:\n  bpm: fast\n", 2, 8, "tempo.bpm", "fast", "40–200", "bad value 'fast' (not a number); allowed: 40–200" },
        {
            "audio:\n  sample_rate: \"48000\"\n", 2, 16, "audio.sample_rate", "\"48000\"", "8000–192000",
            "bad value '\"48000\"' (quoted, so a string; write the number without quotes); allowed: 8000–192000"
        },
        { "server:\n  port: 5001.5\n", 2, 9, "server.port", "5001.5", "1–65535", "bad value '5001.5' (not a whole number); allowed: 1–65535" },
        { "equilibrium:\n  tolerance:\n", 2, 13, "equilibrium.tolerance", "", "(0, 0.1]", "bad value '' (empty); allowed: (0, 0.1]" },
        { "equilibrium:\n  tolerance: 0\n", 2, 14, "equilibrium.tolerance", "0", "(0, 0.1]", "bad value '0'; allowed: (0, 0.1]" },
        { "session:\n  seed: -1\n", 2, 9, "session.seed", "-1", "0–18446744073709551615", "bad value '-1'; allowed: 0–18446744073709551615" },
        { "music:\n  intensity: .nan\n", 2, 14, "music.intensity", ".nan", "0–1", "bad value '.nan'; allowed: 0–1" },

        // Unknown keys, with the closest known one.
        { "tempoo:\n  bpm: 100\n", 1, 1, "tempoo", "tempoo", Sections, $"unknown key 'tempoo'; allowed: {Sections}; did you mean 'tempo'?" },
        {
            "tempo:\n  bmp: 100\n", 2, 3, "tempo.bmp", "bmp", "mode, bpm, min_bpm, max_bpm, max_change_per_second",
            "unknown key 'bmp'; allowed: mode, bpm, min_bpm, max_bpm, max_change_per_second; did you mean 'bpm'?"
        },
        {
            "devices:\n  sources:\n    - kind: osc\n      style: hype\n", 4, 7, "devices.sources[0].style", "style", "kind, port",
            "unknown key 'style' (it belongs to kind synthetic, this source is kind osc); allowed: kind, port"
        },
        {
            "music:\n  agents:\n    drum: {mute: true}\n", 3, 5, "music.agents.drum", "drum", "drums, bass, harmony, melody, percussion",
            "unknown key 'drum'; allowed: drums, bass, harmony, melody, percussion; did you mean 'drums'?"
        },

        // Names: enums, booleans, keys, modes.
        { "equilibrium:\n  preset: del\n", 2, 11, "equilibrium.preset", "del", "lim-rps, dell", "bad value 'del' (did you mean 'dell'?); allowed: lim-rps, dell" },
        { "tempo:\n  mode: Fixed\n", 2, 9, "tempo.mode", "Fixed", "follow, fixed", "bad value 'Fixed' (did you mean 'fixed'?); allowed: follow, fixed" },
        {
            "session:\n  record_on_start: yes\n", 2, 20, "session.record_on_start", "yes", "true, false",
            "bad value 'yes' (YAML 1.2 reads this as text, not a boolean); allowed: true, false"
        },
        {
            "music:\n  key: H\n", 2, 8, "music.key", "H", Echelon.Music.Theory.KeyName.AllowedList,
            $"bad value 'H' (German H is B natural and German B is B flat: write B or Bb); allowed: {Echelon.Music.Theory.KeyName.AllowedList}"
        },
        {
            "music:\n  mode: dorain\n", 2, 9, "music.mode", "dorain", Echelon.Music.Theory.ModeNames.AllowedList,
            $"bad value 'dorain' (did you mean 'dorian'?); allowed: {Echelon.Music.Theory.ModeNames.AllowedList}"
        },

        // Sections of the wrong shape.
        { "tempo: 120\n", 1, 8, "tempo", "120", "a mapping of settings", "bad value '120'; allowed: a mapping of settings" },
        { "- a\n- b\n", 1, 1, "", "(a sequence)", $"a mapping of sections: {Sections}", $"bad value '(a sequence)'; allowed: a mapping of sections: {Sections}" },

        // Duplicate keys.
        {
            "tempo:\n  bpm: 100\n  bpm: 110\n", 3, 3, "tempo.bpm", "bpm", "each key once",
            "duplicate key 'bpm' (first at line 2, column 3); allowed: each key once"
        },

        // Rules between fields.
        {
            "tempo:\n  min_bpm: 150\n  max_bpm: 100\n", 3, 12, "tempo.max_bpm", "100", "min_bpm below max_bpm, both 40–200",
            "bad value '100' (min_bpm 150 is not below max_bpm 100); allowed: min_bpm below max_bpm, both 40–200"
        },
        {
            "tempo:\n  bpm: 190\n", 2, 8, "tempo.bpm", "190", "60–180 (min_bpm–max_bpm) when following",
            "bad value '190' (following starts inside the limits); allowed: 60–180 (min_bpm–max_bpm) when following"
        },
        {
            "server:\n  heartbeat_seconds: 60\n  timeout_seconds: 30\n", 3, 20, "server.timeout_seconds", "30", "more than heartbeat_seconds (60), up to 600",
            "bad value '30' (a client would time out between two heartbeats); allowed: more than heartbeat_seconds (60), up to 600"
        },
        {
            "server:\n  bind: 0.0.0.0\n", 2, 9, "server.bind", "0.0.0.0", "a loopback address (127.0.0.1, ::1), or expose: true to listen beyond this machine",
            "bad value '0.0.0.0' (not loopback, and expose is false); allowed: a loopback address (127.0.0.1, ::1), or expose: true to listen beyond this machine"
        },
        {
            "server:\n  expose: true\n", 2, 11, "server.expose", "true", "false, or true with a bind address beyond loopback such as 0.0.0.0",
            "bad value 'true' (bind 127.0.0.1 is loopback, so nothing beyond this machine can connect); allowed: false, or true with a bind address beyond loopback such as 0.0.0.0"
        },
        {
            "server:\n  pairing_token: short\n", 2, 18, "server.pairing_token", "short", "16–128 of A–Z a–z 0–9 - _, or null to draw one at each start",
            "bad value 'short'; allowed: 16–128 of A–Z a–z 0–9 - _, or null to draw one at each start"
        },
        {
            "server:\n  https: yes\n", 2, 10, "server.https", "yes", "auto, on, off",
            "bad value 'yes'; allowed: auto, on, off"
        },
        {
            "server:\n  https: off\n  certificate: studio.pfx\n", 3, 16, "server.certificate", "studio.pfx", "null while https is off; a certificate with https: auto or on",
            "bad value 'studio.pfx' (https is off, so it would not be used); allowed: null while https is off; a certificate with https: auto or on"
        },
        {
            "server:\n  certificate_key: studio.key\n", 2, 20, "server.certificate_key", "studio.key",
            "null unless certificate names a file; the PEM private key file of a PEM certificate, or null when the key is in the certificate file",
            "bad value 'studio.key' (certificate is not set: the self-signed certificate needs neither); allowed: null unless certificate names a file; the PEM private key file of a PEM certificate, or null when the key is in the certificate file"
        },
        {
            "server:\n  certificate_password: s3cret\n", 2, 25, "server.certificate_password", "(hidden)",
            "null unless certificate names a file; the password of the PKCS#12 file or of the encrypted PEM key, or null for none",
            "bad value '(hidden)' (certificate is not set: the self-signed certificate needs neither); allowed: null unless certificate names a file; the password of the PKCS#12 file or of the encrypted PEM key, or null for none"
        },
        {
            "equilibrium:\n  parameters: weights.json\n  margin: 2\n", 3, 11, "equilibrium.margin", "2", "only without equilibrium.parameters (the seeded model)",
            "bad value '2' (margin comes from the parameters file); allowed: only without equilibrium.parameters (the seeded model)"
        },
        {
            "equilibrium:\n  preset: lim-rps\n  coupling_strength: 0.2\n", 3, 22, "equilibrium.coupling_strength", "0.2", "only with preset: dell",
            "bad value '0.2' (lim-rps has no slow state to couple to); allowed: only with preset: dell"
        },
        {
            "midi:\n  clock: true\n", 2, 10, "midi.clock", "true", "false, or true with midi.port set",
            "bad value 'true' (there is no midi.port to send the clock to); allowed: false, or true with midi.port set"
        },
        {
            "osc:\n  mirror: localhost\n", 2, 11, "osc.mirror", "localhost", NetworkEndpoint.Allowed + "; or null for none",
            $"bad value 'localhost'; allowed: {NetworkEndpoint.Allowed}; or null for none"
        },

        // Devices.
        {
            "devices:\n  sources: []\n", 2, 12, "devices.sources", "(a sequence)", "at least one source, e.g. - kind: synthetic",
            "bad value '(a sequence)' (no source); allowed: at least one source, e.g. - kind: synthetic"
        },
        {
            "devices:\n  sources:\n    - port: 9000\n", 3, 7, "devices.sources[0].kind", null, "synthetic, replay, osc, phone",
            "missing; allowed: synthetic, replay, osc, phone"
        },
        {
            "devices:\n  sources:\n    - kind: synthetic\n    - kind: synthetic\n", 4, 13, "devices.sources[1].kind", "synthetic", "one source of each kind (osc sources: one per port)",
            "bad value 'synthetic' (devices.sources[0] is a synthetic source already); allowed: one source of each kind (osc sources: one per port)"
        },
        {
            "devices:\n  sources:\n    - kind: osc\n    - kind: osc\n      port: 8000\n", 5, 13, "devices.sources[1].port", "8000", "a port no other osc source listens on",
            "bad value '8000' (devices.sources[0] listens on it already); allowed: a port no other osc source listens on"
        },
        {
            "devices:\n  imu: [a, b, c]\n", 2, 15, "devices.imu[2]", "c", "up to 2 device ids: the layout has slots for two IMUs",
            "bad value 'c' (one IMU too many); allowed: up to 2 device ids: the layout has slots for two IMUs"
        },

        // Mappings.
        {
            "mappings:\n  - source: slot:kinetic_enrgy\n    target: composer.intensity\n", 2, 13, "mappings[0].source", "slot:kinetic_enrgy", MappingSource.Allowed,
            $"bad value 'slot:kinetic_enrgy' (no Dynamics128 slot is named 'kinetic_enrgy'; did you mean 'slot:kinetic_energy'?); allowed: {MappingSource.Allowed}"
        },
        {
            "mappings:\n  - source: slot:reserved_104\n    target: composer.intensity\n", 2, 13, "mappings[0].source", "slot:reserved_104", MappingSource.Allowed,
            $"bad value 'slot:reserved_104' (Dynamics128 slot 'reserved_104' is reserved: nothing writes it); allowed: {MappingSource.Allowed}"
        },
        {
            "mappings:\n  - source: x_star[64]\n    target: composer.intensity\n", 2, 13, "mappings[0].source", "x_star[64]", "x_star[0]–x_star[63]",
            "bad value 'x_star[64]' (the fast latent has 64 coordinates); allowed: x_star[0]–x_star[63]"
        },
        {
            "equilibrium:\n  preset: lim-rps\nmappings:\n  - source: psi\n    target: composer.tension\n", 4, 13, "mappings[0].source", "psi", "x_star[i] or slot:<name> with preset lim-rps",
            "bad value 'psi' (y_star, psi and phi need preset dell); allowed: x_star[i] or slot:<name> with preset lim-rps"
        },
        {
            "mappings:\n  - source: phi\n    target: composer.loudness\n", 3, 13, "mappings[0].target", "composer.loudness", MappingTarget.Allowed,
            $"bad value 'composer.loudness' ('loudness' is not a composer control; composer has intensity, density, brightness, tension); allowed: {MappingTarget.Allowed}"
        },
        {
            "mappings:\n  - source: phi\n    target: midi.cc:1:123\nmidi:\n  port: synth\n", 3, 13, "mappings[0].target", "midi.cc:1:123", MappingTarget.Allowed,
            $"bad value 'midi.cc:1:123' (controller 123 is not 0–119 (120–127 are channel mode messages)); allowed: {MappingTarget.Allowed}"
        },
        {
            "mappings:\n  - source: phi\n    target: midi.cc:1:74\n", 3, 13, "mappings[0].target", "midi.cc:1:74", "a midi.cc target once midi.port names an output",
            "bad value 'midi.cc:1:74' (midi.port is not set); allowed: a midi.cc target once midi.port names an output"
        },
        {
            "mappings:\n  - source: phi\n    target: osc:/echelon/phi\n", 3, 13, "mappings[0].target", "osc:/echelon/phi", "an osc: target once osc.mirror names a destination",
            "bad value 'osc:/echelon/phi' (osc.mirror is not set); allowed: an osc: target once osc.mirror names a destination"
        },
        {
            "mappings:\n  - source: phi\n    target: composer.tension\n  - source: psi\n    target: composer.tension\n", 5, 13, "mappings[1].target", "composer.tension", "each target once",
            "bad value 'composer.tension' (mappings[0] at line 3 drives it already); allowed: each target once"
        },
        {
            "mappings:\n  - source: phi\n    target: composer.tension\n    in: [2, 1]\n", 4, 9, "mappings[0].in", "[2, 1]", "[min, max], two numbers with min below max",
            "bad value '[2, 1]' (min is not below max; invert: true turns a mapping round); allowed: [min, max], two numbers with min below max"
        },
        {
            "mappings:\n  - source: phi\n    target: composer.tension\n    out: [0, 2]\n", 4, 10, "mappings[0].out", "[0, 2]", "a range within 0–1",
            "bad value '[0, 2]' (composer.tension takes 0–1); allowed: a range within 0–1"
        },
        {
            "mappings:\n  - source: slot:kinetic_energy\n    target: composer.intensity\n    in: [9, 10]\n", 4, 9, "mappings[0].in", "[9, 10]", "a range that overlaps -8–8",
            "bad value '[9, 10]' (slot:kinetic_energy reaches -8–8); allowed: a range that overlaps -8–8"
        },
        {
            "mappings:\n  - source: phi\n    target: composer.tension\n    in: [1, 2, 3]\n", 4, 9, "mappings[0].in", "(a sequence)", "[min, max], two numbers with min below max",
            "bad value '(a sequence)' (3 items); allowed: [min, max], two numbers with min below max"
        },
        {
            "mappings:\n  - target: composer.tension\n", 2, 5, "mappings[0].source", null, MappingSource.Allowed,
            $"missing; allowed: {MappingSource.Allowed}"
        },
        {
            "mappings:\n  - source: phi\n    target: composer.tension\n    dead_zone: 0.8\n", 4, 16, "mappings[0].dead_zone", "0.8", "0–0.5",
            "bad value '0.8'; allowed: 0–0.5"
        },
        {
            "mappings:\n  - source: phi\n    target: composer.tension\n    curve: exponential\n", 4, 12, "mappings[0].curve", "exponential", "linear, exp, log, s-curve",
            "bad value 'exponential' (did you mean 'exp'?); allowed: linear, exp, log, s-curve"
        },

        // YAML itself.
        { "a: b: c\n", 1, 5, "", null, null, "syntax error: While scanning a plain scalar value, found invalid mapping." },
        { "tempo:\n  bpm: [1, 2\nmusic: 3\n", 2, 8, "", null, null, "syntax error: this flow collection ('[' or '{') is not closed" },
        { "session: {name: x\n", 2, 1, "", null, null, "syntax error: While parsing a flow mapping, did not find expected ',' or '}'." },
        {
            "music:\n  agents:\n    bass: *loud\n", 3, 11, "music.agents.bass", "*loud", "an anchor defined above",
            "alias '*loud' names no anchor defined above it; allowed: an anchor (&name) defined earlier in the file"
        },
        { "tempo: {}\n---\ntempo: {}\n", 3, 1, "", null, "one document", "a second YAML document; allowed: one document per configuration file" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_AMistake_ReportsItsPlaceFieldValueAndWhatIsAllowed(string text, int line, int column, string field, string? value, string? allowed, string message)
    {
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => StudioConfiguration.Parse(text, "studio.yaml"));
        ConfigurationError error = Assert.Single(e.Errors);
        Assert.Equal(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal(field, error.Field);
        Assert.Equal(value, error.Value);
        Assert.Equal(allowed, error.Allowed);
        Assert.Equal("studio.yaml", e.SourceName);
    }

    [Fact]
    public void Parse_ManyMistakes_ReportsAllOfThemInTextOrder()
    {
        const string text = """
            tempo:
              bpm: 300
            mappings:
              - source: slot:nope
                target: composer.intensity
            audio:
              block_size: 1
              sample_rate: 48000
              latency: 5
            server:
              port: 0
            """;
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => StudioConfiguration.Parse(text, "live.yaml"));
        Assert.Equal(
            [
                "live.yaml:2:8: tempo.bpm: bad value '300'; allowed: 40–200",
                $"live.yaml:4:13: mappings[0].source: bad value 'slot:nope' (no Dynamics128 slot is named 'nope' (echelon schema dynamics128 lists them)); allowed: {MappingSource.Allowed}",
                "live.yaml:7:15: audio.block_size: bad value '1'; allowed: 16–4096",
                "live.yaml:9:3: audio.latency: unknown key 'latency'; allowed: output, device, sample_rate, block_size, latency_ms; did you mean 'latency_ms'?",
                "live.yaml:11:9: server.port: bad value '0'; allowed: 1–65535",
            ],
            e.FormatErrors());
        Assert.StartsWith("live.yaml: 5 errors in the studio configuration:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AFieldThatIsBadAndAlsoBreaksARule_IsReportedOnce()
    {
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => StudioConfiguration.Parse("equilibrium:\n  parameters: w.json\n  margin: lots\n"));
        ConfigurationError error = Assert.Single(e.Errors);
        Assert.Equal("bad value 'lots' (not a number); allowed: (0, 100]", error.Message);
    }

    [Fact]
    public void ConfigurationError_Format_ReadsLikeACompilerDiagnostic()
    {
        var error = new ConfigurationError(12, 5, "tempo.bpm", "300", "40–200", "bad value '300'; allowed: 40–200");
        Assert.Equal("studio.yaml:12:5: tempo.bpm: bad value '300'; allowed: 40–200", error.Format("studio.yaml"));
        Assert.Equal("12:5: tempo.bpm: bad value '300'; allowed: 40–200", error.ToString());
        Assert.Equal("studio.yaml: no such file", new ConfigurationError(0, 0, string.Empty, null, null, "no such file").Format("studio.yaml"));
    }
}
