using BenchmarkDotNet.Attributes;
using Echelon.Protocols.Midi;
using Echelon.Protocols.Midi.Files;

namespace Echelon.Benchmarks;

/// <summary>
/// Standard MIDI Files: reading a 4-track, 8000-note file from memory (the baseline), pairing its
/// notes into seconds through a 64-change tempo map, and writing it back.
/// </summary>
[MemoryDiagnoser]
public class MidiFileBenchmarks
{
    private byte[] _bytes = [];
    private StandardMidiFile _file = null!;

    [GlobalSetup]
    public void Setup()
    {
        var builder = new MidiFileBuilder(bpm: 120);
        var rng = new Random(2);
        for (int t = 0; t < 4; t++)
        {
            var track = builder.AddTrack("agent " + t);
            for (int i = 0; i < 2000; i++)
            {
                track.AddNoteAtTick(i * 240L, 120 + rng.Next(240), new SevenBit(36 + rng.Next(48)), new SevenBit(1 + rng.Next(127)), new MidiChannel(t));
            }
        }

        var built = builder.Build();
        var tempo = built.Tracks[0].Events.ToList();
        tempo.InsertRange(tempo.Count - 1, Enumerable.Range(1, 64).Select(k => MidiFileEvent.Tempo(k * 7000L, 400_000 + (k * 3000))));
        _file = new StandardMidiFile(built.Format, built.Division, [new MidiTrack(tempo), .. built.Tracks.Skip(1)]);
        _bytes = _file.ToArray();
    }

    [Benchmark(Baseline = true, Description = "read SMF (4 tracks, 8000 notes)")]
    public int Read() => StandardMidiFile.Parse(_bytes).Tracks.Count;

    [Benchmark(Description = "notes in seconds (64 tempo changes)")]
    public int Notes() => _file.GetNotes().Count;

    [Benchmark(Description = "write SMF, running status")]
    public int Write() => _file.ToArray().Length;
}
