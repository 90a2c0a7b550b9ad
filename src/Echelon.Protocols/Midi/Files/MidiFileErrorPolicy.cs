namespace Echelon.Protocols.Midi.Files;

/// <summary>What the reader does about one kind of damage in a MIDI file (<see cref="MidiFileReadOptions"/>).</summary>
public enum MidiFileErrorPolicy
{
    /// <summary>Stop with a <see cref="MidiFileFormatException"/> naming the byte offset and the track.</summary>
    Throw = 0,

    /// <summary>Read on, as the option's documentation describes; nothing already read is lost.</summary>
    Tolerate = 1,
}
