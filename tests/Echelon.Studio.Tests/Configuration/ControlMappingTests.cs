using Echelon.Studio.Configuration;

namespace Echelon.Studio.Tests.Configuration;

public sealed class ControlMappingTests
{
    private static ControlMapping Map(MappingCurve curve = MappingCurve.Linear, double deadZone = 0, bool invert = false) => new()
    {
        Source = MappingSource.Slot("kinetic_energy"),
        Target = MappingTarget.Composer("intensity"),
        Input = new MappingRange(1, 3),
        Output = new MappingRange(0.2, 0.6),
        Curve = curve,
        DeadZone = deadZone,
        Invert = invert,
    };

    [Theory]
    [InlineData(0.0, 0.2)]
    [InlineData(1.0, 0.2)]
    [InlineData(2.0, 0.4)]
    [InlineData(2.5, 0.5)]
    [InlineData(3.0, 0.6)]
    [InlineData(9.0, 0.6)]
    [InlineData(double.NaN, 0.2)]
    public void Shape_Linear_StretchesTheInputRangeOntoTheOutputAndClamps(double input, double expected)
    {
        Assert.Equal(expected, Map().Shape(input), 12);
    }

    [Fact]
    public void Shape_DeadZone_HoldsTheStartThenStillReachesTheTop()
    {
        ControlMapping m = Map(deadZone: 0.25);
        Assert.Equal(0.2, m.Shape(1.5), 12); // t = 0.25: inside the dead zone
        Assert.Equal(0.2 + (0.4 * (0.25 / 0.75)), m.Shape(2.0), 12);
        Assert.Equal(0.6, m.Shape(3.0), 12);
    }

    [Fact]
    public void Shape_Invert_TurnsTheMappingRound()
    {
        ControlMapping m = Map(invert: true);
        Assert.Equal(0.6, m.Shape(1.0), 12);
        Assert.Equal(0.2, m.Shape(3.0), 12);
        Assert.Equal(0.5, m.Shape(1.5), 12);
    }

    [Fact]
    public void Shape_Curves_KeepTheEndsAndBendTheMiddle()
    {
        foreach (MappingCurve curve in Enum.GetValues<MappingCurve>())
        {
            Assert.Equal(0.2, Map(curve).Shape(1.0), 12);
            Assert.Equal(0.6, Map(curve).Shape(3.0), 12);
        }

        Assert.Equal(0.4, Map(MappingCurve.SCurve).Shape(2.0), 12); // smoothstep is symmetric about the middle
        Assert.True(Map(MappingCurve.Exp).Shape(2.0) < 0.3);
        Assert.True(Map(MappingCurve.Log).Shape(2.0) > 0.5);

        // exp and log are each other's inverse: log(exp(t)) = t.
        var unit = new ControlMapping { Source = MappingSource.Phase, Target = MappingTarget.Synth("cutoff"), Input = MappingRange.Unit, Curve = MappingCurve.Exp };
        ControlMapping inverse = unit with { Curve = MappingCurve.Log };
        foreach (double t in new[] { 0.1, 0.37, 0.5, 0.9 })
        {
            Assert.Equal(t, inverse.Shape(unit.Shape(t)), 12);
        }
    }

    [Fact]
    public void Defaults_ComeFromTheSourceAndTheTarget()
    {
        var psiToMidi = new ControlMapping { Source = MappingSource.Phase, Target = MappingTarget.MidiCc(10, 1) };
        Assert.Equal(new MappingRange(-Math.PI, Math.PI), psiToMidi.Input);
        Assert.Equal(new MappingRange(0, 127), psiToMidi.Output);
        Assert.Equal(127, psiToMidi.Shape(Math.PI), 12);

        // An explicit range equal to the default is the same mapping.
        Assert.Equal(psiToMidi, psiToMidi with { Input = new MappingRange(-Math.PI, Math.PI), Output = new MappingRange(0, 127) });
    }

