namespace Echelon.Motion.Imu;

/// <summary>
/// One sensor file read into memory: finite rows only, in non-decreasing time, each with
/// <see cref="Width"/> values; plus counts of what was left out.
/// </summary>
internal sealed class TimedSamples
{
    private readonly List<long> _times = [];
    private readonly List<float> _values = [];

    public TimedSamples(string path, int width)
    {
        Path = path;
        Width = width;
    }

    public string Path { get; }

    public int Width { get; }

    public int Count => _times.Count;

    public IReadOnlyList<long> Times => _times;

    /// <summary>The first finite timestamp in the file, kept or not.</summary>
    public long? FirstTimeNs { get; set; }

    /// <summary>Data rows in the file (blank lines aside).</summary>
    public long DataRows { get; set; }

    /// <summary>Rows left out for a NaN or infinite value.</summary>
    public long NonFiniteRows { get; set; }

    /// <summary>Rows left out because their timestamp went backwards.</summary>
    public long BackwardRows { get; set; }

    public float this[int row, int column] => _values[(row * Width) + column];

    public void Add(long timeNs, ReadOnlySpan<float> values)
    {
        _times.Add(timeNs);
        foreach (float v in values)
        {
            _values.Add(v);
        }
    }

    /// <summary>The row nearest <paramref name="timeNs"/> within <paramref name="toleranceNs"/> (the earlier on a tie), or −1.</summary>
    public int Nearest(long timeNs, long toleranceNs)
    {
        int index = _times.BinarySearch(timeNs);
        if (index >= 0)
        {
            return index;
        }

        int after = ~index;
        int best = -1;
        long bestDistance = long.MaxValue;
        if (after > 0)
        {
            best = after - 1;
            bestDistance = timeNs - _times[after - 1];
        }

        if (after < _times.Count && _times[after] - timeNs < bestDistance)
        {
            best = after;
            bestDistance = _times[after] - timeNs;
        }

        return bestDistance <= toleranceNs ? best : -1;
    }
}
