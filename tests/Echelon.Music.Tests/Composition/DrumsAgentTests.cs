using Echelon.Music.Composition;
using Echelon.Music.Composition.Agents;
using Echelon.Music.Theory;

namespace Echelon.Music.Tests.Composition;

public sealed class DrumsAgentTests : ComposerAgentContractTests
{
    protected override AgentKind Kind => AgentKind.Drums;

    protected override IComposerAgent Create(ulong seed) => new DrumsAgent(seed);

    protected override bool InRegister(byte pitch) =>
        pitch is DrumKey.Kick or DrumKey.Snare or DrumKey.ClosedHat or DrumKey.OpenHat or DrumKey.Crash;

    [Theory]
    [InlineData(90.0, 0.0)]
    [InlineData(120.0, 0.5)]
    [InlineData(150.0, 1.0)]
    [InlineData(133.0, 0.8)]
    [InlineData(97.0, 0.3)]
    public void Onsets_LandExactlyOnThe16thGrid(double bpm, double intensity)
    {
        BarContext[] bars = ComposerTestKit.Bars(16, new Scale(0, Mode.Ionian), bar => ComposerTestKit.Control(intensity, bar / 4), bpm);
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new DrumsAgent(17), bars);

        for (int b = 0; b < bars.Length; b++)
        {
            var grid = new HashSet<long>();
            for (int s = 0; s < bars[b].BeatsPerBar * 4; s++)
            {
                grid.Add(bars[b].SampleAt(s * 0.25));
            }

            foreach (NoteEvent note in byBar[b])
            {
                Assert.Contains(note.StartSample, grid);
            }
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.6)]
    [InlineData(0.75)]
    [InlineData(1.0)]
    public void FromHalfIntensity_TheKickPlaysEveryBeat(double intensity)
    {
        BarContext[] bars = ComposerTestKit.Bars(32, new Scale(5, Mode.Dorian), bar => ComposerTestKit.Control(intensity, bar / 8, tension: 0.9), 120.0);
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new DrumsAgent(3), bars);

        for (int b = 0; b < bars.Length; b++)
        {
            for (int beat = 0; beat < 4; beat++)
            {
                long at = bars[b].SampleAt(beat);
                Assert.Contains(byBar[b], n => n.Pitch == DrumKey.Kick && n.StartSample == at);
            }
        }
    }

    [Fact]
    public void AtZero_OnlyKicksOnOneAndThree_AndSparseHats()
    {
        BarContext[] bars = ComposerTestKit.Bars(32, 0.0);
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new DrumsAgent(8), bars);

        int hats = 0;
        for (int b = 0; b < bars.Length; b++)
        {
            Assert.Contains(byBar[b], n => n.Pitch == DrumKey.Kick && n.StartSample == bars[b].StartSample);
            foreach (NoteEvent note in byBar[b])
            {
                Assert.NotEqual(DrumKey.Snare, note.Pitch);
                if (note.Pitch == DrumKey.Kick)
                {
                    Assert.True(note.StartSample == bars[b].SampleAt(0) || note.StartSample == bars[b].SampleAt(2));
                }
                else
                {
                    hats++;
                }
            }
        }

        Assert.InRange(hats, 1, bars.Length * 3);
    }

    [Fact]
    public void MidIntensity_PlaysABackbeatAndStraight8thHats()
    {
        BarContext[] bars = ComposerTestKit.Bars(8, 0.5);
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new DrumsAgent(4), bars);

        for (int b = 0; b < bars.Length; b++)
        {
            Assert.Contains(byBar[b], n => n.Pitch == DrumKey.Snare && n.StartSample == bars[b].SampleAt(1));
            Assert.Contains(byBar[b], n => n.Pitch == DrumKey.Snare && n.StartSample == bars[b].SampleAt(3));
            for (int eighth = 0; eighth < 8; eighth++)
            {
                long at = bars[b].SampleAt(eighth * 0.5);
                Assert.Contains(byBar[b], n => n.Pitch is DrumKey.ClosedHat or DrumKey.OpenHat && n.StartSample == at);
            }
        }
    }

    [Fact]
    public void FullIntensity_Plays16thHatsGhostSnaresAndAFillEveryFourthBar()
    {
        BarContext[] bars = ComposerTestKit.Bars(16, 1.0);
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new DrumsAgent(6), bars);

        int ghosts = 0;
        for (int b = 0; b < bars.Length; b++)
        {
            BarContext bar = bars[b];
            bool fill = b % 4 == 3;
            for (int s = 0; s < 16; s++)
            {
                long at = bar.SampleAt(s * 0.25);
                if (fill && s >= 12)
                {
                    Assert.Contains(byBar[b], n => n.Pitch == DrumKey.Snare && n.StartSample == at);
                    Assert.DoesNotContain(byBar[b], n => n.Pitch is DrumKey.ClosedHat or DrumKey.OpenHat && n.StartSample == at);
                }
                else
                {
                    Assert.Contains(byBar[b], n => n.Pitch is DrumKey.ClosedHat or DrumKey.OpenHat && n.StartSample == at);
                }
            }

            ghosts += byBar[b].Count(n => n.Pitch == DrumKey.Snare && n.Velocity < 0.5f);
        }

        Assert.True(ghosts > 0);
    }

    [Fact]
    public void Downbeats_AreAccented()
    {
        BarContext[] bars = ComposerTestKit.Bars(8, 0.7);
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new DrumsAgent(9), bars);

        for (int b = 0; b < bars.Length; b++)
        {
            float downbeat = byBar[b].Single(n => n.Pitch == DrumKey.Kick && n.StartSample == bars[b].StartSample).Velocity;
            Assert.All(byBar[b], n => Assert.True(n.Velocity <= downbeat));
        }
    }

    [Fact]
    public void ASectionChange_OpensWithACrash()
    {
        BarContext[] bars = ComposerTestKit.Bars(12, new Scale(0, Mode.Ionian), bar => ComposerTestKit.Control(0.6, bar < 5 ? 0 : bar < 9 ? 1 : 2));
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new DrumsAgent(10), bars);

        for (int b = 0; b < bars.Length; b++)
        {
            bool crash = byBar[b].Any(n => n.Pitch == DrumKey.Crash && n.StartSample == bars[b].StartSample);
            Assert.Equal(b is 5 or 9, crash);
        }
    }

    [Fact]
    public void Swing_DelaysOnlyTheOdd16ths()
    {
        BarContext[] bars = ComposerTestKit.Bars(4, 1.0);
        List<NoteEvent> straight = ComposerTestKit.Compose(new DrumsAgent(12), bars);
        List<NoteEvent> swung = ComposerTestKit.Compose(new DrumsAgent(12, swing: 1.0), bars);

        Assert.Equal(straight.Count, swung.Count);
        int moved = 0;
        for (int i = 0; i < straight.Count; i++)
        {
            long delta = swung[i].StartSample - straight[i].StartSample;
            Assert.True(delta == 0 || delta == bars[0].Samples(1.0 / 12.0) || Math.Abs(delta - bars[0].Samples(1.0 / 12.0)) <= 1, $"delta {delta}");
            moved += delta > 0 ? 1 : 0;
        }

        Assert.True(moved > 0);
        Assert.Equal(0.0, new DrumsAgent(1).Swing);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DrumsAgent(1, swing: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DrumsAgent(1, swing: double.NaN));
    }
}
