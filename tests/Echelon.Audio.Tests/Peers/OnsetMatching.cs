namespace Echelon.Audio.Tests.Peers;

/// <summary>
/// One-to-one matching of event times within a tolerance window, as <c>mir_eval.onset.f_measure</c>
/// scores it (a reference and an estimate match when |r − e| ≤ window; each is used at most once;
/// the number of pairs is maximised).
/// </summary>
/// <remarks>
/// mir_eval finds a maximum bipartite matching. Here every reference owns a window of the same
/// width, so the windows are ordered by both ends, and a greedy sweep over both sorted lists is
/// already maximum: the earliest estimate either fits the earliest open window (take the pair —
/// exchanging it into any optimal matching loses nothing) or lies before it (then it fits no later
/// window either) or after it (then that reference can match nothing). The agreement with mir_eval
/// itself is checked by a peer test.
/// </remarks>
public static class OnsetMatching
{
    /// <summary>Scores <paramref name="estimated"/> against <paramref name="reference"/> (seconds, any order).</summary>
    /// <param name="reference">The true event times.</param>
    /// <param name="estimated">The detected event times.</param>
    /// <param name="window">Tolerance in seconds (mir_eval's default for onsets is 0.05).</param>
    public static OnsetScore Score(IEnumerable<double> reference, IEnumerable<double> estimated, double window = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        var r = reference.Order().ToArray();
        var e = estimated.Order().ToArray();
        int i = 0, j = 0, matches = 0;
        while (i < r.Length && j < e.Length)
        {
            if (e[j] < r[i] - window)
            {
                j++;
            }
            else if (e[j] > r[i] + window)
            {
                i++;
            }
            else
            {
                matches++;
                i++;
                j++;
            }
        }

        return new OnsetScore(matches, r.Length, e.Length);
    }
}
