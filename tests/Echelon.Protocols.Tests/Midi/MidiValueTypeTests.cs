using Echelon.Protocols.Midi;

namespace Echelon.Protocols.Tests.Midi;

public sealed class MidiValueTypeTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(16)]
    [InlineData(int.MaxValue)]
    public void MidiChannel_OutOfRange_ThrowsNamingValueAndRange(int value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MidiChannel(value));
        Assert.Equal("value", e.ParamName);
        Assert.Equal((double)value, e.ActualValue);
        Assert.Contains("[0, 15]", e.Message, StringComparison.Ordinal);
        Assert.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(128)]
    [InlineData(255)]
    public void SevenBit_OutOfRange_ThrowsNamingValueAndRange(int value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SevenBit(value));
        Assert.Contains("[0, 127]", e.Message, StringComparison.Ordinal);
        Assert.Equal((double)value, e.ActualValue);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(16384)]
    public void FourteenBit_OutOfRange_ThrowsNamingValueAndRange(int value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FourteenBit(value));
        Assert.Contains("[0, 16383]", e.Message, StringComparison.Ordinal);
        Assert.Equal((double)value, e.ActualValue);
    }

    [Fact]
    public void Conversions_CheckRangeToo()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => (SevenBit)200);
        Assert.Throws<ArgumentOutOfRangeException>(() => (MidiChannel)(-3));
        Assert.Throws<ArgumentOutOfRangeException>(() => (FourteenBit)20000);
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiChannel.FromNumber(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiChannel.FromNumber(17));
        Assert.Throws<ArgumentOutOfRangeException>(() => FourteenBit.FromBipolar(8192));
        Assert.Throws<ArgumentOutOfRangeException>(() => SevenBit.FromUnitInterval(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => SevenBit.FromUnitInterval(1.0001));
    }

    [Fact]
    public void Edges_AreAccepted()
    {
        Assert.Equal(15, new MidiChannel(15).Value);
        Assert.Equal(16, MidiChannel.FromNumber(16).Number);
        Assert.Equal(9, MidiChannel.Percussion.Value);
        Assert.Equal(127, new SevenBit(127).Value);
        Assert.Equal(16383, new FourteenBit(16383).Value);
        Assert.Equal(0, new FourteenBit(0).Value);
        Assert.Equal("ch 10", MidiChannel.Percussion.ToString());
    }

    [Fact]
    public void FourteenBit_HalvesAndBipolar()
    {
        var v = new FourteenBit(0x2A5B); // 10843
        Assert.Equal(0x2A5B >> 7, v.Msb.Value);
        Assert.Equal(0x5B, v.Lsb.Value);
        Assert.Equal(v, FourteenBit.FromHalves(v.Msb, v.Lsb));
        Assert.Equal(10843 - 8192, v.Bipolar);
        Assert.Equal(0, FourteenBit.FromBipolar(-8192).Value);
        Assert.Equal(16383, FourteenBit.FromBipolar(8191).Value);
        Assert.Equal(8192, FourteenBit.Center.Value);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0, 127)]
    [InlineData(0.5, 64)] // 63.5 rounds away from zero
    [InlineData(0.2, 25)] // 25.4
    public void SevenBit_FromUnitInterval_Rounds(double unit, int expected) =>
        Assert.Equal(expected, SevenBit.FromUnitInterval(unit).Value);
}
