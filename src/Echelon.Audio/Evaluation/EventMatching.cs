namespace Echelon.Audio.Evaluation;

/// <summary>
/// Maximum one-to-one matching of event times within a tolerance window, as
/// <c>mir_eval.util.match_events</c> computes it for onsets and beats.
/// </summary>
/// <remarks>
/// A reference r and an estimate e may pair when <c>e − window ≤ r ≤ e + window</c>, each side
/// computed in double precision exactly as mir_eval's sorted-search hit test does (so a pair right at
/// the window's edge is decided the same way). The pairs are a maximum-cardinality bipartite matching,
/// found with Hopcroft–Karp; many matchings can be maximum, and only their size is guaranteed to equal
/// mir_eval's (its metrics use only the size). Pure and thread-safe; allocates.
/// </remarks>
public static class EventMatching
{
    private const int Unreached = int.MaxValue;

    /// <summary>Finds a maximum matching of <paramref name="estimated"/> to <paramref name="reference"/>.</summary>
    /// <param name="reference">Reference event times in seconds, any order.</param>
    /// <param name="estimated">Estimated event times in seconds, any order.</param>
    /// <param name="window">Tolerance in seconds; finite and not negative.</param>
    /// <returns>The pairs, ordered by reference index.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is negative or not finite.</exception>
    public static EventMatch[] Match(ReadOnlySpan<double> reference, ReadOnlySpan<double> estimated, double window)
    {
        if (!double.IsFinite(window) || window < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be a finite number of seconds, 0 or more.");
        }

        int[][] candidates = Candidates(reference, estimated, window);
        int[] partnerOfEstimate = new int[estimated.Length];
        int[] partnerOfReference = new int[reference.Length];
        Array.Fill(partnerOfEstimate, -1);
        Array.Fill(partnerOfReference, -1);
        int[] layer = new int[estimated.Length];
        int[] nextCandidate = new int[estimated.Length];
        var queue = new Queue<int>();
        var path = new Stack<int>();

        while (true)
        {
            // Breadth-first: layer the estimates by alternating-path distance from the unmatched ones.
            queue.Clear();
            for (int e = 0; e < estimated.Length; e++)
            {
                layer[e] = partnerOfEstimate[e] == -1 ? 0 : Unreached;
                if (layer[e] == 0)
                {
                    queue.Enqueue(e);
                }
            }

            int freeLayer = Unreached;
            while (queue.Count > 0)
            {
                int e = queue.Dequeue();
                if (layer[e] >= freeLayer)
                {
                    continue;
                }

                foreach (int r in candidates[e])
                {
                    int owner = partnerOfReference[r];
                    if (owner == -1)
                    {
                        freeLayer = Math.Min(freeLayer, layer[e] + 1);
                    }
                    else if (layer[owner] == Unreached)
                    {
                        layer[owner] = layer[e] + 1;
                        queue.Enqueue(owner);
                    }
                }
            }

            if (freeLayer == Unreached)
            {
                break;
            }

            // Depth-first along the layers: vertex-disjoint shortest augmenting paths.
            Array.Fill(nextCandidate, 0);
            for (int root = 0; root < estimated.Length; root++)
            {
                if (partnerOfEstimate[root] == -1)
                {
                    Augment(root, freeLayer, candidates, layer, nextCandidate, partnerOfEstimate, partnerOfReference, path);
                }
            }
        }

        var pairs = new List<EventMatch>();
        for (int r = 0; r < reference.Length; r++)
        {
            if (partnerOfReference[r] != -1)
            {
                pairs.Add(new EventMatch(r, partnerOfReference[r]));
            }
        }

        return [.. pairs];
    }

    /// <summary>For each estimate, the references inside its window (mir_eval's <c>_fast_hit_windows</c>).</summary>
    private static int[][] Candidates(ReadOnlySpan<double> reference, ReadOnlySpan<double> estimated, double window)
    {
        double[] values = reference.ToArray();
        int[] sorted = [.. Enumerable.Range(0, values.Length).OrderBy(i => values[i])];
        double[] sortedValues = [.. sorted.Select(i => values[i])];

        int[][] candidates = new int[estimated.Length][];
        for (int e = 0; e < estimated.Length; e++)
        {
            int first = LowerBound(sortedValues, estimated[e] - window);
            int end = UpperBound(sortedValues, estimated[e] + window);
            candidates[e] = end > first ? sorted[first..end] : [];
        }

        return candidates;
    }

    /// <summary>First index whose value is ≥ <paramref name="key"/>.</summary>
    private static int LowerBound(double[] sorted, double key)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (sorted[mid] < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>First index whose value is &gt; <paramref name="key"/>.</summary>
    private static int UpperBound(double[] sorted, double key)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (sorted[mid] <= key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// Looks for an augmenting path from <paramref name="root"/> that climbs the layers one at a time,
    /// without recursion (a long chain of near-misses would otherwise be one stack frame per event).
    /// Estimates from which no path exists are retired for the rest of the phase.
    /// </summary>
    private static void Augment(
        int root,
        int freeLayer,
        int[][] candidates,
        int[] layer,
        int[] nextCandidate,
        int[] partnerOfEstimate,
        int[] partnerOfReference,
        Stack<int> path)
    {
        path.Clear();
        path.Push(root);
        while (path.Count > 0)
        {
            int e = path.Peek();
            if (nextCandidate[e] == candidates[e].Length)
            {
                layer[e] = Unreached;
                path.Pop();
                continue;
            }

            int r = candidates[e][nextCandidate[e]];
            int owner = partnerOfReference[r];
            if (owner == -1 && layer[e] + 1 == freeLayer)
            {
                // Flip every edge on the path: each estimate on it takes the reference it was trying.
                foreach (int onPath in path)
                {
                    int taken = candidates[onPath][nextCandidate[onPath]];
                    partnerOfEstimate[onPath] = taken;
                    partnerOfReference[taken] = onPath;
                }

                return;
            }

            if (owner != -1 && layer[owner] != Unreached && layer[owner] == layer[e] + 1)
            {
                path.Push(owner);
            }
            else
            {
                nextCandidate[e]++;
            }
        }
    }
}
