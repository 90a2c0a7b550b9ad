namespace Echelon.Audio.Evaluation;

/// <summary>Every score <c>mir_eval.beat.evaluate</c> (0.7) reports, under the same definitions.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="FMeasure">F-measure of a maximum one-to-one matching within ±70 ms.</param>
/// <param name="Cemgil">Cemgil's accuracy (Gaussian error, σ = 40 ms) against the annotated beats.</param>
/// <param name="CemgilBestMetricLevel">Cemgil's accuracy at the best of the five metrical variations of the reference.</param>
/// <param name="Goto">Goto's binary score: 1 when a long enough track of correct beats exists, else 0.</param>
/// <param name="PScore">McKinney's P-score: cross-correlation of 10 ms impulse trains within 20 % of the median beat interval.</param>
/// <param name="Cmlc">Correct metric level, continuous: the longest run of correct beats, as a share.</param>
/// <param name="Cmlt">Correct metric level, total: all correct beats, as a share.</param>
/// <param name="Amlc">Any metric level, continuous: the best CMLc over the off-beat, double and half variations.</param>
/// <param name="Amlt">Any metric level, total: the best CMLt over the same variations.</param>
/// <param name="InformationGain">Information gain of the beat-error histogram (41 bins), normalised to [0, 1].</param>
public sealed record BeatScores(
    double FMeasure,
    double Cemgil,
    double CemgilBestMetricLevel,
    double Goto,
    double PScore,
    double Cmlc,
    double Cmlt,
    double Amlc,
    double Amlt,
    double InformationGain);
