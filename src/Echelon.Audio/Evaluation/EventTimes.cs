using System.Globalization;

namespace Echelon.Audio.Evaluation;

/// <summary>The checks <c>mir_eval.util.validate_events</c> makes, as argument exceptions.</summary>
internal static class EventTimes
{
    /// <summary>mir_eval's <c>MAX_TIME</c> for beats and onsets: later times are taken to be in the wrong unit.</summary>
    public const double MaxSeconds = 30000.0;

    /// <summary>
    /// Throws unless every time is finite, at most <see cref="MaxSeconds"/>, and none is earlier than
    /// the one before it (equal neighbours are allowed, as in mir_eval).
    /// </summary>
    public static void Validate(ReadOnlySpan<double> times, string parameter)
    {
        for (int i = 0; i < times.Length; i++)
        {
            if (!double.IsFinite(times[i]))
            {
                throw new ArgumentException(Invariant($"event {i} is {times[i]}; event times must be finite seconds."), parameter);
            }

            if (times[i] > MaxSeconds)
            {
                throw new ArgumentException(Invariant($"event {i} is at {times[i]} s, later than the {MaxSeconds} s mir_eval allows (are the times in seconds?)."), parameter);
            }

            if (i > 0 && times[i] < times[i - 1])
            {
                throw new ArgumentException(Invariant($"event {i} ({times[i]} s) is earlier than event {i - 1} ({times[i - 1]} s); event times must be in increasing order."), parameter);
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
