namespace Echelon.Audio.Dsp;

/// <summary>The responses of <see cref="StateVariableFilter"/>.</summary>
public enum FilterMode
{
    /// <summary>Low-pass: H(s) = 1 / (s² + s/Q + 1).</summary>
    LowPass,

    /// <summary>Band-pass with unit gain at the cutoff: H(s) = (s/Q) / (s² + s/Q + 1).</summary>
    BandPass,

    /// <summary>High-pass: H(s) = s² / (s² + s/Q + 1).</summary>
    HighPass,

    /// <summary>Notch: H(s) = (s² + 1) / (s² + s/Q + 1).</summary>
    Notch,
}
