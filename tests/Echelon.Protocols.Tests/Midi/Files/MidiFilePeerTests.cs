using System.Globalization;
using Echelon.Protocols.Midi;
using Echelon.Protocols.Midi.Files;
using Echelon.Protocols.Tests.Midi.Infrastructure;

namespace Echelon.Protocols.Tests.Midi.Files;

/// <summary>
/// Real peers (../shared/PEERS.md): Python mido reads the files we write and writes files we read;
/// fluidsynth renders ours to audio.
/// </summary>
public sealed class MidiFilePeerTests
{
    // Prints type, resolution, track names, then every note: channel note velocity start end (seconds
    // from mido's own playback, with its tempo handling), notes paired first in, first out.
    private const string MidoNotes = """
        import sys, mido
        mid = mido.MidiFile(sys.argv[1])
        print('file', mid.type, mid.ticks_per_beat, len(mid.tracks))
        for i, t in enumerate(mid.tracks):
            print('track', i, t.name)
        now = 0.0
        sounding = {}
        for msg in mid:
            now += msg.time
            if msg.type == 'note_on' and msg.velocity > 0:
                sounding.setdefault((msg.channel, msg.note), []).append((now, msg.velocity))
            elif msg.type in ('note_on', 'note_off') and sounding.get((msg.channel, msg.note)):
                start, velocity = sounding[(msg.channel, msg.note)].pop(0)
                print('note', msg.channel, msg.note, velocity, repr(start), repr(now))
        """;

    // Writes a format 1 file with tempo changes, three tracks, note-on-velocity-0 note-offs, controller,
    // pitch bend, program, sysex and text; prints every event of every track as "track tick hex"
    // (meta as FF type length data) and every note as above.
    private const string MidoWrites = """
        import sys, random, mido
        from mido import Message, MetaMessage, MidiFile, MidiTrack
        rng = random.Random(42)
        mid = MidiFile(type=1, ticks_per_beat=384)
        conductor = MidiTrack([MetaMessage('track_name', name='conductor'), MetaMessage('set_tempo', tempo=500000)])
        for k in range(1, 12):
            conductor.append(MetaMessage('set_tempo', tempo=rng.randint(300000, 900000), time=rng.randint(100, 900)))
        mid.tracks.append(conductor)
        for ch in (0, 5, 9):
            t = MidiTrack([MetaMessage('track_name', name='part %d' % ch), Message('program_change', channel=ch, program=ch * 3)])
            t.append(Message('sysex', data=[0x7e, 0x7f, 0x09, 0x01]))
            for k in range(60):
                note = rng.randint(30, 90)
                t.append(Message('note_on', channel=ch, note=note, velocity=rng.randint(1, 127), time=rng.randint(0, 200)))
                if k % 7 == 0:
                    t.append(Message('control_change', channel=ch, control=7, value=rng.randint(0, 127), time=rng.randint(0, 20)))
                    t.append(Message('pitchwheel', channel=ch, pitch=rng.randint(-8192, 8191)))
                t.append(Message('note_on' if k % 2 else 'note_off', channel=ch, note=note, velocity=0, time=rng.randint(1, 300)))
            mid.tracks.append(t)
        mid.save(sys.argv[1])
        mid = MidiFile(sys.argv[1])
        for i, t in enumerate(mid.tracks):
            tick = 0
            for msg in t:
                tick += msg.time
                print('event', i, tick, bytes(msg.bytes()).hex())
        now = 0.0
        sounding = {}
        for msg in mid:
            now += msg.time
            if msg.type == 'note_on' and msg.velocity > 0:
                sounding.setdefault((msg.channel, msg.note), []).append((now, msg.velocity))
            elif msg.type in ('note_on', 'note_off') and sounding.get((msg.channel, msg.note)):
                start, velocity = sounding[(msg.channel, msg.note)].pop(0)
                print('note', msg.channel, msg.note, velocity, repr(start), repr(now))
        """;

