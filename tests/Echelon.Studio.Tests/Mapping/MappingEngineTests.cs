using Echelon.Motion.Dynamics;
using Echelon.Studio.Mapping;

namespace Echelon.Studio.Tests.Mapping;

public sealed class MappingEngineTests
{
    private static ControlMapping Phi(MappingTargetKind target = MappingTargetKind.Intensity) =>
        new() { Source = MappingSourceKind.Phi, Target = target, InMin = 0, InMax = 2, OutMin = -0.5, OutMax = 0.5 };

    [Theory]
    [InlineData(MappingCurve.Linear, 0.25, 0.25)]
    [InlineData(MappingCurve.SCurve, 0.25, 0.15625)]
    [InlineData(MappingCurve.Exponential, 0.5, 0.18242552380635635)]
    [InlineData(MappingCurve.Logarithmic, 0.5, 0.7876096)]
    public void Shape_AppliesTheCurveBetweenTheRanges(MappingCurve curve, double u, double expected)
    {
        var m = new ControlMapping { Source = MappingSourceKind.Phi, Target = MappingTargetKind.Tension, InMin = 10, InMax = 20, OutMin = 100, OutMax = 300, Curve = curve };
        Assert.Equal(100 + (200 * expected), MappingEngine.Shape(m, 10 + (10 * u)), 1e-3);
    }

    [Fact]
    public void Shape_ClampsInvertsAndHonoursTheDeadZone()
    {
        ControlMapping m = Phi() with { DeadZone = 0.2 };
        Assert.Equal(-0.5, MappingEngine.Shape(m, -5), 12);
        Assert.Equal(0.5, MappingEngine.Shape(m, 99), 12);
        Assert.Equal(-0.5, MappingEngine.Shape(m, 0.39), 12); // u = 0.195, inside the dead zone
        Assert.Equal(0.0, MappingEngine.Shape(m, 1.2), 12);   // u = 0.6 → (0.6 − 0.2) / 0.8 = 0.5
        Assert.Equal(0.5, MappingEngine.Shape(m with { Invert = true }, 0.1), 12);
    }

    [Fact]
    public void Evaluate_AddsToTheBase_HoldsToUnitRange_AndSmooths()
    {
        var engine = new MappingEngine([Phi() with { SmoothingSeconds = 0.1 }], 8, 8);
        var vector = new Dynamics128Vector();
        engine.Evaluate([], [], 0, 2, vector, beat: false, baseIntensity: 0.4, seconds: 0.01);
        Assert.Equal(0.9, engine.Intensity, 12); // the first frame starts at its target
        engine.Evaluate([], [], 0, 0, vector, false, 0.4, 0.01);
        double expected = 0.5 + ((1 - Math.Exp(-0.1)) * -1.0);
        Assert.Equal(Math.Clamp(0.4 + expected, 0, 1), engine.Intensity, 12);
        for (int i = 0; i < 200; i++)
        {
            engine.Evaluate([], [], 0, 0, vector, false, 0.4, 0.01);
        }

        Assert.Equal(0.0, engine.Intensity, 6);
        Assert.Equal(0.5, engine.Density, 12);
    }

    [Fact]
    public void BeatRate_HoldsBetweenBeats()
    {
        var engine = new MappingEngine([Phi(MappingTargetKind.Tension) with { Rate = MappingRate.Beat }], 8, 8);
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
        var m = new ControlMapping { Source = MappingSourceKind.Slot, SourceIndex = slot, Target = MappingTargetKind.SynthGain, InMin = 0, InMax = 1, OutMin = 0, OutMax = 2 };
        var engine = new MappingEngine([m], 8, 8);
        var vector = new Dynamics128Vector();
        vector.Values[slot] = 0.5f;
        vector.Mask = UInt128.One << slot;
        engine.Evaluate([], [], 0, 0, vector, false, 0.5, 0.01);
        Assert.Equal(1.0, engine.SynthGain, 6);
        vector.Mask = UInt128.Zero;
        vector.Values[slot] = 0;
        engine.Evaluate([], [], 0, 0, vector, false, 0.5, 0.01);
        Assert.Equal(1.0, engine.SynthGain, 6);
    }

    [Fact]
    public void FastAndSlowLatents_AndPsi_AreReadByIndex()
    {
        var engine = new MappingEngine(
        [
            new ControlMapping { Source = MappingSourceKind.Fast, SourceIndex = 2, Target = MappingTargetKind.Brightness, InMin = -1, InMax = 1, OutMin = -0.5, OutMax = 0.5 },
            new ControlMapping { Source = MappingSourceKind.Psi, Target = MappingTargetKind.Density, OutMin = -0.5, OutMax = 0.5 },
        ], 4, 4);
        engine.Evaluate([0, 0, 1, 0], [0, 0, 0, 0], Math.PI, 0, new Dynamics128Vector(), false, 0.5, 0.01);
        Assert.Equal(1.0, engine.Brightness, 12);
        Assert.Equal(0.5, engine.Density, 12);
    }

    [Fact]
    public void BadMappings_NameTheIndexFieldAndAllowed()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new MappingEngine([Phi(), Phi() with { DeadZone = 0.95 }], 8, 8));
        Assert.Contains("mappings[1].DeadZone", e.Message, StringComparison.Ordinal);
        Assert.Contains("0–0.9", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => new MappingEngine([new ControlMapping { Source = MappingSourceKind.Fast, SourceIndex = 8, Target = MappingTargetKind.Tension }], 8, 8));
        Assert.Contains("SourceIndex", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => new MappingEngine([Phi(MappingTargetKind.Osc) with { OscAddress = "nope" }], 8, 8));
        Assert.Contains("OscAddress", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => new MappingEngine([Phi(MappingTargetKind.MidiCc) with { MidiController = 128 }], 8, 8));
        Assert.Contains("0–127", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreValid_AndEvaluateWithoutAllocating()
    {
        var engine = new MappingEngine(MappingEngine.Defaults, 64, 32);
        var vector = new Dynamics128Vector { Mask = UInt128.MaxValue };
        double[] fast = new double[64], slow = new double[32];
        Assert.Equal(0, Echelon.Testing.AllocationProbe.SteadyStateBytes(() => engine.Evaluate(fast, slow, 1, 0.3, vector, true, 0.5, 0.01)));
    }
}
