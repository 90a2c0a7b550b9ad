using Echelon.Cli.Osc;
using Echelon.Protocols.Osc;

namespace Echelon.Cli.Tests.Osc;

public sealed class OscArgumentParserTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly TimeProvider s_clock = new FixedClock(new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero));

    private static List<OscValue> Parse(string tags, params string[] values)
    {
        Assert.True(OscArgumentParser.TryParse(tags, values, s_clock, out List<OscValue>? arguments, out string? problem), problem);
        return arguments;
    }

    [Fact]
    public void EveryType_AsOscsendTypesIt()
    {
        List<OscValue> a = Parse("ihfdsScmTFNI", "-7", "-5000000000", "2.5", "1e-300", "hi there", "sym", "A", "00904060");
        Assert.Equal(
            [-7, -5_000_000_000L, 2.5f, 1e-300, "hi there", OscValue.Symbol("sym"), 'A', new OscMidi(0, 0x90, 0x40, 0x60), true, false, OscValue.Nil, OscValue.Infinitum],
            a);
    }

    [Fact]
    public void WhatOscsendCannotSend_BlobsColoursTimeTagsArrays()
    {
        List<OscValue> a = Parse(",b[ir]bt", "0x01ff", "3", "11223344", "", "deadbeef.80000000");
        Assert.Equal(new byte[] { 1, 0xff }, a[0].AsBlob().ToArray());
        Assert.Equal(OscValue.Array(3, new OscRgba(0x11, 0x22, 0x33, 0x44)), a[1]);
        Assert.Empty(a[2].AsBlob().ToArray());
        Assert.Equal(new OscTimeTag(0xdeadbeef, 0x80000000), a[3].AsTimeTag());
    }

    [Theory]
    [InlineData("immediate", 0u, 1u)]
    [InlineData("now", 3926232000u, 0u)]
    [InlineData("+1.5", 3926232001u, 0x80000000u)]
    [InlineData("2024-06-01T12:00:02Z", 3926232002u, 0u)]
    public void TimeTags_InEveryForm(string text, uint seconds, uint fraction)
    {
        Assert.True(OscArgumentParser.TryParseTimeTag(text, s_clock, out OscTimeTag tag));
        Assert.Equal(new OscTimeTag(seconds, fraction), tag);
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("inf")]
    [InlineData("-inf")]
    public void Reals_AcceptNanAndInfinities(string text)
    {
        Assert.False(double.IsFinite(Parse("d", text)[0].AsDouble()));
        Assert.False(float.IsFinite(Parse("f", text)[0].AsFloat32()));
    }

    [Theory]
    [InlineData("x", new string[0], "TYPETAGS: 'x' (position 1 of 'x') is not a type tag; allowed: i f s b h d t T F N I c m r S [ ]")]
    [InlineData("i]", new[] { "1" }, "TYPETAGS: ']' at position 2 of 'i]' closes no array")]
    [InlineData("[i", new[] { "1" }, "opens 1 array(s)")]
    [InlineData("ifs", new[] { "1" }, "VALUES: type tags 'ifs' take 3 value(s); got 1.")]
    [InlineData("T", new[] { "1" }, "take 0 value(s); got 1")]
    [InlineData("i", new[] { "2147483648" }, "value 1 ('2147483648') for type tag 'i' is not int32; allowed -2147483648–2147483647")]
    [InlineData("f", new[] { "one" }, "is not float32; allowed a decimal number")]
    [InlineData("c", new[] { "ab" }, "allowed exactly one character")]
    [InlineData("b", new[] { "abc" }, "allowed hex bytes, two digits each")]
    [InlineData("m", new[] { "9040" }, "allowed 8 hex digits: port, status, data1, data2")]
    [InlineData("r", new[] { "zz000000" }, "allowed 8 hex digits RRGGBBAA")]
    [InlineData("t", new[] { "tomorrow" }, "allowed immediate, now, +SECONDS")]
    [InlineData("t", new[] { "2040-01-01T00:00:00Z" }, "within 1900–2036")]
    public void BadInput_NamesTheArgumentAndWhatIsAllowed(string tags, string[] values, string words)
    {
        Assert.False(OscArgumentParser.TryParse(tags, values, s_clock, out _, out string? problem));
        Assert.Contains(words, problem, StringComparison.Ordinal);
    }
}
