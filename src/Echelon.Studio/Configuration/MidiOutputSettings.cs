namespace Echelon.Studio.Configuration;

/// <summary>The <c>midi</c> section: the MIDI output port for notes, <c>midi.cc</c> mapping targets and clock.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record MidiOutputSettings
{
    /// <summary><c>port</c>: the output port's name (or a part of it), or null for no MIDI output.</summary>
    public string? Port { get; init; }

    /// <summary><c>clock</c>: send MIDI clock (24 per quarter note) with start and stop; needs a <see cref="Port"/>.</summary>
    public bool Clock { get; init; }
}
