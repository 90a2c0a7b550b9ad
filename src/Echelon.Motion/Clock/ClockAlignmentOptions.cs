namespace Echelon.Motion.Clock;

/// <summary>
/// Settings for clock alignment: the lower-envelope fit of <see cref="DeviceClockAligner"/> and the
/// reorder window of <see cref="ReorderBuffer"/>. Each value is checked when it is set.
/// </summary>
/// <remarks>Immutable once built; safe to share between threads and between aligners.</remarks>
public sealed record ClockAlignmentOptions
{
    /// <summary>The defaults: 1 s windows, 16 of them, no assumed base latency, 50 ms reorder window, 1024 frames.</summary>
    public static ClockAlignmentOptions Default { get; } = new();

    /// <summary>
    /// Length of one minimum window on the device clock, ns (10 ms to 60 s; default 1 s). At 100 Hz a
    /// 1 s window holds 100 receptions, so its fastest one is within a few percent of the mean jitter
    /// of the link's true minimum latency.
    /// </summary>
    public long WindowNs
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 10_000_000L, nameof(WindowNs));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 60_000_000_000L, nameof(WindowNs));
            field = value;
        }
    } = 1_000_000_000L;

    /// <summary>
    /// Closed windows the drift fit uses (2–256; default 16). More windows average out more jitter
    /// but follow a changing drift (a phone warming up) more slowly.
    /// </summary>
    public int WindowCount
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 2, nameof(WindowCount));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 256, nameof(WindowCount));
            field = value;
        }
    } = 16;

    /// <summary>
    /// The link's known minimum one-way latency, ns (0–1 s; default 0), subtracted from every aligned
    /// time. One-way timing cannot tell a clock offset from a constant latency, so without it aligned
    /// times are the earliest moment each frame could have arrived, not the moment it was sent.
    /// </summary>
    public long BaseLatencyNs
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(BaseLatencyNs));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1_000_000_000L, nameof(BaseLatencyNs));
            field = value;
        }
    }

    /// <summary>How long a frame is held for late arrivals before release, ns (0–10 s; default 50 ms).</summary>
    public long ReorderWindowNs
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(ReorderWindowNs));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 10_000_000_000L, nameof(ReorderWindowNs));
            field = value;
        }
    } = ReorderBuffer.DefaultWindowNs;

    /// <summary>Most frames the reorder buffer holds (1–1,048,576; default 1024).</summary>
    public int ReorderCapacity
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(ReorderCapacity));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, ReorderBuffer.MaxCapacity, nameof(ReorderCapacity));
            field = value;
        }
    } = ReorderBuffer.DefaultCapacity;
}
