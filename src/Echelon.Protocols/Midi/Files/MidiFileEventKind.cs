namespace Echelon.Protocols.Midi.Files;

/// <summary>The three kinds of event a MIDI file track holds (SMF 1.0, "Track Chunks").</summary>
public enum MidiFileEventKind
{
    /// <summary>A short MIDI message (<see cref="MidiFileEvent.Message"/>): a channel message, or a system message when tolerated.</summary>
    Message = 0,

    /// <summary>F0 length bytes: system exclusive; <see cref="MidiFileEvent.Data"/> holds the bytes after F0 (normally ending in F7).</summary>
    SystemExclusive = 1,

    /// <summary>F7 length bytes: an "escape", arbitrary bytes to transmit as they are (SysEx continuation packets, real-time bytes).</summary>
    Escape = 2,

    /// <summary>FF type length data: a meta event (<see cref="MidiFileEvent.MetaType"/>, <see cref="MidiFileEvent.Data"/>).</summary>
    Meta = 3,
}
