using Echelon.Music.Theory;
using Echelon.Music.Transport;

namespace Echelon.Music.Tests.Transport;

/// <summary>Bar lines, and key, section and meter changes that wait for them.</summary>
public sealed class TransportClockBarTests
{
    private const long Bar = 96_000; // 4 beats at 120 BPM, 48 kHz

    [Fact]
    public void Advance_FirstBlock_StartsBarZeroAtSampleZero()
    {
        var clock = TransportClockMappingTests.NewClock(120);
        Assert.Equal(-1, clock.Bar);

        TransportBlock block = clock.Advance(128);

        Assert.True(block.BarStarted);
        Assert.Equal(1, block.BarLines);
        Assert.Equal(0, block.FirstBarSample);
        Assert.Equal(0, block.FirstBar);
        Assert.Equal(0, clock.Bar);
        Assert.Equal(4.0, clock.NextBarBeat);
        Assert.Equal(Bar, clock.NextBarSample);
    }

    [Fact]
    public void ScheduleKeyChange_TakesEffectOnlyAtTheBarLine()
    {
        var clock = TransportClockMappingTests.NewClock(120);
        var c = new Scale(0, Mode.Ionian);
        var g = new Scale(7, Mode.Mixolydian);
        clock.Advance(1000);

        clock.ScheduleKeyChange(g);
        TransportBlock before = clock.Advance((int)(Bar - 1000)); // up to the sample before the bar line

        Assert.False(before.BarStarted);
        Assert.False(before.KeyChanged);
        Assert.Equal(c, clock.Key);
        Assert.Equal(c, before.Key);

        TransportBlock at = clock.Advance(128);

        Assert.True(at.KeyChanged);
        Assert.Equal(Bar, at.FirstBarSample);
        Assert.Equal(1, at.FirstBar);
        Assert.Equal(g, at.Key);
        Assert.Equal(g, clock.Key);

        TransportBlock next = clock.Advance((int)Bar);
        Assert.False(next.KeyChanged);
    }

    [Fact]
    public void ScheduleKeyChange_MidBlock_ReportsTheBarSampleInsideTheBlock()
    {
        var clock = TransportClockMappingTests.NewClock(120);
        clock.Advance(90_000);
        clock.ScheduleKeyChange(new Scale(2, Mode.Dorian));

        TransportBlock block = clock.Advance(10_000);

        Assert.True(block.KeyChanged);
        Assert.Equal(Bar, block.FirstBarSample);
        Assert.InRange(block.FirstBarSample, block.StartSample, block.StartSample + block.SampleCount - 1);
    }

    [Fact]
    public void ScheduleSection_TakesEffectAtTheBarLine_AndTheLastScheduleWins()
    {
        var clock = TransportClockMappingTests.NewClock(120);
        clock.Advance(500);
        clock.ScheduleSection(1);
        clock.ScheduleSection(2);

        Assert.Equal(0, clock.Advance(50_000).Section);
        TransportBlock block = clock.Advance(50_000);

        Assert.True(block.SectionChanged);
        Assert.Equal(2, block.Section);
        Assert.Equal(2, clock.Section);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.ScheduleSection(-1));
    }

    [Fact]
    public void Advance_OverSeveralBars_CountsEveryBarLineAndAppliesChangesAtTheFirst()
    {
        var clock = TransportClockMappingTests.NewClock(120);
        clock.Advance(10);
        clock.ScheduleSection(3);

        TransportBlock block = clock.Advance(300_000); // samples 10 … 300 009: bar lines at 96 000, 192 000, 288 000

        Assert.Equal(3, block.BarLines);
        Assert.Equal(Bar, block.FirstBarSample);
        Assert.Equal(1, block.FirstBar);
        Assert.True(block.SectionChanged);
        Assert.Equal(3, clock.Bar);
    }

    [Fact]
    public void Advance_OddBlockSizes_FindsEveryBarLineOnItsSample()
    {
        var clock = TransportClockMappingTests.NewClock(133.7, 3);
        var barSamples = new List<long>();
        int[] sizes = [1, 7, 128, 4096, 0, 333];
        for (int i = 0; clock.Position < 2_000_000; i++)
        {
            TransportBlock block = clock.Advance(sizes[i % sizes.Length]);
            if (block.BarStarted)
            {
                Assert.Equal(1, block.BarLines);
                barSamples.Add(block.FirstBarSample);
            }
        }

        for (int k = 0; k < barSamples.Count; k++)
        {
            Assert.Equal(clock.SampleAtBeat(3.0 * k), barSamples[k]);
        }

        Assert.Equal(barSamples.Count - 1, clock.Bar);
    }

    [Fact]
    public void ScheduleMeterChange_TheNextBarHasTheNewLength()
    {
        var clock = TransportClockMappingTests.NewClock(120);
        clock.Advance(1000);
        clock.ScheduleMeterChange(new Meter(3));
        clock.Advance(50_000);
        Assert.Equal(4, clock.Meter.BeatsPerBar);

        TransportBlock block = clock.Advance(50_000);

        Assert.True(block.MeterChanged);
        Assert.Equal(3, block.Meter.BeatsPerBar);
        Assert.Equal(7.0, clock.NextBarBeat);
        Assert.Equal(Bar + 72_000, clock.NextBarSample);
    }

    [Fact]
    public void TempoChangeMidBar_MovesTheNextBarLineToTheNewTempo()
    {
        var clock = TransportClockMappingTests.NewClock(120);
        clock.Advance(48_000); // beat 2 of bar 0
        clock.SetTempo(new Bpm(60)); // the last two beats take 48 000 samples each

        Assert.Equal(144_000, clock.NextBarSample);
        TransportBlock block = clock.Advance(100_000);
        Assert.Equal(144_000, block.FirstBarSample);
    }

    [Fact]
    public void Advance_ZeroSamples_DoesNothing()
    {
        var clock = TransportClockMappingTests.NewClock(120);
        clock.ScheduleKeyChange(new Scale(5, Mode.Lydian));
        clock.FollowTempo(new Bpm(150), 100);

        TransportBlock block = clock.Advance(0);

        Assert.False(block.BarStarted);
        Assert.Equal(0, clock.Position);
        Assert.Equal(120.0, clock.Tempo.Value);
        Assert.Equal(0, clock.Key.Tonic);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(-1));
    }

    [Fact]
    public void Reset_ReturnsToTheStart()
    {
        var clock = TransportClockMappingTests.NewClock(120);
        clock.ScheduleKeyChange(new Scale(5, Mode.Lydian));
        clock.Advance(200_000);
        clock.SetTempo(new Bpm(70));
        clock.Advance(10_000);

        clock.Reset();

        Assert.Equal(0, clock.Position);
        Assert.Equal(-1, clock.Bar);
        Assert.Equal(120.0, clock.Tempo.Value);
        Assert.Equal(new Scale(0, Mode.Ionian), clock.Key);
        Assert.Equal(24_000, clock.SampleAtBeat(1));
    }
}
