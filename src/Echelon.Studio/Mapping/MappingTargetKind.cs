namespace Echelon.Studio.Mapping;

/// <summary>What a mapping drives.</summary>
public enum MappingTargetKind
{
    /// <summary>The composer's intensity (added to the base intensity of the controls; the sum is held to 0–1).</summary>
    Intensity,

    /// <summary>The composer's density (added to 0.5, held to 0–1).</summary>
    Density,

    /// <summary>The composer's brightness (added to 0.5, held to 0–1).</summary>
    Brightness,

    /// <summary>The composer's tension (added to 0.5, held to 0–1).</summary>
    Tension,

    /// <summary>The master low-pass cutoff of the synth, Hz (the last mapping to it wins; 20 000 when none).</summary>
    SynthCutoff,

    /// <summary>The master gain of the synth, linear (the last mapping to it wins; 1 when none).</summary>
    SynthGain,

    /// <summary>A MIDI control change: the output 0–1 scaled to 0–127 on the mapping's channel and controller.</summary>
    MidiCc,

    /// <summary>An OSC message to the mapping's address with the output as one float.</summary>
    Osc,
}
