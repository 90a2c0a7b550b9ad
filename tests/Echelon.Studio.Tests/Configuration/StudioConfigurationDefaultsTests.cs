using Echelon.Core.Equilibrium;
using Echelon.Motion.Dynamics;
using Echelon.Music.Composition;
using Echelon.Music.Theory;
using Echelon.Studio.Configuration;

namespace Echelon.Studio.Tests.Configuration;

public sealed class StudioConfigurationDefaultsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    [InlineData("~\n")]
    [InlineData("session:\ndevices:\naudio: ~\n")]
    public void Parse_EmptyOrNullDocument_IsTheDefault(string text)
    {
        Assert.Equal(StudioConfiguration.Default, StudioConfiguration.Parse(text));
    }

    [Fact]
    public void Default_HasTheDocumentedValues()
    {
        StudioConfiguration c = StudioConfiguration.Default;
        Assert.Equal("studio", c.Session.Name);
        Assert.Equal(1UL, c.Session.Seed);
        Assert.False(c.Session.RecordOnStart);
        SensorSourceSettings source = Assert.Single(c.Devices.Sources);
        Assert.Equal(new SyntheticSourceSettings(), source);
        Assert.Equal(AudioOutput.PortAudio, c.Audio.Output);
        Assert.Equal(48_000, c.Audio.SampleRate);
        Assert.Equal(128, c.Audio.BlockSize);
        Assert.Equal(EquilibriumPreset.Dell, c.Equilibrium.Preset);
        Assert.Equal(8, c.Equilibrium.MaxIterations);
        Assert.Equal(1e-4, c.Equilibrium.Tolerance);
        Assert.Equal(TempoMode.Follow, c.Tempo.Mode);
        Assert.Equal("A", c.Music.Key);
        Assert.Equal(Mode.Aeolian, c.Music.Mode);
        Assert.Equal("127.0.0.1", c.Server.Bind.ToString());
        Assert.Equal(5001, c.Server.Port);
        Assert.Equal(64, c.Server.AudioClientLimit);
        Assert.Equal(30.0, c.Server.HeartbeatSeconds);
        Assert.Equal(60.0, c.Server.TimeoutSeconds);
        Assert.InRange(c.Server.TelemetryHz, 30, 60);
        Assert.False(c.Server.Expose);
        Assert.Equal(Echelon.Studio.Web.HttpsMode.Auto, c.Server.Https);
        Assert.False(c.Server.UsesHttps);
        Assert.Null(c.Server.Certificate);
        Assert.Equal("studio-certificate.pfx", c.Server.SelfSignedCertificate);
        Assert.Null(c.Osc.Mirror);
        Assert.Null(c.Midi.Port);
    }

    [Fact]
    public void DefaultMappings_DriveEveryComposerControlFromRealSlotsAndTheCoupling()
    {
        IReadOnlyList<ControlMapping> mappings = StudioConfiguration.Default.Mappings;
        Assert.Equal(
            ["composer.intensity", "composer.brightness", "composer.density", "composer.tension", "synth.cutoff"],
            mappings.Select(m => m.Target.ToString()));
        Assert.Equal(
            ["slot:kinetic_energy", "slot:right_hand_height_rel_root", "slot:left_hand_speed", "phi", "slot:kinetic_energy"],
            mappings.Select(m => m.Source.ToString()));
        foreach (ControlMapping m in mappings.Where(m => m.Source.Kind == MappingSourceKind.Slot))
        {
            SlotDefinition slot = Dynamics128Layout.Slots[m.Source.Index];
            Assert.False(slot.IsReserved);
            Assert.Same(slot, Dynamics128Layout.Find(slot.Name));
        }

        // Each mapping spans a real part of its target: the quietest input gives the bottom of out, the loudest the top.
        foreach (ControlMapping m in mappings)
        {
            Assert.Equal(m.Output.Min, m.Shape(m.Input.Min), 12);
            Assert.Equal(m.Output.Max, m.Shape(m.Input.Max), 12);
            // The master low-pass only opens from 5 kHz (0.7) to 20 kHz: closing it further would muffle the mix.
            double span = m.Target.Kind == MappingTargetKind.Synth ? 0.3 : 0.7;
            Assert.True(m.Output.Max - m.Output.Min >= span, $"{m.Target} moves only {m.Output.Max - m.Output.Min}");
        }
    }

    [Fact]
    public void DefaultMappings_SeparateTheDancerStyles()
    {
        // The measured medians of kinetic_energy for sway, bounce, groove and hype (seed 1, 30 s; see
        // docs/architecture/0015) must give clearly different intensities, in order.
        ControlMapping intensity = StudioConfiguration.Default.Mappings[0];
        double[] levels = [.. new[] { 0.065, 0.227, 0.322, 1.005 }.Select(intensity.Shape)];
        Assert.Equal(levels.Order(), levels);
        double[] documented = [0.50, 0.70, 0.76, 0.97];
        for (int i = 0; i < levels.Length; i++)
        {
            Assert.Equal(documented[i], levels[i], 0.006);
        }
    }

    [Fact]
    public void DefaultConfiguration_BuildsValidRuntimeOptions()
    {
        StudioConfiguration c = StudioConfiguration.Default;
        var synthetic = (SyntheticSourceSettings)c.Devices.Sources[0];
        Echelon.Motion.Synthetic.SyntheticDancerOptions dancer = synthetic.ToDancerOptions(c.Session.Seed, 12.5);
        dancer.Validate();
        Assert.Equal(12.5, dancer.Seconds);
        Assert.Equal(synthetic.Bpm, dancer.Bpm);

        Dynamics128BuilderOptions builder = c.Devices.ToBuilderOptions(c.Equilibrium.FrameRateHz);
        builder.Validate();
        Assert.Equal(new Dynamics128BuilderOptions(), builder);

        var layer = new LimRpsParameters(4, 4) { MaxIterations = 99, Margin = 7 };
        (c.Equilibrium with { MaxIterations = 5, Margin = 2.5 }).ApplyTo(layer);
        Assert.Equal(5, layer.MaxIterations);
        Assert.Equal(2.5, layer.Margin);
        Assert.Equal(WarmStart.Extrapolate, layer.WarmStart);
        layer.Validate();

        Assert.Equal(9, c.Music.Tonic);
        Assert.Same(c.Music.Bass, c.Music.Agent(AgentKind.Bass));
        Assert.True(c.Equilibrium.HasSlowState);
    }

    [Fact]
    public void ToYaml_OfTheDefault_ParsesBackEqual()
    {
        string yaml = StudioConfiguration.Default.ToYaml();
        Assert.Equal(StudioConfiguration.Default, StudioConfiguration.Parse(yaml));
        Assert.Contains("# ", yaml, StringComparison.Ordinal);
        Assert.Contains("preset: dell", yaml, StringComparison.Ordinal);
        Assert.Contains("source: slot:kinetic_energy", yaml, StringComparison.Ordinal);
    }
}
