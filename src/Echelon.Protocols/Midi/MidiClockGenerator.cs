namespace Echelon.Protocols.Midi;

/// <summary>
/// Times of MIDI timing clock messages (F8), 24 per quarter note, on a caller's time axis (the audio
/// sample clock, a transport's seconds). Tempo changes take effect from the next clock, so the
/// clock stream never jumps.
/// </summary>
/// <remarks>
/// Pure arithmetic on an injected time axis, so it runs identically live and offline and can be
/// tested without waiting. Threading: one generator per output, one thread at a time; after
/// construction nothing allocates.
/// </remarks>
public sealed class MidiClockGenerator
{
    /// <summary>Timing clocks per quarter note (MIDI 1.0).</summary>
    public const int ClocksPerQuarterNote = 24;

    private double _nextClockSeconds;
    private double _intervalSeconds;

    // Times are anchor + k × interval from the last tempo change, not a running sum, so a long run
    // does not drift.
    private double _anchorSeconds;
    private long _sinceAnchor;

    /// <summary>Creates a generator whose first clock falls at <paramref name="startSeconds"/>.</summary>
    /// <param name="bpm">Quarter notes per minute, finite, in (0, 1000].</param>
    /// <param name="startSeconds">Time of the first clock.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range or not finite.</exception>
    public MidiClockGenerator(double bpm, double startSeconds = 0)
    {
        if (!double.IsFinite(startSeconds))
        {
            MidiThrow.OutOfRange(nameof(startSeconds), startSeconds, "the start time must be finite");
        }

        _intervalSeconds = IntervalFor(bpm);
        Bpm = bpm;
        _nextClockSeconds = startSeconds;
        _anchorSeconds = startSeconds;
    }

    /// <summary>The tempo in quarter notes per minute.</summary>
    public double Bpm { get; private set; }

    /// <summary>When the next clock is due.</summary>
    public double NextClockSeconds => _nextClockSeconds;

    /// <summary>Clocks produced so far (divide by 24 for quarter notes).</summary>
    public long ClockCount { get; private set; }

    /// <summary>Seconds between clocks at <paramref name="bpm"/>: 60 / (24 × bpm).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bpm"/> is not finite or outside (0, 1000].</exception>
    public static double IntervalFor(double bpm)
    {
        if (!(bpm > 0 && bpm <= 1000))
        {
            MidiThrow.OutOfRange(nameof(bpm), bpm, "the tempo must be in (0, 1000] BPM");
        }

        return 60.0 / (ClocksPerQuarterNote * bpm);
    }

    /// <summary>
    /// Changes the tempo. The clock already scheduled keeps its time; the ones after it follow the new tempo.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bpm"/> is not finite or outside (0, 1000].</exception>
    public void SetTempo(double bpm)
    {
        _intervalSeconds = IntervalFor(bpm);
        Bpm = bpm;
        _anchorSeconds = _nextClockSeconds;
        _sinceAnchor = 0;
    }

    /// <summary>
    /// Writes the times of the clocks due before <paramref name="untilSeconds"/> into
    /// <paramref name="clockTimes"/> (as many as fit) and returns how many were written; the rest stay
    /// due for the next call.
    /// </summary>
    public int Advance(double untilSeconds, Span<double> clockTimes)
    {
        int count = 0;
        while (count < clockTimes.Length && _nextClockSeconds < untilSeconds)
        {
            clockTimes[count++] = _nextClockSeconds;
            _sinceAnchor++;
            _nextClockSeconds = _anchorSeconds + (_sinceAnchor * _intervalSeconds);
            ClockCount++;
        }

        return count;
    }
}
