namespace Echelon.Protocols.Midi.Files;

/// <summary>
/// A Standard MIDI File (SMF 1.0, format 0, 1 or 2): read from disk or memory, inspected (events,
/// tempo map, notes in ticks and seconds), and written back.
/// </summary>
/// <remarks>
/// <para>Reading accepts what <see cref="MidiFileReadOptions"/> allows and otherwise throws
/// <see cref="MidiFileFormatException"/> with the byte offset and track: never any other exception
/// for bad content, never a hang, and memory bounded by the file's actual size whatever lengths it
/// declares. Writing produces a file that reads back to equal events.</para>
/// <para>To build a file of notes from seconds or ticks, use <see cref="MidiFileBuilder"/>.</para>
/// <para>Immutable; safe to share between threads. Reading and writing allocate (file I/O, not for
/// the audio or control threads).</para>
/// </remarks>
public sealed class StandardMidiFile
{
    private readonly TempoMap[] _tempoMaps;

    /// <summary>Creates a file from tracks.</summary>
    /// <exception cref="ArgumentException">Format 0 with other than one track, or a default division.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not 0, 1 or 2, or there are more than 65535 tracks.</exception>
    public StandardMidiFile(MidiFileFormat format, MidiTimeDivision division, IEnumerable<MidiTrack> tracks)
        : this(format, division, [.. tracks], validate: true)
    {
    }

    internal StandardMidiFile(MidiFileFormat format, MidiTimeDivision division, List<MidiTrack> tracks, bool validate)
    {
        if (validate)
        {
            if (format is < MidiFileFormat.SingleTrack or > MidiFileFormat.MultiSequence)
            {
                MidiThrow.OutOfRange(nameof(format), (int)format, "the format must be 0, 1 or 2");
            }

            if (division == default)
            {
                throw new ArgumentException("the time division is a default value; use MidiTimeDivision.Metrical or Smpte.", nameof(division));
            }

            if (format == MidiFileFormat.SingleTrack && tracks.Count != 1)
            {
                throw new ArgumentException($"format 0 holds exactly one track; {tracks.Count} were given.", nameof(tracks));
            }

            if (tracks.Count > ushort.MaxValue)
            {
                MidiThrow.OutOfRange(nameof(tracks), tracks.Count, "a MIDI file holds at most 65535 tracks");
            }
        }

        Format = format;
        Division = division;
        Tracks = tracks.AsReadOnly();

        // Formats 0 and 1 share one tempo map (tempo events from every track, though SMF 1.0 puts
        // them in the first); in format 2 each track is its own sequence with its own tempo.
        _tempoMaps = format == MidiFileFormat.MultiSequence
            ? [.. tracks.Select(t => TempoMap.FromTracks(division, [t]))]
            : [TempoMap.FromTracks(division, tracks)];
    }

    /// <summary>The header's format.</summary>
    public MidiFileFormat Format { get; }

    /// <summary>What a tick means.</summary>
    public MidiTimeDivision Division { get; }

    /// <summary>The track chunks, in file order.</summary>
    public IReadOnlyList<MidiTrack> Tracks { get; }

    /// <summary>
    /// The tempo map of the file (formats 0 and 1: set-tempo events from all tracks; format 2: the
    /// first track's, see <see cref="GetTempoMap"/>).
    /// </summary>
    public TempoMap TempoMap => _tempoMaps.Length > 0 ? _tempoMaps[0] : TempoMap.FromTracks(Division, []);

    /// <summary>The length of the file: the latest end of any track, in seconds.</summary>
    public double DurationSeconds
    {
        get
        {
            double latest = 0;
            for (int t = 0; t < Tracks.Count; t++)
            {
                latest = Math.Max(latest, GetTempoMap(t).ToSeconds(Tracks[t].EndTick));
            }

            return latest;
        }
    }

    /// <summary>The tempo map that times track <paramref name="track"/> (its own in format 2, the shared one otherwise).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="track"/> is not a track index.</exception>
    public TempoMap GetTempoMap(int track)
    {
        if ((uint)track >= (uint)Tracks.Count)
        {
            MidiThrow.OutOfRange(nameof(track), track, $"a track index must be in [0, {Tracks.Count - 1}]");
        }

        return _tempoMaps.Length == 1 ? _tempoMaps[0] : _tempoMaps[track];
    }

    /// <summary>Reads a file from memory.</summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="options">Policies for damaged files; <see cref="MidiFileReadOptions.Default"/> when null.</param>
    /// <param name="sourceName">Named in error messages; "(memory)" when null.</param>
    /// <exception cref="MidiFileFormatException">The bytes are not a MIDI file the options accept.</exception>
    public static StandardMidiFile Parse(ReadOnlySpan<byte> bytes, MidiFileReadOptions? options = null, string? sourceName = null) =>
        MidiFileReader.Parse(bytes, options ?? MidiFileReadOptions.Default, sourceName ?? "(memory)");

