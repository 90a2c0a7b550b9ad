namespace Echelon.Studio.Tests.SuperCollider;

/// <summary>Measurements on audio scsynth wrote: where a note starts and what frequency it sounds at.</summary>
internal static class AudioProbe
{
    /// <summary>The first sample at or after <paramref name="from"/> whose magnitude exceeds <paramref name="threshold"/>; −1 when none.</summary>
    public static int FirstAbove(float[] x, int from, float threshold)
    {
        for (int i = Math.Max(0, from); i < x.Length; i++)
        {
            if (Math.Abs(x[i]) > threshold)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Frequency from interpolated rising zero crossings: (count − 1) periods between the first and the last.</summary>
    public static double ZeroCrossingFrequency(ReadOnlySpan<float> x, int sampleRate = 48_000)
    {
        double first = -1;
        double last = -1;
        int count = 0;
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i - 1] < 0 && x[i] >= 0)
            {
                double t = i - 1 + (x[i - 1] / (double)(x[i - 1] - x[i]));
                first = first < 0 ? t : first;
                last = t;
                count++;
            }
        }

        return count < 2 ? 0 : (count - 1) * sampleRate / (last - first);
    }
}