    [PeerFact("mido")]
    [Trait("Peer", "mido")]
    public void FileWeWrite_MidoReadsTheSameNotes()
    {
        using var dir = new TempDirectory();
        var builder = new MidiFileBuilder(bpm: 128);
        var rng = new Random(3);
        var expected = new List<(int Channel, int Note, int Velocity, double Start, double End)>();
        foreach (var (name, channel) in new[] { ("drums", 9), ("bass", 1), ("melody", 0) })
        {
            var track = builder.AddTrack(name);
            double t = rng.NextDouble();
            for (int i = 0; i < 80; i++)
            {
                int note = 36 + rng.Next(40);
                int velocity = 1 + rng.Next(127);
                double duration = 0.02 + (rng.NextDouble() * 0.4);
                track.AddNote(t, duration, new SevenBit(note), new SevenBit(velocity), new MidiChannel(channel));
                expected.Add((channel, note, velocity, t, t + duration));
                t += duration + (rng.NextDouble() * 0.2); // no overlap within a track
            }
        }

        string path = dir.File("notes.mid");
        builder.Write(path);

        var run = PeerTool.Get("mido").Run("-c", MidoNotes, path);
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("file 1 480 4", lines[0]);
        Assert.Equal(["track 0 ", "track 1 drums", "track 2 bass", "track 3 melody"], lines.Skip(1).Take(4));

        var mido = ParseNotes(lines);
        Assert.Equal(expected.Count, mido.Count);
        double halfTick = 0.5 * 468_750 / 1e6 / 480; // round(60e6 / 128) µs per quarter note
        var want = expected.OrderBy(n => n.Channel).ThenBy(n => n.Start).ToList();
        var got = mido.OrderBy(n => n.Channel).ThenBy(n => n.Start).ToList();
        for (int i = 0; i < want.Count; i++)
        {
            Assert.Equal((want[i].Channel, want[i].Note, want[i].Velocity), (got[i].Channel, got[i].Note, got[i].Velocity));
            Assert.InRange(got[i].Start - want[i].Start, -halfTick, halfTick);
            Assert.InRange(got[i].End - want[i].End, -halfTick, halfTick);
        }

        // And mido's seconds equal our own reading of the file.
        var ours = StandardMidiFile.Read(path).GetNotes().OrderBy(n => n.Channel.Value).ThenBy(n => n.StartSeconds).ToList();
        for (int i = 0; i < ours.Count; i++)
        {
            Assert.Equal(got[i].Start, ours[i].StartSeconds, 1e-9);
            Assert.Equal(got[i].End, ours[i].EndSeconds, 1e-9);
        }
    }

    [PeerFact("mido")]
    [Trait("Peer", "mido")]
    public void FileMidoWrites_WeReadIdentically()
    {
        using var dir = new TempDirectory();
        string path = dir.File("mido.mid");
        var lines = PeerTool.Get("mido").Run("-c", MidoWrites, path).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var smf = StandardMidiFile.Read(path, MidiFileReadOptions.Strict);
        Assert.Equal(MidiFileFormat.MultiTrack, smf.Format);
        Assert.Equal(384, smf.Division.TicksPerQuarterNote);
        Assert.Equal(12, smf.TempoMap.Changes.Count);

        var midoEvents = lines.Where(l => l.StartsWith("event ", StringComparison.Ordinal)).ToList();
        var ourEvents = smf.Tracks.SelectMany((t, i) => t.Events.Select(e => $"event {i} {e.Tick} {Hex(e)}")).ToList();
        Assert.Equal(midoEvents.Count, ourEvents.Count);
        Assert.Equal(midoEvents, ourEvents);

        var midoNotes = ParseNotes(lines).OrderBy(n => n.Channel).ThenBy(n => n.Start).ThenBy(n => n.Note).ToList();
        var ourNotes = smf.GetNotes().OrderBy(n => n.Channel.Value).ThenBy(n => n.StartSeconds).ThenBy(n => n.Note.Value).ToList();
        Assert.Equal(180, ourNotes.Count);
        Assert.Equal(midoNotes.Count, ourNotes.Count);
        for (int i = 0; i < ourNotes.Count; i++)
        {
            var m = midoNotes[i];
            var o = ourNotes[i];
            Assert.Equal((m.Channel, m.Note, m.Velocity), (o.Channel.Value, o.Note.Value, o.Velocity.Value));
            Assert.Equal(m.Start, o.StartSeconds, 1e-9);
            Assert.Equal(m.End, o.EndSeconds, 1e-9);
        }
    }

