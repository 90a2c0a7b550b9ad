using System.Globalization;

namespace Echelon.Protocols.Midi.Files;

/// <summary>
/// Builds a format 1 MIDI file of notes at one tempo: a tempo track (track 0: optional title, set
/// tempo, time signature) followed by one named track per <see cref="AddTrack"/> (for example one
/// per composer agent). Notes go in by seconds or by ticks, in any order.
/// </summary>
/// <example>
/// <code>
/// var builder = new MidiFileBuilder(bpm: 120, ticksPerQuarterNote: 480) { Title = "take 3" };
/// var drums = builder.AddTrack("drums");
/// drums.AddNote(startSeconds: 0.0, durationSeconds: 0.1, new SevenBit(36), new SevenBit(110), MidiChannel.Percussion);
/// var bass = builder.AddTrack("bass");
/// bass.ProgramChange(0, new MidiChannel(1), new SevenBit(33));
/// bass.AddNote(0.5, 0.25, new SevenBit(40), new SevenBit(90), new MidiChannel(1));
/// builder.Write(Path.Combine(dir, "notes.mid"));
/// </code>
/// </example>
/// <remarks>
/// <para>Seconds become ticks through the tempo actually written: µs per quarter note =
/// round(60 000 000 / bpm), tick = round(seconds × 10⁶ × PPQ / µs). A reader (mido, a DAW) then puts
/// every note within half a tick of the time given (0.52 ms at 120 BPM and 480 PPQ).</para>
/// <para>The file never holds two sounding notes of one channel and pitch in a track (MIDI cannot say
/// which one a note-off ends): an earlier note is cut where the next one starts, and notes starting
/// on the same tick merge (the later end, the louder velocity). At one tick, note-offs come before
/// program and controller changes, which come before note-ons, so repeated notes retrigger.</para>
/// <para>Not thread-safe: build on one thread, then write. Not for the audio thread (it allocates).</para>
/// </remarks>
public sealed class MidiFileBuilder
{
    private readonly List<MidiTrackBuilder> _tracks = [];
    private int _numerator = 4;
    private int _denominatorPower = 2;

    /// <summary>Creates a builder.</summary>
    /// <param name="bpm">Quarter notes per minute (finite, about 3.58 to 60 000 000; the instrument uses 40–200).</param>
    /// <param name="ticksPerQuarterNote">Resolution, 1–32767 (default 480).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public MidiFileBuilder(double bpm = 120, int ticksPerQuarterNote = MidiTimeDivision.DefaultTicksPerQuarterNote)
    {
        MicrosecondsPerQuarterNote = TempoChange.MicrosecondsFromBpm(bpm);
        Division = MidiTimeDivision.Metrical(ticksPerQuarterNote);
        Bpm = bpm;
    }

    /// <summary>The tempo asked for.</summary>
    public double Bpm { get; }

    /// <summary>The tempo written: round(60 000 000 / <see cref="Bpm"/>) µs per quarter note.</summary>
    public int MicrosecondsPerQuarterNote { get; }

    /// <summary>The resolution.</summary>
    public MidiTimeDivision Division { get; }

    /// <summary>The sequence name written on the tempo track, or null for none.</summary>
    public string? Title { get; set; }

    /// <summary>The note tracks, in the order added (file tracks 1, 2, …).</summary>
    public IReadOnlyList<MidiTrackBuilder> Tracks => _tracks;

    /// <summary>Adds a note track named <paramref name="name"/> (written as Latin-1).</summary>
    /// <exception cref="InvalidOperationException">65534 note tracks already exist.</exception>
    public MidiTrackBuilder AddTrack(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_tracks.Count >= ushort.MaxValue - 1)
        {
            throw new InvalidOperationException("a MIDI file holds at most 65535 tracks (one is the tempo track).");
        }

        var track = new MidiTrackBuilder(this, name);
        _tracks.Add(track);
        return track;
    }

    /// <summary>Sets the time signature written on the tempo track (default 4/4).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The numerator is outside 1–255 or the denominator is not 1, 2, 4, … 128.</exception>
    public void SetTimeSignature(int numerator, int denominator)
    {
        int power = denominator > 0 && (denominator & (denominator - 1)) == 0 ? int.Log2(denominator) : -1;
        if (power is < 0 or > 7)
        {
            MidiThrow.OutOfRange(nameof(denominator), denominator, "a time signature denominator must be a power of two from 1 to 128");
        }

        _ = MidiFileEvent.TimeSignature(0, numerator, power);
        _numerator = numerator;
        _denominatorPower = power;
    }

    /// <summary>The tick nearest <paramref name="seconds"/> at this builder's tempo (half ticks round away from zero).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is negative, not finite, or beyond 2^62 ticks.</exception>
    public long SecondsToTicks(double seconds)
    {
        double ticks = seconds * 1_000_000.0 * Division.TicksPerQuarterNote / MicrosecondsPerQuarterNote;
        if (!(seconds >= 0) || !(ticks < 4.6e18))
        {
            MidiThrow.OutOfRange(nameof(seconds), seconds, "a time must be finite and ≥ 0 s");
        }

        return (long)Math.Round(ticks, MidpointRounding.AwayFromZero);
    }

    /// <summary>The time of <paramref name="tick"/> in seconds at this builder's tempo.</summary>
    public double TicksToSeconds(long tick) => tick * (double)MicrosecondsPerQuarterNote / (1_000_000.0 * Division.TicksPerQuarterNote);

    /// <summary>The file: format 1, the tempo track, then one track per <see cref="AddTrack"/>.</summary>
    public StandardMidiFile Build()
    {
        var noteTracks = _tracks.Select(t => t.BuildTrack()).ToList();
        long end = noteTracks.Count == 0 ? 0 : noteTracks.Max(t => t.EndTick);
        var tempo = new List<MidiFileEvent>();
        if (Title is not null)
        {
            tempo.Add(MidiFileEvent.TrackName(0, Title));
        }

        tempo.Add(MidiFileEvent.Tempo(0, MicrosecondsPerQuarterNote));
        tempo.Add(MidiFileEvent.TimeSignature(0, _numerator, _denominatorPower));
        tempo.Add(MidiFileEvent.EndOfTrack(end));
        return new StandardMidiFile(MidiFileFormat.MultiTrack, Division, [new MidiTrack(tempo), .. noteTracks]);
    }

    /// <summary>Builds the file and writes it to <paramref name="path"/> (replacing any file there).</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Write(string path) => Build().Write(path);

    /// <summary>Builds the file and writes it to <paramref name="stream"/>.</summary>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public void Write(Stream stream) => Build().Write(stream);

    /// <summary>"120 BPM, 480 ticks per quarter note, 3 tracks".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Bpm:0.###} BPM, {Division}, {_tracks.Count} tracks");
}
