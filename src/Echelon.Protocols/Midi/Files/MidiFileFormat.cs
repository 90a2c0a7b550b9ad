namespace Echelon.Protocols.Midi.Files;

/// <summary>The format word of a Standard MIDI File header (SMF 1.0, "Header Chunks").</summary>
public enum MidiFileFormat
{
    /// <summary>Format 0: one track holding every channel.</summary>
    SingleTrack = 0,

    /// <summary>Format 1: tracks played together; the first carries the tempo map (the conductor track).</summary>
    MultiTrack = 1,

    /// <summary>Format 2: independent single-track patterns, each with its own tempo.</summary>
    MultiSequence = 2,
}
