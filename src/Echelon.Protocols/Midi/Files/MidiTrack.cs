namespace Echelon.Protocols.Midi.Files;

/// <summary>
/// One track chunk (MTrk) of a MIDI file: its events in time order, at absolute ticks.
/// </summary>
/// <remarks>
/// Immutable; safe to share between threads. A track need not end with an end-of-track event: the
/// writer adds one at the last event's tick. When it has one, nothing may follow it.
/// </remarks>
public sealed class MidiTrack
{
    private readonly MidiFileEvent[] _events;

    /// <summary>Creates a track from events in non-decreasing tick order.</summary>
    /// <exception cref="ArgumentException">Ticks go backwards, or an end-of-track event is not the last event.</exception>
    public MidiTrack(IEnumerable<MidiFileEvent> events)
        : this([.. events], validate: true)
    {
    }

    internal MidiTrack(MidiFileEvent[] events, bool validate)
    {
        if (validate)
        {
            for (int i = 0; i < events.Length; i++)
            {
                if (i > 0 && events[i].Tick < events[i - 1].Tick)
                {
                    throw new ArgumentException($"event {i} is at tick {events[i].Tick}, before event {i - 1} at tick {events[i - 1].Tick}; events must be in time order.", nameof(events));
                }

                if (events[i].IsEndOfTrack && i != events.Length - 1)
                {
                    throw new ArgumentException($"event {i} is an end of track but {events.Length - 1 - i} events follow it.", nameof(events));
                }
            }
        }

        _events = events;
        Events = Array.AsReadOnly(events);
        foreach (var e in events)
        {
            if (e.Kind == MidiFileEventKind.Meta && e.MetaType == MidiMetaType.TrackName)
            {
                Name = e.TextValue;
                break;
            }
        }
    }

    /// <summary>The events in time order.</summary>
    public IReadOnlyList<MidiFileEvent> Events { get; }

    /// <summary>The first track name (meta 03) in the track, or null.</summary>
    public string? Name { get; }

    /// <summary>The tick of the last event (the end of track when present); 0 for an empty track.</summary>
    public long EndTick => _events.Length == 0 ? 0 : _events[^1].Tick;

    /// <summary>The events as a span (no copy).</summary>
    public ReadOnlySpan<MidiFileEvent> AsSpan() => _events;
}
