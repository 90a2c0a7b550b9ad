using System.Globalization;

namespace Echelon.Audio.Evaluation;

/// <summary>Tempo estimation evaluation: <c>mir_eval.tempo.detection</c> (0.7) and its validation.</summary>
/// <remarks>Offline: pure, thread-safe.</remarks>
public static class TempoEvaluation
{
    /// <summary>mir_eval's default relative tolerance: 8 %.</summary>
    public const double DefaultTolerance = 0.08;

    /// <summary>
    /// Scores two estimated tempi against two weighted reference tempi. A reference tempo t &gt; 0 is hit
    /// when some estimate e has |t − e| / t ≤ <paramref name="tolerance"/>; a reference tempo of 0 is
    /// never hit.
    /// </summary>
    /// <param name="referenceTempi">Exactly two reference tempi in BPM, finite, 0 or more, not both 0.</param>
    /// <param name="referenceWeight">Weight of the first reference tempo, 0–1.</param>
    /// <param name="estimatedTempi">Exactly two estimated tempi in BPM, finite, 0 or more.</param>
    /// <param name="tolerance">Relative tolerance, 0–1 (mir_eval warns that 0 is rarely meant).</param>
    /// <exception cref="ArgumentException">An input breaks the rules above, as mir_eval's <c>validate</c> does.</exception>
    public static TempoScores Detection(
        ReadOnlySpan<double> referenceTempi,
        double referenceWeight,
        ReadOnlySpan<double> estimatedTempi,
        double tolerance = DefaultTolerance)
    {
        CheckTempi(referenceTempi, reference: true, nameof(referenceTempi));
        CheckTempi(estimatedTempi, reference: false, nameof(estimatedTempi));
        if (!(referenceWeight >= 0 && referenceWeight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(referenceWeight), referenceWeight, "The reference weight must lie in 0–1.");
        }

        if (!(tolerance >= 0 && tolerance <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must lie in 0–1.");
        }

        bool firstHit = Hit(referenceTempi[0], estimatedTempi, tolerance);
        bool secondHit = Hit(referenceTempi[1], estimatedTempi, tolerance);
        double pScore = (referenceWeight * (firstHit ? 1 : 0)) + ((1.0 - referenceWeight) * (secondHit ? 1 : 0));
        return new TempoScores(pScore, firstHit || secondHit, firstHit && secondHit);
    }

    /// <summary>Scores <paramref name="estimated"/>'s two tempi against <paramref name="reference"/> (the estimate's weight is unused).</summary>
    /// <param name="reference">The reference annotation.</param>
    /// <param name="estimated">The estimate.</param>
    /// <param name="tolerance">Relative tolerance, 0–1.</param>
    /// <exception cref="ArgumentException">See <see cref="Detection(ReadOnlySpan{double}, double, ReadOnlySpan{double}, double)"/>.</exception>
    public static TempoScores Detection(TempoAnnotation reference, TempoAnnotation estimated, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(estimated);
        return Detection([reference.First, reference.Second], reference.Weight, [estimated.First, estimated.Second], tolerance);
    }

    private static bool Hit(double referenceTempo, ReadOnlySpan<double> estimated, double tolerance)
    {
        if (!(referenceTempo > 0))
        {
            return false;
        }

        double relativeError = double.PositiveInfinity;
        foreach (double e in estimated)
        {
            relativeError = Math.Min(relativeError, Math.Abs(referenceTempo - e) / referenceTempo);
        }

        return relativeError <= tolerance;
    }

    private static void CheckTempi(ReadOnlySpan<double> tempi, bool reference, string parameter)
    {
        if (tempi.Length != 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"tempi must have exactly two values; got {tempi.Length}."), parameter);
        }

        foreach (double t in tempi)
        {
            if (!double.IsFinite(t) || t < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"tempi ({tempi[0]}, {tempi[1]}) must be finite and 0 or more."), parameter);
            }
        }

        if (reference && tempi[0] == 0 && tempi[1] == 0)
        {
            throw new ArgumentException("reference tempi (0, 0) must have one value greater than zero.", parameter);
        }
    }
}
