namespace Echelon.Studio.Configuration;

/// <summary>What a mapping drives.</summary>
public enum MappingTargetKind
{
    /// <summary><c>composer.&lt;control&gt;</c>: one of the composer's controls (intensity, density, brightness, tension), 0–1.</summary>
    Composer = 0,

    /// <summary><c>synth.&lt;parameter&gt;</c>: a macro parameter of the built-in synth, 0–1 (the synth maps it to its own scale).</summary>
    Synth = 1,

    /// <summary><c>midi.cc:&lt;channel&gt;:&lt;controller&gt;</c>: a MIDI control change on the <c>midi.port</c>, 0–127.</summary>
    MidiCc = 2,

    /// <summary><c>osc:&lt;address&gt;</c>: an OSC message with one float, sent to the <c>osc.mirror</c> destination.</summary>
    Osc = 3,
}
