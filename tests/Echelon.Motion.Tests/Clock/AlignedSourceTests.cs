using Echelon.Motion.Clock;
using Echelon.Motion.Frames;
using Xunit.Abstractions;

namespace Echelon.Motion.Tests.Clock;

public sealed class AlignedSourceTests
{
    private const long Ms = 1_000_000L;
    private const long Second = 1_000_000_000L;

    private readonly ITestOutputHelper _output;

    public AlignedSourceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void NameAndDevices_ComeFromTheWrappedSource()
    {
        var inner = new JitteredTwoDeviceSource(seed: 1);
        using var aligned = new AlignedSource(inner);

        Assert.Equal("aligned:jittered-fake", aligned.Name);
        Assert.Same(inner.Devices, aligned.Devices);
    }

    [Fact]
    public void TryRead_SetsHostTimeToTheAlignedSendTime_AndKeepsEachDevicesOrder()
    {
        var inner = new JitteredTwoDeviceSource(seed: 2, seconds: 10);
        using var aligned = new AlignedSource(inner);
        var lastDeviceTime = new Dictionary<string, long>(StringComparer.Ordinal);
        long maxError = 0;
        double sumError = 0;
        int measured = 0;
        int total = 0;

        while (aligned.TryRead(out SensorFrame? frame))
        {
            total++;
            if (lastDeviceTime.TryGetValue(frame.DeviceId, out long previous))
            {
                Assert.True(frame.DeviceTimeNs > previous, $"{frame.DeviceId} went back in device time");
            }

            lastDeviceTime[frame.DeviceId] = frame.DeviceTimeNs;
            long send = JitteredTwoDeviceSource.TrueSendTimeNs(frame);
            if (send >= 2 * Second)
            {
                // Without a known base latency the aligned time is the earliest possible arrival.
                long error = Math.Abs(frame.HostTimeNs - (send + JitteredTwoDeviceSource.BaseLatencyNs(frame)));
                maxError = Math.Max(maxError, error);
                sumError += error;
                measured++;
            }
        }

        _output.WriteLine($"aligned source: max {maxError / 1e6:F3} ms, mean {sumError / measured / 1e6:F3} ms over {measured} frames; {aligned.RejectedLate} late");
        Assert.True(maxError < 2 * Ms, $"max error {maxError} ns");
        Assert.Equal(0, aligned.RejectedLate);
        Assert.Equal(0, aligned.ForcedReleases);
        Assert.Equal(0, aligned.ClockResets);
        Assert.Equal(1000 + 500, total + inner.RejectedFrames);
        Assert.True(aligned.TryGetAligner(JitteredTwoDeviceSource.Phone, out DeviceClockAligner? phone));
        Assert.InRange(phone.DriftPpm, 150 - 30, 150 + 30);
        Assert.True(aligned.TryGetAligner(JitteredTwoDeviceSource.Watch, out DeviceClockAligner? watch));
        Assert.InRange(watch.DriftPpm, -80 - 30, -80 + 30);
    }

    [Fact]
    public void RejectedFrames_CountsLateFramesAndTheWrappedSourcesRejections()
    {
        // Phone frame 150 (1.5 s) is held up 300 ms in flight: by then later frames have been released.
        var inner = new JitteredTwoDeviceSource(seed: 3, delayedPhoneFrame: 150, delayNs: 300 * Ms);
        using var aligned = new AlignedSource(inner);
        long previous = long.MinValue;
        while (aligned.TryRead(out SensorFrame? frame))
        {
            Assert.True(frame.HostTimeNs >= previous);
            previous = frame.HostTimeNs;
        }

        Assert.Equal(1, aligned.RejectedLate);
        Assert.True(inner.RejectedFrames > 0);
        Assert.Equal(inner.RejectedFrames + 1, aligned.RejectedFrames);
    }

    [Fact]
    public void TryRead_WithATinyBuffer_ForcesReleasesButStaysInOrder()
    {
        var options = new ClockAlignmentOptions { ReorderCapacity = 2, ReorderWindowNs = 200 * Ms };
        using var aligned = new AlignedSource(new JitteredTwoDeviceSource(seed: 4), options);
        long previous = long.MinValue;
        int count = 0;
        while (aligned.TryRead(out SensorFrame? frame))
        {
            Assert.True(frame.HostTimeNs >= previous);
            previous = frame.HostTimeNs;
            count++;
        }

        Assert.True(aligned.ForcedReleases > 0);
        Assert.True(count > 300);
    }

    [Fact]
    public void Dispose_DisposesTheWrappedSourceAndEndsReading()
    {
        var inner = new JitteredTwoDeviceSource(seed: 5);
        var aligned = new AlignedSource(inner);
        Assert.True(aligned.TryRead(out _));

        aligned.Dispose();

        Assert.True(inner.Disposed);
        Assert.False(aligned.TryRead(out SensorFrame? frame));
        Assert.Null(frame);
    }
}
