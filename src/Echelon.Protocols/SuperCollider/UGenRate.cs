namespace Echelon.Protocols.SuperCollider;

/// <summary>The calculation rate of a unit generator, as the SynthDef file writes it.</summary>
public enum UGenRate : byte
{
    /// <summary>Computed once when the synth starts (<c>ir</c>).</summary>
    Scalar = 0,

    /// <summary>Once per control block (<c>kr</c>, 64 samples by default).</summary>
    Control = 1,

    /// <summary>Every sample (<c>ar</c>).</summary>
    Audio = 2,
}
