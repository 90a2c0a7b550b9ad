using Echelon.Motion.Clock;
using Echelon.Testing;
using Xunit.Abstractions;

namespace Echelon.Motion.Tests.Clock;

public sealed class DeviceClockAlignerTests
{
    private const long Ms = 1_000_000L;
    private const long Second = 1_000_000_000L;
    private const long DeviceOffsetNs = 3_200_000_000L;
    private const double DriftPpm = 200.0;

    private readonly ITestOutputHelper _output;

    public DeviceClockAlignerTests(ITestOutputHelper output) => _output = output;

    private static ClockAlignmentOptions KnownLatency => new() { BaseLatencyNs = SimulatedDeviceLink.BaseLatencyNs };

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    public void Align_200PpmFastClockOverJitteredLink_TracksSendTimesWithin2msAfter5s(ulong seed)
    {
        SimulatedDeviceLink.Reception[] receptions = SimulatedDeviceLink.Generate(
            seed, 20, 100, SimulatedDeviceLink.DriftingClock(DeviceOffsetNs, DriftPpm));
        var aligner = new DeviceClockAligner(KnownLatency);

        ErrorStats errors = Run(aligner, receptions, fromSendNs: 5 * Second);

        _output.WriteLine($"seed {seed}: {errors}, drift {aligner.DriftPpm:F1} ppm, offset {aligner.OffsetNs} ns");
        Assert.True(errors.MaxNs < 2 * Ms, $"max error {errors.MaxNs} ns");
        Assert.True(errors.MeanNs < 0.5 * Ms, $"mean error {errors.MeanNs} ns");
        Assert.Equal(receptions.Length, aligner.Samples);
        Assert.Equal(0, aligner.Resets);
        Assert.Equal(0, aligner.Outliers);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    public void DriftPpm_After20s_IsWithin30PpmOfTheDevicesDrift(ulong seed)
    {
        SimulatedDeviceLink.Reception[] receptions = SimulatedDeviceLink.Generate(
            seed, 20, 100, SimulatedDeviceLink.DriftingClock(DeviceOffsetNs, DriftPpm));
        var aligner = new DeviceClockAligner();
        double driftAt5s = double.NaN;
        foreach (SimulatedDeviceLink.Reception r in receptions)
        {
            aligner.Observe(r.DeviceTimeNs, r.ReceiveHostNs);
            if (double.IsNaN(driftAt5s) && r.SendHostNs >= 5 * Second)
            {
                driftAt5s = aligner.DriftPpm;
            }
        }

        _output.WriteLine($"seed {seed}: drift {driftAt5s:F1} ppm at 5 s, {aligner.DriftPpm:F1} ppm at 20 s over {aligner.Windows} windows");
        Assert.InRange(aligner.DriftPpm, DriftPpm - 30, DriftPpm + 30);
        Assert.Equal(16, aligner.Windows);
    }

    [Fact]
    public void Align_WithoutKnownBaseLatency_GivesTheEarliestPossibleArrival()
    {
        SimulatedDeviceLink.Reception[] receptions = SimulatedDeviceLink.Generate(
            5, 20, 100, SimulatedDeviceLink.DriftingClock(DeviceOffsetNs, DriftPpm));
        var aligner = new DeviceClockAligner();

        long maxError = 0;
        foreach (SimulatedDeviceLink.Reception r in receptions)
        {
            long aligned = aligner.Align(r.DeviceTimeNs, r.ReceiveHostNs);
            Assert.True(aligned <= r.ReceiveHostNs + (1 * Ms), "an aligned time is never later than the frame arrived");
            if (r.SendHostNs >= 5 * Second)
            {
                maxError = Math.Max(maxError, Math.Abs(aligned - (r.SendHostNs + SimulatedDeviceLink.BaseLatencyNs)));
            }
        }

        Assert.True(maxError < 2 * Ms, $"max error against send + base latency {maxError} ns");
    }

    [Fact]
    public void Align_ACongestedStretch_DoesNotMoveTheFit()
    {
        // Seconds 8–11 every frame waits 40 ms more: those windows' minima sit above the envelope.
        SimulatedDeviceLink.Reception[] receptions = SimulatedDeviceLink.Generate(
            6, 20, 100, SimulatedDeviceLink.DriftingClock(DeviceOffsetNs, DriftPpm),
            send => send is >= 8 * Second and < 11 * Second ? 40 * Ms : 0);
        var aligner = new DeviceClockAligner(KnownLatency);

        ErrorStats errors = Run(aligner, receptions, fromSendNs: 5 * Second);

        _output.WriteLine($"congested: {errors}, drift {aligner.DriftPpm:F1} ppm");
        Assert.True(errors.MaxNs < 2 * Ms, $"max error {errors.MaxNs} ns");
        Assert.InRange(aligner.DriftPpm, DriftPpm - 30, DriftPpm + 30);
    }

    [Fact]
    public void FirstWindow_UsesTheSmallestLagAndZeroDrift()
    {
        var aligner = new DeviceClockAligner();
        aligner.Observe(1_000 * Ms, 50 * Ms);
        aligner.Observe(1_010 * Ms, 57 * Ms);
        aligner.Observe(1_020 * Ms, 75 * Ms);

        Assert.Equal(0.0, aligner.DriftPpm);
        Assert.Equal(0, aligner.Windows);
        Assert.Equal(3, aligner.Samples);
        Assert.Equal(-953 * Ms, aligner.OffsetNs);
        Assert.Equal(1_020 * Ms - (953 * Ms), aligner.ToHost(1_020 * Ms));
    }

    [Fact]
    public void ToHost_BeforeAnyReception_Throws()
    {
        var aligner = new DeviceClockAligner();

        Assert.Throws<InvalidOperationException>(() => aligner.ToHost(0));
        Assert.Equal(0, aligner.OffsetNs);
    }

    [Fact]
    public void Align_DeviceClockResetsBackwards_CountsOneResetAndRealignsWithin2s()
    {
        // At host 10 s the device reboots: its clock restarts near 0.123 s (a jump back of ~13 s).
        const long resetAt = 10 * Second;
        Func<long, long> before = SimulatedDeviceLink.DriftingClock(DeviceOffsetNs, DriftPpm);
        Func<long, long> after = SimulatedDeviceLink.DriftingClock(123 * Ms - resetAt, DriftPpm);
        SimulatedDeviceLink.Reception[] receptions = SimulatedDeviceLink.Generate(
            7, 20, 100, send => send < resetAt ? before(send) : after(send));
        var aligner = new DeviceClockAligner(KnownLatency);

        long realignedAt = long.MinValue;
        long maxAfterRealign = 0;
        foreach (SimulatedDeviceLink.Reception r in receptions)
        {
            long error = Math.Abs(aligner.Align(r.DeviceTimeNs, r.ReceiveHostNs) - r.SendHostNs);
            if (r.SendHostNs >= resetAt)
            {
                if (error >= 2 * Ms)
                {
                    realignedAt = long.MinValue;
                }
                else if (realignedAt == long.MinValue)
                {
                    realignedAt = r.SendHostNs;
                }
            }

            if (r.SendHostNs >= resetAt + (2 * Second))
            {
                maxAfterRealign = Math.Max(maxAfterRealign, error);
            }
        }

        _output.WriteLine($"reset: realigned {(realignedAt - resetAt) / 1e6:F0} ms after it, max error from +2 s {maxAfterRealign / 1e6:F3} ms, drift {aligner.DriftPpm:F1} ppm");
        Assert.Equal(1, aligner.Resets);
        Assert.True(realignedAt - resetAt <= 2 * Second, $"realigned {realignedAt - resetAt} ns after the reset");
        Assert.True(maxAfterRealign < 2 * Ms, $"max error {maxAfterRealign} ns");
        Assert.InRange(aligner.DriftPpm, DriftPpm - 30, DriftPpm + 30);
    }

    [Fact]
    public void Align_DeviceClockJumpsForward_CountsOneReset()
    {
        const long jumpAt = 8 * Second;
        Func<long, long> before = SimulatedDeviceLink.DriftingClock(DeviceOffsetNs, DriftPpm);
        Func<long, long> after = SimulatedDeviceLink.DriftingClock(DeviceOffsetNs + (100 * Second), DriftPpm);
        SimulatedDeviceLink.Reception[] receptions = SimulatedDeviceLink.Generate(
            8, 16, 100, send => send < jumpAt ? before(send) : after(send));
        var aligner = new DeviceClockAligner(KnownLatency);

        ErrorStats errors = Run(aligner, receptions, fromSendNs: jumpAt + (2 * Second));

        Assert.Equal(1, aligner.Resets);
        Assert.True(errors.MaxNs < 2 * Ms, $"max error {errors.MaxNs} ns");
    }

    [Fact]
    public void Align_AFrameSentBeforeAResetArrivingAfterIt_IsMappedByTheOldClock()
    {
        var aligner = new DeviceClockAligner();
        long device = 50 * Second;
        long host = 0;
        for (; host < 3 * Second; host += 10 * Ms, device += 10 * Ms)
        {
            aligner.Observe(device, host + (5 * Ms));
        }

        long oldDevice = device;          // sent at host 3 s, delayed 30 ms in flight
        long oldSend = host;
        host += 10 * Ms;
        long newDevice = 0;               // the reboot: the clock restarts at 0
        aligner.Observe(newDevice, host + (5 * Ms));
        long straggler = aligner.Align(oldDevice, oldSend + (30 * Ms));
        for (int i = 0; i < 10; i++)
        {
            host += 10 * Ms;
            newDevice += 10 * Ms;
            aligner.Observe(newDevice, host + (5 * Ms));
        }

        Assert.Equal(oldSend + (5 * Ms), straggler);
        Assert.Equal(1, aligner.Stragglers);
        Assert.Equal(1, aligner.Resets);
        Assert.Equal(0, aligner.Outliers);
        Assert.Equal(host + (5 * Ms), aligner.ToHost(newDevice));
    }

    [Fact]
    public void Align_OneWildTimestamp_IsAnOutlierAndTheFitCarriesOn()
    {
        var aligner = new DeviceClockAligner();
        long device = 50 * Second;
        long host = 0;
        for (int i = 0; i < 300; i++, host += 10 * Ms, device += 10 * Ms)
        {
            aligner.Observe(device, host + (5 * Ms));
            if (i == 150)
            {
                aligner.Observe(device + (3_600 * Second), host + (6 * Ms));
            }
        }

        Assert.Equal(0, aligner.Resets);
        Assert.Equal(1, aligner.Outliers);
        Assert.Equal(host + (5 * Ms), aligner.ToHost(device));
    }

    [Fact]
    public void DriftPpm_ForAClockFarOffSpec_IsBoundedTo500()
    {
        SimulatedDeviceLink.Reception[] receptions = SimulatedDeviceLink.Generate(
            9, 10, 100, SimulatedDeviceLink.DriftingClock(DeviceOffsetNs, -3_000));
        var aligner = new DeviceClockAligner();
        foreach (SimulatedDeviceLink.Reception r in receptions)
        {
            aligner.Observe(r.DeviceTimeNs, r.ReceiveHostNs);
        }

        Assert.Equal(-DeviceClockAligner.MaxDriftPpm, aligner.DriftPpm, 6);
        Assert.Equal(0, aligner.Resets);
    }

    [Fact]
    public void Options_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClockAlignmentOptions { WindowCount = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClockAlignmentOptions { WindowNs = 1_000 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClockAlignmentOptions { BaseLatencyNs = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClockAlignmentOptions { ReorderCapacity = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClockAlignmentOptions { ReorderWindowNs = -1 });
    }

    [Fact]
    public void Align_AfterWarmUp_AllocatesNothingPerSample()
    {
        // 40 s with a reboot at 25 s, so the measured stretch closes windows, wraps the ring and resets.
        Func<long, long> before = SimulatedDeviceLink.DriftingClock(DeviceOffsetNs, DriftPpm);
        Func<long, long> after = SimulatedDeviceLink.DriftingClock(-25 * Second, DriftPpm);
        SimulatedDeviceLink.Reception[] receptions = SimulatedDeviceLink.Generate(
            10, 40, 100, send => send < 25 * Second ? before(send) : after(send));
        long[] deviceTimes = receptions.Select(r => r.DeviceTimeNs).ToArray();
        long[] receiveTimes = receptions.Select(r => r.ReceiveHostNs).ToArray();
        long checksum = 0;
        const int warmUp = 500;

        // One aligner per measured round (AllocationProbe measures up to three), each warmed on the same samples,
        // so every round aligns the same stretch, reboot included.
        var aligners = new DeviceClockAligner[3];
        for (int k = 0; k < aligners.Length; k++)
        {
            aligners[k] = new DeviceClockAligner();
            for (int i = 0; i < warmUp; i++)
            {
                checksum += aligners[k].Align(deviceTimes[i], receiveTimes[i]) + aligners[k].ToHost(deviceTimes[i]);
            }
        }

        int perRound = deviceTimes.Length - warmUp;
        int aligned = 0;
        long allocated = AllocationProbe.SteadyStateBytes(
            () =>
            {
                DeviceClockAligner aligner = aligners[aligned / perRound];
                int i = warmUp + (aligned % perRound);
                checksum += aligner.Align(deviceTimes[i], receiveTimes[i]) + aligner.ToHost(deviceTimes[i]) + aligner.OffsetNs;
                aligned++;
            },
            warmUp: 0,
            iterations: perRound);

        Assert.Equal(0, allocated);
        Assert.Equal(0, aligned % perRound);
        for (int k = 0; k < aligned / perRound; k++)
        {
            Assert.Equal(1, aligners[k].Resets);
        }

        Assert.NotEqual(0, checksum);
    }

    private static ErrorStats Run(DeviceClockAligner aligner, SimulatedDeviceLink.Reception[] receptions, long fromSendNs)
    {
        long max = 0;
        double sum = 0;
        int count = 0;
        foreach (SimulatedDeviceLink.Reception r in receptions)
        {
            long aligned = aligner.Align(r.DeviceTimeNs, r.ReceiveHostNs);
            if (r.SendHostNs >= fromSendNs)
            {
                long error = Math.Abs(aligned - r.SendHostNs);
                max = Math.Max(max, error);
                sum += error;
                count++;
            }
        }

        return new ErrorStats(max, sum / count, count);
    }

    private readonly record struct ErrorStats(long MaxNs, double MeanNs, int Count)
    {
        public override string ToString() => $"max {MaxNs / 1e6:F3} ms, mean {MeanNs / 1e6:F3} ms over {Count} frames";
    }
}
