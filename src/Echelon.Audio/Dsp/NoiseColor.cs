namespace Echelon.Audio.Dsp;

/// <summary>The spectra of <see cref="NoiseGenerator"/>.</summary>
public enum NoiseColor
{
    /// <summary>Flat spectrum, uniform in [−1, 1).</summary>
    White,

    /// <summary>−3 dB per octave (1/f power), from Paul Kellet's filter.</summary>
    Pink,
}
