namespace Echelon.Studio.Configuration;

/// <summary>Finds the known name closest to a misspelt one (Damerau–Levenshtein distance, case-insensitive).</summary>
internal static class KeySuggestion
{
    /// <summary>
    /// The known name nearest to <paramref name="written"/>, or null when none is near: at most one edit for names of up
    /// to four characters, two up to eight, three beyond (a transposition counts as one edit). A name that contains the
    /// written one or is contained in it (<c>bpm</c> for <c>min_bpm</c>) also counts as near.
    /// </summary>
    public static string? Closest(string written, IReadOnlyList<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        string w = written.ToLowerInvariant();
        foreach (string name in known)
        {
            string n = name.ToLowerInvariant();
            int d = Distance(w, n);
            if (d < bestDistance)
            {
                best = name;
                bestDistance = d;
            }
        }

        if (best is null)
        {
            return null;
        }

        int limit = w.Length <= 4 ? 1 : w.Length <= 8 ? 2 : 3;
        if (bestDistance <= limit)
        {
            return best;
        }

        foreach (string name in known)
        {
            if (w.Length >= 3 && (name.Contains(w, StringComparison.OrdinalIgnoreCase) || w.Contains(name, StringComparison.OrdinalIgnoreCase)))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
