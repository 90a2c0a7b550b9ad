namespace Echelon.Studio.Mapping;

/// <summary>How a mapping bends its normalised input u (0–1) before scaling it to the output range.</summary>
public enum MappingCurve
{
    /// <summary>u.</summary>
    Linear,

    /// <summary>(e^(3u) − 1) / (e^3 − 1): slow start, fast end (for frequencies and loudness).</summary>
    Exponential,

    /// <summary>ln(1 + 20u) / ln 21: fast start, slow end.</summary>
    Logarithmic,

    /// <summary>3u² − 2u³: gentle at both ends.</summary>
    SCurve,
}
