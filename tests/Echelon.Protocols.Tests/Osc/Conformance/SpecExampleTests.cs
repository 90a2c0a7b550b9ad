using Echelon.Protocols.Osc;
using Echelon.Protocols.Tests.Osc.Infrastructure;

namespace Echelon.Protocols.Tests.Osc.Conformance;

/// <summary>The examples of the OSC 1.0 specification (spec-1_0-examples.md), the byte dumps read from the file.</summary>
public sealed class SpecExampleTests
{
    /// <summary>The hex bytes of the example that follows <paramref name="marker"/>: every "xx (c)" pair up to <paramref name="endMarker"/>.</summary>
    private static byte[] DumpAfter(string marker, string endMarker)
    {
        string text = OscData.Read("osc-1.0-spec-examples/spec-1_0-examples.md");
        int start = text.IndexOf(marker, StringComparison.Ordinal);
        int codeStart = text.IndexOf("      2f (/)", start, StringComparison.Ordinal);
        int end = text.IndexOf(endMarker, codeStart, StringComparison.Ordinal);
        var bytes = new List<byte>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text[codeStart..end], @"(?<![0-9a-f])([0-9a-f]{1,2}) \("))
        {
            bytes.Add(Convert.ToByte(m.Groups[1].Value, 16));
        }

        return [.. bytes];
    }

    [Fact]
    public void OscillatorFrequency_Is32Bytes()
    {
        byte[] dump = DumpAfter("and the floating point number 440.0", "The next example");
        var message = new OscMessage("/oscillator/4/frequency", 440.0f);
        Assert.Equal(32, dump.Length);
        Assert.Equal(dump, message.ToArray());
        Assert.Equal(message, OscMessage.Decode(dump, OscDecodeOptions.Strict));
    }

    [Fact]
    public void FooWithFiveArguments_Is40Bytes()
    {
        byte[] dump = DumpAfter("The next example shows the 40 bytes", "##");
        var message = new OscMessage("/foo", 1000, -1, "hello", 1.234f, 5.678f);
        Assert.Equal(40, dump.Length);
        Assert.Equal(dump, message.ToArray());
        Assert.Equal(message, OscMessage.Decode(dump, OscDecodeOptions.Strict));
    }

    [Theory]
    [InlineData("OSC", "4f534300")]
    [InlineData("data", "6461746100000000")]
    public void OscStrings_ArePaddedToFourBytes(string text, string hex)
    {
        Assert.Equal(Convert.FromHexString(hex), new OscMessage("/", text).ToArray()[8..]);
    }

    [Theory]
    [InlineData("f", ",f")]
    [InlineData("iisfff", ",iisfff")]
    [InlineData("", ",")]
    [InlineData("ibb", ",ibb")]
    public void TypeTagStrings_StartWithAComma(string tags, string expected)
    {
        var w = new OscWriter(new byte[64]);
        w.BeginMessage("/a", tags);
        Assert.Equal(System.Text.Encoding.ASCII.GetBytes(expected), w.WrittenSpan[4..(4 + expected.Length)].ToArray());
    }

    [Fact]
    public void BundleDispatchOrder_FollowsTheSpecExample()
    {
        var dispatcher = new OscDispatcher();
        var order = new List<string>();
        foreach (string address in new[] { "/first/this/one", "/second/1", "/second/2", "/third/a", "/third/b", "/third/c" })
        {
            dispatcher.Add(address, (_, _) => order.Add(address));
        }

        var bundle = new OscBundle(OscTimeTag.Immediate, new OscMessage("/first/this/one"), new OscMessage("/second/[1-2]"), new OscMessage("/third/*"));
        Assert.Equal(6, dispatcher.Dispatch(bundle.ToArray()));
        Assert.Equal("/first/this/one", order[0]);
        Assert.Equal(["/second/1", "/second/2"], order[1..3].Order());
        Assert.Equal(["/third/a", "/third/b", "/third/c"], order[3..].Order());
    }

    [Fact]
    public void AddressParts_OfThePatternExample_MatchPartByPart()
    {
        OscAddressPattern p = OscAddressPattern.Parse("/?/b/*c");
        Assert.False(p.IsMatch("/a/b/cde"u8));
        Assert.True(p.IsMatch("/a/b/c"u8));
        Assert.True(p.IsMatch("/x/b/abc"u8));
        Assert.False(p.IsMatch("/a/b/c/d"u8));
        Assert.False(p.IsMatch("/ab/b/c"u8));
    }
}
