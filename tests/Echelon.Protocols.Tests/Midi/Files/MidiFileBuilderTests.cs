using Echelon.Protocols.Midi;
using Echelon.Protocols.Midi.Files;

namespace Echelon.Protocols.Tests.Midi.Files;

public sealed class MidiFileBuilderTests
{
    private static readonly MidiChannel s_ch0 = new(0);

    [Fact]
    public void Notes_InSeconds_ReadBackWithinHalfATick()
    {
        var builder = new MidiFileBuilder(bpm: 133, ticksPerQuarterNote: 480);
        var rng = new Random(11);
        var track = builder.AddTrack("melody");
        var given = new List<(double Start, double Duration, int Note)>();
        double t = 0;
        for (int i = 0; i < 200; i++)
        {
            double duration = 0.05 + (rng.NextDouble() * 0.3);
            int note = 40 + rng.Next(48);
            given.Add((t, duration, note));
            track.AddNote(t, duration, new SevenBit(note), new SevenBit(1 + rng.Next(127)), s_ch0);
            t += duration + (rng.NextDouble() * 0.1);
        }

        var smf = StandardMidiFile.Parse(builder.Build().ToArray(), MidiFileReadOptions.Strict);
        double halfTick = 0.5 * 451_128 / 1e6 / 480; // µs/qn = round(60e6 / 133)
        Assert.Equal(451_128, builder.MicrosecondsPerQuarterNote);
        var notes = smf.GetNotes();
        Assert.Equal(given.Count, notes.Count);
        for (int i = 0; i < notes.Count; i++)
        {
            Assert.Equal(given[i].Note, notes[i].Note.Value);
            Assert.Equal(1, notes[i].Track);
            Assert.InRange(notes[i].StartSeconds - given[i].Start, -halfTick, halfTick);
            Assert.InRange(notes[i].EndSeconds - (given[i].Start + given[i].Duration), -halfTick, halfTick);
        }
    }

    [Fact]
    public void File_IsFormat1_WithTempoTrackAndNamedTracks()
    {
        var builder = new MidiFileBuilder(bpm: 90) { Title = "take 3" };
        builder.SetTimeSignature(7, 8);
        builder.AddTrack("drums").AddNote(0, 0.1, new SevenBit(36), new SevenBit(100), MidiChannel.Percussion);
        builder.AddTrack("bass").ProgramChange(0, new MidiChannel(1), new SevenBit(33)).AddNote(1, 1, new SevenBit(40), new SevenBit(90), new MidiChannel(1));

        var smf = StandardMidiFile.Parse(builder.Build().ToArray(), MidiFileReadOptions.Strict);
        Assert.Equal(MidiFileFormat.MultiTrack, smf.Format);
        Assert.Equal(480, smf.Division.TicksPerQuarterNote);
        Assert.Equal(["take 3", "drums", "bass"], smf.Tracks.Select(t => t.Name));
        var tempo = smf.Tracks[0].Events;
        Assert.True(tempo[1].TryGetTempo(out int us));
        Assert.Equal(666_667, us);
        Assert.Equal("07031808", Convert.ToHexString(tempo[2].Data));
        Assert.Equal(smf.Tracks.Max(t => t.EndTick), smf.Tracks[0].EndTick);
        Assert.Equal(MidiMessageKind.ProgramChange, smf.Tracks[2].Events[1].Message.Kind);
        Assert.Equal(2.0, smf.DurationSeconds, 1e-3);
        var bass = smf.GetNotes().Single(n => n.Track == 2);
        Assert.Equal((1, 40, 90, 720L, 1440L), (bass.Channel.Value, bass.Note.Value, bass.Velocity.Value, bass.StartTick, bass.EndTick));
    }

