using Echelon.Music.Composition;
using Echelon.Music.Composition.Agents;
using Echelon.Music.Theory;

namespace Echelon.Music.Tests.Composition;

public sealed class BassAgentTests : ComposerAgentContractTests
{
    protected override AgentKind Kind => AgentKind.Bass;

    protected override IComposerAgent Create(ulong seed) => new BassAgent(seed);

    protected override bool InRegister(byte pitch) => pitch is >= BassAgent.LowestNote and <= BassAgent.HighestNote;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(1.0)]
    public void EveryBar_StartsOnTheChordRoot(double intensity)
    {
        for (int tonic = 0; tonic < 12; tonic += 5)
        {
            foreach (Mode mode in Enum.GetValues<Mode>())
            {
                BarContext[] bars = ComposerTestKit.Bars(
                    14, new Scale(tonic, mode), bar => ComposerTestKit.Control(intensity, bar / 3, bar / 14.0), degrees: [0, 4, 5, 3, 1, 6, 2]);
                List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new BassAgent((ulong)tonic), bars);

                for (int b = 0; b < bars.Length; b++)
                {
                    NoteEvent first = Assert.Single(byBar[b], n => n.StartSample == bars[b].StartSample);
                    Assert.Equal(bars[b].Chord.Root, first.Pitch % 12);
                }
            }
        }
    }

    [Fact]
    public void AtHigherIntensity_TheLast8thApproachesTheNextRootByStep()
    {
        var scale = new Scale(0, Mode.Ionian);
        BarContext[] bars = ComposerTestKit.Bars(16, scale, _ => ComposerTestKit.Control(0.8));
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new BassAgent(21), bars);

        for (int b = 0; b < bars.Length; b++)
        {
            NoteEvent approach = Assert.Single(byBar[b], n => n.StartSample == bars[b].SampleAt(3.5));
            NoteEvent landing = byBar[(b + 1) % bars.Length][0];
            int distance = Math.Abs(approach.Pitch - landing.Pitch) % 12;
            Assert.True(distance is 1 or 2 or 10 or 11, $"bar {b}: {approach.Pitch} → {landing.Pitch}");
            Assert.True(scale.Contains(approach.Pitch));
        }
    }

    [Fact]
    public void AtZero_TheRootIsHeldThroughTheBar()
    {
        BarContext[] bars = ComposerTestKit.Bars(8, 0.0);
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new BassAgent(2), bars);

        for (int b = 0; b < bars.Length; b++)
        {
            NoteEvent only = Assert.Single(byBar[b]);
            Assert.True(only.DurationSamples >= 0.9 * ComposerTestKit.BarLength(bars[b]));
        }
    }

    [Fact]
    public void Density_ShortensTheNotes()
    {
        var scale = new Scale(0, Mode.Ionian);
        List<NoteEvent> legato = ComposerTestKit.Compose(new BassAgent(4), ComposerTestKit.Bars(8, scale, _ => ComposerTestKit.Control(0.8, density: 0.0)));
        List<NoteEvent> punchy = ComposerTestKit.Compose(new BassAgent(4), ComposerTestKit.Bars(8, scale, _ => ComposerTestKit.Control(0.8, density: 1.0)));

        Assert.True(punchy.Average(n => n.DurationSamples) < legato.Average(n => n.DurationSamples));
    }
}
