namespace Echelon.Audio.Dsp;

/// <summary>Where an <see cref="Adsr"/> envelope is.</summary>
public enum AdsrStage
{
    /// <summary>Silent and finished; the voice can be reused.</summary>
    Idle,

    /// <summary>Rising to the note's velocity.</summary>
    Attack,

    /// <summary>Falling to the sustain level.</summary>
    Decay,

    /// <summary>Holding the sustain level until note-off.</summary>
    Sustain,

    /// <summary>Falling to zero after note-off.</summary>
    Release,
}
