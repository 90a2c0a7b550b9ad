using System.Net;
using Echelon.Core.Equilibrium;
using Echelon.Motion.Synthetic;
using Echelon.Music.Theory;
using Echelon.Studio.Configuration;
using Echelon.Studio.Web;

namespace Echelon.Studio.Tests.Configuration;

public sealed class StudioConfigurationRoundTripTests
{
    /// <summary>Every field away from its default, every source kind, every target kind, and strings that need quoting.</summary>
    internal static StudioConfiguration Everything { get; } = new()
    {
        Session = new SessionSettings { Name = "night-2.take_3", RecordingsFolder = "/var/echelon/sets with spaces/#1", RecordOnStart = true, Seed = ulong.MaxValue },
        Devices = new DeviceSettings
        {
            Sources =
            [
                new SyntheticSourceSettings { Style = DanceStyle.Hype, Bpm = 137.5, TimingJitter = 0.2, IncludePhone = false },
                new ReplaySourceSettings { Path = "takes/2024: \"best\"", Loop = true },
                new OscSourceSettings { Port = 50000 },
                new OscSourceSettings { Port = 8000 },
                new PhoneSourceSettings { MaxPhones = 16 },
            ],
            BodyDevice = "kinect.0",
            ImuDevices = ["phone", "watch-left"],
            StaleAfterSeconds = 0.5,
        },
        Audio = new AudioSettings { Output = AudioOutput.None, Device = "Scarlett 2i2: Out #1 'main'", SampleRate = 96_000, BlockSize = 64, LatencyMs = 3.5 },
        Equilibrium = new EquilibriumSettings
        {
            Preset = EquilibriumPreset.Dell,
            FrameRateHz = 240,
            MaxIterations = 4,
            Tolerance = 1e-6,
            WarmStart = WarmStart.Previous,
            LatentSize = 32,
            Margin = 0.25,
            TemporalCoupling = 0,
            CouplingStrength = 0.3,
        },
        Tempo = new TempoSettings { Mode = TempoMode.Fixed, Bpm = 92.25, MinBpm = 40, MaxBpm = 200, MaxChangePerSecond = 0.125 },
        Music = new MusicSettings
        {
            Key = "Bb",
            Mode = Mode.Dorian,
            BeatsPerBar = 7,
            Intensity = 0,
            MasterLevel = 1,
            Drums = new AgentSettings { Mute = true, Level = 0 },
            Bass = new AgentSettings { Level = 0.1 },
            Harmony = new AgentSettings { Level = 0.333333333333 },
            Melody = new AgentSettings { Mute = true },
            Percussion = new AgentSettings { Level = 0.5 },
        },
        Mappings =
        [
            new ControlMapping { Source = MappingSource.FastLatent(31), Target = MappingTarget.Synth("cutoff"), Curve = MappingCurve.Exp },
            new ControlMapping
            {
                Source = MappingSource.SlowLatent(0),
                Target = MappingTarget.MidiCc(16, 119),
                Input = new MappingRange(-2.5, 1e-3),
                Output = new MappingRange(10, 100),
                Curve = MappingCurve.Log,
                Invert = true,
                DeadZone = 0.5,
                SmoothingSeconds = 10,
                Rate = MappingRate.Beat,
            },
            new ControlMapping { Source = MappingSource.Phase, Target = MappingTarget.Osc("/echelon/psi"), Output = new MappingRange(-1e6, 1e6), Curve = MappingCurve.SCurve },
            new ControlMapping { Source = MappingSource.Slot("audio_level"), Target = MappingTarget.Composer("tension"), DeadZone = 0.1 },
        ],
        Server = new ServerSettings
        {
            Bind = IPAddress.Parse("::"),
            Port = 8443,
            Expose = true,
            PairingToken = "abcdefghijklmnop-_0123456789",
            AudioClientLimit = 1024,
            HeartbeatSeconds = 1,
            TimeoutSeconds = 2,
            TelemetryHz = 60,
            Https = HttpsMode.On,
            Certificate = "certs/studio.crt",
            CertificateKey = "certs/studio key.pem",
            CertificatePassword = "p@ss: word # 1 \"quoted\"",
            SelfSignedCertificate = null,
        },
        Osc = new OscOutputSettings
        {
            Mirror = new NetworkEndpoint("studio.local", 9000),
            Wekinator = new NetworkEndpoint("::1", 12000),
            SuperCollider = new NetworkEndpoint("192.168.1.20", 57110),
            LatencyMs = 0,
        },
        Midi = new MidiOutputSettings { Port = "IAC Driver: Bus 1", Clock = true },
    };

