namespace Echelon.Protocols.Midi.Files;

/// <summary>
/// Which sounding note a note-off ends when several of the same key (track, channel, pitch) overlap.
/// Files rarely overlap notes of one key, and then every rule gives the same notes.
/// </summary>
public enum NoteOffPairing
{
    /// <summary>The oldest sounding note ends first (Tone.js, DryWetMIDI's default, mido-based tools).</summary>
    FirstInFirstOut = 0,

    /// <summary>
    /// Every sounding note of the key ends, except those that began at this very tick (pretty_midi 0.2):
    /// a note-on and a note-off on one tick end the older notes and leave the new one sounding;
    /// if only notes begun at this tick are sounding, they are dropped as zero-length.
    /// </summary>
    EndAll = 1,
}
