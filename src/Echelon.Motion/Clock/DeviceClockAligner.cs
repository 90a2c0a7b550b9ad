using System.Diagnostics.CodeAnalysis;

namespace Echelon.Motion.Clock;

/// <summary>
/// Maps one device's timestamps onto the host clock, correcting offset and drift, from pairs of
/// (device time, host receive time). One aligner per device.
/// </summary>
/// <remarks>
/// <para>
/// Each reception gives a lag, host receive time − device time, that is the clock offset plus the
/// network latency. Latency is never negative and only sometimes small, so the offset is the lower
/// envelope of the lags, not their mean. The aligner keeps the smallest lag of every window of
/// <see cref="ClockAlignmentOptions.WindowNs"/> on the device clock in a fixed ring of
/// <see cref="ClockAlignmentOptions.WindowCount"/> windows. The drift is the slope of the line that
/// lies under every window minimum and is closest to them in total: the lower convex hull edge over
/// the minima's mean device time (the linear-programming estimator of Moon, Skelly and Towsley,
/// "Estimation and removal of clock skew from network delay measurements", INFOCOM 1999). Windows
/// that were congested sit above that line and do not move it. The line with that slope is then
/// lowered onto the lowest point, the open window's minimum included, so a new fastest reception
/// corrects the offset at once. The drift is bounded to ±<see cref="MaxDriftPpm"/>.
/// </para>
/// <para>
/// Before two windows have closed there is no slope to fit: the offset is the smallest lag seen and
/// the drift is zero (after a reset, the drift fitted before it, since the device's oscillator did
/// not change). One-way timing cannot tell a clock offset from a constant latency, so aligned times
/// are the earliest each frame could have arrived, less <see cref="ClockAlignmentOptions.BaseLatencyNs"/>
/// when the link's minimum latency is known.
/// </para>
/// <para>
/// A reception the current fit cannot explain — device time more than <see cref="ResetThresholdNs"/>
/// behind the latest, or a lag more than that below the envelope (the frame would have arrived before
/// it was sent) — starts a new clock epoch: a reboot, a new session on the phone. The epoch before is
/// kept, so a frame of it that was still in flight (UDP reorders) is mapped by it and does not count as
/// a second reset. The new epoch counts in <see cref="Resets"/> once <see cref="ConfirmSamples"/>
/// receptions agree with it; if the old epoch gets that many first, the new one was a stray timestamp,
/// its receptions count in <see cref="Outliers"/> and the old fit carries on untouched.
/// </para>
/// <para>
/// Single owner; not thread-safe. <see cref="Align"/>, <see cref="Observe"/> and <see cref="ToHost"/>
/// allocate nothing after construction (each epoch's ring and fit scratch are sized once).
/// </para>
/// </remarks>
public sealed class DeviceClockAligner
{
    /// <summary>
    /// Largest drift the fit accepts, in ppm either way. Phone and watch clocks are quartz crystals
    /// specified to ±10–50 ppm including temperature; 500 ppm is ten times the worst of them, so a
    /// steeper slope means the fit was fooled (by a burst of congestion or a clock step), not skew.
    /// </summary>
    public const double MaxDriftPpm = 500.0;

    /// <summary>A jump of the device clock larger than this (1 s) is a reset, not jitter.</summary>
    public const long ResetThresholdNs = 1_000_000_000L;

    /// <summary>Receptions a new clock epoch needs before it counts as a reset (3).</summary>
    public const int ConfirmSamples = 3;

    private readonly long _baseLatencyNs;
    private ClockEpoch _current;
    private ClockEpoch _previous;
    private bool _confirmed = true;
    private int _previousSinceSplit;
    private long _samples;
    private long _resets;
    private long _outliers;
    private long _stragglers;

    /// <summary>Creates an aligner with the given settings, or <see cref="ClockAlignmentOptions.Default"/>.</summary>
    public DeviceClockAligner(ClockAlignmentOptions? options = null)
    {
        options ??= ClockAlignmentOptions.Default;
        _baseLatencyNs = options.BaseLatencyNs;
        _current = new ClockEpoch(options.WindowNs, options.WindowCount);
        _previous = new ClockEpoch(options.WindowNs, options.WindowCount);
    }