    [PeerFact("mido")]
    [Trait("Peer", "mido")]
    public void EveryVectorMidoReads_WeReadTheSameEvents()
    {
        const string dump = """
            import sys, mido
            for path in sys.argv[1:]:
                try:
                    mid = mido.MidiFile(path)
                except Exception as e:
                    print('file', path, 'error'); continue
                print('file', path, mid.type, mid.ticks_per_beat, len(mid.tracks))
                for i, t in enumerate(mid.tracks):
                    tick = 0
                    for msg in t:
                        tick += msg.time
                        if msg.is_meta:
                            continue
                        print('event', i, tick, bytes(msg.bytes()).hex())
            """;
        var files = MidiTestData.AllMidiFiles().Where(f => new FileInfo(f).Length < 100_000).ToList();
        var lines = PeerTool.Get("mido").Run(["-c", dump, .. files], TimeSpan.FromMinutes(2)).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int compared = 0;
        foreach (var file in files)
        {
            int at = Array.FindIndex(lines, l => l.StartsWith("file " + file + " ", StringComparison.Ordinal));
            if (lines[at].EndsWith(" error", StringComparison.Ordinal))
            {
                continue;
            }

            var midoEvents = lines.Skip(at + 1).TakeWhile(l => l.StartsWith("event ", StringComparison.Ordinal)).ToList();
            StandardMidiFile smf;
            try
            {
                smf = StandardMidiFile.Read(file);
            }
            catch (MidiFileFormatException)
            {
                // mido reads system messages inside tracks (the illegal-message files); our default refuses them.
                smf = StandardMidiFile.Read(file, MidiFileReadOptions.Default with { SystemMessageInTrack = MidiFileErrorPolicy.Tolerate });
            }

            Assert.Equal(lines[at], $"file {file} {(int)smf.Format} {smf.Division.TicksPerQuarterNote} {smf.Tracks.Count}");
            var ours = smf.Tracks.SelectMany((t, i) => t.Events.Where(e => e.Kind != MidiFileEventKind.Meta).Select(e => $"event {i} {e.Tick} {Hex(e)}")).ToList();
            Assert.Equal(midoEvents, ours);
            compared++;
        }

        Assert.True(compared >= 60, $"only {compared} files compared");
    }

    [PeerFact("fluidsynth")]
    [Trait("Peer", "fluidsynth")]
    public void FluidSynth_RendersOurFile_ToSoundWhereTheNotesAre()
    {
        using var dir = new TempDirectory();
        var builder = new MidiFileBuilder(bpm: 120);
        var piano = builder.AddTrack("piano");
        var drums = builder.AddTrack("drums");
        for (int i = 0; i < 8; i++)
        {
            // Notes from 1.0 s to 3.0 s: silence before, sound during.
            piano.AddNote(1.0 + (i * 0.25), 0.25, new SevenBit(60 + i), new SevenBit(110), new MidiChannel(0));
            drums.AddNote(1.0 + (i * 0.25), 0.1, new SevenBit(36), new SevenBit(120), MidiChannel.Percussion);
        }

        string mid = dir.File("in.mid");
        string wav = dir.File("out.wav");
        builder.Write(mid);
        Assert.Equal(3.0, StandardMidiFile.Read(mid).DurationSeconds, 1e-9);

        PeerTool.Get("fluidsynth").Run("-ni", "-g", "1.0", "-r", "48000", "-F", wav, "/usr/share/sounds/sf2/FluidR3_GM.sf2", mid);
        var audio = PcmWave.Read(wav);
        Assert.Equal(48000, audio.SampleRate);

        // fluidsynth plays the file to its end, then lets the voices ring out (about 2.9 s more here).
        Assert.InRange(audio.Seconds, 3.0, 3.0 + 4.0);
        Assert.True(audio.Peak(0, 0.95) < 1e-3, $"sound before the first note: peak {audio.Peak(0, 0.95):E2}");
        for (double t = 1.0; t < 3.0; t += 0.25)
        {
            Assert.True(audio.Rms(t, t + 0.25) > 0.01, $"near silence at {t:0.00} s: rms {audio.Rms(t, t + 0.25):E2}");
        }
    }

    private static string Hex(MidiFileEvent e) => e.Kind switch
    {
        MidiFileEventKind.Message => Convert.ToHexString(Encode(e.Message)).ToLowerInvariant(),
        MidiFileEventKind.Meta => ("ff" + ((int)e.MetaType).ToString("x2", CultureInfo.InvariantCulture) + VlqHex(e.Data.Length) + Convert.ToHexString(e.Data)).ToLowerInvariant(),
        // mido's sysex bytes are F0 data F7; the file stores the bytes after F0.
        _ => ("f0" + Convert.ToHexString(e.Data)).ToLowerInvariant(),
    };

    private static string VlqHex(int value)
    {
        var buffer = new byte[4];
        return Convert.ToHexString(buffer, 0, Vlq.Write(value, buffer));
    }

    private static byte[] Encode(MidiMessage m)
    {
        var buffer = new byte[3];
        return buffer[..MidiMessageEncoder.Write(m, buffer)];
    }

    private static List<(int Channel, int Note, int Velocity, double Start, double End)> ParseNotes(IEnumerable<string> lines) =>
        [.. lines.Where(l => l.StartsWith("note ", StringComparison.Ordinal)).Select(l => l.Split(' ')).Select(f => (
            int.Parse(f[1], CultureInfo.InvariantCulture),
            int.Parse(f[2], CultureInfo.InvariantCulture),
            int.Parse(f[3], CultureInfo.InvariantCulture),
            double.Parse(f[4], CultureInfo.InvariantCulture),
            double.Parse(f[5], CultureInfo.InvariantCulture)))];
}
