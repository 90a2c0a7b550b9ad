namespace Echelon.Audio.Evaluation;

/// <summary>One pair of a maximum one-to-one matching between reference and estimated events.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="Reference">Index into the reference events.</param>
/// <param name="Estimated">Index into the estimated events.</param>
public readonly record struct EventMatch(int Reference, int Estimated);
