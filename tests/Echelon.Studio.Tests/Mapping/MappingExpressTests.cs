using Echelon.Motion.Dynamics;
using Echelon.Studio.Configuration;
using Echelon.Studio.Mapping;

namespace Echelon.Studio.Tests.Mapping;

/// <summary>The express path: <see cref="MappingEngine.Preview"/> answers a sensor frame between control frames.</summary>
public sealed class MappingExpressTests
{
    private static readonly int s_acc = Dynamics128Layout.Find("imu0_acc_dynamic")!.Index;
    private static readonly int s_energy = Dynamics128Layout.Find("kinetic_energy")!.Index;

    private static ControlMapping Acc(string macro, double smoothing = 0) => new()
    {
        Source = MappingSource.Slot("imu0_acc_dynamic"),
        Target = MappingTarget.Synth(macro),
        Input = new MappingRange(0, 1),
        SmoothingSeconds = smoothing,
    };

    [Fact]
    public void AnUnsmoothedSlotMapping_IsHeardAtOnce_WithoutTouchingTheFrameState()
    {
        var engine = new MappingEngine([Acc("gain")], 8, 8);
        Dynamics128Vector rest = Vector((s_acc, 0f));
        Dynamics128Vector jolt = Vector((s_acc, 1f));
        engine.Evaluate([], [], 0, 0, rest, false, 0.5, 0.01);
        Assert.Equal(0.0, engine.Synth.MasterGain, 12);

        SynthMacros express = engine.Preview(jolt, 0.004);
        Assert.Equal(2.0, express.MasterGain, 12);
        Assert.Equal(engine.Synth.CutoffHz, express.CutoffHz, 12);
        Assert.Equal(0.0, engine.Synth.MasterGain, 12); // the frame's own macros are untouched

        // The next frame is what it would have been without the preview.
        var twin = new MappingEngine([Acc("gain")], 8, 8);
        twin.Evaluate([], [], 0, 0, rest, false, 0.5, 0.01);
        engine.Evaluate([], [], 0, 0, jolt, false, 0.5, 0.01);
        twin.Evaluate([], [], 0, 0, jolt, false, 0.5, 0.01);
        Assert.Equal(twin.Synth, engine.Synth);
        Assert.Equal(twin.Output(0), engine.Output(0));
    }

    [Fact]
    public void ASmoothedMapping_MovesAsFarAsTheTimeSinceTheFrameAllows()
    {
        var engine = new MappingEngine([Acc("cutoff", smoothing: 0.05)], 8, 8);
        engine.Evaluate([], [], 0, 0, Vector((s_acc, 0f)), false, 0.5, 0.01);
        SynthMacros express = engine.Preview(Vector((s_acc, 1f)), 0.004);
        double expected = 1 - Math.Exp(-0.004 / 0.05);
        Assert.Equal(expected, express.Cutoff, 12);

        // After a whole frame's time it matches the frame exactly.
        SynthMacros whole = engine.Preview(Vector((s_acc, 1f)), 0.01);
        engine.Evaluate([], [], 0, 0, Vector((s_acc, 1f)), false, 0.5, 0.01);
        Assert.Equal(engine.Synth, whole);
    }

    [Fact]
    public void OnlyFrameRateSlotMappingsToSynthMacros_AreExpress()
    {
        ControlMapping[] mappings =
        [
            Acc("reverb") with { Rate = MappingRate.Beat },                                           // beat rate: waits for a beat
            new ControlMapping { Source = MappingSource.FastLatent(0), Target = MappingTarget.Synth("delay") }, // a latent: needs DELL
            new ControlMapping { Source = MappingSource.Slot("imu0_acc_dynamic"), Target = MappingTarget.Composer("density") },
        ];
        var engine = new MappingEngine(mappings, 8, 8);
        Assert.False(engine.HasExpressMappings);
        engine.Evaluate([0.3, 0, 0, 0, 0, 0, 0, 0], [], 0, 0, Vector((s_acc, 0f)), false, 0.5, 0.01);
        SynthMacros before = engine.Synth;
        Assert.Equal(before, engine.Preview(Vector((s_acc, 1f)), 0.005));
        Assert.True(new MappingEngine([Acc("gain")], 8, 8).HasExpressMappings);
    }

    [Fact]
    public void AMaskedSlot_KeepsItsLastInput_AndTheLaterOfTwoMappingsToOneMacroWins()
    {
        var engine = new MappingEngine(
        [
            Acc("gain"),
            new ControlMapping { Source = MappingSource.Slot("kinetic_energy"), Target = MappingTarget.Synth("gain"), Input = new MappingRange(0, 1) },
        ], 8, 8);
        engine.Evaluate([], [], 0, 0, Vector((s_acc, 0f), (s_energy, 0.25f)), false, 0.5, 0.01);
        Assert.Equal(0.5, engine.Synth.MasterGain, 6); // the second mapping: 0.25 → 0.25 → gain 0.5

        // A jolt on the first mapping's slot while the second's is masked: the second still wins, from its last input.
        Assert.Equal(0.5, engine.Preview(Vector((s_acc, 1f)), 0.005).MasterGain, 6);
        Assert.Equal(1.5, engine.Preview(Vector((s_acc, 1f), (s_energy, 0.75f)), 0.005).MasterGain, 6);
    }

    [Fact]
    public void Preview_AllocatesNothing()
    {
        var engine = new MappingEngine([Acc("gain"), Acc("cutoff", 0.05)], 8, 8);
        Dynamics128Vector v = Vector((s_acc, 0.5f));
        engine.Evaluate([], [], 0, 0, v, false, 0.5, 0.01);
        Assert.Equal(0, Echelon.Testing.AllocationProbe.SteadyStateBytes(() => engine.Preview(v, 0.004)));
    }

    private static Dynamics128Vector Vector(params (int Slot, float Value)[] values)
    {
        var v = new Dynamics128Vector();
        foreach ((int slot, float value) in values)
        {
            v.Values[slot] = value;
            v.Mask |= UInt128.One << slot;
        }

        return v;
    }
}
