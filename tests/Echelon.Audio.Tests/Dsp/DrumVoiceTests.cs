using Echelon.Audio.Dsp;
using Xunit.Abstractions;

namespace Echelon.Audio.Tests.Dsp;

/// <summary>The three drum voices: where their energy lies, how fast they die, and the kernel contract.</summary>
public sealed class DrumVoiceTests(ITestOutputHelper output)
{
    private const int Rate = DspTestKit.SampleRate;

    [Fact]
    public void Kick_EnergyLiesBelow150Hz()
    {
        var kick = new KickVoice();
        kick.Prepare(Rate);
        kick.Trigger(1);
        var x = new float[Rate];
        kick.Render(x);

        double[] power = DspTestKit.PowerSpectrum(x, out double binHz);
        double below = DspTestKit.EnergyFraction(power, binHz, 0, 150);

        output.WriteLine($"kick: {below:P1} of the energy below 150 Hz");
        Assert.True(below >= 0.9, $"kick: only {below:P1} below 150 Hz");
        DspTestKit.AssertClean(x);
    }

    [Fact]
    public void Hat_EnergyLiesAbove5kHz()
    {
        foreach (bool open in new[] { false, true })
        {
            var hat = new HatVoice();
            hat.Prepare(Rate);
            hat.Trigger(1, open);
            var x = new float[Rate];
            hat.Render(x);

            double[] power = DspTestKit.PowerSpectrum(x, out double binHz);
            double above = DspTestKit.EnergyFraction(power, binHz, 5000, Rate);

            output.WriteLine($"hat (open: {open}): {above:P1} of the energy above 5 kHz, peak {DspTestKit.Peak(x):F3}");
            Assert.True(above >= 0.9, $"hat: only {above:P1} above 5 kHz");
            DspTestKit.AssertClean(x);
        }
    }

    [Fact]
    public void Snare_HasItsShellToneAndBrightWires()
    {
        var snare = new SnareVoice();
        snare.Prepare(Rate);
        snare.Trigger(1);
        var x = new float[Rate];
        snare.Render(x);

        double[] power = DspTestKit.PowerSpectrum(x, out double binHz);
        double shell = DspTestKit.EnergyFraction(power, binHz, 150, 400);
        double wires = DspTestKit.EnergyFraction(power, binHz, 1000, Rate);

        output.WriteLine($"snare: shell band {shell:P1}, wires above 1 kHz {wires:P1}, below 150 Hz {DspTestKit.EnergyFraction(power, binHz, 0, 150):P1}");
        Assert.True(shell > 0.15, $"shell {shell:P1}");
        Assert.True(wires > 0.4, $"wires {wires:P1}");
        DspTestKit.AssertClean(x);
    }

    public static TheoryData<string> Voices() => ["kick", "snare", "hat-closed", "hat-open"];

    [Theory]
    [MemberData(nameof(Voices))]
    public void EachVoice_FallsBelowMinus60DbWithinItsStatedLength(string name)
    {
        (Action<float> trigger, Action<Span<float>> render, Func<bool> active, double length) = Create(name);
        trigger(1);
        int stated = (int)Math.Round(length * Rate);
        var x = new float[stated + Rate / 10];
        render(x);

        double peak = DspTestKit.Peak(x);
        double end = DspTestKit.Peak(x.AsSpan(stated - (Rate / 200), Rate / 200));
        output.WriteLine($"{name}: peak {peak:F3}, last 5 ms before {length} s at {DspTestKit.Db(end / peak):F1} dB");
        Assert.True(DspTestKit.Db(end / peak) < -60, $"{name}: {DspTestKit.Db(end / peak):F1} dB in the last 5 ms");
        Assert.All(x.AsSpan(stated).ToArray(), v => Assert.Equal(0f, v));
        Assert.False(active());
        Assert.InRange(peak, 0.3, 1.5);
        DspTestKit.AssertClean(x);
    }