    /// <summary>Reads a file from disk.</summary>
    /// <exception cref="MidiFileFormatException">The file is not a MIDI file the options accept, or is larger than <see cref="MidiFileReadOptions.MaxFileBytes"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static StandardMidiFile Read(string path, MidiFileReadOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(stream, options, path);
    }

    /// <summary>Reads a file from the current position of <paramref name="stream"/> to its end.</summary>
    /// <exception cref="MidiFileFormatException">The bytes are not a MIDI file the options accept, or there are more than <see cref="MidiFileReadOptions.MaxFileBytes"/>.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static StandardMidiFile Read(Stream stream, MidiFileReadOptions? options = null, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= MidiFileReadOptions.Default;
        string source = sourceName ?? "(stream)";
        long limit = options.MaxFileBytes;
        if (stream.CanSeek && stream.Length - stream.Position > limit)
        {
            throw new MidiFileFormatException(source, 0, null, $"the file is {stream.Length - stream.Position} bytes; MidiFileReadOptions.MaxFileBytes allows {limit}");
        }

        // Read what is actually there (never a size the file declares), stopping past the limit.
        using var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length - stream.Position, limit) : 4096);
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new MidiFileFormatException(source, buffer.Length, null, $"the file is larger than MidiFileReadOptions.MaxFileBytes ({limit} bytes)");
            }

            buffer.Write(chunk, 0, read);
        }

        return MidiFileReader.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options, source);
    }

    /// <summary>The file as SMF bytes.</summary>
    /// <exception cref="InvalidOperationException">Two events of a track are more than 268435455 ticks apart (a delta time cannot hold it).</exception>
    public byte[] ToArray(MidiFileWriteOptions? options = null) => MidiFileWriter.ToArray(this, options ?? MidiFileWriteOptions.Default);

    /// <summary>Writes the file to <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidOperationException">Two events of a track are more than 268435455 ticks apart.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public void Write(Stream stream, MidiFileWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ToArray(options));
    }

    /// <summary>Writes the file to <paramref name="path"/>, replacing any file there.</summary>
    /// <exception cref="InvalidOperationException">Two events of a track are more than 268435455 ticks apart.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Write(string path, MidiFileWriteOptions? options = null) => File.WriteAllBytes(path, ToArray(options));

    /// <summary>
    /// The notes of every track: each note-on (velocity above 0) paired with the note-off (or
    /// note-on with velocity 0) of the same channel and pitch that ends it, with both times in ticks
    /// and seconds. Notes never ended are left out. Sorted by start tick, then track, channel, pitch.
    /// </summary>
    public IReadOnlyList<MidiNote> GetNotes(NoteOffPairing pairing = NoteOffPairing.FirstInFirstOut)
    {
        var notes = new List<MidiNote>();
        var sounding = new Dictionary<int, List<(long Tick, byte Velocity)>>();
        for (int t = 0; t < Tracks.Count; t++)
        {
            var map = GetTempoMap(t);
            sounding.Clear();
            foreach (var e in Tracks[t].AsSpan())
            {
                if (e.Kind != MidiFileEventKind.Message)
                {
                    continue;
                }

                var m = e.Message;
                if (m.IsNoteStart)
                {
                    int key = (m.Status & 0x0F) << 7 | m.Data1;
                    if (!sounding.TryGetValue(key, out var open))
                    {
                        sounding[key] = open = [];
                    }

                    open.Add((e.Tick, m.Data2));
                }
                else if (m.IsNoteEnd && sounding.TryGetValue((m.Status & 0x0F) << 7 | m.Data1, out var open) && open.Count > 0)
                {
                    End(notes, open, t, m, e.Tick, map, pairing);
                }
            }
        }

        notes.Sort(static (a, b) =>
        {
            int c = a.StartTick.CompareTo(b.StartTick);
            if (c == 0) c = a.Track.CompareTo(b.Track);
            if (c == 0) c = a.Channel.CompareTo(b.Channel);
            if (c == 0) c = a.Note.CompareTo(b.Note);
            return c != 0 ? c : a.EndTick.CompareTo(b.EndTick);
        });
        return notes.AsReadOnly();
    }

    private static void End(List<MidiNote> notes, List<(long Tick, byte Velocity)> open, int track, MidiMessage off, long tick, TempoMap map, NoteOffPairing pairing)
    {
        var channel = off.Channel;
        var pitch = off.Note;
        MidiNote Make((long Tick, byte Velocity) on) =>
            new(track, channel, pitch, new SevenBit(on.Velocity), on.Tick, tick, map.ToSeconds(on.Tick), map.ToSeconds(tick));

        if (pairing == NoteOffPairing.FirstInFirstOut)
        {
            notes.Add(Make(open[0]));
            open.RemoveAt(0);
            return;
        }

        // pretty_midi: end every sounding note begun before this tick; keep those begun on it, unless
        // they are all that sound, in which case they are dropped as zero-length.
        int before = open.Count(o => o.Tick != tick);
        if (before == 0)
        {
            open.Clear();
            return;
        }

        foreach (var on in open)
        {
            if (on.Tick != tick)
            {
                notes.Add(Make(on));
            }
        }

        open.RemoveAll(o => o.Tick != tick);
    }
}
