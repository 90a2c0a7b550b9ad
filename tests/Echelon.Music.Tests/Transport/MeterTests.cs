using Echelon.Music.Transport;

namespace Echelon.Music.Tests.Transport;

public sealed class MeterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    public void Constructor_InRange_KeepsTheBeats(int beats) => Assert.Equal(beats, new Meter(beats).BeatsPerBar);

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(-4)]
    public void Constructor_OutOfRange_NamesMeterAndTheRange(int beats)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Meter(beats));

        Assert.Equal("meter", error.ParamName);
        Assert.StartsWith("meter must have between 1 and 16 beats per bar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_IsFourBeats()
    {
        Assert.Equal(4, default(Meter).BeatsPerBar);
        Assert.Equal(new Meter(4), Meter.Common);
    }
}