    /// <summary>
    /// The current offset, ns: the aligned host time minus the device time at the latest device time
    /// seen (0 before the first reception). The offset moves with the drift, so it is quoted at "now".
    /// </summary>
    public long OffsetNs => _samples == 0 ? 0 : ToHost(_current.LatestDeviceNs) - _current.LatestDeviceNs;

    /// <summary>
    /// How fast the device clock runs against the host clock, ppm: +200 means the device counts
    /// 1.0002 s per host second. Bounded to ±<see cref="MaxDriftPpm"/>.
    /// </summary>
    public double DriftPpm => -_current.Slope / (1.0 + _current.Slope) * 1e6;

    /// <summary>Receptions observed since construction.</summary>
    public long Samples => _samples;

    /// <summary>Device clock resets detected (confirmed new epochs).</summary>
    public long Resets => _resets;

    /// <summary>Receptions whose timestamps fitted no clock epoch and were set aside.</summary>
    public long Outliers => _outliers;

    /// <summary>Receptions from before the last reset that arrived after it and were mapped by the old epoch.</summary>
    public long Stragglers => _stragglers;

    /// <summary>Closed windows the current fit uses (drift is fitted from two on).</summary>
    public int Windows => _current.ClosedWindows;

    /// <summary>Adds one reception: the device's timestamp and the host time it arrived.</summary>
    public void Observe(long deviceTimeNs, long hostReceiveTimeNs) => Align(deviceTimeNs, hostReceiveTimeNs);

    /// <summary>
    /// Adds one reception and returns its device time on the host clock, mapped by the clock epoch it
    /// belongs to (the old one for a frame sent before a reset and received after it).
    /// </summary>
    public long Align(long deviceTimeNs, long hostReceiveTimeNs)
    {
        _samples++;
        long lag = hostReceiveTimeNs - deviceTimeNs;
        if (_current.Samples == 0)
        {
            _current.Start(deviceTimeNs, lag, 0.0);
            return Map(_current, deviceTimeNs);
        }

        if (_current.Explains(deviceTimeNs, lag))
        {
            _current.Add(deviceTimeNs, lag);
            if (!_confirmed && _current.Samples >= ConfirmSamples)
            {
                _confirmed = true;
                _resets++;
            }

            return Map(_current, deviceTimeNs);
        }

        if (_previous.Samples > 0 && _previous.Follows(deviceTimeNs, lag))
        {
            _previous.Add(deviceTimeNs, lag);
            _stragglers++;
            if (_confirmed || ++_previousSinceSplit < ConfirmSamples)
            {
                return Map(_previous, deviceTimeNs);
            }

            // The old clock kept going while the new epoch gathered no support: the new epoch was a
            // stray timestamp, and the receptions since were the old clock's own, not stragglers.
            _outliers += _current.Samples;
            _stragglers -= _previousSinceSplit;
            (_current, _previous) = (_previous, _current);
            _previous.Clear();
            _confirmed = true;
            return Map(_current, deviceTimeNs);
        }

        if (_confirmed)
        {
            // A new epoch; the confirmed one stays behind for frames still in flight.
            (_current, _previous) = (_previous, _current);
            _confirmed = false;
            _previousSinceSplit = 0;
        }
        else
        {
            // The unconfirmed epoch is contradicted too: it was a stray, start over from this one.
            _outliers += _current.Samples;
        }

        _current.Start(deviceTimeNs, lag, _previous.Samples > 0 ? _previous.Slope : 0.0);
        return Map(_current, deviceTimeNs);
    }

    /// <summary>Maps a device timestamp onto the host clock with the current epoch's fit.</summary>
    /// <exception cref="InvalidOperationException">No reception has been observed yet.</exception>
    public long ToHost(long deviceTimeNs)
    {
        if (_samples == 0)
        {
            ThrowNoSamples();
        }

        return Map(_current, deviceTimeNs);
    }

    [DoesNotReturn]
    private static void ThrowNoSamples() =>
        throw new InvalidOperationException("The aligner has no reception yet: call Observe or Align before ToHost.");

    private long Map(ClockEpoch epoch, long deviceTimeNs) => deviceTimeNs + epoch.PredictLag(deviceTimeNs) - _baseLatencyNs;
}
