using Echelon.Music.Composition;
using Echelon.Music.Composition.Agents;
using Echelon.Music.Theory;

namespace Echelon.Music.Tests.Composition;

public sealed class PercussionAgentTests : ComposerAgentContractTests
{
    protected override AgentKind Kind => AgentKind.Percussion;

    protected override IComposerAgent Create(ulong seed) => new PercussionAgent(seed);

    protected override bool InRegister(byte pitch) =>
        pitch is DrumKey.Kick or DrumKey.ClosedHat or DrumKey.OpenHat
            or >= PercussionAgent.LowestSwellNote and <= PercussionAgent.HighestSwellNote;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.6)]
    [InlineData(1.0)]
    public void Swells_AreLongChordTones(double intensity)
    {
        BarContext[] bars = ComposerTestKit.Bars(16, new Scale(4, Mode.Phrygian), _ => ComposerTestKit.Control(intensity));
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new PercussionAgent(3), bars);

        for (int b = 0; b < bars.Length; b++)
        {
            NoteEvent[] swells = [.. byBar[b].Where(n => n.Pitch >= PercussionAgent.LowestSwellNote)];
            Assert.NotEmpty(swells);
            Assert.All(swells, n =>
            {
                Assert.True(bars[b].Chord.Contains(n.Pitch));
                Assert.Equal(ComposerTestKit.BarLength(bars[b]), n.DurationSamples);
            });
        }
    }

    [Fact]
    public void Swells_MoveLittleFromBarToBar()
    {
        BarContext[] bars = ComposerTestKit.Bars(32, 0.2);
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new PercussionAgent(6), bars);

        for (int b = 1; b < bars.Length; b++)
        {
            int previous = byBar[b - 1].Single(n => n.Pitch >= PercussionAgent.LowestSwellNote).Pitch;
            int next = byBar[b].Single(n => n.Pitch >= PercussionAgent.LowestSwellNote).Pitch;
            Assert.True(Math.Abs(next - previous) <= 7, $"bar {b}: {previous} → {next}");
        }
    }

    [Theory]
    [InlineData(120.0, 1.0)]
    [InlineData(133.0, 0.6)]
    public void Hits_LandOnThe16thGrid(double bpm, double intensity)
    {
        BarContext[] bars = ComposerTestKit.Bars(16, intensity, bpm: bpm);
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new PercussionAgent(12), bars);

        for (int b = 0; b < bars.Length; b++)
        {
            var grid = Enumerable.Range(0, 16).Select(s => bars[b].SampleAt(s * 0.25)).ToHashSet();
            Assert.All(byBar[b], n => Assert.Contains(n.StartSample, grid));
        }
    }

    [Fact]
    public void AtZero_ThePulseIsSparseAndSoft()
    {
        BarContext[] bars = ComposerTestKit.Bars(16, 0.0);
        List<NoteEvent> notes = ComposerTestKit.Compose(new PercussionAgent(2), bars);

        Assert.True(notes.Count <= 4 * bars.Length, $"{notes.Count} notes");
        Assert.All(notes, n => Assert.True(n.Velocity <= 0.4f));
        Assert.Equal(bars.Length, notes.Count(n => n.Pitch == DrumKey.Kick));
    }

    [Fact]
    public void HatVelocities_AreHumanised()
    {
        List<NoteEvent> notes = ComposerTestKit.Compose(new PercussionAgent(2), ComposerTestKit.Bars(8, 1.0));
        float[] offbeats = [.. notes.Where(n => n.Pitch == DrumKey.ClosedHat).Select(n => n.Velocity)];

        Assert.True(offbeats.Distinct().Count() > offbeats.Length / 2);
    }
}
