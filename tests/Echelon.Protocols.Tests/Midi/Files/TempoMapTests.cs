using Echelon.Protocols.Midi.Files;

namespace Echelon.Protocols.Tests.Midi.Files;

/// <summary>Ticks ↔ seconds; the first cases port mido's tests/midifiles/test_units.py.</summary>
public sealed class TempoMapTests
{
    private static TempoMap Map(int ppq, params (long Tick, int Us)[] changes) =>
        new(MidiTimeDivision.Metrical(ppq), changes.Select(c => new TempoChange(c.Tick, c.Us)));

    [Fact]
    public void Mido_BpmToTempo_AndBack()
    {
        Assert.Equal(1_000_000, TempoChange.MicrosecondsFromBpm(60));
        Assert.Equal(500_000, TempoChange.MicrosecondsFromBpm(120));
        Assert.Equal(120, new TempoChange(0, 500_000).Bpm);
        Assert.Equal(60, new TempoChange(0, 1_000_000).Bpm);
        Assert.Equal(461_538, TempoChange.MicrosecondsFromBpm(130)); // 461538.46 rounds down
    }

    [Fact]
    public void Mido_TickToSecond()
    {
        Assert.Equal(0.005, Map(100, (0, 500_000)).ToSeconds(1));
        Assert.Equal(0.002, Map(100, (0, 100_000)).ToSeconds(2));
    }

    [Theory]
    [InlineData(0.001, 500_000, 0)]
    [InlineData(0.004, 500_000, 1)]
    [InlineData(0.005, 500_000, 1)]
    [InlineData(0.0015, 100_000, 2)]
    [InlineData(0.0025, 100_000, 2)]
    public void Mido_SecondToTick_RoundedHalfToEven(double seconds, int us, int ticks) =>
        Assert.Equal(ticks, Math.Round(Map(100, (0, us)).ToTicks(seconds), MidpointRounding.ToEven));

    [Fact]
    public void NoTempo_Means120Bpm()
    {
        var map = Map(480);
        Assert.Equal(0.5, map.ToSeconds(480));
        Assert.Equal(500_000, map.MicrosecondsPerQuarterNoteAt(10_000));
        Assert.Single(map.Changes);
    }

    [Fact]
    public void TempoChanges_AccumulateExactly()
    {
        // 120 BPM for one beat, 60 BPM for two, then 240 BPM.
        var map = Map(96, (0, 500_000), (96, 1_000_000), (288, 250_000));
        Assert.Equal(0.5, map.ToSeconds(96));
        Assert.Equal(1.5, map.ToSeconds(192));
        Assert.Equal(2.5, map.ToSeconds(288));
        Assert.Equal(2.75, map.ToSeconds(384));
        foreach (long tick in new long[] { 0, 1, 95, 96, 97, 200, 288, 1000, 123_456 })
        {
            Assert.Equal(tick, map.ToTicks(map.ToSeconds(tick)), 1e-6);
        }
    }

    [Fact]
    public void ManyChanges_StayExact()
    {
        // 10 000 changes alternating 499 999 and 500 001 µs: exact rational time after n beats is n × 0.5 s.
        var changes = Enumerable.Range(0, 10_000).Select(i => (i * 480L, i % 2 == 0 ? 499_999 : 500_001)).ToArray();
        var map = Map(480, changes);
        Assert.Equal(5000.0, map.ToSeconds(10_000 * 480L));
        Assert.Equal(10_000 * 480.0, map.ToTicks(5000.0), 1e-6);
    }

    [Fact]
    public void SameTick_LastWins_AndOrderDoesNotMatter()
    {
        var map = Map(480, (960, 400_000), (0, 600_000), (960, 300_000));
        Assert.Equal([0L, 960L], map.Changes.Select(c => c.Tick));
        Assert.Equal(300_000, map.MicrosecondsPerQuarterNoteAt(960));
        Assert.Equal(1.2 + 0.3, map.ToSeconds(1440), 1e-15);
    }

    [Theory]
    [InlineData(24, 40, 0.001041666666666666)]
    [InlineData(25, 40, 0.001)]
    [InlineData(30, 80, 1.0 / 2400)]
    public void Smpte_TicksAreFixedFractionsOfASecond_AndTempoIsIgnored(int fps, int tpf, double secondsPerTick)
    {
        var map = new TempoMap(MidiTimeDivision.Smpte(fps, tpf), [new TempoChange(0, 1_000_000)]);
        Assert.Equal(1000 * secondsPerTick, map.ToSeconds(1000), 1e-12);
        Assert.Equal(1000, map.ToTicks(map.ToSeconds(1000)), 1e-9);
    }

    [Fact]
    public void Smpte29_IsDropFrame2997()
    {
        var map = new TempoMap(MidiTimeDivision.Smpte(29, 100), []);
        Assert.Equal(1001.0 / 30000 / 100 * 2997, map.ToSeconds(2997), 1e-15);
        Assert.Equal(1.001, map.ToSeconds(3000), 1e-15); // 30 frames of 29.97 fps
    }

    [Fact]
    public void Division_WordRoundTrips()
    {
        Assert.Equal(0x01E0, MidiTimeDivision.Default.ToWord());
        var smpte = MidiTimeDivision.Smpte(25, 40);
        Assert.Equal(0xE728, smpte.ToWord()); // −25 = 0xE7
        Assert.True(MidiTimeDivision.TryFromWord(0xE728, out var back));
        Assert.Equal(smpte, back);
        Assert.False(MidiTimeDivision.TryFromWord(0, out _));
        Assert.False(MidiTimeDivision.TryFromWord(0xE500, out _)); // 0 ticks per frame
        Assert.True(MidiTimeDivision.TryFromWord(0xE250, out var thirty)); // 0xE2 = −30
        Assert.Equal((30, 80), (thirty.SmpteFramesPerSecond, thirty.TicksPerFrame));
        Assert.False(MidiTimeDivision.TryFromWord(0xE628, out _)); // −26 fps does not exist
    }

    [Fact]
    public void BadValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TempoChange(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TempoChange(-1, 500_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TempoChange(0, 0x1000000));
        Assert.Throws<ArgumentOutOfRangeException>(() => TempoChange.MicrosecondsFromBpm(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TempoChange.MicrosecondsFromBpm(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Map(480).ToSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Map(480).ToTicks(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiTimeDivision.Metrical(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiTimeDivision.Smpte(26, 10));
    }
}
