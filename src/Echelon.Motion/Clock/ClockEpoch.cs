namespace Echelon.Motion.Clock;

/// <summary>
/// One stretch of a device clock without resets: the ring of window minima of the lag
/// (host receive time − device time), the lower-envelope fit over them, and the line's anchor.
/// See <see cref="DeviceClockAligner"/> for the method.
/// </summary>
/// <remarks>Single owner; allocates only in the constructor.</remarks>
internal sealed class ClockEpoch
{
    // The fit works on the lag slope s = d(host)/d(device) − 1; a device running δ fast has
    // s = 1/(1 + δ) − 1, so ±MaxDriftPpm bounds s to these two values.
    private const double MinSlope = (1.0 / (1.0 + (DeviceClockAligner.MaxDriftPpm * 1e-6))) - 1.0;
    private const double MaxSlope = (1.0 / (1.0 - (DeviceClockAligner.MaxDriftPpm * 1e-6))) - 1.0;

    private readonly long _windowNs;
    private readonly long[] _windowDeviceNs;
    private readonly long[] _windowLagNs;
    private readonly double[] _xs;
    private readonly double[] _ys;
    private readonly int[] _hull;

    private int _ringNext;
    private long _windowStartNs;
    private long _windowMinDeviceNs;
    private long _windowMinLagNs;
    private long _anchorDeviceNs;
    private long _anchorLagNs;

    public ClockEpoch(long windowNs, int windowCount)
    {
        _windowNs = windowNs;
        _windowDeviceNs = new long[windowCount];
        _windowLagNs = new long[windowCount];
        _xs = new double[windowCount];
        _ys = new double[windowCount];
        _hull = new int[windowCount];
    }

    /// <summary>Receptions added since <see cref="Start"/>; 0 for an empty epoch.</summary>
    public long Samples { get; private set; }

    /// <summary>Latest device time added.</summary>
    public long LatestDeviceNs { get; private set; }

    /// <summary>The lag slope d(host)/d(device) − 1.</summary>
    public double Slope { get; private set; }

    /// <summary>Closed windows in the ring.</summary>
    public int ClosedWindows { get; private set; }

    /// <summary>Empties the epoch.</summary>
    public void Clear()
    {
        Samples = 0;
        ClosedWindows = 0;
        _ringNext = 0;
    }

    /// <summary>Starts the epoch from one reception, with a drift carried over (or zero).</summary>
    public void Start(long deviceTimeNs, long lag, double priorSlope)
    {
        Clear();
        Samples = 1;
        Slope = priorSlope;
        LatestDeviceNs = deviceTimeNs;
        OpenWindow(deviceTimeNs, lag);
        _anchorDeviceNs = deviceTimeNs;
        _anchorLagNs = lag;
    }

    /// <summary>
    /// True when the reception fits this epoch: its device time is not more than the reset threshold
    /// behind the latest, and its lag is not more than that below the envelope. Large lags are
    /// allowed: a stalled link delivers late, it does not reset the clock.
    /// </summary>
    public bool Explains(long deviceTimeNs, long lag) =>
        deviceTimeNs >= LatestDeviceNs - DeviceClockAligner.ResetThresholdNs
        && lag >= PredictLag(deviceTimeNs) - DeviceClockAligner.ResetThresholdNs;

    /// <summary>
    /// True when a reception the newer epoch rejected belongs here: it fits and its lag is also within
    /// the reset threshold above the envelope, as a frame in flight across a reset would be.
    /// </summary>
    public bool Follows(long deviceTimeNs, long lag) =>
        Explains(deviceTimeNs, lag) && lag <= PredictLag(deviceTimeNs) + DeviceClockAligner.ResetThresholdNs;

    /// <summary>The envelope's lag at a device time.</summary>
    public long PredictLag(long deviceTimeNs) =>
        _anchorLagNs + (long)Math.Round(Slope * (deviceTimeNs - _anchorDeviceNs));

