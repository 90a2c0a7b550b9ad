namespace Echelon.Audio.Evaluation;

/// <summary>Onset detection evaluation, as <c>mir_eval.onset</c> (0.7) defines it.</summary>
/// <remarks>Offline: pure, thread-safe, allocates.</remarks>
public static class OnsetEvaluation
{
    /// <summary>mir_eval's default tolerance for onsets: ±50 ms.</summary>
    public const double DefaultWindow = 0.05;

    /// <summary>
    /// Precision, recall and F-measure of <paramref name="estimated"/> against <paramref name="reference"/>
    /// (<c>mir_eval.onset.f_measure</c>): a maximum one-to-one matching within ±<paramref name="window"/>;
    /// all three are 0 when either list is empty.
    /// </summary>
    /// <param name="reference">Reference onset times in seconds, in increasing order.</param>
    /// <param name="estimated">Estimated onset times in seconds, in increasing order.</param>
    /// <param name="window">Tolerance in seconds.</param>
    /// <exception cref="ArgumentException">
    /// A time is not finite, later than 30 000 s, or earlier than the one before it (mir_eval raises too).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is negative or not finite.</exception>
    public static OnsetScores Evaluate(ReadOnlySpan<double> reference, ReadOnlySpan<double> estimated, double window = DefaultWindow)
    {
        EventTimes.Validate(reference, nameof(reference));
        EventTimes.Validate(estimated, nameof(estimated));
        if (!double.IsFinite(window) || window < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be a finite number of seconds, 0 or more.");
        }

        if (reference.Length == 0 || estimated.Length == 0)
        {
            return new OnsetScores(0, 0, 0, 0, reference.Length, estimated.Length);
        }

        int matches = EventMatching.Match(reference, estimated, window).Length;
        double precision = (double)matches / estimated.Length;
        double recall = (double)matches / reference.Length;
        return new OnsetScores(FMeasure(precision, recall), precision, recall, matches, reference.Length, estimated.Length);
    }

    /// <summary><c>mir_eval.util.f_measure</c> with β = 1, in its order of operations.</summary>
    internal static double FMeasure(double precision, double recall) =>
        precision == 0 && recall == 0 ? 0.0 : 2.0 * precision * recall / (precision + recall);
}
