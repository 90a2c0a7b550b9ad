namespace Echelon.Protocols.Midi.Files;

/// <summary>A note read from a file: a note-on paired with its note-off, in ticks and in seconds.</summary>
/// <param name="Track">Index of the track it came from.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Note">Its note number.</param>
/// <param name="Velocity">Its note-on velocity (1–127).</param>
/// <param name="StartTick">Tick of the note-on.</param>
/// <param name="EndTick">Tick of the note-off.</param>
/// <param name="StartSeconds">Time of the note-on through the tempo map.</param>
/// <param name="EndSeconds">Time of the note-off through the tempo map.</param>
public readonly record struct MidiNote(
    int Track,
    MidiChannel Channel,
    SevenBit Note,
    SevenBit Velocity,
    long StartTick,
    long EndTick,
    double StartSeconds,
    double EndSeconds)
{
    /// <summary>Length in ticks.</summary>
    public long DurationTicks => EndTick - StartTick;

    /// <summary>Length in seconds.</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;
}
