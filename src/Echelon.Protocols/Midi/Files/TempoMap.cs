namespace Echelon.Protocols.Midi.Files;

/// <summary>
/// Converts ticks to seconds and back through a file's tempo changes. Before the first change the
/// tempo is 120 BPM (500000 µs per quarter note), as SMF 1.0 specifies. With SMPTE division a tick
/// is a fixed fraction of a second and tempo changes do not apply.
/// </summary>
/// <remarks>
/// <para>Exact arithmetic: the time of a tick is Σ ticksᵢ × µsᵢ (an exact 128-bit integer) divided once by
/// 10⁶ × ticks per quarter note, so seconds are correct to the last bit of a double however many
/// tempo changes come before (mido and pretty_midi sum floating-point steps and agree with it to
/// about 1e-12 s).</para>
/// <para>Immutable after construction; safe to share between threads. Look-ups are O(log n) in the
/// number of changes and do not allocate.</para>
/// </remarks>
public sealed class TempoMap
{
    private readonly long[] _ticks;
    private readonly int[] _microseconds;
    private readonly Int128[] _startTickMicroseconds;
    private readonly double[] _startSeconds;
    private readonly double _unitsPerSecond;

    /// <summary>Creates the map. Changes may come in any order; of several at one tick, the last given wins.</summary>
    public TempoMap(MidiTimeDivision division, IEnumerable<TempoChange> changes)
    {
        if (division == default)
        {
            throw new ArgumentException("the time division is a default value; use MidiTimeDivision.Metrical or Smpte.", nameof(division));
        }

        Division = division;

        // A stable sort keeps the given order among changes at one tick; the last of them wins.
        var sorted = changes.Select((c, i) => (c, i)).OrderBy(x => x.c.Tick).ThenBy(x => x.i).Select(x => x.c).ToList();
        var kept = new List<TempoChange>(sorted.Count + 1);
        if (sorted.Count == 0 || sorted[0].Tick != 0)
        {
            kept.Add(new TempoChange(0, TempoChange.DefaultMicrosecondsPerQuarterNote));
        }

        foreach (var change in sorted)
        {
            if (kept.Count > 0 && kept[^1].Tick == change.Tick)
            {
                kept[^1] = change;
            }
            else
            {
                kept.Add(change);
            }
        }

        Changes = kept.AsReadOnly();
        _ticks = [.. kept.Select(c => c.Tick)];
        _microseconds = [.. kept.Select(c => c.MicrosecondsPerQuarterNote)];
        _startTickMicroseconds = new Int128[kept.Count];
        _startSeconds = new double[kept.Count];
        _unitsPerSecond = division.IsSmpte ? 0 : 1_000_000.0 * division.TicksPerQuarterNote;
        for (int i = 1; i < kept.Count; i++)
        {
            _startTickMicroseconds[i] = _startTickMicroseconds[i - 1] + ((Int128)(_ticks[i] - _ticks[i - 1]) * _microseconds[i - 1]);
            _startSeconds[i] = ToSeconds(_ticks[i]);
        }
    }

    /// <summary>What a tick means.</summary>
    public MidiTimeDivision Division { get; }

    /// <summary>The tempo changes in tick order, one per tick, starting at tick 0 (the default tempo when the file sets none there).</summary>
    public IReadOnlyList<TempoChange> Changes { get; }

    /// <summary>The time of <paramref name="tick"/> in seconds from the start.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tick"/> is negative.</exception>
    public double ToSeconds(long tick)
    {
        if (tick < 0)
        {
            MidiThrow.OutOfRange(nameof(tick), tick, "a tick must be ≥ 0");
        }

        if (Division.IsSmpte)
        {
            // 29 means 30000/1001 frames per second: seconds = tick × 1001 / (30000 × ticks per frame), one division.
            return Division.SmpteFramesPerSecond == 29
                ? (double)((Int128)tick * 1001) / (30000.0 * Division.TicksPerFrame)
                : tick / ((double)Division.SmpteFramesPerSecond * Division.TicksPerFrame);
        }

        int i = SegmentOfTick(tick);
        Int128 units = _startTickMicroseconds[i] + ((Int128)(tick - _ticks[i]) * _microseconds[i]);
        return (double)units / _unitsPerSecond;
    }

    /// <summary>The (fractional) tick at <paramref name="seconds"/> from the start; round it to place an event.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is negative or not finite.</exception>
    public double ToTicks(double seconds)
    {
        if (!(seconds >= 0) || !double.IsFinite(seconds))
        {
            MidiThrow.OutOfRange(nameof(seconds), seconds, "a time must be finite and ≥ 0 s");
        }

        if (Division.IsSmpte)
        {
            return seconds * Division.TicksPerSecond;
        }

        int i = Array.BinarySearch(_startSeconds, seconds);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return _ticks[i] + ((seconds - _startSeconds[i]) * 1_000_000.0 * Division.TicksPerQuarterNote / _microseconds[i]);
    }

    /// <summary>The tempo in effect at <paramref name="tick"/>, in µs per quarter note (irrelevant with SMPTE division).</summary>
    public int MicrosecondsPerQuarterNoteAt(long tick) => _microseconds[SegmentOfTick(Math.Max(0, tick))];

    /// <summary>The tempo map of <paramref name="tracks"/>: every well-formed set-tempo event in them, in track order.</summary>
    public static TempoMap FromTracks(MidiTimeDivision division, IEnumerable<MidiTrack> tracks)
    {
        var changes = new List<TempoChange>();
        foreach (var track in tracks)
        {
            foreach (var e in track.Events)
            {
                if (e.TryGetTempo(out int us))
                {
                    changes.Add(new TempoChange(e.Tick, us));
                }
            }
        }

        return new TempoMap(division, changes);
    }

    private int SegmentOfTick(long tick)
    {
        int i = Array.BinarySearch(_ticks, tick);
        return i >= 0 ? i : ~i - 1;
    }
}
