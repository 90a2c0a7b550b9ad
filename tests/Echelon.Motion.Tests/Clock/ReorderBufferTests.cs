using System.Numerics;
using Echelon.Core.Numerics;
using Echelon.Motion.Clock;
using Echelon.Motion.Frames;
using Echelon.Testing;

namespace Echelon.Motion.Tests.Clock;

public sealed class ReorderBufferTests
{
    private const long Ms = 1_000_000L;

    [Fact]
    public void TryPop_InputShuffledWithin30ms_ComesOutSorted()
    {
        // 2000 frames 5 ms apart, each arriving 0–30 ms after its time, so up to six overtake each other.
        var random = new DeterministicRandom(21);
        var arrivals = new (long ArrivalNs, ImuFrame Frame)[2000];
        for (int i = 0; i < arrivals.Length; i++)
        {
            long time = i * 5 * Ms;
            arrivals[i] = (time + (long)(random.NextDouble() * 30 * Ms), Frame(time, i));
        }

        Array.Sort(arrivals, static (a, b) => a.ArrivalNs.CompareTo(b.ArrivalNs));
        Assert.Contains(arrivals.Zip(arrivals.Skip(1)), p => p.Second.Frame.HostTimeNs < p.First.Frame.HostTimeNs);
        var buffer = new ReorderBuffer();
        var released = new List<SensorFrame>();

        foreach ((long arrival, ImuFrame frame) in arrivals)
        {
            Assert.True(buffer.TryPush(frame));
            while (buffer.TryPop(arrival, out SensorFrame? next))
            {
                Assert.True(next.HostTimeNs <= arrival - buffer.WindowNs);
                released.Add(next);
            }
        }

        buffer.Flush();
        while (buffer.TryPop(long.MinValue, out SensorFrame? next))
        {
            released.Add(next);
        }

        Assert.Equal(arrivals.Length, released.Count);
        Assert.Equal(Enumerable.Range(0, arrivals.Length).Select(i => i * 5 * Ms), released.Select(f => f.HostTimeNs));
        Assert.Equal(0, buffer.RejectedLate);
        Assert.Equal(0, buffer.ForcedReleases);
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void TryPop_BeforeTheWindowHasPassed_HoldsTheFrame()
    {
        var buffer = new ReorderBuffer(windowNs: 50 * Ms);
        buffer.TryPush(Frame(100 * Ms));

        Assert.False(buffer.TryPop(149 * Ms, out SensorFrame? early));
        Assert.Null(early);
        Assert.True(buffer.TryPop(150 * Ms, out SensorFrame? due));
        Assert.Equal(100 * Ms, due.HostTimeNs);
        Assert.Equal(100 * Ms, buffer.LastReleasedNs);
    }

    [Fact]
    public void TryPush_FrameOlderThanTheReleasedHorizon_IsRejectedAndCounted()
    {
        var buffer = new ReorderBuffer(windowNs: 50 * Ms);
        buffer.TryPush(Frame(100 * Ms));
        buffer.TryPush(Frame(120 * Ms));
        Assert.True(buffer.TryPop(175 * Ms, out _));
        Assert.True(buffer.TryPop(175 * Ms, out _));

        Assert.False(buffer.TryPush(Frame(110 * Ms)));
        Assert.True(buffer.TryPush(Frame(120 * Ms)), "a frame at the released time is not older");
        Assert.Equal(1, buffer.RejectedLate);
        Assert.Equal(1, buffer.Count);
    }

    [Fact]
    public void TryPush_WhenFull_ReleasesTheEarliestEarlyAndCounts()
    {
        var buffer = new ReorderBuffer(windowNs: 50 * Ms, capacity: 4);
        foreach (long t in new[] { 40L, 10, 30, 20 })
        {
            Assert.True(buffer.TryPush(Frame(t * Ms)));
        }

        Assert.True(buffer.TryPush(Frame(50 * Ms)));
        Assert.True(buffer.TryPush(Frame(60 * Ms)));

        Assert.Equal(2, buffer.ForcedReleases);
        Assert.Equal(6, buffer.Count);
        Assert.Equal(20 * Ms, buffer.LastReleasedNs);
        Assert.False(buffer.TryPush(Frame(15 * Ms)), "earlier than a forced release is late too");
        var order = new List<long>();
        while (buffer.TryPop(0, out SensorFrame? frame))
        {
            order.Add(frame.HostTimeNs / Ms);
        }

        Assert.Equal([10L, 20L], order);
        buffer.Flush();
        while (buffer.TryPop(0, out SensorFrame? frame))
        {
            order.Add(frame.HostTimeNs / Ms);
        }

        Assert.Equal([10L, 20L, 30L, 40L, 50L, 60L], order);
        Assert.Equal(0, buffer.Dropped);
    }

    [Fact]
    public void TryPush_WhenFullWithAnEarlierFrame_ReleasesThatFrameItself()
    {
        var buffer = new ReorderBuffer(windowNs: 50 * Ms, capacity: 2);
        buffer.TryPush(Frame(30 * Ms));
        buffer.TryPush(Frame(40 * Ms));

        Assert.True(buffer.TryPush(Frame(25 * Ms)));
        buffer.Flush();

        var times = new List<long>();
        while (buffer.TryPop(0, out SensorFrame? frame))
        {
            times.Add(frame.HostTimeNs / Ms);
        }

        Assert.Equal([25L, 30L, 40L], times);
        Assert.Equal(1, buffer.ForcedReleases);
    }

    [Fact]
    public void TryPush_FullAndNeverPopped_DropsTheEarliestReleasedAndNeverGrows()
    {
        var buffer = new ReorderBuffer(windowNs: 50 * Ms, capacity: 2);
        for (int i = 0; i < 10; i++)
        {
            buffer.TryPush(Frame(i * Ms));
        }

        Assert.Equal(8, buffer.ForcedReleases);
        Assert.Equal(6, buffer.Dropped);
        Assert.Equal(4, buffer.Count);
        Assert.True(buffer.TryPop(0, out SensorFrame? first));
        Assert.Equal(6 * Ms, first.HostTimeNs);
    }

    [Fact]
    public void TryPop_TiesInTime_KeepArrivalOrder()
    {
        var buffer = new ReorderBuffer(windowNs: 10 * Ms);
        buffer.TryPush(Frame(20 * Ms, 0));
        buffer.TryPush(Frame(10 * Ms, 1));
        for (int i = 2; i < 40; i++)
        {
            buffer.TryPush(Frame(i % 3 == 0 ? 10 * Ms : 20 * Ms, i));
        }

        var sequence = new List<float>();
        while (buffer.TryPop(100 * Ms, out SensorFrame? frame))
        {
            sequence.Add(((ImuFrame)frame).Acceleration.X);
        }

        float[] expected = Enumerable.Range(0, 40).Where(i => i == 1 || (i >= 2 && i % 3 == 0))
            .Concat(Enumerable.Range(0, 40).Where(i => i == 0 || (i >= 2 && i % 3 != 0)))
            .Select(i => (float)i).ToArray();
        Assert.Equal(expected, sequence);
    }

    [Fact]
    public void Flush_ReleasesEverythingHeldInOrder()
    {
        var buffer = new ReorderBuffer();
        buffer.TryPush(Frame(30 * Ms));
        buffer.TryPush(Frame(10 * Ms));
        buffer.TryPush(Frame(20 * Ms));
        Assert.False(buffer.TryPop(0, out _));

        buffer.Flush();

        var times = new List<long>();
        while (buffer.TryPop(0, out SensorFrame? frame))
        {
            times.Add(frame.HostTimeNs);
        }

        Assert.Equal([10 * Ms, 20 * Ms, 30 * Ms], times);
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void Constructor_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReorderBuffer(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReorderBuffer(capacity: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReorderBuffer(capacity: ReorderBuffer.MaxCapacity + 1));
    }

    [Fact]
    public void PushAndPop_AfterWarmUp_AllocateNothing()
    {
        // Frames 5 ms apart arriving up to 30 ms late; a small capacity so the measured stretch also
        // forces releases, and every 97th frame is pushed far too late to be rejected.
        var random = new DeterministicRandom(22);
        const int warmUp = 2048;
        const int measured = 6144;
        const int total = warmUp + (3 * measured); // room for AllocationProbe's three rounds
        var frames = new ImuFrame[total];
        var arrivals = new long[total];
        for (int i = 0; i < total; i++)
        {
            long time = i * 5 * Ms;
            long delay = i % 97 == 0 ? 200 * Ms : (long)(random.NextDouble() * 30 * Ms);
            frames[i] = Frame(time, i);
            arrivals[i] = time + delay;
        }

        int[] order = Enumerable.Range(0, total).OrderBy(i => arrivals[i]).ThenBy(i => i).ToArray();
        var buffer = new ReorderBuffer(windowNs: 50 * Ms, capacity: 8);
        long checksum = 0;
        for (int k = 0; k < warmUp; k++)
        {
            checksum += PushThenDrain(buffer, frames[order[k]], arrivals[order[k]]);
        }

        long forcedBefore = buffer.ForcedReleases;
        long rejectedBefore = buffer.RejectedLate;
        int next = warmUp;
        long allocated = AllocationProbe.SteadyStateBytes(
            () =>
            {
                checksum += PushThenDrain(buffer, frames[order[next]], arrivals[order[next]]);
                next++;
            },
            warmUp: 0,
            iterations: measured);

        Assert.Equal(0, allocated);
        Assert.True(buffer.ForcedReleases > forcedBefore);
        Assert.True(buffer.RejectedLate > rejectedBefore);
        Assert.NotEqual(0, checksum);
    }

    private static long PushThenDrain(ReorderBuffer buffer, ImuFrame frame, long nowNs)
    {
        long sum = 0;
        buffer.TryPush(frame);
        while (buffer.TryPop(nowNs, out SensorFrame? released))
        {
            sum += released.HostTimeNs;
        }

        return sum;
    }

    private static ImuFrame Frame(long hostTimeNs, int tag = 0) =>
        new("phone", hostTimeNs, hostTimeNs, new Vector3(tag, 0, 9.81f));
}
