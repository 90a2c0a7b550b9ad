using Echelon.Music.Composition;
using Echelon.Music.Composition.Agents;
using Echelon.Music.Theory;

namespace Echelon.Music.Tests.Composition;

public sealed class HarmonyAgentTests : ComposerAgentContractTests
{
    protected override AgentKind Kind => AgentKind.Harmony;

    protected override IComposerAgent Create(ulong seed) => new HarmonyAgent(seed);

    protected override bool InRegister(byte pitch) => pitch is >= HarmonyAgent.LowestNote and <= HarmonyAgent.HighestNote;

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.9)]
    public void EveryNote_IsAChordTone_AtLowTension(double intensity)
    {
        foreach (Mode mode in Enum.GetValues<Mode>())
        {
            BarContext[] bars = ComposerTestKit.Bars(
                14, new Scale(3, mode), _ => ComposerTestKit.Control(intensity, tension: 0.2), degrees: [0, 4, 5, 3, 1, 6, 2]);
            List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new HarmonyAgent(1), bars);

            for (int b = 0; b < bars.Length; b++)
            {
                Assert.All(byBar[b], n => Assert.True(bars[b].Chord.Contains(n.Pitch), $"{mode} bar {b}: {n.Pitch}"));
                int voices = byBar[b].Count(n => n.StartSample == bars[b].StartSample);
                Assert.Equal(bars[b].Chord.Count, voices);
            }
        }
    }

    [Fact]
    public void HighTension_AddsTheDiatonicSeventh()
    {
        var scale = new Scale(0, Mode.Ionian);
        BarContext[] bars = ComposerTestKit.Bars(4, scale, _ => ComposerTestKit.Control(0.2, tension: 0.9));
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new HarmonyAgent(1), bars);

        for (int b = 0; b < bars.Length; b++)
        {
            Assert.Equal(4, byBar[b].Count);
            Assert.All(byBar[b], n => Assert.True(scale.Contains(n.Pitch)));
        }

        // C E G + B, G B D + F, A C E + G, F A C + E.
        Assert.Contains(byBar[0], n => n.Pitch % 12 == 11);
        Assert.Contains(byBar[1], n => n.Pitch % 12 == 5);
    }

    [Fact]
    public void ChordChanges_MoveTheVoicesLittle()
    {
        BarContext[] bars = ComposerTestKit.Bars(32, 0.1);
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new HarmonyAgent(5), bars);

        double total = 0.0;
        for (int b = 1; b < bars.Length; b++)
        {
            int[] previous = [.. byBar[b - 1].Select(n => (int)n.Pitch).Order()];
            int[] next = [.. byBar[b].Select(n => (int)n.Pitch).Order()];
            Assert.Equal(previous.Length, next.Length);
            int movement = previous.Zip(next, (p, q) => Math.Abs(p - q)).Sum();
            Assert.True(movement <= 7, $"bar {b}: [{string.Join(' ', previous)}] → [{string.Join(' ', next)}]");
            total += movement;
            Assert.True(next[^1] - next[0] <= 16);
        }

        // I–V–vi–IV voice-leads in 3–5 semitones a change; block chords in root position would move ~15.
        Assert.True(total / (bars.Length - 1) <= 5.0, $"mean movement {total / (bars.Length - 1):F2}");
    }

    [Fact]
    public void LowIntensity_HoldsAWholeBarPad()
    {
        BarContext[] bars = ComposerTestKit.Bars(8, 0.0);
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new HarmonyAgent(2), bars);

        for (int b = 0; b < bars.Length; b++)
        {
            Assert.All(byBar[b], n =>
            {
                Assert.Equal(bars[b].StartSample, n.StartSample);
                Assert.True(n.DurationSamples >= 0.95 * ComposerTestKit.BarLength(bars[b]));
            });
        }
    }

    [Fact]
    public void HighIntensity_PlaysShortStabs()
    {
        BarContext[] bars = ComposerTestKit.Bars(8, 1.0);
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new HarmonyAgent(2), bars);

        for (int b = 0; b < bars.Length; b++)
        {
            int hits = byBar[b].Select(n => n.StartSample).Distinct().Count();
            Assert.True(hits >= 4, $"bar {b}: {hits} hits");
            Assert.All(byBar[b], n => Assert.True(n.DurationSamples <= bars[b].Samples(1.0)));
        }
    }

    [Fact]
    public void Brightness_LiftsTheVoicing()
    {
        var scale = new Scale(0, Mode.Ionian);
        double dark = ComposerTestKit.Compose(new HarmonyAgent(1), ComposerTestKit.Bars(16, scale, _ => ComposerTestKit.Control(0.2, brightness: 0.0))).Average(n => n.Pitch);
        double bright = ComposerTestKit.Compose(new HarmonyAgent(1), ComposerTestKit.Bars(16, scale, _ => ComposerTestKit.Control(0.2, brightness: 1.0))).Average(n => n.Pitch);

        Assert.True(bright > dark + 3.0, $"{dark:F1} vs {bright:F1}");
    }
}