    [Fact]
    public void OverlappingNotesOfOneKey_AreCut_AndSameTickStartsMerge()
    {
        var builder = new MidiFileBuilder();
        var track = builder.AddTrack("t");
        var n = new SevenBit(60);
        track.AddNoteAtTick(0, 100, n, new SevenBit(50), s_ch0);
        track.AddNoteAtTick(50, 100, n, new SevenBit(60), s_ch0);   // cuts the first at 50
        track.AddNoteAtTick(300, 10, n, new SevenBit(70), s_ch0);
        track.AddNoteAtTick(300, 40, n, new SevenBit(20), s_ch0);   // merges: end 340, velocity 70
        track.AddNoteAtTick(0, 100, n, new SevenBit(80), new MidiChannel(1)); // another channel: untouched

        var notes = StandardMidiFile.Parse(builder.Build().ToArray()).GetNotes();
        Assert.Equal(
            [(0, 0L, 50L, 50), (0, 50L, 150L, 60), (0, 300L, 340L, 70), (1, 0L, 100L, 80)],
            notes.Select(x => (Channel: x.Channel.Value, x.StartTick, x.EndTick, Velocity: x.Velocity.Value)).OrderBy(x => x.Channel).ThenBy(x => x.StartTick));
    }

    [Fact]
    public void AtOneTick_NoteOffsComeFirst_SoRepeatedNotesRetrigger()
    {
        var builder = new MidiFileBuilder();
        var track = builder.AddTrack("t");
        track.AddNoteAtTick(0, 480, new SevenBit(60), new SevenBit(100), s_ch0);
        track.AddNoteAtTick(480, 480, new SevenBit(60), new SevenBit(100), s_ch0);
        track.ControlChange(0.5, s_ch0, new SevenBit(64), new SevenBit(127));
        var events = builder.Build().Tracks[1].Events.Where(e => e.Tick == 480).Select(e => e.Message.Kind);
        Assert.Equal([MidiMessageKind.NoteOff, MidiMessageKind.ControlChange, MidiMessageKind.NoteOn], events);
    }

    [Fact]
    public void ZeroLengthNote_LastsOneTick()
    {
        var builder = new MidiFileBuilder();
        builder.AddTrack("t").AddNote(1.0, 0.0, new SevenBit(60), new SevenBit(1), s_ch0);
        var note = Assert.Single(builder.Build().GetNotes());
        Assert.Equal((960L, 961L), (note.StartTick, note.EndTick));
    }

    [Fact]
    public void BadInput_ThrowsNamingTheValue()
    {
        var builder = new MidiFileBuilder();
        var track = builder.AddTrack("t");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => track.AddNote(0, 1, new SevenBit(60), new SevenBit(0), s_ch0));
        Assert.Contains("[1, 127]", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => track.AddNote(-0.1, 1, new SevenBit(60), new SevenBit(9), s_ch0));
        Assert.Throws<ArgumentOutOfRangeException>(() => track.AddNote(double.NaN, 1, new SevenBit(60), new SevenBit(9), s_ch0));
        Assert.Throws<ArgumentOutOfRangeException>(() => track.AddNote(0, -1, new SevenBit(60), new SevenBit(9), s_ch0));
        Assert.Throws<ArgumentOutOfRangeException>(() => track.AddNoteAtTick(-1, 1, new SevenBit(60), new SevenBit(9), s_ch0));
        Assert.Throws<ArgumentException>(() => track.AddMessageAtTick(0, MidiMessage.NoteOn(s_ch0, new SevenBit(1), new SevenBit(1))));
        Assert.Throws<ArgumentException>(() => track.AddMessageAtTick(0, MidiMessage.Start));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MidiFileBuilder(bpm: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MidiFileBuilder(ticksPerQuarterNote: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.SetTimeSignature(3, 3));
        Assert.Equal(0, track.NoteCount);
    }

    [Fact]
    public void EmptyBuilder_WritesATempoTrackOnly()
    {
        var smf = StandardMidiFile.Parse(new MidiFileBuilder(120).Build().ToArray(), MidiFileReadOptions.Strict);
        Assert.Single(smf.Tracks);
        Assert.Equal(0, smf.DurationSeconds);
    }
}