    [Fact]
    public void ToYaml_EveryFieldAwayFromItsDefault_ParsesBackEqual()
    {
        string yaml = Everything.ToYaml();
        StudioConfiguration back = StudioConfiguration.Parse(yaml);
        Assert.Equal(Everything.Session, back.Session);
        Assert.Equal(Everything.Devices, back.Devices);
        Assert.Equal(Everything.Audio, back.Audio);
        Assert.Equal(Everything.Equilibrium, back.Equilibrium);
        Assert.Equal(Everything.Tempo, back.Tempo);
        Assert.Equal(Everything.Music, back.Music);
        Assert.Equal(Everything.Mappings, back.Mappings);
        Assert.Equal(Everything.Server, back.Server);
        Assert.Equal(Everything.Osc, back.Osc);
        Assert.Equal(Everything.Midi, back.Midi);
        Assert.Equal(Everything, back);
        Assert.Equal(yaml, back.ToYaml());
    }

    [Fact]
    public void ToYaml_AParametersFile_LeavesTheSeededFieldsOutAndRoundTrips()
    {
        StudioConfiguration c = StudioConfiguration.Default with
        {
            Equilibrium = new EquilibriumSettings { Preset = EquilibriumPreset.LimRps, ParametersFile = "models/fast.json", MaxIterations = 3 },
            Mappings = [new ControlMapping { Source = MappingSource.FastLatent(3), Target = MappingTarget.Composer("density") }],
        };
        string yaml = c.ToYaml();
        Assert.DoesNotContain("margin:", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("latent_size:", yaml, StringComparison.Ordinal);
        Assert.Contains("come from the parameters file", yaml, StringComparison.Ordinal);
        Assert.Equal(c, StudioConfiguration.Parse(yaml));
    }

    [Fact]
    public void ToYaml_NoMappings_WritesAnEmptyListThatStaysEmpty()
    {
        StudioConfiguration c = StudioConfiguration.Default with { Mappings = [] };
        string yaml = c.ToYaml();
        Assert.Contains("mappings: []", yaml, StringComparison.Ordinal);
        Assert.Empty(StudioConfiguration.Parse(yaml).Mappings);
        Assert.NotEqual(StudioConfiguration.Default, c);
    }

    [Fact]
    public void Equality_ComparesListsByTheirItems()
    {
        StudioConfiguration a = StudioConfiguration.Default with { Mappings = [.. StudioConfiguration.DefaultMappings] };
        Assert.Equal(StudioConfiguration.Default, a);
        Assert.Equal(StudioConfiguration.Default.GetHashCode(), a.GetHashCode());
        StudioConfiguration b = a with { Mappings = [.. StudioConfiguration.DefaultMappings.Reverse()] };
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Parse_AliasesAndFlowStyle_ReadAsTheCanonicalForms()
    {
        const string text = """
            music: {key: "f#", mode: minor}
            mappings:
              - {source: "x*[2]", target: synth.reverb}
              - {source: ψ, target: composer.brightness}
              - {source: φ, target: composer.tension, in: [0, 2]}
              - {source: "y*[1]", target: synth.delay}
            """;
        StudioConfiguration c = StudioConfiguration.Parse(text);
        Assert.Equal("F#", c.Music.Key);
        Assert.Equal(Mode.Aeolian, c.Music.Mode);
        Assert.Equal(["x_star[2]", "psi", "phi", "y_star[1]"], c.Mappings.Select(m => m.Source.ToString()));
        Assert.Equal(new MappingRange(-Math.PI, Math.PI), c.Mappings[1].Input);
        Assert.Equal(MappingRange.Unit, c.Mappings[1].Output);
        Assert.Equal(new MappingRange(0, 2), c.Mappings[2].Input);
    }

    [Fact]
    public void Parse_AnchorsAndAliases_ShareAValue()
    {
        const string text = """
            music:
              agents:
                drums: &loud {mute: false, level: 0.9}
                bass: *loud
            """;
        StudioConfiguration c = StudioConfiguration.Parse(text);
        Assert.Equal(0.9, c.Music.Drums.Level);
        Assert.Equal(c.Music.Drums, c.Music.Bass);
    }

    [Fact]
    public void Parse_PartialSections_KeepTheOtherDefaults()
    {
        StudioConfiguration c = StudioConfiguration.Parse("tempo:\n  mode: fixed\n  bpm: 90\n");
        Assert.Equal(StudioConfiguration.Default with { Tempo = new TempoSettings { Mode = TempoMode.Fixed, Bpm = 90 } }, c);
    }
}
