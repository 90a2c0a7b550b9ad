using Echelon.Protocols.Midi;
using Echelon.Protocols.Midi.Files;
using Echelon.Protocols.Tests.Midi.Infrastructure;

namespace Echelon.Protocols.Tests.Midi.Files;

/// <summary>
/// The jazz-soft test-midi-files edge cases (shared/data/osc_midi/jazz-soft-test-midi-files): every
/// file either reads to the events its generator script (code/*.js) describes, or fails with a
/// <see cref="MidiFileFormatException"/> at the offending byte. Event counts equal mido 1.2.10's
/// message counts for every file mido reads.
/// </summary>
public sealed class JazzSoftConformanceTests
{
    private static readonly int[] s_cMajorScale = [60, 62, 64, 65, 67, 69, 71, 72];

    /// <summary>File, format, tracks, events, notes: what the default options read.</summary>
    public static TheoryData<string, int, int, int, int> Readable => new()
    {
        { "test-2-tracks-type-0.mid", 0, 2, 40, 16 },
        { "test-2-tracks-type-1.mid", 1, 2, 40, 16 },
        { "test-2-tracks-type-2.mid", 2, 2, 40, 16 },
        { "test-all-gm-percussion.mid", 0, 1, 433, 183 },
        { "test-all-gm-sounds.mid", 0, 1, 1285, 512 },
        { "test-all-gm2-sounds.mid", 0, 1, 3186, 1060 },
        { "test-all-gs-sounds.mid", 0, 1, 15138, 5044 },
        { "test-all-microsoft-gs-wavetable-synth-sounds.mid", 0, 1, 2718, 904 },
        { "test-all-xg-sounds.mid", 0, 1, 13686, 4560 },
        { "test-c-major-scale.mid", 0, 1, 30, 8 },
        { "test-control-00-20-bank-select.mid", 0, 1, 35, 8 },
        { "test-control-40-damper.mid", 0, 1, 26, 8 },
        { "test-control-41-portamento.mid", 0, 1, 26, 8 },
        { "test-control-54-portamento-control.mid", 0, 1, 11, 1 },
        { "test-control-7c-omni-mode-off.mid", 0, 1, 7, 0 },
        { "test-control-7d-omni-mode-on.mid", 0, 1, 7, 0 },
        { "test-control-7e-mono-mode-on.mid", 0, 1, 7, 0 },
        { "test-control-7f-poly-mode-on.mid", 0, 1, 7, 0 },
        { "test-corrupt-file-extra-byte.mid", 0, 1, 22, 8 },
        { "test-empty.mid", 0, 1, 1, 0 },
        { "test-gm2-doggy-78-00-38-4c.mid", 0, 1, 16, 3 },
        { "test-gm2-doggy-79-01-7b.mid", 0, 1, 16, 3 },
        { "test-gs-doggy-01-00-7b.mid", 0, 1, 16, 3 },
        { "test-karaoke-kar.mid", 1, 3, 94, 29 },
        { "test-multichannel-chords-0.mid", 0, 1, 61, 24 },
        { "test-multichannel-chords-1.mid", 1, 3, 63, 24 },
        { "test-multichannel-chords-2.mid", 1, 2, 62, 24 },
        { "test-multichannel-chords-3.mid", 1, 3, 63, 24 },
        { "test-non-midi-track.mid", 0, 1, 30, 8 },
        { "test-note-on-velocity.mid", 0, 1, 33, 9 },
        { "test-rpn-00-00-pitch-bend-range.mid", 0, 1, 3885, 5 },
        { "test-rpn-00-01-fine-tuning.mid", 0, 1, 68, 25 },
        { "test-rpn-00-02-coarse-tuning.mid", 0, 1, 49, 8 },
        { "test-rpn-00-05-modulation-depth-range.mid", 0, 1, 1975, 5 },
        { "test-running-status-metaevent.mid", 0, 1, 22, 8 },
        { "test-running-status-sysex.mid", 0, 1, 22, 8 },
        { "test-silence-all-notes-off.mid", 0, 1, 6, 0 },
        { "test-silence-end-of-track.mid", 0, 1, 4, 0 },
        { "test-silence-text-metaevent.mid", 0, 1, 5, 0 },
        { "test-smpte-offset.mid", 0, 1, 23, 8 },
        { "test-sysex-7e-06-01-id-request.mid", 0, 1, 7, 0 },
        { "test-sysex-7e-09-01-gm1-enable.mid", 0, 1, 7, 0 },
        { "test-sysex-7e-09-02-gm-disable.mid", 0, 1, 7, 0 },
        { "test-sysex-7e-09-03-gm2-enable.mid", 0, 1, 7, 0 },
        { "test-sysex-7f-04-03-master-fine-tuning.mid", 0, 1, 23, 5 },
        { "test-sysex-7f-04-04-master-coarse-tuning.mid", 0, 1, 32, 8 },
        { "test-sysex-7x-08-0x-scale-tuning.mid", 0, 1, 149, 65 },
        { "test-sysex-gs-40-1x-15-drum-part-change.mid", 0, 1, 26, 8 },
        { "test-sysex-gs-40-1x-4x-scale-tuning.mid", 0, 1, 19, 3 },
        { "test-track-length.mid", 0, 1, 8, 1 },
        { "test-vlq-2-byte.mid", 0, 1, 22, 8 },
        { "test-vlq-3-byte.mid", 0, 1, 22, 8 },
        { "test-vlq-4-byte.mid", 0, 1, 22, 8 },
        { "test-xg-doggy-40-00-30.mid", 0, 1, 16, 3 },
        { "test-xg-doggy-7e-00-00-54.mid", 0, 1, 16, 3 },
    };

