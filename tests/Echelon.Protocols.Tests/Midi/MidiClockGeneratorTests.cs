using Echelon.Protocols.Midi;

namespace Echelon.Protocols.Tests.Midi;

public sealed class MidiClockGeneratorTests
{
    [Fact]
    public void At120Bpm_24ClocksPerHalfSecond()
    {
        var clock = new MidiClockGenerator(120);
        var times = new double[100];
        int n = clock.Advance(0.5, times);
        Assert.Equal(24, n);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(i * 0.5 / 24, times[i], 1e-12);
        }

        Assert.Equal(0.5, clock.NextClockSeconds, 1e-12);
        Assert.Equal(24, clock.ClockCount);
    }

    [Fact]
    public void TempoChange_AppliesFromTheNextClock_WithoutJump()
    {
        var clock = new MidiClockGenerator(60, startSeconds: 10);
        var times = new double[8];
        Assert.Equal(2, clock.Advance(10 + (1.5 / 24), times)); // 10 and 10 + 1/24
        clock.SetTempo(120);
        Assert.Equal(10 + (2.0 / 24), clock.NextClockSeconds, 1e-12); // already scheduled: unchanged
        int n = clock.Advance(11, times);
        Assert.Equal(10 + (2.0 / 24), times[0], 1e-12);
        Assert.Equal(10 + (2.0 / 24) + (0.5 / 24), times[1], 1e-12);
        Assert.Equal(n, times.Length); // more are due than fit; the rest wait
        Assert.True(clock.NextClockSeconds < 11);
    }

    [Fact]
    public void LongRun_DoesNotDrift()
    {
        var clock = new MidiClockGenerator(133);
        var times = new double[1024];
        double last = 0;
        long total = 0;
        while (total < 24 * 133 * 60) // one hour
        {
            int n = clock.Advance(double.MaxValue, times);
            last = times[n - 1];
            total += n;
        }

        Assert.Equal((total - 1) * 60.0 / (24 * 133), last, 1e-9);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(1001.0)]
    public void BadTempo_Throws(double bpm) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MidiClockGenerator(bpm));
}
