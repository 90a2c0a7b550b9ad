using Echelon.Motion.Dynamics;
using Echelon.Studio.Configuration;
using Echelon.Studio.Mapping;

namespace Echelon.Studio.Tests.Mapping;

public sealed class MappingEngineTests
{
    private static ControlMapping Phi(string control = "intensity") => new()
    {
        Source = MappingSource.Coupling,
        Target = MappingTarget.Composer(control),
        Input = new MappingRange(0, 2),
        Output = new MappingRange(0, 1),
    };

    [Fact]
    public void Evaluate_ShapesAddsTheOperatorsIntensity_AndSmooths()
    {
        var engine = new MappingEngine([Phi() with { SmoothingSeconds = 0.1 }], 8, 8);
        var vector = new Dynamics128Vector();
        engine.Evaluate([], [], 0, 2, vector, beat: false, baseIntensity: 0.4, seconds: 0.01);
        Assert.Equal(0.9, engine.Intensity, 12); // the first frame starts at its target, moved by 0.4 − 0.5
        engine.Evaluate([], [], 0, 0, vector, false, 0.4, 0.01);
        double expected = 1 + ((1 - Math.Exp(-0.1)) * -1.0);
        Assert.Equal(expected - 0.1, engine.Intensity, 12);
        for (int i = 0; i < 300; i++)
        {
            engine.Evaluate([], [], 0, 0, vector, false, 0.4, 0.01);
        }

        Assert.Equal(0.0, engine.Intensity, 6);
        Assert.Equal(0.5, engine.Density, 12);
        Assert.Equal(0.5, engine.Tension, 12);
    }

    [Fact]
    public void BeatRate_HoldsBetweenBeats()
    {
        var engine = new MappingEngine([Phi("tension") with { Rate = MappingRate.Beat }], 8, 8);
        var vector = new Dynamics128Vector();
        engine.Evaluate([], [], 0, 2, vector, beat: false, 0.5, 0.01);
        engine.Evaluate([], [], 0, 0, vector, beat: false, 0.5, 0.01);
        Assert.Equal(1.0, engine.Tension, 12);
        engine.Evaluate([], [], 0, 0, vector, beat: true, 0.5, 0.01);
        Assert.Equal(0.0, engine.Tension, 12);
    }

    [Fact]
    public void MaskedSlot_KeepsTheLastValue()
    {
        int slot = Dynamics128Layout.Find("kinetic_energy")!.Index;
        var m = new ControlMapping { Source = MappingSource.Slot("kinetic_energy"), Target = MappingTarget.Synth("gain"), Input = new MappingRange(0, 1) };
        var engine = new MappingEngine([m], 8, 8);
        var vector = new Dynamics128Vector();
        vector.Values[slot] = 0.5f;
        vector.Mask = UInt128.One << slot;
        engine.Evaluate([], [], 0, 0, vector, false, 0.5, 0.01);
        Assert.Equal(1.0, engine.Synth.MasterGain, 6);
        vector.Mask = UInt128.Zero;
        vector.Values[slot] = 0;
        engine.Evaluate([], [], 0, 0, vector, false, 0.5, 0.01);
        Assert.Equal(1.0, engine.Synth.MasterGain, 6);
    }

    [Fact]
    public void LatentsAndPhase_AreReadByIndex_AndSynthMacrosScale()
    {
        var engine = new MappingEngine(
        [
            new ControlMapping { Source = MappingSource.FastLatent(2), Target = MappingTarget.Composer("brightness"), Input = new MappingRange(-1, 1) },
            new ControlMapping { Source = MappingSource.Phase, Target = MappingTarget.Synth("cutoff") },
        ], 4, 4);
        engine.Evaluate([0, 0, 1, 0], [0, 0, 0, 0], 0, 0, new Dynamics128Vector(), false, 0.5, 0.01);
        Assert.Equal(1.0, engine.Brightness, 12);
        Assert.Equal(2000, engine.Synth.CutoffHz, 6); // ψ = 0 is the middle of (−π, π): 200 × 100^0.5
        Assert.Equal(0.5, engine.Synth.Gain);          // unmapped macros keep the render's settings
    }

    [Fact]
    public void LatentIndexBeyondTheLatent_IsRefusedNamingTheMapping()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new MappingEngine([Phi(), new ControlMapping { Source = MappingSource.FastLatent(8), Target = MappingTarget.Composer("tension") }], 8, 8));
        Assert.Contains("mappings[1].source", e.Message, StringComparison.Ordinal);
        Assert.Contains("0–7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SynthMacros_MatchTheRenderByDefault_AndNameTheAllowedMacros()
    {
        SynthMacros d = SynthMacros.Default;
        Assert.Equal(20_000, d.CutoffHz, 6);
        Assert.Equal(0.12, d.ReverbMix, 12);
        Assert.Equal(0.22, d.EchoSend, 12);
        Assert.Equal(1.0, d.MasterGain, 12);
        Assert.Contains("cutoff, resonance, reverb, delay, gain", Assert.Throws<ArgumentException>(() => MappingTarget.Synth("detune")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_EvaluateWithoutAllocating()
    {
        var engine = new MappingEngine(StudioConfiguration.DefaultMappings, 64, 32);
        var vector = new Dynamics128Vector { Mask = UInt128.MaxValue };
        double[] fast = new double[64], slow = new double[32];
        Assert.Equal(0, Echelon.Testing.AllocationProbe.SteadyStateBytes(() => engine.Evaluate(fast, slow, 1, 0.3, vector, true, 0.5, 0.01)));
    }
}
