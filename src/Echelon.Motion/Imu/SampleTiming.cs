namespace Echelon.Motion.Imu;

/// <summary>Sample-period estimates shared by the file readers.</summary>
internal static class SampleTiming
{
    /// <summary>
    /// The median of the positive steps between consecutive timestamps (non-decreasing input), or 0
    /// when there is no positive step. The median, not the mean, because phone sensor streams have
    /// bursts and gaps (a 17.8 ms gap among 10 ms steps in the Oxford trace) that would drag a mean.
    /// </summary>
    public static long MedianStepNs(IReadOnlyList<long> times)
    {
        var steps = new List<long>(Math.Max(0, times.Count - 1));
        for (int i = 1; i < times.Count; i++)
        {
            long step = times[i] - times[i - 1];
            if (step > 0)
            {
                steps.Add(step);
            }
        }

        if (steps.Count == 0)
        {
            return 0;
        }

        steps.Sort();
        int mid = steps.Count / 2;
        return steps.Count % 2 == 1 ? steps[mid] : steps[mid - 1] + ((steps[mid] - steps[mid - 1]) / 2);
    }

    /// <summary>Frames per second for a median step, 0 when the step is unknown.</summary>
    public static double RateHz(long medianStepNs) => medianStepNs > 0 ? 1e9 / medianStepNs : 0;
}
