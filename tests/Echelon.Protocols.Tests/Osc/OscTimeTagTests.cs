using Echelon.Protocols.Osc;

namespace Echelon.Protocols.Tests.Osc;

public sealed class OscTimeTagTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Immediate_IsTheValueOne()
    {
        Assert.Equal(1UL, OscTimeTag.Immediate.Value);
        Assert.True(OscTimeTag.Immediate.IsImmediate);
        Assert.False(new OscTimeTag(0UL).IsImmediate);
        Assert.Equal("00000000.00000001", OscTimeTag.Immediate.ToString());
    }

    [Fact]
    public void SecondsAndFraction_AreTheHighAndLowHalves()
    {
        var tag = new OscTimeTag(0xdeadbeef, 0x80000000);
        Assert.Equal(0xdeadbeef_80000000UL, tag.Value);
        Assert.Equal(0xdeadbeefu, tag.Seconds);
        Assert.Equal(0x80000000u, tag.Fraction);
        Assert.Equal("deadbeef.80000000", tag.ToString());
        Assert.Equal(tag, OscTimeTag.Parse("deadbeef.80000000"));
    }

    [Theory]
    [InlineData("deadbeef80000000")]
    [InlineData("deadbeef.8000000g")]
    [InlineData("")]
    [InlineData("1.5")]
    public void Parse_RejectsOtherForms(string text)
    {
        Assert.False(OscTimeTag.TryParse(text, out _));
        FormatException e = Assert.Throws<FormatException>(() => OscTimeTag.Parse(text));
        Assert.Contains("HHHHHHHH.HHHHHHHH", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnixEpoch_Is2208988800Seconds()
    {
        OscTimeTag tag = OscTimeTag.FromDateTime(DateTime.UnixEpoch);
        Assert.Equal(new OscTimeTag(2208988800u, 0u), tag);
        Assert.Equal(0.0, tag.ToUnixTimeSeconds());
        Assert.Equal(2208988800.0, tag.ToSecondsSince1900());
    }

    [Fact]
    public void DateTime_RoundTripsToTheTick()
    {
        var random = new Random(7);
        for (int i = 0; i < 10_000; i++)
        {
            long ticks = OscTimeTag.Epoch.Ticks + random.NextInt64(0, (long)uint.MaxValue * TimeSpan.TicksPerSecond);
            var time = new DateTime(ticks, DateTimeKind.Utc);
            Assert.Equal(time, OscTimeTag.FromDateTime(time).ToDateTime());
        }
    }

    [Fact]
    public void LocalTime_IsConvertedToUtc()
    {
        var utc = new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(OscTimeTag.FromDateTime(utc), OscTimeTag.FromDateTime(utc.ToLocalTime()));
    }

    [Fact]
    public void OutsideEraZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OscTimeTag.FromDateTime(new DateTime(1899, 12, 31, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Throws<ArgumentOutOfRangeException>(() => OscTimeTag.FromDateTime(new DateTime(2036, 2, 7, 6, 28, 16, DateTimeKind.Utc)));
        Assert.Equal(uint.MaxValue, OscTimeTag.FromDateTime(new DateTime(2036, 2, 7, 6, 28, 15, DateTimeKind.Utc)).Seconds);
        Assert.Throws<ArgumentOutOfRangeException>(() => OscTimeTag.FromSecondsSince1900(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => OscTimeTag.FromUnixTimeSeconds(-2208988801.0));
    }

    [Fact]
    public void Now_ComesFromTheInjectedClock()
    {
        // osc.js's "May 4, 2014" vector: 1399158000.5 s Unix time (its comment says midnight UTC; it is 23:00 UTC on May 3).
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(1_399_158_000_500));
        Assert.Equal(new OscTimeTag(3608146800u, 2147483648u), OscTimeTag.Now(clock));
    }

    [Fact]
    public void AddSeconds_MovesByTwoToTheMinus32Units()
    {
        var tag = new OscTimeTag(100u, 0u);
        Assert.Equal(new OscTimeTag(101u, 0x80000000u), tag.AddSeconds(1.5));
        Assert.Equal(new OscTimeTag(99u, 0x80000000u), tag.AddSeconds(-0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => tag.AddSeconds(-101));
        Assert.Throws<ArgumentOutOfRangeException>(() => tag.AddSeconds(double.PositiveInfinity));
    }

    [Fact]
    public void Comparison_FollowsTheValue()
    {
        var early = new OscTimeTag(5u, 1u);
        var late = new OscTimeTag(5u, 2u);
        Assert.True(early < late);
        Assert.True(late >= early);
        Assert.True(early != late);
        Assert.Equal(-1, early.CompareTo(late));
        Assert.Equal(early, new OscTimeTag(early.Value));
    }
}
