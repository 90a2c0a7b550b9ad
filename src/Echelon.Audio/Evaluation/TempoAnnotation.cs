namespace Echelon.Audio.Evaluation;

/// <summary>
/// A tempo annotation as MIREX and mir_eval write it: two tempi in BPM (typically a slower and a
/// faster metrical level) and the weight of the first, i.e. the share of listeners who tap it.
/// </summary>
/// <remarks>Immutable; thread-safe. <see cref="AnnotationReader.ReadTempo(string)"/> reads one from a <c>.lab</c> file.</remarks>
/// <param name="First">First tempo in BPM, 0 or more (0: no tempo at this level).</param>
/// <param name="Second">Second tempo in BPM, 0 or more.</param>
/// <param name="Weight">Weight of <paramref name="First"/>, 0–1; the second weighs 1 − this. Estimates carry one too, unused.</param>
public sealed record TempoAnnotation(double First, double Second, double Weight);
