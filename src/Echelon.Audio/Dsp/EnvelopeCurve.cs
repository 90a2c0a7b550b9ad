namespace Echelon.Audio.Dsp;

/// <summary>The shape of each <see cref="Adsr"/> segment.</summary>
public enum EnvelopeCurve
{
    /// <summary>Straight lines from one level to the next.</summary>
    Linear,

    /// <summary>
    /// Exponential approach, like an analog RC envelope: fast at first, slowing towards the target,
    /// normalised so that each segment still ends exactly on its target after its stated length.
    /// </summary>
    Exponential,
}
