using System.Diagnostics.CodeAnalysis;
using Echelon.Motion.Frames;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Clock;

/// <summary>
/// Wraps a source whose frames carry host receive times and delivers them on the aligned host clock:
/// each device's timestamps go through its own <see cref="DeviceClockAligner"/>, and the frames
/// through a <see cref="ReorderBuffer"/> so they come out in time order.
/// </summary>
/// <remarks>
/// The wrapped frame's <see cref="SensorFrame.HostTimeNs"/> is taken as its receive time; the frame
/// delivered is a copy whose host time is the device time mapped onto the host clock. "Now" for the
/// reorder window is the latest receive time read from the wrapped source, so a frame is released
/// once a reception <see cref="ClockAlignmentOptions.ReorderWindowNs"/> later than its aligned time
/// has been read; at the wrapped source's end every held frame is flushed. Frames that arrive too
/// late to be put in order are rejected and counted with the wrapped source's rejections in
/// <see cref="RejectedFrames"/>. Owns the wrapped source and disposes it. Single consumer; not
/// thread-safe. Allocates one frame copy per frame (frames are immutable records).
/// </remarks>
public sealed class AlignedSource : ISensorSource
{
    private readonly ISensorSource _inner;
    private readonly ClockAlignmentOptions _options;
    private readonly ReorderBuffer _buffer;
    private readonly Dictionary<string, DeviceClockAligner> _aligners = new(StringComparer.Ordinal);
    private long _nowNs = long.MinValue;
    private bool _innerEnded;
    private bool _disposed;

    /// <summary>Wraps <paramref name="inner"/>; settings default to <see cref="ClockAlignmentOptions.Default"/>.</summary>
    public AlignedSource(ISensorSource inner, ClockAlignmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _options = options ?? ClockAlignmentOptions.Default;
        _buffer = new ReorderBuffer(_options.ReorderWindowNs, _options.ReorderCapacity);
        Name = "aligned:" + inner.Name;
        foreach (SensorDevice device in inner.Devices)
        {
            _aligners.TryAdd(device.Id, new DeviceClockAligner(_options));
        }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<SensorDevice> Devices => _inner.Devices;

    /// <summary>The wrapped source's rejections plus frames too late to reorder or dropped by the buffer.</summary>
    public long RejectedFrames => _inner.RejectedFrames + _buffer.RejectedLate + _buffer.Dropped;

    /// <summary>Frames rejected because they arrived after a later frame had been released.</summary>
    public long RejectedLate => _buffer.RejectedLate;

    /// <summary>Frames released before their reorder window ended because the buffer was full.</summary>
    public long ForcedReleases => _buffer.ForcedReleases;

    /// <summary>Device clock resets detected, all devices together.</summary>
    public long ClockResets
    {
        get
        {
            long total = 0;
            foreach (DeviceClockAligner aligner in _aligners.Values)
            {
                total += aligner.Resets;
            }

            return total;
        }
    }

    /// <summary>The aligner of one device, for telemetry (offset, drift, resets).</summary>
    public bool TryGetAligner(string deviceId, [NotNullWhen(true)] out DeviceClockAligner? aligner) =>
        _aligners.TryGetValue(deviceId, out aligner);

    /// <inheritdoc />
    public bool TryRead([NotNullWhen(true)] out SensorFrame? frame)
    {
        while (!_disposed)
        {
            if (_buffer.TryPop(_nowNs, out frame))
            {
                return true;
            }

            if (_innerEnded)
            {
                break;
            }

            if (!_inner.TryRead(out SensorFrame? received))
            {
                _innerEnded = true;
                _buffer.Flush();
                continue;
            }

            if (received.HostTimeNs > _nowNs)
            {
                _nowNs = received.HostTimeNs;
            }

            if (!_aligners.TryGetValue(received.DeviceId, out DeviceClockAligner? aligner))
            {
                // A device the wrapped source did not list up front still gets its own clock.
                aligner = new DeviceClockAligner(_options);
                _aligners.Add(received.DeviceId, aligner);
            }

            aligner.Observe(received.DeviceTimeNs, received.HostTimeNs);
            _buffer.TryPush(received with { HostTimeNs = aligner.ToHost(received.DeviceTimeNs) });
        }

        frame = null;
        return false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _inner.Dispose();
    }
}
