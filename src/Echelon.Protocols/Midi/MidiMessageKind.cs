namespace Echelon.Protocols.Midi;

/// <summary>
/// What a short MIDI message is. Each value is its status byte (for channel messages the status
/// with channel 0), from the MIDI 1.0 Detailed Specification, tables I–III.
/// </summary>
public enum MidiMessageKind
{
    /// <summary>Not a message (a default <see cref="MidiMessage"/>).</summary>
    None = 0,

    /// <summary>8n note velocity: note off.</summary>
    NoteOff = 0x80,

    /// <summary>9n note velocity: note on (velocity 0 means note off).</summary>
    NoteOn = 0x90,

    /// <summary>An note pressure: polyphonic key pressure (aftertouch).</summary>
    PolyphonicPressure = 0xA0,

    /// <summary>Bn controller value: control change (controllers 120–127 are channel mode messages).</summary>
    ControlChange = 0xB0,

    /// <summary>Cn program: program change.</summary>
    ProgramChange = 0xC0,

    /// <summary>Dn pressure: channel pressure (aftertouch).</summary>
    ChannelPressure = 0xD0,

    /// <summary>En lsb msb: pitch bend, 14 bits, centre 8192.</summary>
    PitchBend = 0xE0,

    /// <summary>F0 … F7: system exclusive (carried outside <see cref="MidiMessage"/>, as bytes).</summary>
    SystemExclusive = 0xF0,

    /// <summary>F1 data: MIDI time code quarter frame.</summary>
    TimeCodeQuarterFrame = 0xF1,

    /// <summary>F2 lsb msb: song position pointer, in MIDI beats (sixteenth notes).</summary>
    SongPosition = 0xF2,

    /// <summary>F3 song: song select.</summary>
    SongSelect = 0xF3,

    /// <summary>F6: tune request.</summary>
    TuneRequest = 0xF6,

    /// <summary>F8: timing clock, 24 per quarter note (real time).</summary>
    TimingClock = 0xF8,

    /// <summary>FA: start (real time).</summary>
    Start = 0xFA,

    /// <summary>FB: continue (real time).</summary>
    Continue = 0xFB,

    /// <summary>FC: stop (real time).</summary>
    Stop = 0xFC,

    /// <summary>FE: active sensing (real time).</summary>
    ActiveSensing = 0xFE,

    /// <summary>FF: system reset (real time; in a MIDI file FF starts a meta event instead).</summary>
    SystemReset = 0xFF,
}
