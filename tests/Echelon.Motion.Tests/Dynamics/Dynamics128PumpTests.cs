using Echelon.Motion.Dynamics;
using Echelon.Motion.Synthetic;

namespace Echelon.Motion.Tests.Dynamics;

public sealed class Dynamics128PumpTests
{
    [Fact]
    public void Run_IngestsEveryFrameBeforeItsTickAndBuildsOneVectorPerTick()
    {
        using var dancer = new SyntheticDancer(new SyntheticDancerOptions { Seconds = 2.005, Seed = 1 });
        var frameTimes = new List<long>();
        var tickTimes = new List<long>();
        long lastFrameBeforeTick = -1;
        long ticks = Dynamics128Pump.Run(
            dancer,
            new Dynamics128Builder(),
            100.0,
            f =>
            {
                Assert.True(tickTimes.Count == 0 || f.HostTimeNs > tickTimes[^1], "a frame is ingested at the first tick at or after its time");
                frameTimes.Add(f.HostTimeNs);
                lastFrameBeforeTick = f.HostTimeNs;
            },
            v =>
            {
                Assert.True(lastFrameBeforeTick <= v.TimeNs);
                tickTimes.Add(v.TimeNs);
            });

        Assert.Equal(121 + 201, frameTimes.Count); // 2.005 s: skeleton at 60 Hz (0…2.0 s), phone at 100 Hz (0…2.0 s)
        Assert.Equal(ticks, tickTimes.Count);
        Assert.Equal(201, ticks); // ticks 0, 10 ms, …, 2.0 s: the last covers the last frame
        Assert.Equal(Enumerable.Range(0, 201).Select(i => i * 10_000_000L), tickTimes);
    }

    [Fact]
    public void Run_StopsAtUntil()
    {
        using var dancer = new SyntheticDancer(new SyntheticDancerOptions { Seconds = 5 });
        long ticks = Dynamics128Pump.Run(dancer, new Dynamics128Builder(), 100.0, null, _ => { }, untilNs: 1_000_000_000);
        Assert.Equal(101, ticks);
    }

    [Fact]
    public void Run_BadRate_Throws()
    {
        using var dancer = new SyntheticDancer(new SyntheticDancerOptions { Seconds = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => Dynamics128Pump.Run(dancer, new Dynamics128Builder(), 5.0, null, _ => { }));
    }
}
