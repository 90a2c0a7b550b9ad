using System.Globalization;

namespace Echelon.Protocols.Midi.Files;

/// <summary>A tempo in effect from <see cref="Tick"/> on: microseconds per quarter note, as a set-tempo meta event stores it.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public readonly record struct TempoChange
{
    /// <summary>The tempo before any set-tempo event: 500000 µs per quarter note (120 BPM).</summary>
    public const int DefaultMicrosecondsPerQuarterNote = 500_000;

    /// <summary>Creates a tempo change.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tick"/> is negative, or the tempo is outside 1 … 16777215 µs.</exception>
    public TempoChange(long tick, int microsecondsPerQuarterNote)
    {
        if (tick < 0)
        {
            MidiThrow.OutOfRange(nameof(tick), tick, "a tempo change tick must be ≥ 0");
        }

        CheckMicroseconds(microsecondsPerQuarterNote);
        Tick = tick;
        MicrosecondsPerQuarterNote = microsecondsPerQuarterNote;
    }

    /// <summary>Where the tempo starts, in ticks.</summary>
    public long Tick { get; }

    /// <summary>Microseconds per quarter note (1 … 16777215).</summary>
    public int MicrosecondsPerQuarterNote { get; }

    /// <summary>Quarter notes per minute: 60 000 000 / µs per quarter note.</summary>
    public double Bpm => 60_000_000.0 / MicrosecondsPerQuarterNote;

    /// <summary>
    /// The set-tempo value for <paramref name="bpm"/> quarter notes per minute: round(60 000 000 / bpm),
    /// as mido's <c>bpm2tempo</c> does.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bpm"/> gives a tempo outside 1 … 16777215 µs (about 3.58 … 60 000 000 BPM) or is not finite.</exception>
    public static int MicrosecondsFromBpm(double bpm)
    {
        double us = Math.Round(60_000_000.0 / bpm, MidpointRounding.ToEven);
        if (!(bpm > 0) || !double.IsFinite(bpm) || !(us >= 1 && us <= 0xFFFFFF))
        {
            MidiThrow.OutOfRange(nameof(bpm), bpm, "the tempo must be finite and in [3.58, 60000000] BPM (1 … 16777215 µs per quarter note)");
        }

        return (int)us;
    }

    /// <summary>"@0 500000 µs/qn (120 BPM)".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"@{Tick} {MicrosecondsPerQuarterNote} µs/qn ({Bpm:0.###} BPM)");

    internal static void CheckMicroseconds(int microsecondsPerQuarterNote)
    {
        if (microsecondsPerQuarterNote is < 1 or > 0xFFFFFF)
        {
            MidiThrow.OutOfRange(nameof(microsecondsPerQuarterNote), microsecondsPerQuarterNote, "a tempo must be in [1, 16777215] µs per quarter note");
        }
    }
}