    /// <summary>File, byte offset, track (−1: none), words of the problem: what the default options reject.</summary>
    public static TheoryData<string, long, int, string> Rejected => new()
    {
        { "test-empty-file.mid", 0, -1, "empty" },
        { "test-not-a-midi-file.mid", 0, -1, "no MThd" },
        { "test-corrupt-file-missing-byte.mid", 18, 0, "declares 246 bytes but only 245 remain" },
        { "test-illegal-message-all.mid", 187, 0, "0xF1" },
        { "test-illegal-message-f1-xx.mid", 216, 0, "0xF1" },
        { "test-illegal-message-f2-xx-xx.mid", 221, 0, "0xF2" },
        { "test-illegal-message-f3-xx.mid", 213, 0, "0xF3" },
        { "test-illegal-message-f4.mid", 205, 0, "undefined status byte 0xF4" },
        { "test-illegal-message-f5.mid", 205, 0, "undefined status byte 0xF5" },
        { "test-illegal-message-f6.mid", 208, 0, "0xF6" },
        { "test-illegal-message-f8.mid", 208, 0, "0xF8" },
        { "test-illegal-message-f9.mid", 205, 0, "undefined status byte 0xF9" },
        { "test-illegal-message-fa.mid", 201, 0, "0xFA" },
        { "test-illegal-message-fb.mid", 204, 0, "0xFB" },
        { "test-illegal-message-fc.mid", 200, 0, "0xFC" },
        { "test-illegal-message-fd.mid", 205, 0, "undefined status byte 0xFD" },
        { "test-illegal-message-fe.mid", 210, 0, "0xFE" },
    };

    [Fact]
    public void EveryFile_IsInOneOfTheTables()
    {
        var listed = Readable.Select(r => (string)r[0]).Concat(Rejected.Select(r => (string)r[0])).Order(StringComparer.Ordinal);
        var present = Directory.GetFiles(MidiTestData.JazzSoft, "*.mid").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(present, listed);
    }

