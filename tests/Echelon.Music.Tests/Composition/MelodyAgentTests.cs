using Echelon.Music.Composition;
using Echelon.Music.Composition.Agents;
using Echelon.Music.Theory;

namespace Echelon.Music.Tests.Composition;

public sealed class MelodyAgentTests : ComposerAgentContractTests
{
    protected override AgentKind Kind => AgentKind.Melody;

    protected override IComposerAgent Create(ulong seed) => new MelodyAgent(seed);

    protected override bool InRegister(byte pitch) => pitch is >= MelodyAgent.LowestNote and <= MelodyAgent.HighestNote;

    public static TheoryData<Mode, int> ModesAndKeys()
    {
        var data = new TheoryData<Mode, int>();
        foreach (Mode mode in Enum.GetValues<Mode>())
        {
            foreach (int tonic in new[] { 0, 2, 6, 9, 11 })
            {
                data.Add(mode, tonic);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModesAndKeys))]
    public void EveryNote_IsInTheScale(Mode mode, int tonic)
    {
        var scale = new Scale(tonic, mode);
        int notes = 0;
        foreach (double intensity in new[] { 0.0, 0.4, 0.7, 1.0 })
        {
            foreach (double brightness in new[] { 0.0, 0.5, 1.0 })
            {
                BarContext[] bars = ComposerTestKit.Bars(
                    24, scale, bar => ComposerTestKit.Control(intensity, bar / 6, brightness: brightness, tension: bar / 24.0), degrees: [0, 4, 5, 3, 1, 6, 2]);
                foreach (NoteEvent note in ComposerTestKit.Compose(new MelodyAgent((ulong)(tonic * 31) + 7), bars))
                {
                    Assert.True(scale.Contains(note.Pitch), $"{note.Pitch} is not in {tonic} {mode}");
                    notes++;
                }
            }
        }

        Assert.True(notes > 200);
    }

    [Fact]
    public void BorrowedChords_DoNotPullTheLineOutOfTheScale()
    {
        var scale = new Scale(0, Mode.Ionian);
        var chords = new[] { new Chord(10, ChordQuality.Major), new Chord(8, ChordQuality.Major), new Chord(5, ChordQuality.Minor), new Chord(1, ChordQuality.Dominant7) };
        var bars = new BarContext[16];
        for (int b = 0; b < bars.Length; b++)
        {
            bars[b] = new BarContext(b, b * 96_000L, 24_000.0, 4, scale, chords[b % 4], chords[(b + 1) % 4], ComposerTestKit.Control(1.0), 48_000);
        }

        Assert.All(ComposerTestKit.Compose(new MelodyAgent(3), bars), n => Assert.True(scale.Contains(n.Pitch)));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.7)]
    [InlineData(1.0)]
    public void TheLine_MovesMostlyByStep_WithChordTonesOnTheStrongBeats(double intensity)
    {
        BarContext[] bars = ComposerTestKit.Bars(64, new Scale(7, Mode.Ionian), _ => ComposerTestKit.Control(intensity));
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new MelodyAgent(13), bars);

        int steps = 0, intervals = 0, bigLeaps = 0, onStrongBeat = 0, chordTonesOnStrongBeat = 0;
        int previous = -1;
        for (int b = 0; b < bars.Length; b++)
        {
            foreach (NoteEvent note in byBar[b])
            {
                if (previous >= 0)
                {
                    int interval = Math.Abs(note.Pitch - previous);
                    intervals++;
                    steps += interval <= 2 ? 1 : 0;
                    bigLeaps += interval > 7 ? 1 : 0;
                }

                previous = note.Pitch;
                long offset = note.StartSample - bars[b].StartSample;
                if (offset == 0 || offset == bars[b].Samples(2.0))
                {
                    onStrongBeat++;
                    chordTonesOnStrongBeat += bars[b].Chord.Contains(note.Pitch) ? 1 : 0;
                }
            }
        }

        Assert.True(steps >= 0.55 * intervals, $"{steps} steps in {intervals} intervals");
        Assert.True(bigLeaps <= 0.1 * intervals, $"{bigLeaps} leaps over a fifth in {intervals} intervals");
        Assert.True(chordTonesOnStrongBeat >= 0.95 * onStrongBeat, $"{chordTonesOnStrongBeat} chord tones in {onStrongBeat} notes on beats 1 and 3");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void EveryPhrase_EndsWithARest(double intensity)
    {
        BarContext[] bars = ComposerTestKit.Bars(32, new Scale(0, Mode.Aeolian), _ => ComposerTestKit.Control(intensity));
        List<NoteEvent> notes = ComposerTestKit.Compose(new MelodyAgent(8), bars);
        long beat = bars[0].Samples(1.0);

        // Every 4-bar block holds at least one silence of a beat or more.
        for (int block = 0; block < bars.Length / 4; block++)
        {
            long start = bars[block * 4].StartSample;
            long end = start + (4 * ComposerTestKit.BarLength(bars[0]));
            long cursor = start;
            long longestRest = 0;
            foreach (NoteEvent note in notes.Where(n => n.StartSample >= start && n.StartSample < end))
            {
                longestRest = Math.Max(longestRest, note.StartSample - cursor);
                cursor = Math.Max(cursor, note.StartSample + note.DurationSamples);
            }

            longestRest = Math.Max(longestRest, end - cursor);
            Assert.True(longestRest >= beat, $"block {block}: longest rest {longestRest} samples");
        }
    }

    [Fact]
    public void Brightness_RaisesTheRegister()
    {
        var scale = new Scale(0, Mode.Dorian);
        double dark = ComposerTestKit.Compose(new MelodyAgent(1), ComposerTestKit.Bars(32, scale, _ => ComposerTestKit.Control(0.7, brightness: 0.0))).Average(n => n.Pitch);
        double bright = ComposerTestKit.Compose(new MelodyAgent(1), ComposerTestKit.Bars(32, scale, _ => ComposerTestKit.Control(0.7, brightness: 1.0))).Average(n => n.Pitch);

        Assert.True(bright > dark + 5.0, $"{dark:F1} vs {bright:F1}");
    }

    [Fact]
    public void Notes_DoNotOverlapWithinABar()
    {
        BarContext[] bars = ComposerTestKit.Bars(32, 1.0);
        List<NoteEvent>[] byBar = ComposerTestKit.ComposeByBar(new MelodyAgent(4), bars);

        foreach (List<NoteEvent> bar in byBar)
        {
            for (int i = 1; i < bar.Count; i++)
            {
                Assert.True(bar[i - 1].StartSample + bar[i - 1].DurationSamples <= bar[i].StartSample);
            }
        }
    }
}
