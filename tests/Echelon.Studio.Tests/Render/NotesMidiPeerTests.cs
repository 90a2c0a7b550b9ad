using System.Globalization;
using System.Text.Json;
using Echelon.Audio.Wav;
using Echelon.Music.Composition;
using Echelon.Studio.Render;

namespace Echelon.Studio.Tests.Render;

/// <summary>The render's notes.mid read by Python's mido and played by fluidsynth (../shared/PEERS.md).</summary>
public sealed class NotesMidiPeerTests(RenderFixture fixture) : IClassFixture<RenderFixture>
{
    private const string MidoScript = """
        import sys, json, mido
        f = mido.MidiFile(sys.argv[1])
        out = {"type": f.type, "tpq": f.ticks_per_beat, "tracks": []}
        for track in f.tracks:
            name, t, ons, programs, tempo = None, 0, [], {}, None
            for m in track:
                t += m.time
                if m.type == "track_name": name = m.name
                if m.type == "set_tempo": tempo = m.tempo
                if m.type == "program_change": programs[m.channel] = m.program
                if m.type == "note_on" and m.velocity > 0: ons.append([t, m.note, m.velocity, m.channel])
            out["tracks"].append({"name": name, "tempo": tempo, "programs": programs, "ons": ons})
        print(json.dumps(out))
        """;

    [PeerFact("mido")]
    [Trait("Peer", "mido")]
    public void Mido_ReadsOneTrackPerAgent_WithEveryNoteOnTime()
    {
        (string dir, _) = fixture.Get(100, 0.6f, seconds: 12, seed: 3);
        string midi = Path.Combine(dir, "notes.mid");
        string script = Path.Combine(dir, "read_midi.py");
        File.WriteAllText(script, MidoScript);
        using JsonDocument doc = JsonDocument.Parse(PeerTool.Get("mido").Run([script, midi]).StandardOutput);
        JsonElement root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("type").GetInt32());
        int tpq = root.GetProperty("tpq").GetInt32();
        JsonElement[] tracks = [.. root.GetProperty("tracks").EnumerateArray()];
        Assert.Equal(Arrangement.Agents.Count + 1, tracks.Length);
        int tempo = tracks[0].GetProperty("tempo").GetInt32();
        Assert.Equal(600_000, tempo);
        Assert.Equal(Arrangement.Agents.Select(Arrangement.StemName), tracks[1..].Select(t => t.GetProperty("name").GetString()));

        // Every note in notes.jsonl is a note-on in its agent's track within a millisecond, same pitch and velocity.
        string[] lines = File.ReadAllLines(Path.Combine(dir, "notes.jsonl"));
        Assert.NotEmpty(lines);
        for (int a = 0; a < Arrangement.Agents.Count; a++)
        {
            string name = Arrangement.StemName(Arrangement.Agents[a]);
            (double T, int Pitch, int Velocity)[] ons = [.. tracks[a + 1].GetProperty("ons").EnumerateArray()
                .Select(o => (o[0].GetInt64() * (tempo / 1e6) / tpq, o[1].GetInt32(), o[2].GetInt32()))];
            foreach (string line in lines)
            {
                using JsonDocument note = JsonDocument.Parse(line);
                JsonElement n = note.RootElement;
                if (n.GetProperty("agent").GetString() != name)
                {
                    continue;
                }

                double t = n.GetProperty("t").GetDouble();
                int pitch = n.GetProperty("pitch").GetInt32();
                Assert.True(
                    ons.Any(o => o.Pitch == pitch && Math.Abs(o.T - t) < 1e-3),
                    string.Create(CultureInfo.InvariantCulture, $"{name} note {pitch} at {t:0.0000} s is not in notes.mid"));
            }
        }
    }

    [PeerFact("fluidsynth")]
    [Trait("Peer", "fluidsynth")]
    public void Fluidsynth_RendersTheFile_WithSoundThroughoutThePiece()
    {
        const string SoundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2";
        Assert.True(File.Exists(SoundFont), $"{SoundFont} is missing: install fluid-soundfont-gm.");
        (string dir, RenderResult result) = fixture.Get(100, 0.6f, seconds: 12, seed: 3);
        string wav = Path.Combine(dir, "fluid.wav");
        PeerTool.Get("fluidsynth").Run(["-ni", "-g", "1.0", "-r", "48000", "-F", wav, SoundFont, Path.Combine(dir, "notes.mid")], TimeSpan.FromSeconds(120));
        WavAudio audio = WavReader.Read(wav);

        // fluidsynth plays on until the last release has died away, so the file is at least the piece.
        Assert.True(audio.FrameCount >= (result.Seconds - 0.05) * 48_000, $"{audio.FrameCount} frames");
        for (int window = 0; window < (int)result.Seconds / 2; window++)
        {
            double energy = 0;
            for (int i = window * 96_000; i < (window + 1) * 96_000; i++)
            {
                energy += audio.Channels[0][i] * (double)audio.Channels[0][i];
            }

            energy /= 96_000;
            Assert.True(energy > 1e-5, $"seconds {2 * window}–{(2 * window) + 2}: near silence (mean square {energy})");
        }
    }
}
