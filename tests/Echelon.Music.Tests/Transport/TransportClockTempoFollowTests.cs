using Echelon.Music.Transport;

namespace Echelon.Music.Tests.Transport;

public sealed class TransportClockTempoFollowTests
{
    [Theory]
    [InlineData(100, 140, 2.0, 480)]
    [InlineData(150, 90, 5.0, 128)]
    [InlineData(120, 121, 0.5, 4096)]
    public void FollowTempo_ChangesNoFasterThanTheRateAndArrives(double from, double to, double rate, int block)
    {
        var clock = TransportClockMappingTests.NewClock(from);
        clock.FollowTempo(new Bpm(to), rate);
        double bound = (rate * block / 48_000.0) + 1e-12;
        double previous = clock.Tempo.Value;
        double seconds = (Math.Abs(to - from) / rate) + 1.0;
        int blocks = (int)Math.Ceiling(seconds * 48_000 / block);

        for (int i = 0; i < blocks; i++)
        {
            TransportBlock played = clock.Advance(block);
            double now = played.Tempo.Value;
            Assert.InRange(Math.Abs(now - previous), 0, bound);
            Assert.True(Math.Sign(to - from) * (now - previous) >= 0, "tempo moves toward the target only");
            previous = now;
        }

        Assert.Equal(to, clock.Tempo.Value);
        Assert.True(clock.IsFollowingTempo);
    }

    [Fact]
    public void FollowTempo_ReachesTheTargetAfterTheExpectedTime()
    {
        var clock = TransportClockMappingTests.NewClock(100);
        clock.FollowTempo(new Bpm(110), 2.0); // 10 BPM at 2 BPM/s: 5 s

        for (int i = 0; i < 490; i++)
        {
            clock.Advance(480); // 4.9 s
        }

        Assert.True(clock.Tempo.Value < 110);
        Assert.Equal(109.8, clock.Tempo.Value, 1e-9);
        for (int i = 0; i < 20; i++)
        {
            clock.Advance(480);
        }

        Assert.Equal(110.0, clock.Tempo.Value);
    }

    [Fact]
    public void FollowTempo_MixedBlockSizes_BoundIsPerSecondOfAudio()
    {
        var clock = TransportClockMappingTests.NewClock(60);
        clock.FollowTempo(new Bpm(200), 3.0);
        int[] sizes = [1, 7, 128, 4096, 333, 0];
        double previous = clock.Tempo.Value;
        for (int i = 0; i < 3000; i++)
        {
            int n = sizes[i % sizes.Length];
            double now = clock.Advance(n).Tempo.Value;
            Assert.InRange(now - previous, 0, (3.0 * n / 48_000.0) + 1e-12);
            previous = now;
        }

        long end = clock.Position;
        for (long s = end - 200_000; s <= end; s++)
        {
            Assert.Equal(s, clock.SampleAtBeat(clock.BeatAtSample(s)));
        }
    }

    [Fact]
    public void SetTempo_StopsFollowing()
    {
        var clock = TransportClockMappingTests.NewClock(100);
        clock.FollowTempo(new Bpm(140), 10);
        clock.Advance(4800);

        clock.SetTempo(new Bpm(90));
        clock.Advance(48_000);

        Assert.False(clock.IsFollowingTempo);
        Assert.Equal(90.0, clock.Tempo.Value);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void FollowTempo_BadRate_NamesTheRate(double rate)
    {
        var clock = TransportClockMappingTests.NewClock(100);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => clock.FollowTempo(new Bpm(120), rate));

        Assert.Equal("maxChangePerSecond", error.ParamName);
    }
}
