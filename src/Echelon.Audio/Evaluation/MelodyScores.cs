namespace Echelon.Audio.Evaluation;

/// <summary>The scores <c>mir_eval.melody.evaluate</c> (0.7) reports.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="VoicingRecall">Share of the reference's voiced frames that the estimate voices.</param>
/// <param name="VoicingFalseAlarm">Share of the reference's unvoiced frames that the estimate voices.</param>
/// <param name="RawPitchAccuracy">Share of the reference's voiced frames whose estimated pitch (voiced or not) is within the tolerance.</param>
/// <param name="RawChromaAccuracy">The same with octave errors forgiven.</param>
/// <param name="OverallAccuracy">Share of all frames right on both counts: voiced with a correct pitch, or unvoiced in both.</param>
public sealed record MelodyScores(
    double VoicingRecall,
    double VoicingFalseAlarm,
    double RawPitchAccuracy,
    double RawChromaAccuracy,
    double OverallAccuracy);