    [Theory]
    [InlineData("x_star[0]", "x_star[0]")]
    [InlineData("x*[255]", "x_star[255]")]
    [InlineData("y_star[7]", "y_star[7]")]
    [InlineData("ψ", "psi")]
    [InlineData("φ", "phi")]
    [InlineData("slot:audio_beat_cos", "slot:audio_beat_cos")]
    public void MappingSource_TryParse_ReadsEveryForm(string text, string canonical)
    {
        Assert.True(MappingSource.TryParse(text, out MappingSource? source, out string? problem), problem);
        Assert.Equal(canonical, source.ToString());
    }

    [Theory]
    [InlineData("x_star[256]", "the index in 'x_star[256]' must be 0–255")]
    [InlineData("x_star[-1]", "the index in 'x_star[-1]' must be a whole number 0–255")]
    [InlineData("x_star[]", "the index in 'x_star[]' must be a whole number 0–255")]
    [InlineData("slot:", "no Dynamics128 slot is named '' (echelon schema dynamics128 lists them)")]
    [InlineData("theta", "not a mapping source")]
    public void MappingSource_TryParse_SaysWhatIsWrong(string text, string expected)
    {
        Assert.False(MappingSource.TryParse(text, out _, out string? problem));
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData("composer.density", MappingTargetKind.Composer)]
    [InlineData("synth.resonance", MappingTargetKind.Synth)]
    [InlineData("midi.cc:16:0", MappingTargetKind.MidiCc)]
    [InlineData("osc:/a/b_c-1", MappingTargetKind.Osc)]
    public void MappingTarget_TryParse_ReadsEveryForm(string text, MappingTargetKind kind)
    {
        Assert.True(MappingTarget.TryParse(text, out MappingTarget? target, out string? problem), problem);
        Assert.Equal(kind, target.Kind);
        Assert.Equal(text, target.ToString());
    }

    [Theory]
    [InlineData("synth.cutof", "'cutof' is not a synth parameter; synth has cutoff, resonance, reverb, delay, gain; did you mean 'synth.cutoff'?")]
    [InlineData("midi.cc:0:1", "MIDI channel 0 is not 1–16")]
    [InlineData("midi.cc:1", "a MIDI target is midi.cc:<channel>:<controller>, e.g. midi.cc:1:74")]
    [InlineData("osc:echelon", "OSC address 'echelon' must start with '/' and name something, e.g. osc:/echelon/energy")]
    [InlineData("osc:/a//b", "OSC address '/a//b' has an empty part")]
    [InlineData("osc:/a b", "OSC address '/a b' holds ' '; an address is printable ASCII without space or # * , ? [ ] { }")]
    [InlineData("osc:/a*", "OSC address '/a*' holds '*'; an address is printable ASCII without space or # * , ? [ ] { }")]
    [InlineData("volume", "not a mapping target")]
    public void MappingTarget_TryParse_SaysWhatIsWrong(string text, string expected)
    {
        Assert.False(MappingTarget.TryParse(text, out _, out string? problem));
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData("127.0.0.1:57120", "127.0.0.1", 57120)]
    [InlineData("studio.local:9000", "studio.local", 9000)]
    [InlineData("[::1]:12000", "::1", 12000)]
    public void NetworkEndpoint_TryParse_ReadsHostAndPort(string text, string host, int port)
    {
        Assert.True(NetworkEndpoint.TryParse(text, out NetworkEndpoint? endpoint));
        Assert.Equal(new NetworkEndpoint(host, port), endpoint);
        Assert.Equal(text, endpoint.ToString());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("host:0")]
    [InlineData("host:65536")]
    [InlineData("::1:9000")]
    [InlineData("[127.0.0.1]:9000")]
    [InlineData("bad host:9000")]
    [InlineData(":9000")]
    public void NetworkEndpoint_TryParse_RefusesWhatIsNotHostAndPort(string text)
    {
        Assert.False(NetworkEndpoint.TryParse(text, out _));
    }
}
