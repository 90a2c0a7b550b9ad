namespace Echelon.Protocols.Midi.Files;

/// <summary>
/// One named note track of a <see cref="MidiFileBuilder"/>: notes, program changes and controller
/// changes by seconds or ticks, in any order. Made by <see cref="MidiFileBuilder.AddTrack"/>.
/// </summary>
/// <remarks>Not thread-safe; see <see cref="MidiFileBuilder"/> for how times and overlapping notes are written.</remarks>
public sealed class MidiTrackBuilder
{
    private readonly MidiFileBuilder _file;
    private readonly List<(long Start, long End, MidiChannel Channel, SevenBit Note, SevenBit Velocity)> _notes = [];
    private readonly List<(long Tick, MidiMessage Message)> _controls = [];

    internal MidiTrackBuilder(MidiFileBuilder file, string name)
    {
        _file = file;
        Name = name;
    }

    /// <summary>The track name.</summary>
    public string Name { get; }

    /// <summary>Notes added so far.</summary>
    public int NoteCount => _notes.Count;

    /// <summary>
    /// Adds a note starting at <paramref name="startSeconds"/> lasting <paramref name="durationSeconds"/>
    /// (at least one tick once rounded to ticks).
    /// </summary>
    /// <param name="startSeconds">Start, seconds from the beginning of the file (≥ 0).</param>
    /// <param name="durationSeconds">Length in seconds (≥ 0).</param>
    /// <param name="note">MIDI note number (60 = middle C; on the percussion channel, the General MIDI drum key).</param>
    /// <param name="velocity">Note-on velocity, 1–127 (a note-on of velocity 0 means note-off in MIDI).</param>
    /// <param name="channel">Channel; <see cref="MidiChannel.Percussion"/> for General MIDI drums.</param>
    /// <returns>This track, to chain calls.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative or not finite, or <paramref name="velocity"/> is 0.</exception>
    public MidiTrackBuilder AddNote(double startSeconds, double durationSeconds, SevenBit note, SevenBit velocity, MidiChannel channel)
    {
        if (!(durationSeconds >= 0) || !double.IsFinite(durationSeconds))
        {
            MidiThrow.OutOfRange(nameof(durationSeconds), durationSeconds, "a note length must be finite and ≥ 0 s");
        }

        long start = _file.SecondsToTicks(startSeconds);
        long end = _file.SecondsToTicks(startSeconds + durationSeconds);
        return AddNoteAtTick(start, end - start, note, velocity, channel);
    }

    /// <summary>Adds a note by ticks: starting at <paramref name="startTick"/>, lasting <paramref name="durationTicks"/> (a 0 becomes 1).</summary>
    /// <returns>This track, to chain calls.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A tick is negative, or <paramref name="velocity"/> is 0.</exception>
    public MidiTrackBuilder AddNoteAtTick(long startTick, long durationTicks, SevenBit note, SevenBit velocity, MidiChannel channel)
    {
        if (startTick < 0)
        {
            MidiThrow.OutOfRange(nameof(startTick), startTick, "a note start must be ≥ 0 ticks");
        }

        if (durationTicks < 0 || durationTicks > long.MaxValue / 2 - startTick)
        {
            MidiThrow.OutOfRange(nameof(durationTicks), durationTicks, "a note length must be ≥ 0 ticks");
        }

        if (velocity.Value == 0)
        {
            MidiThrow.OutOfRange(nameof(velocity), 0, "a note velocity must be in [1, 127] (velocity 0 is a note-off)");
        }

        _notes.Add((startTick, startTick + Math.Max(1, durationTicks), channel, note, velocity));
        return this;
    }

    /// <summary>Adds a program change (instrument) at <paramref name="atSeconds"/>.</summary>
    /// <returns>This track, to chain calls.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="atSeconds"/> is negative or not finite.</exception>
    public MidiTrackBuilder ProgramChange(double atSeconds, MidiChannel channel, SevenBit program) =>
        AddMessageAtTick(_file.SecondsToTicks(atSeconds), MidiMessage.ProgramChange(channel, program));

    /// <summary>Adds a controller change at <paramref name="atSeconds"/>.</summary>
    /// <returns>This track, to chain calls.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="atSeconds"/> is negative or not finite.</exception>
    public MidiTrackBuilder ControlChange(double atSeconds, MidiChannel channel, SevenBit controller, SevenBit value) =>
        AddMessageAtTick(_file.SecondsToTicks(atSeconds), MidiMessage.ControlChange(channel, controller, value));

    /// <summary>
    /// Adds any channel message at <paramref name="tick"/> (program, controller, pitch bend, pressure).
    /// Notes belong in <see cref="AddNoteAtTick"/>, which keeps note-ons and note-offs paired.
    /// </summary>
    /// <returns>This track, to chain calls.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tick"/> is negative.</exception>
    /// <exception cref="ArgumentException">The message is a note or not a channel message.</exception>
    public MidiTrackBuilder AddMessageAtTick(long tick, MidiMessage message)
    {
        if (tick < 0)
        {
            MidiThrow.OutOfRange(nameof(tick), tick, "a tick must be ≥ 0");
        }

        if (!message.IsChannelMessage || message.Kind is MidiMessageKind.NoteOn or MidiMessageKind.NoteOff)
        {
            throw new ArgumentException($"{message} cannot be added here: only non-note channel messages (notes go through AddNote).", nameof(message));
        }

        _controls.Add((tick, message));
        return this;
    }

    /// <summary>The track's events: name, then every event in time order, then the end of track.</summary>
    internal MidiTrack BuildTrack()
    {
        // Rank orders events on one tick: note-offs, then controls, then note-ons.
        var timed = new List<(long Tick, int Rank, int Order, MidiMessage Message)>((_notes.Count * 2) + _controls.Count);
        foreach (var (tick, message) in _controls)
        {
            timed.Add((tick, 1, timed.Count, message));
        }

        foreach (var group in _notes.Select((n, i) => (n, i)).GroupBy(x => (x.n.Channel, x.n.Note)))
        {
            var ordered = group.OrderBy(x => x.n.Start).ThenBy(x => x.i).Select(x => x.n).ToList();
            var current = ordered[0];
            for (int k = 1; k <= ordered.Count; k++)
            {
                if (k < ordered.Count && ordered[k].Start == current.Start)
                {
                    var next = ordered[k];
                    current = (current.Start, Math.Max(current.End, next.End), current.Channel, current.Note, next.Velocity > current.Velocity ? next.Velocity : current.Velocity);
                    continue;
                }

                long end = k < ordered.Count ? Math.Min(current.End, ordered[k].Start) : current.End;
                timed.Add((current.Start, 2, timed.Count, MidiMessage.NoteOn(current.Channel, current.Note, current.Velocity)));
                timed.Add((end, 0, timed.Count, MidiMessage.NoteOff(current.Channel, current.Note)));
                if (k < ordered.Count)
                {
                    current = ordered[k];
                }
            }
        }

        timed.Sort(static (a, b) =>
        {
            int c = a.Tick.CompareTo(b.Tick);
            if (c == 0) c = a.Rank.CompareTo(b.Rank);
            return c != 0 ? c : a.Order.CompareTo(b.Order);
        });

        var events = new List<MidiFileEvent>(timed.Count + 2) { MidiFileEvent.TrackName(0, Name) };
        foreach (var (tick, _, _, message) in timed)
        {
            events.Add(MidiFileEvent.FromMessage(tick, message));
        }

        events.Add(MidiFileEvent.EndOfTrack(timed.Count == 0 ? 0 : timed[^1].Tick));
        return new MidiTrack(events);
    }
}
