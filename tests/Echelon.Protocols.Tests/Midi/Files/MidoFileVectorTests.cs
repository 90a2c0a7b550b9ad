using Echelon.Protocols.Midi;
using Echelon.Protocols.Midi.Files;

namespace Echelon.Protocols.Tests.Midi.Files;

/// <summary>The byte vectors of mido's tests/midifiles (test_midifiles.py, test_meta.py), ported.</summary>
public sealed class MidoFileVectorTests
{
    private const string HeaderOneTrack = "4d546864 00000006 0001 0001 0078";

    private static StandardMidiFile Read(string hex, MidiFileReadOptions? options = null) =>
        StandardMidiFile.Parse(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)), options);

    [Fact]
    public void NoTracks() =>
        Assert.Empty(Read("4d546864 00000006 0001 0000 0078").Tracks);

    [Fact]
    public void SingleMessage()
    {
        var track = Assert.Single(Read(HeaderOneTrack + "4d54726b 00000004 20904040").Tracks);
        var e = Assert.Single(track.Events);
        Assert.Equal(32, e.Tick);
        Assert.Equal(MidiMessage.NoteOn(new MidiChannel(0), new SevenBit(64), new SevenBit(64)), e.Message);
    }

    [Fact]
    public void TooLongMessage_FailsAtTheDeclaredLength()
    {
        // A track name whose 3-byte length (0x1FFFFF) does not even fit in the 4-byte chunk.
        var e = Assert.Throws<MidiFileFormatException>(() => Read(HeaderOneTrack + "4d54726b 00000004 00ff03ffff7f"));
        Assert.Equal(0, e.Track);
        Assert.Equal(25, e.Offset);
        Assert.Contains("ends inside the length of a meta event 0x03", e.Problem, StringComparison.Ordinal);

        // The same with room for the length: the declared 2 MiB is refused before anything is allocated.
        e = Assert.Throws<MidiFileFormatException>(() => Read(HeaderOneTrack + "4d54726b 00000006 00ff03ffff7f"));
        Assert.Contains("declares 2097151 bytes but the track has 0 left", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoTracks()
    {
        var smf = Read("4d546864 00000006 0001 0002 0040 4d54726b 00000008 00904010 40804010 4d54726b 00000008 00904710 40804710");
        Assert.Equal(2, smf.Tracks.Count);
        Assert.Equal(64, smf.Division.TicksPerQuarterNote);
        var notes = smf.GetNotes();
        Assert.Equal([(0, 64), (1, 71)], notes.Select(n => (n.Track, n.Note.Value)));
        Assert.All(notes, n => Assert.Equal(64, n.DurationTicks));
        Assert.All(notes, n => Assert.Equal(0.5, n.DurationSeconds, 1e-15));
    }

    [Fact]
    public void EmptyFile() =>
        Assert.Equal(0, Assert.Throws<MidiFileFormatException>(() => Read("")).Offset);

    [Fact]
    public void EofInTrack()
    {
        var e = Assert.Throws<MidiFileFormatException>(() => Read(HeaderOneTrack + "4d54726b 00000001"));
        Assert.Equal(0, e.Track);
        Assert.Equal(18, e.Offset); // the chunk's length field
    }

    [Fact]
    public void InvalidDataByte_Throws_OrClipsWhenTolerated()
    {
        const string file = HeaderOneTrack + "4d54726b 00000004 0090ff40";
        var e = Assert.Throws<MidiFileFormatException>(() => Read(file));
        Assert.Equal(24, e.Offset);
        Assert.Contains("0xFF", e.Problem, StringComparison.Ordinal);
        var clipped = Read(file, MidiFileReadOptions.Default with { DataByteOutOfRange = MidiFileErrorPolicy.Tolerate });
        Assert.Equal(127, clipped.Tracks[0].Events[0].Message.Note.Value);
    }

    [Fact]
    public void MetaMessages()
    {
        var events = Read(HeaderOneTrack + "4d54726b 0000000c 00ff030454657374 00ff2f00").Tracks[0].Events;
        Assert.Equal(2, events.Count);
        Assert.Equal(MidiMetaType.TrackName, events[0].MetaType);
        Assert.Equal("Test", events[0].TextValue);
        Assert.True(events[1].IsEndOfTrack);
    }

    [Theory]
    [InlineData("08")] // 8 sharps
    [InlineData("f8")] // 8 flats
    public void BadKeySignature_Throws_OrIsKeptWhenTolerated(string sharps)
    {
        string file = HeaderOneTrack + "4d54726b 00000009 00ff5902" + sharps + " 00ff2f00";
        // mido's vector is one byte short (a 2-byte key signature with one byte): the end-of-track
        // bytes are read as the second byte, which is what mido does too; fix the length to test the value.
        string fixedFile = HeaderOneTrack + "4d54726b 0000000a 00ff5902" + sharps + "00 00ff2f00";
        Assert.Throws<MidiFileFormatException>(() => Read(file));
        var e = Assert.Throws<MidiFileFormatException>(() => Read(fixedFile));
        Assert.Contains("key signature", e.Problem, StringComparison.Ordinal);
        var kept = Read(fixedFile, MidiFileReadOptions.Default with { InvalidMetaEvent = MidiFileErrorPolicy.Tolerate });
        Assert.Equal(MidiMetaType.KeySignature, kept.Tracks[0].Events[0].MetaType);
    }

    [Fact]
    public void MetaMessagesWithLength0_AreAccepted()
    {
        var events = Read(HeaderOneTrack + "4d54726b 00000017 00ff0000 00ff2100 00ff00020001 00ff210101 00ff2f00").Tracks[0].Events;
        Assert.Equal(
            [MidiMetaType.SequenceNumber, MidiMetaType.Port, MidiMetaType.SequenceNumber, MidiMetaType.Port, MidiMetaType.EndOfTrack],
            events.Select(e => e.MetaType));
        Assert.Equal(0, events[0].Data.Length);
        Assert.Equal("0001", Convert.ToHexString(events[2].Data));
        Assert.Equal("01", Convert.ToHexString(events[3].Data));
    }

    // mido test_tracks.py: a track's name is its first track_name.
    [Fact]
    public void TrackName_IsTheFirst()
    {
        var track = new MidiTrack([MidiFileEvent.TrackName(0, "name1"), MidiFileEvent.TrackName(0, "name2")]);
        Assert.Equal("name1", track.Name);
    }
}
