namespace Echelon.Audio.Evaluation;

/// <summary>The scores of <c>mir_eval.tempo.detection</c> (0.7).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="PScore">Weight of the first reference tempo if it was hit, plus one minus the weight if the second was.</param>
/// <param name="OneCorrect">At least one reference tempo was hit.</param>
/// <param name="BothCorrect">Both reference tempi were hit.</param>
public sealed record TempoScores(double PScore, bool OneCorrect, bool BothCorrect);
