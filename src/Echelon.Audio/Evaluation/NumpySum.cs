namespace Echelon.Audio.Evaluation;

/// <summary>
/// <c>numpy.sum</c> of a contiguous float64 array, in numpy's order of additions (its pairwise
/// summation: eight running sums per block of at most 128, halves above that), so that a mean compared
/// against a threshold falls on the same side of it as in mir_eval.
/// </summary>
/// <remarks>
/// Checked against numpy 1.24 on 3000 random arrays of 1–3000 elements: bit-identical. A plain loop
/// differs in the last bits, which only matters where mir_eval compares a sum with a constant (Goto).
/// </remarks>
internal static class NumpySum
{
    private const int BlockSize = 128;

    /// <summary>The sum of <paramref name="values"/> as numpy adds them.</summary>
    public static double Pairwise(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n < 8)
        {
            double sum = 0.0;
            foreach (double v in values)
            {
                sum += v;
            }

            return sum;
        }

        if (n <= BlockSize)
        {
            Span<double> r = stackalloc double[8];
            values[..8].CopyTo(r);
            int i = 8;
            for (; i < n - (n % 8); i += 8)
            {
                for (int j = 0; j < 8; j++)
                {
                    r[j] += values[i + j];
                }
            }

            double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++)
            {
                sum += values[i];
            }

            return sum;
        }

        int half = n / 2;
        half -= half % 8;
        return Pairwise(values[..half]) + Pairwise(values[half..]);
    }
}
