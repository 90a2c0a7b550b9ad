using Echelon.Music.Transport;

namespace Echelon.Music.Tests.Transport;

public sealed class TransportClockQuantizeTests
{
    [Theory]
    [InlineData(1.12, 0.25, 1.0)]
    [InlineData(1.13, 0.25, 1.25)]
    [InlineData(1.125, 0.25, 1.25)]
    [InlineData(2.9, 1.0, 3.0)]
    [InlineData(5.0, 4.0, 4.0)]
    [InlineData(0.3, 1.0 / 3.0, 1.0 / 3.0)]
    public void QuantizeToGrid_GoesToTheNearestGridPoint(double beat, double grid, double expected) =>
        Assert.Equal(expected, TransportClock.QuantizeToGrid(beat, grid), 1e-12);

    [Theory]
    [InlineData(1.01, 0.25, 1.25)]
    [InlineData(1.0, 0.25, 1.0)]
    [InlineData(1.0000000000001, 0.25, 1.0)]
    [InlineData(1.24, 0.25, 1.25)]
    [InlineData(4.5, 4.0, 8.0)]
    [InlineData(0.0, 0.5, 0.0)]
    public void QuantizeToNextGrid_GoesToTheFirstGridPointAtOrAfter(double beat, double grid, double expected) =>
        Assert.Equal(expected, TransportClock.QuantizeToNextGrid(beat, grid), 1e-12);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.25)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Quantize_BadGrid_NamesGrid(double grid)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TransportClock.QuantizeToGrid(1, grid));

        Assert.Equal("grid", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => TransportClock.QuantizeToNextGrid(1, grid));
    }

    [Fact]
    public void QuantizeSampleToGrid_SnapsALateOnsetToTheBeat()
    {
        var clock = TransportClockMappingTests.NewClock(120);
        clock.Advance(100_000);

        Assert.Equal(48_000, clock.QuantizeSampleToGrid(48_700, 1.0));
        Assert.Equal(54_000, clock.QuantizeSampleToGrid(53_900, 0.25));
        Assert.Equal(72_000, clock.NextGridSample(48_001, 1.0));
        Assert.Equal(48_000, clock.NextGridSample(48_000, 1.0));
    }

    [Fact]
    public void QuantizeSampleToGrid_UsesTheTempoInForceThen()
    {
        var clock = TransportClockMappingTests.NewClock(120);
        clock.Advance(48_000); // beat 2
        clock.SetTempo(new Bpm(60)); // 48 000 samples per beat from here

        Assert.Equal(96_000, clock.QuantizeSampleToGrid(95_000, 1.0)); // beat 3
        Assert.Equal(24_000, clock.QuantizeSampleToGrid(25_000, 1.0)); // beat 1, at the old tempo
    }
}
