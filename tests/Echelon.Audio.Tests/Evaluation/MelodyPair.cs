namespace Echelon.Audio.Tests.Evaluation;

/// <summary>One generated melody comparison: what mir_eval.melody.evaluate takes.</summary>
internal sealed record MelodyPair(
    double[] RefTimes,
    double[] RefFreqs,
    double[] EstTimes,
    double[] EstFreqs,
    double[]? EstVoicing,
    double[]? RefReward,
    double? Hop);