    [Theory]
    [MemberData(nameof(Readable))]
    public void Readable_FileReadsWithTheExpectedShape(string name, int format, int tracks, int events, int notes)
    {
        var smf = StandardMidiFile.Read(Path.Combine(MidiTestData.JazzSoft, name));
        Assert.Equal(format, (int)smf.Format);
        Assert.Equal(tracks, smf.Tracks.Count);
        Assert.Equal(events, smf.Tracks.Sum(t => t.Events.Count));
        Assert.Equal(notes, smf.GetNotes().Count);
        Assert.Equal(96, name.Contains("karaoke", StringComparison.Ordinal) ? 96 : smf.Division.TicksPerQuarterNote);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Rejected_FileFailsWithOffsetAndTrack(string name, long offset, int track, string words)
    {
        var e = Assert.Throws<MidiFileFormatException>(() => StandardMidiFile.Read(Path.Combine(MidiTestData.JazzSoft, name)));
        Assert.Equal(offset, e.Offset);
        Assert.Equal(track < 0 ? null : track, e.Track);
        Assert.Contains(words, e.Problem, StringComparison.Ordinal);
        Assert.EndsWith(name, e.File, StringComparison.Ordinal);
        Assert.Contains($"byte {offset}", e.Message, StringComparison.Ordinal);
    }

    // "You must hear a C-Major scale": every one of these files, read with default options, plays it,
    // one quarter note (96 ticks, 0.5 s at the default 120 BPM) per note.
    [Theory]
    [InlineData("test-c-major-scale.mid")]
    [InlineData("test-corrupt-file-extra-byte.mid")]
    [InlineData("test-non-midi-track.mid")]
    [InlineData("test-running-status-metaevent.mid")]
    [InlineData("test-running-status-sysex.mid")]
    [InlineData("test-smpte-offset.mid")]
    [InlineData("test-vlq-2-byte.mid")]
    [InlineData("test-vlq-3-byte.mid")]
    [InlineData("test-vlq-4-byte.mid")]
    public void ScaleFiles_PlayTheCMajorScale(string name)
    {
        var notes = StandardMidiFile.Read(Path.Combine(MidiTestData.JazzSoft, name)).GetNotes();
        Assert.Equal(s_cMajorScale, notes.Select(n => n.Note.Value));
        for (int i = 0; i < notes.Count; i++)
        {
            Assert.Equal(i * 96L, notes[i].StartTick - notes[0].StartTick);
            Assert.Equal(96, notes[i].DurationTicks);
            Assert.Equal(0.5, notes[i].DurationSeconds, 1e-12);
            Assert.Equal(127, notes[i].Velocity.Value);
            Assert.Equal(0, notes[i].Channel.Value);
        }
    }

    [Fact]
    public void MissingByte_WithTruncationTolerated_KeepsTheScale()
    {
        var options = MidiFileReadOptions.Default with { TruncatedChunk = MidiFileErrorPolicy.Tolerate };
        var smf = StandardMidiFile.Read(Path.Combine(MidiTestData.JazzSoft, "test-corrupt-file-missing-byte.mid"), options);
        Assert.Equal(s_cMajorScale, smf.GetNotes().Select(n => n.Note.Value));
        Assert.False(smf.Tracks[0].Events[^1].IsEndOfTrack); // the cut end-of-track is not invented
        Assert.Equal("Thank you!", smf.Tracks[0].Events[^1].TextValue);
    }

    [Theory]
    [InlineData("test-illegal-message-f1-xx.mid", MidiMessageKind.TimeCodeQuarterFrame)]
    [InlineData("test-illegal-message-f2-xx-xx.mid", MidiMessageKind.SongPosition)]
    [InlineData("test-illegal-message-f3-xx.mid", MidiMessageKind.SongSelect)]
    [InlineData("test-illegal-message-f6.mid", MidiMessageKind.TuneRequest)]
    [InlineData("test-illegal-message-f8.mid", MidiMessageKind.TimingClock)]
    [InlineData("test-illegal-message-fa.mid", MidiMessageKind.Start)]
    [InlineData("test-illegal-message-fb.mid", MidiMessageKind.Continue)]
    [InlineData("test-illegal-message-fc.mid", MidiMessageKind.Stop)]
    [InlineData("test-illegal-message-fe.mid", MidiMessageKind.ActiveSensing)]
    public void IllegalSystemMessage_WhenTolerated_IsReadAsAnEvent_AndTheScalePlays(string name, MidiMessageKind kind)
    {
        var options = MidiFileReadOptions.Default with { SystemMessageInTrack = MidiFileErrorPolicy.Tolerate };
        var smf = StandardMidiFile.Read(Path.Combine(MidiTestData.JazzSoft, name), options);
        Assert.Single(smf.Tracks[0].Events, e => e.Kind == MidiFileEventKind.Message && e.Message.Kind == kind);
        Assert.Equal(s_cMajorScale, smf.GetNotes().Select(n => n.Note.Value));
    }

    [Theory]
    [InlineData("test-illegal-message-f4.mid", 205)]
    [InlineData("test-illegal-message-all.mid", 197)] // F1, F2, F3 read; F4 cannot be
    public void UndefinedStatus_ThrowsEvenWhenSystemMessagesAreTolerated(string name, long offset)
    {
        var options = MidiFileReadOptions.Default with { SystemMessageInTrack = MidiFileErrorPolicy.Tolerate };
        var e = Assert.Throws<MidiFileFormatException>(() => StandardMidiFile.Read(Path.Combine(MidiTestData.JazzSoft, name), options));
        Assert.Equal(offset, e.Offset);
        Assert.Contains("undefined status byte 0xF4", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("test-corrupt-file-extra-byte.mid", 275L, "1 bytes follow the last chunk", "TrailingBytes")]
    [InlineData("test-2-tracks-type-0.mid", 8L, "format 0 allows one track", "SingleTrackFormatWithSeveralTracks")]
    [InlineData("test-running-status-metaevent.mid", 234L, "cancelled by a meta or system exclusive event", "RunningStatusAfterMetaOrSystemExclusive")]
    [InlineData("test-running-status-sysex.mid", 225L, "cancelled by a meta or system exclusive event", "RunningStatusAfterMetaOrSystemExclusive")]
    public void Strict_RejectsWhatDefaultTolerates(string name, long offset, string words, string option)
    {
        var e = Assert.Throws<MidiFileFormatException>(() => StandardMidiFile.Read(Path.Combine(MidiTestData.JazzSoft, name), MidiFileReadOptions.Strict));
        Assert.Equal(offset, e.Offset);
        Assert.Contains(words, e.Problem, StringComparison.Ordinal);
        Assert.Contains(option, e.Problem, StringComparison.Ordinal);
    }

    // An unknown chunk ("Junk") is legal: SMF 1.0 tells readers to skip it, so even Strict reads the file.
    [Theory]
    [InlineData("test-c-major-scale.mid")]
    [InlineData("test-non-midi-track.mid")]
    public void Strict_ReadsFilesThatFollowTheRules(string name)
    {
        var smf = StandardMidiFile.Read(Path.Combine(MidiTestData.JazzSoft, name), MidiFileReadOptions.Strict);
        Assert.Equal(s_cMajorScale, smf.GetNotes().Select(n => n.Note.Value));
    }

    [Fact]
    public void SmpteOffsetMeta_IsKept()
    {
        var smf = StandardMidiFile.Read(Path.Combine(MidiTestData.JazzSoft, "test-smpte-offset.mid"));
        var offset = Assert.Single(smf.Tracks[0].Events, e => e.Kind == MidiFileEventKind.Meta && e.MetaType == MidiMetaType.SmpteOffset);
        Assert.Equal(5, offset.Data.Length);
        Assert.Equal(1, offset.Data[1]); // 00:01:00:00.00 — one minute
    }
}