    [Theory]
    [MemberData(nameof(Voices))]
    public void BlockRendering_IsBitIdenticalToTicking(string name)
    {
        const int total = 40_000;
        int[] events = [0, 5000, 5003, 21_000];

        var reference = new float[total];
        (Action<float> trigger, _, _, _) = Create(name, out Func<float> tick);
        DspTestKit.Drive(total, 1, events, e => trigger(1 - (0.2f * e)), (offset, length) =>
        {
            if (length > 0)
            {
                reference[offset] += tick();
            }
        });

        foreach (int blockSize in DspTestKit.SizesWithWhole(total))
        {
            var actual = new float[total];
            (Action<float> t, Action<Span<float>> render, _, _) = Create(name);
            DspTestKit.Drive(total, blockSize, events, e => t(1 - (0.2f * e)), (offset, length) => render(actual.AsSpan(offset, length)));
            DspTestKit.AssertBitIdentical(reference, actual, $"{name}, blocks of {blockSize}");
        }

        DspTestKit.AssertClean(reference);
    }

    [Theory]
    [MemberData(nameof(Voices))]
    public void TriggerAndRender_AfterWarmUp_AllocateNothing(string name)
    {
        (Action<float> trigger, Action<Span<float>> render, _, _) = Create(name);
        var block = new float[128];
        int i = 0;

        Assert.Equal(0, DspTestKit.AllocatedBytes(() =>
        {
            if (i++ % 50 == 0)
            {
                trigger(0.9f);
            }

            render(block);
        }));
    }

    [Fact]
    public void Render_AddsIntoTheBus()
    {
        var kick = new KickVoice();
        kick.Prepare(Rate);
        var bus = new float[256];
        Array.Fill(bus, 0.25f);

        kick.Render(bus);
        Assert.All(bus, v => Assert.Equal(0.25f, v));

        kick.Trigger(1);
        kick.Render(bus);
        Assert.Contains(bus, v => v != 0.25f);
    }

    [Fact]
    public void ClosedHat_ChokesAnOpenOne()
    {
        var hat = new HatVoice();
        hat.Prepare(Rate);
        hat.Trigger(1, open: true);
        var x = new float[Rate];
        hat.Render(x.AsSpan(0, 2400));
        hat.Trigger(0.5f, open: false);
        hat.Render(x.AsSpan(2400));

        int closedLength = (int)Math.Round(hat.ClosedDecaySeconds * Rate);
        Assert.All(x.AsSpan(2400 + closedLength).ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void BadParameters_ThrowNamingTheRange()
    {
        var kick = new KickVoice();
        var hat = new HatVoice();
        var snare = new SnareVoice();

        var frequency = Assert.Throws<ArgumentOutOfRangeException>(() => kick.Frequency = 500);
        Assert.Equal("Frequency", frequency.ParamName);
        Assert.Contains("[20, 200]", frequency.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => kick.DecaySeconds = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => hat.OpenDecaySeconds = 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => snare.Tone = -0.1);
        Assert.Throws<InvalidOperationException>(() => kick.Trigger(1));
    }

    private static (Action<float> Trigger, Action<Span<float>> Render, Func<bool> Active, double Length) Create(string name) =>
        Create(name, out _);

    private static (Action<float> Trigger, Action<Span<float>> Render, Func<bool> Active, double Length) Create(string name, out Func<float> tick)
    {
        switch (name)
        {
            case "kick":
                var kick = new KickVoice();
                kick.Prepare(Rate);
                tick = kick.Tick;
                return (kick.Trigger, s => kick.Render(s), () => kick.IsActive, kick.DecaySeconds);
            case "snare":
                var snare = new SnareVoice();
                snare.Prepare(Rate);
                tick = snare.Tick;
                return (snare.Trigger, s => snare.Render(s), () => snare.IsActive, snare.DecaySeconds);
            default:
                var hat = new HatVoice();
                hat.Prepare(Rate);
                tick = hat.Tick;
                bool open = name == "hat-open";
                return (v => hat.Trigger(v, open), s => hat.Render(s), () => hat.IsActive, open ? hat.OpenDecaySeconds : hat.ClosedDecaySeconds);
        }
    }
}
