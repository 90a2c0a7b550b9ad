using System.Text.Json;
using Echelon.Cli.Osc;
using Echelon.Protocols.Osc;

namespace Echelon.Cli.Tests.Osc;

public sealed class OscJsonTests
{
    [Fact]
    public void Line_HasTimeAddressTypesAndArgs()
    {
        var message = new OscMessage(
            "/all", 1, -5_000_000_000L, 0.1f, double.NaN, "héllo \"q\"", OscValue.Symbol("S"), 'c', new byte[] { 0, 0xab },
            new OscMidi(0, 0x90, 0x40, 0x60), new OscRgba(1, 2, 3, 4), new OscTimeTag(1u, 2u), true, false, OscValue.Nil, OscValue.Infinitum, OscValue.Array(1, OscValue.Array("x")));
        string line = OscJson.Line(message, new OscTimeTag(0xdeadbeef, 0x80000000));
        Assert.Contains("\"héllo \\\"q\\\"\"", line, StringComparison.Ordinal);
        using JsonDocument doc = JsonDocument.Parse(line);
        JsonElement root = doc.RootElement;
        Assert.Equal("deadbeef.80000000", root.GetProperty("time").GetString());
        Assert.Equal("/all", root.GetProperty("address").GetString());
        Assert.Equal("ihfdsScbmrtTFNI[i[s]]", root.GetProperty("types").GetString());
        JsonElement[] a = [.. root.GetProperty("args").EnumerateArray()];
        Assert.Equal(1, a[0].GetInt32());
        Assert.Equal(-5_000_000_000L, a[1].GetInt64());
        Assert.Equal(0.1f, a[2].GetSingle());
        Assert.Equal("NaN", a[3].GetString());
        Assert.Equal("héllo \"q\"", a[4].GetString());
        Assert.Equal("S", a[5].GetString());
        Assert.Equal("c", a[6].GetString());
        Assert.Equal("00ab", a[7].GetString());
        Assert.Equal("00904060", a[8].GetString());
        Assert.Equal("01020304", a[9].GetString());
        Assert.Equal("00000001.00000002", a[10].GetString());
        Assert.True(a[11].GetBoolean());
        Assert.False(a[12].GetBoolean());
        Assert.Equal(JsonValueKind.Null, a[13].ValueKind);
        Assert.Equal("infinitum", a[14].GetString());
        Assert.Equal("[1,[\"x\"]]", a[15].GetRawText());
    }

    [Fact]
    public void BareMessage_HasNullTime()
    {
        using JsonDocument doc = JsonDocument.Parse(OscJson.Line(new OscMessage("/a"), null));
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("time").ValueKind);
        Assert.Equal(0, doc.RootElement.GetProperty("args").GetArrayLength());
    }
}
