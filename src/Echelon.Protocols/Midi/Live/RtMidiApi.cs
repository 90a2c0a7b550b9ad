namespace Echelon.Protocols.Midi.Live;

/// <summary>The MIDI back ends RtMidi can be built with (<c>enum RtMidiApi</c> in rtmidi_c.h, same values).</summary>
public enum RtMidiApi
{
    /// <summary>The first back end that works on this machine.</summary>
    Unspecified = 0,

    /// <summary>macOS CoreMIDI.</summary>
    MacOSCore = 1,

    /// <summary>Linux ALSA sequencer (needs <c>/dev/snd/seq</c>).</summary>
    LinuxAlsa = 2,

    /// <summary>JACK MIDI (Linux, macOS); needs a running JACK server.</summary>
    UnixJack = 3,

    /// <summary>Windows multimedia MIDI.</summary>
    WindowsMultimedia = 4,

    /// <summary>RtMidi's do-nothing back end.</summary>
    Dummy = 5,
}
