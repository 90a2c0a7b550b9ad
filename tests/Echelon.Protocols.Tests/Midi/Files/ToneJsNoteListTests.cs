using System.Globalization;
using System.Text;
using System.Text.Json;
using Echelon.Protocols.Midi.Files;
using Echelon.Protocols.Tests.Midi.Infrastructure;

namespace Echelon.Protocols.Tests.Midi.Files;

/// <summary>
/// Note lists from Tone.js/Midi's tests (shared/data/osc_midi/tonejs-midi-tests): the *.mid.txt files are
/// pretty_midi's notes (pitch, start s, end s) with each file's tempo map applied; bach_846.json is
/// Tone.js's own export (ticks and seconds per track). Ours must match every note within 1 µs.
/// </summary>
public sealed class ToneJsNoteListTests
{
    private const double Microsecond = 1e-6;

    /// <summary>
    /// pretty_midi lists notes per instrument, one per track here, in track order. The Bartók list in
    /// the upstream repository stops after its first 7 instruments (487 s), so those are what is compared.
    /// pretty_midi pairs note-offs as <see cref="NoteOffPairing.EndAll"/>.
    /// </summary>
    [Theory]
    [InlineData("bach/bach_846.mid", 1, 11, 6, 1284)]
    [InlineData("bach/bach_format0.mid", 0, 1, 1, 415)]
    [InlineData("debussy/claire_de_lune.mid", 1, 7, 2, 1491)]
    [InlineData("bartok/concerto_for_orchestra_1.mid", 1, 36, 7, 1334)]
    public void PrettyMidiNoteList_MatchesWithin1Microsecond(string file, int format, int tracks, int instruments, int expectedNotes)
    {
        var smf = StandardMidiFile.Read(Path.Combine(MidiTestData.ToneJs, file));
        Assert.Equal(format, (int)smf.Format);
        Assert.Equal(tracks, smf.Tracks.Count);

        var groups = ReadPrettyMidiList(Path.Combine(MidiTestData.ToneJs, file + ".txt"));
        Assert.Equal(instruments, groups.Count);
        Assert.Equal(expectedNotes, groups.Sum(g => g.Notes.Count));

        var notes = smf.GetNotes(NoteOffPairing.EndAll);
        var tracksWithNotes = notes.Select(n => n.Track).Distinct().Order().ToList();
        double worst = 0;
        for (int g = 0; g < groups.Count; g++)
        {
            int track = tracksWithNotes[g];
            Assert.Equal(groups[g].Name, smf.Tracks[track].Name?.TrimEnd('\0'));
            var ours = notes.Where(n => n.Track == track)
                .Select(n => (Pitch: n.Note.Value, Start: n.StartSeconds, End: n.EndSeconds))
                .OrderBy(n => n.Start).ThenBy(n => n.Pitch).ThenBy(n => n.End).ToList();
            var expected = groups[g].Notes;
            Assert.Equal(expected.Count, ours.Count);
            for (int i = 0; i < ours.Count; i++)
            {
                Assert.Equal(expected[i].Pitch, ours[i].Pitch);
                worst = Math.Max(worst, Math.Max(Math.Abs(expected[i].Start - ours[i].Start), Math.Abs(expected[i].End - ours[i].End)));
            }
        }

        Assert.True(worst < Microsecond, $"worst time difference {worst:E3} s");
    }

    [Fact]
    public void ToneJsExport_Bach846_MatchesTicksSecondsAndVelocities()
    {
        var smf = StandardMidiFile.Read(Path.Combine(MidiTestData.ToneJs, "bach/bach_846.mid"));
        Assert.Equal(480, smf.Division.TicksPerQuarterNote);
        var ours = smf.GetNotes(NoteOffPairing.FirstInFirstOut);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(MidiTestData.ToneJs, "bach/bach_846.json")));
        var root = json.RootElement;
        Assert.Equal(480, root.GetProperty("header").GetProperty("ppq").GetInt32());

        // Tempo map: Tone.js lists every set-tempo event with its tick.
        var tempos = root.GetProperty("header").GetProperty("tempos").EnumerateArray().ToList();
        Assert.Equal(tempos.Count, smf.TempoMap.Changes.Count);
        for (int i = 0; i < tempos.Count; i++)
        {
            Assert.Equal(tempos[i].GetProperty("ticks").GetInt64(), smf.TempoMap.Changes[i].Tick);
            Assert.Equal(tempos[i].GetProperty("bpm").GetDouble(), smf.TempoMap.Changes[i].Bpm, 1e-9);
        }

        int compared = 0;
        foreach (var track in root.GetProperty("tracks").EnumerateArray())
        {
            var notes = track.GetProperty("notes").EnumerateArray().ToList();
            if (notes.Count == 0)
            {
                continue;
            }

            string name = track.GetProperty("name").GetString()!;
            int index = smf.Tracks.Select((t, i) => (t, i)).Single(x => x.t.Name == name).i;
            var mine = ours.Where(n => n.Track == index).OrderBy(n => n.StartTick).ThenBy(n => n.Note.Value).ToList();
            var theirs = notes.OrderBy(n => n.GetProperty("ticks").GetInt64()).ThenBy(n => n.GetProperty("midi").GetInt32()).ToList();
            Assert.Equal(theirs.Count, mine.Count);
            for (int i = 0; i < mine.Count; i++)
            {
                var n = theirs[i];
                Assert.Equal(n.GetProperty("midi").GetInt32(), mine[i].Note.Value);
                Assert.Equal(n.GetProperty("ticks").GetInt64(), mine[i].StartTick);
                Assert.Equal(n.GetProperty("durationTicks").GetInt64(), mine[i].DurationTicks);
                Assert.Equal(n.GetProperty("time").GetDouble(), mine[i].StartSeconds, Microsecond);
                Assert.Equal(n.GetProperty("duration").GetDouble(), mine[i].DurationSeconds, Microsecond);
                Assert.Equal(n.GetProperty("velocity").GetDouble(), mine[i].Velocity.Value / 127.0, 1e-12);
                compared++;
            }
        }

        Assert.Equal(415 + 134 + 220 + 199 + 175 + 141, compared);
    }

    [Fact]
    public void TrackNames_AreReadAsLatin1()
    {
        var smf = StandardMidiFile.Read(Path.Combine(MidiTestData.ToneJs, "bach/bach_846.mid"));
        Assert.Contains(smf.Tracks, t => t.Name == "Copyright 2004 by Bernd Krüger.");
        Assert.Contains(smf.Tracks, t => t.Name == "Piano right");
    }

    private static List<(string Name, List<(int Pitch, double Start, double End)> Notes)> ReadPrettyMidiList(string path)
    {
        var groups = new List<(string Name, List<(int Pitch, double Start, double End)> Notes)>();
        foreach (string raw in Encoding.Latin1.GetString(File.ReadAllBytes(path)).Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("track ", StringComparison.Ordinal))
            {
                groups.Add((line["track ".Length..].TrimEnd('\0'), []));
                continue;
            }

            string[] f = line.Split('\t');
            groups[^1].Notes.Add((int.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)));
        }

        for (int g = 0; g < groups.Count; g++)
        {
            groups[g] = (groups[g].Name, [.. groups[g].Notes.OrderBy(n => n.Start).ThenBy(n => n.Pitch).ThenBy(n => n.End)]);
        }

        return groups;
    }
}
