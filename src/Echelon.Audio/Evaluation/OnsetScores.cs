namespace Echelon.Audio.Evaluation;

/// <summary>Onset detection scores as <c>mir_eval.onset.f_measure</c> defines them.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="FMeasure">Harmonic mean of precision and recall; 0 when both are 0.</param>
/// <param name="Precision">Matched share of the estimates.</param>
/// <param name="Recall">Matched share of the references.</param>
/// <param name="Matches">Pairs in the maximum one-to-one matching within the window.</param>
/// <param name="ReferenceCount">Reference onsets.</param>
/// <param name="EstimatedCount">Estimated onsets.</param>
public sealed record OnsetScores(
    double FMeasure,
    double Precision,
    double Recall,
    int Matches,
    int ReferenceCount,
    int EstimatedCount);
