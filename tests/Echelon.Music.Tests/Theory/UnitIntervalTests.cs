using Echelon.Music.Theory;

namespace Echelon.Music.Tests.Theory;

public sealed class UnitIntervalTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(1.0)]
    public void Constructor_InRange_KeepsTheValue(double value) =>
        Assert.Equal(value, new UnitInterval(value, "intensity").Value);

    [Theory]
    [InlineData(-1.0)]
    [InlineData(1.0000001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_OutOfRange_NamesTheFieldAndTheRange(double value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new UnitInterval(value, "intensity"));

        Assert.Equal("intensity", error.ParamName);
        Assert.StartsWith("intensity must be between 0 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MinusOne_SaysWhatItGot()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new UnitInterval(-1, "tension"));

        Assert.Equal("tension", error.ParamName);
        Assert.Contains("got -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clamp_BringsValuesIntoRange()
    {
        Assert.Equal(0.0, UnitInterval.Clamp(-3).Value);
        Assert.Equal(1.0, UnitInterval.Clamp(7).Value);
        Assert.Equal(0.0, UnitInterval.Clamp(double.NaN).Value);
        Assert.Equal(0.0, default(UnitInterval).Value);
    }
}
