using Echelon.Music.Theory;
using Echelon.Music.Transport;

namespace Echelon.Music.Tests.Transport;

/// <summary>Beat ↔ sample mapping: exact to the sample, across tempo changes.</summary>
public sealed class TransportClockMappingTests
{
    private const int Rate = 48_000;

    [Fact]
    public void SampleAtBeat_At120_IsHalfASecondPerBeat()
    {
        var clock = NewClock(120);

        Assert.Equal(24_000, clock.SampleAtBeat(1));
        Assert.Equal(96_000, clock.SampleAtBeat(4));
        Assert.Equal(12_000, clock.SampleAtBeat(0.5));
        Assert.Equal(1.0, clock.BeatAtSample(24_000));
        Assert.Equal(24_000.0, clock.SamplesPerBeat);
    }

    [Fact]
    public void BeatPhase_IsZeroOnTheBeatAndPiHalfway()
    {
        var clock = NewClock(120);

        Assert.Equal(0.0, clock.BeatPhase);
        clock.Advance(12_000);
        Assert.Equal(Math.PI, clock.BeatPhase, 1e-12);
        clock.Advance(12_000);
        Assert.Equal(0.0, clock.BeatPhase, 1e-12);
        Assert.Equal(1.0, clock.PositionBeats);
        Assert.Equal(0.5, clock.PositionSeconds);
    }

    [Fact]
    public void RoundTrip_AfterSeveralTempoChanges_IsExactForEverySample()
    {
        var clock = NewClock(120);
        var segments = PlayWithTempoChanges(clock, out long end);

        for (long s = 0; s <= end + 100_000; s++)
        {
            Assert.Equal(s, clock.SampleAtBeat(clock.BeatAtSample(s)));
        }

        Assert.True(segments.Count >= 6);
    }

    [Fact]
    public void Mapping_AfterSeveralTempoChanges_MatchesAnExactDecimalReference()
    {
        var clock = NewClock(120);
        var segments = PlayWithTempoChanges(clock, out long end);

        for (long s = 0; s <= end + 50_000; s += 997)
        {
            decimal expectedBeat = ReferenceBeat(segments, s);
            Assert.Equal((double)expectedBeat, clock.BeatAtSample(s), 1e-9);
        }

        for (double beat = 0; beat < clock.BeatAtSample(end) + 20; beat += 0.125)
        {
            long expected = ReferenceSample(segments, (decimal)beat);
            Assert.Equal(expected, clock.SampleAtBeat(beat));
        }
    }

    [Fact]
    public void BeatAtSample_IsContinuousAndIncreasingAcrossTempoChanges()
    {
        var clock = NewClock(90);
        PlayWithTempoChanges(clock, out long end);

        double previous = clock.BeatAtSample(0);
        for (long s = 1; s <= end; s++)
        {
            double beat = clock.BeatAtSample(s);
            double step = beat - previous;
            Assert.InRange(step, (1.0 / Rate * 40 / 60) - 1e-9, (1.0 / Rate * 200 / 60) + 1e-9);
            previous = beat;
        }
    }

    [Fact]
    public void SetTempo_TwiceAtTheSameSample_KeepsTheBeatThere()
    {
        var clock = NewClock(120);
        clock.Advance(24_000);
        clock.SetTempo(new Bpm(60));
        clock.SetTempo(new Bpm(180));

        Assert.Equal(1.0, clock.BeatAtSample(24_000));
        Assert.Equal(24_000 + 16_000, clock.SampleAtBeat(2));
    }

    [Fact]
    public void SampleAtBeat_NotFinite_Throws()
    {
        var clock = NewClock(120);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => clock.SampleAtBeat(double.NaN));

        Assert.Equal("beat", error.ParamName);
    }

    [Fact]
    public void Constructor_BadSampleRate_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransportClock(0, default, default, new Scale(0, Mode.Ionian)));

    internal static TransportClock NewClock(double bpm, int beatsPerBar = 4) =>
        new(Rate, new Bpm(bpm), new Meter(beatsPerBar), new Scale(0, Mode.Ionian));

    // Plays odd-sized blocks and changes tempo at block starts; returns (start sample, bpm) per segment.
    private static List<(long Start, decimal Bpm)> PlayWithTempoChanges(TransportClock clock, out long end)
    {
        var segments = new List<(long, decimal)> { (0, (decimal)clock.Tempo.Value) };
        double[] tempi = [97.3, 143.1, 61.7, 200, 40, 133.33];
        int[] blocks = [1, 7, 128, 511, 4096, 333];
        int b = 0;
        foreach (double bpm in tempi)
        {
            for (int i = 0; i < 40; i++)
            {
                clock.Advance(blocks[b++ % blocks.Length]);
            }

            clock.SetTempo(new Bpm(bpm));
            segments.Add((clock.Position, (decimal)bpm));
        }

        end = clock.Position;
        return segments;
    }

    private static decimal ReferenceBeat(List<(long Start, decimal Bpm)> segments, long sample)
    {
        decimal beat = 0;
        for (int i = 0; i < segments.Count; i++)
        {
            long segmentEnd = i + 1 < segments.Count ? segments[i + 1].Start : long.MaxValue;
            long until = Math.Min(sample, segmentEnd);
            beat += (until - segments[i].Start) * segments[i].Bpm / (60m * Rate);
            if (sample <= segmentEnd)
            {
                break;
            }
        }

        return beat;
    }

    private static long ReferenceSample(List<(long Start, decimal Bpm)> segments, decimal beat)
    {
        for (int i = segments.Count - 1; i >= 0; i--)
        {
            decimal startBeat = ReferenceBeat(segments, segments[i].Start);
            if (startBeat <= beat || i == 0)
            {
                decimal samples = (beat - startBeat) * 60m * Rate / segments[i].Bpm;
                return segments[i].Start + (long)Math.Round(samples, MidpointRounding.AwayFromZero);
            }
        }

        throw new InvalidOperationException("unreachable");
    }
}
