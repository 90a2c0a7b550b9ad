namespace Echelon.Audio.Evaluation;

/// <summary>
/// The optional inputs and parameters of <c>mir_eval.melody.evaluate</c> (0.7); the defaults are mir_eval's.
/// </summary>
/// <remarks>Immutable once built; thread-safe. The lists are copied when a melody is evaluated.</remarks>
public sealed record MelodyOptions
{
    /// <summary>
    /// Continuous voicing of each estimated frame, 0–1 (the generalized metrics of Bittner and Bosch,
    /// ISMIR 2019). Null: voicing is 1 where the estimated frequency is positive, else 0. Either way a
    /// frame of 0 Hz is unvoiced.
    /// </summary>
    public IReadOnlyList<double>? EstimatedVoicing { get; init; }

    /// <summary>
    /// Weight of each reference frame, 0–1, used as its voicing (a frame of 0 Hz gets 0). Null: every
    /// frame with a positive frequency weighs 1.
    /// </summary>
    public IReadOnlyList<double>? ReferenceReward { get; init; }

    /// <summary>Frequency in Hz that is 0 cents.</summary>
    public double BaseFrequency { get; init; } = 10.0;

    /// <summary>
    /// Null (the default): the estimate is resampled onto the reference's own times. Otherwise both are
    /// resampled onto a grid of this many seconds from 0, and the estimate is padded or cut to the
    /// reference's length.
    /// </summary>
    public double? Hop { get; init; }

    /// <summary>A pitch within this many cents of the reference is correct.</summary>
    public double CentTolerance { get; init; } = 50.0;
}
