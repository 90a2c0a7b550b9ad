namespace Echelon.Protocols.Midi.Files;

/// <summary>Meta event types defined by the SMF 1.0 specification; other values (0–127) pass through as they are.</summary>
public enum MidiMetaType
{
    /// <summary>00: sequence number (2 bytes, or none).</summary>
    SequenceNumber = 0x00,

    /// <summary>01: any text.</summary>
    Text = 0x01,

    /// <summary>02: copyright notice.</summary>
    Copyright = 0x02,

    /// <summary>03: sequence name (first track of format 0/1) or track name.</summary>
    TrackName = 0x03,

    /// <summary>04: instrument name.</summary>
    InstrumentName = 0x04,

    /// <summary>05: lyric.</summary>
    Lyric = 0x05,

    /// <summary>06: marker.</summary>
    Marker = 0x06,

    /// <summary>07: cue point.</summary>
    CuePoint = 0x07,

    /// <summary>08: program name (RP-019).</summary>
    ProgramName = 0x08,

    /// <summary>09: device name (RP-019).</summary>
    DeviceName = 0x09,

    /// <summary>20: MIDI channel prefix (1 byte).</summary>
    ChannelPrefix = 0x20,

    /// <summary>21: MIDI port (1 byte, or none).</summary>
    Port = 0x21,

    /// <summary>2F: end of track (no data); the last event of every track.</summary>
    EndOfTrack = 0x2F,

    /// <summary>51: set tempo, microseconds per quarter note (3 bytes, big-endian).</summary>
    SetTempo = 0x51,

    /// <summary>54: SMPTE offset (hr mn se fr ff).</summary>
    SmpteOffset = 0x54,

    /// <summary>58: time signature (nn dd cc bb).</summary>
    TimeSignature = 0x58,

    /// <summary>59: key signature (sf mi: sharps −7…7, major 0 / minor 1).</summary>
    KeySignature = 0x59,

    /// <summary>7F: sequencer-specific data.</summary>
    SequencerSpecific = 0x7F,
}