    /// <summary>Adds one reception to a started epoch.</summary>
    public void Add(long deviceTimeNs, long lag)
    {
        Samples++;
        if (deviceTimeNs > LatestDeviceNs)
        {
            LatestDeviceNs = deviceTimeNs;
        }

        if (deviceTimeNs - _windowStartNs >= _windowNs)
        {
            _windowDeviceNs[_ringNext] = _windowMinDeviceNs;
            _windowLagNs[_ringNext] = _windowMinLagNs;
            _ringNext = _ringNext + 1 == _windowLagNs.Length ? 0 : _ringNext + 1;
            if (ClosedWindows < _windowLagNs.Length)
            {
                ClosedWindows++;
            }

            OpenWindow(deviceTimeNs, lag);
            FitSlope();
            FitAnchor();
        }
        else if (lag < _windowMinLagNs)
        {
            _windowMinDeviceNs = deviceTimeNs;
            _windowMinLagNs = lag;
            FitAnchor();
        }
    }

    private void OpenWindow(long deviceTimeNs, long lag)
    {
        _windowStartNs = deviceTimeNs;
        _windowMinDeviceNs = deviceTimeNs;
        _windowMinLagNs = lag;
    }

    private int OldestWindow()
    {
        int start = _ringNext - ClosedWindows;
        return start < 0 ? start + _windowLagNs.Length : start;
    }

    /// <summary>The slope of the lower hull edge over the mean device time of the closed windows' minima.</summary>
    private void FitSlope()
    {
        int n = ClosedWindows;
        if (n < 2)
        {
            return;
        }

        int capacity = _windowLagNs.Length;
        int start = OldestWindow();

        // Relative to the oldest minimum so the doubles hold small, exact numbers.
        long refDevice = _windowDeviceNs[start];
        long refLag = _windowLagNs[start];
        double meanX = 0;
        for (int i = 0; i < n; i++)
        {
            int k = start + i;
            if (k >= capacity)
            {
                k -= capacity;
            }

            double x = _windowDeviceNs[k] - refDevice;
            double y = _windowLagNs[k] - refLag;

            // Insertion sort by device time: minima arrive in order, so this is one comparison
            // each unless reordered receptions put a minimum before the previous window's.
            int j = i - 1;
            while (j >= 0 && _xs[j] > x)
            {
                _xs[j + 1] = _xs[j];
                _ys[j + 1] = _ys[j];
                j--;
            }

            _xs[j + 1] = x;
            _ys[j + 1] = y;
            meanX += x;
        }

        meanX /= n;

        // Andrew's monotone chain, lower half.
        int h = 0;
        for (int i = 0; i < n; i++)
        {
            while (h >= 2 && Cross(_hull[h - 2], _hull[h - 1], i) <= 0)
            {
                h--;
            }

            _hull[h++] = i;
        }

        for (int e = 0; e + 1 < h; e++)
        {
            int a = _hull[e];
            int b = _hull[e + 1];
            double dx = _xs[b] - _xs[a];
            if (dx > 0 && _xs[a] <= meanX && meanX <= _xs[b])
            {
                Slope = Math.Clamp((_ys[b] - _ys[a]) / dx, MinSlope, MaxSlope);
                return;
            }
        }
    }

    private double Cross(int o, int a, int b) =>
        ((_xs[a] - _xs[o]) * (_ys[b] - _ys[o])) - ((_ys[a] - _ys[o]) * (_xs[b] - _xs[o]));

    /// <summary>Lowers the line of the current slope onto the lowest window minimum, the open window's included.</summary>
    private void FitAnchor()
    {
        long bestDevice = _windowMinDeviceNs;
        long bestLag = _windowMinLagNs;
        double bestHeight = 0;
        int capacity = _windowLagNs.Length;
        int start = OldestWindow();
        for (int i = 0; i < ClosedWindows; i++)
        {
            int k = start + i;
            if (k >= capacity)
            {
                k -= capacity;
            }

            double height = (_windowLagNs[k] - _windowMinLagNs) - (Slope * (_windowDeviceNs[k] - _windowMinDeviceNs));
            if (height < bestHeight)
            {
                bestHeight = height;
                bestDevice = _windowDeviceNs[k];
                bestLag = _windowLagNs[k];
            }
        }

        _anchorDeviceNs = bestDevice;
        _anchorLagNs = bestLag;
    }
}
