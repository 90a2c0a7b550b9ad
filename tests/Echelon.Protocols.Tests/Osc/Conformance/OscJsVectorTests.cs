using System.Buffers.Binary;
using Echelon.Protocols.Osc;
using Echelon.Protocols.Tests.Osc.Infrastructure;

namespace Echelon.Protocols.Tests.Osc.Conformance;

/// <summary>
/// osc.js's vectors (tests/osc-tests.js), read from the file: strings, numbers, blobs, time tags,
/// argument lists, messages and a nested bundle; each decoded and, where osc.js also writes it, encoded
/// back to the same bytes.
/// </summary>
public sealed class OscJsVectorTests
{
    private static readonly byte[] s_address = "/x\0\0"u8.ToArray();

    [Theory]
    [InlineData("data")]
    [InlineData("OSC")]
    public void Strings_ReadAndWrite(string text)
    {
        byte[] padded = text == "data" ? "data\0\0\0\0"u8.ToArray() : "OSC\0"u8.ToArray();
        byte[] encoded = new OscMessage("/x", text).ToArray();
        Assert.Equal(padded, encoded[8..]);
        Assert.Equal(text, OscMessage.Decode(encoded).Arguments[0].AsString());
    }

    [Fact]
    public void VeryLongString_400000Characters_ReadsBack()
    {
        string text = new('A', 400_000);
        Assert.Equal(text, OscMessage.Decode(new OscMessage("/x", text).ToArray()).Arguments[0].AsString());
    }

    [Fact]
    public void Utf8AddressAndString_RoundTrip()
    {
        var message = new OscMessage("/éé", "éé");
        Assert.Equal(message, OscMessage.Decode(message.ToArray(), OscDecodeOptions.Strict));
    }

    [Theory]
    [InlineData(8, 2000000)]
    [InlineData(12, -600)]
    [InlineData(0, 1)]
    public void Int32_ReadAtOffsets(int offset, int expected)
    {
        byte[] nums = new byte[16];
        int[] values = [1, -1, 2000000, -600];
        for (int i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(nums.AsSpan(i * 4), values[i]);
        }

        Assert.Equal(expected, BinaryPrimitives.ReadInt32BigEndian(nums.AsSpan(offset)));
        var message = OscMessage.Decode([.. s_address, .. ",iiii\0\0\0"u8, .. nums]);
        Assert.Equal(expected, message.Arguments[offset / 4].AsInt32());
    }

    [Theory]
    [InlineData("writeInt32\",\n            name: \"simple value\"", "i", 32)]
    [InlineData("name: \"negative 32 bit value\"", "i", -1)]
    public void Int32_Write(string marker, string tag, int value)
    {
        Assert.Equal("i", tag);
        Assert.Equal(JsBytes.After(marker), new OscMessage("/x", value).ToArray()[8..]);
    }

    [Fact]
    public void Float32_Write()
    {
        Assert.Equal(JsBytes.After("writer: \"writeFloat32\",\n            name: \"simple value\""), new OscMessage("/x", 42.42f).ToArray()[8..]);
        Assert.Equal(JsBytes.After("name: \"negative value\""), new OscMessage("/x", -3.14159f).ToArray()[8..]);
    }

    [Fact]
    public void Float32_ReadsToFiveDecimals()
    {
        float[] nums = [42.42f, 0.00001f, 10000000000.00000001f, 27f];
        byte[] bytes = new byte[16];
        for (int i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(i * 4), nums[i]);
        }

        var m = OscMessage.Decode([.. s_address, .. ",ffff\0\0\0"u8, .. bytes]);
        Assert.Equal(0.00001, m.Arguments[1].AsFloat32(), 5);
        Assert.Equal(27, m.Arguments[3].AsFloat32(), 5);
        Assert.Equal(42.42, m.Arguments[0].AsFloat32(), 5);
    }

    [Fact]
    public void Blob_ReadIgnoresWhatFollows_AndWritePads()
    {
        byte[] blob = [0, 0, 0, 3, 0x63, 0x61, 0x74, 0];
        var m = OscMessage.Decode([.. s_address, .. ",b\0\0"u8, .. blob, 1, 2, 3, 4]);
        Assert.Equal("cat"u8.ToArray(), m.Arguments[0].AsBlob().ToArray());
        Assert.Equal(blob, new OscMessage("/x", "cat"u8.ToArray()).ToArray()[8..]);
    }

    [Theory]
    [InlineData("with seconds only", 3608146800u, 0u, 1399158000000L)]
    [InlineData("with fractions of a second", 3608146800u, 2147483648u, 1399158000500L)]
    [InlineData("one fraction of a second", 0u, 1u, -1L)]
    public void TimeTags_ReadWriteAndConvert(string name, uint seconds, uint fraction, long unixMilliseconds)
    {
        byte[] bytes = JsBytes.After("name: \"" + name);
        var tag = new OscTimeTag(seconds, fraction);
        Assert.Equal(bytes, new OscMessage("/x", tag).ToArray()[8..]);
        Assert.Equal(tag, OscMessage.Decode([.. s_address, .. ",t\0\0"u8, .. bytes]).Arguments[0].AsTimeTag());
        if (unixMilliseconds < 0)
        {
            Assert.True(tag.IsImmediate);
            return;
        }

        DateTime native = DateTime.UnixEpoch.AddMilliseconds(unixMilliseconds);
        Assert.Equal(native, tag.ToDateTime());
        Assert.Equal(tag, OscTimeTag.FromDateTime(native));
    }

    [Theory]
    [InlineData("name: \"single argument\"")]
    [InlineData("name: \"blob and float\"")]
    [InlineData("name: \"multiple arguments of the same type\"")]
    [InlineData("name: \"colours\"")]
    [InlineData("name: \"arrays\"")]
    [InlineData("name: \"every type of arg\"")]
    public void ArgumentLists_DecodeAndEncodeToTheSameBytes(string marker)
    {
        byte[] raw = JsBytes.After(marker);
        byte[] packet = [.. s_address, .. raw];
        OscMessage m = OscMessage.Decode(packet, OscDecodeOptions.Strict);
        Assert.Equal(packet, m.ToArray());
    }

    [Fact]
    public void EveryTypeOfArg_HasOscJsValues()
    {
        OscMessage m = OscMessage.Decode([.. s_address, .. JsBytes.After("name: \"every type of arg\"")], OscDecodeOptions.Strict);
        Assert.Equal("ifsSbtTFNI[ii]dcrmh", m.TypeTags);
        IReadOnlyList<OscValue> a = m.Arguments;
        Assert.Equal(1, a[0].AsInt32());
        Assert.Equal(1.234, a[1].AsFloat32(), 3);
        Assert.Equal("cat", a[2].AsString());
        Assert.Equal(OscValue.Symbol("\\cat"), a[3]);
        Assert.Equal(new byte[] { 255, 255, 0 }, a[4].AsBlob().ToArray());
        Assert.Equal(DateTime.UnixEpoch, a[5].AsTimeTag().ToDateTime());
        Assert.Equal(new OscTimeTag(2208988800, 0), a[5].AsTimeTag());
        Assert.Equal([OscValue.True, OscValue.False, OscValue.Nil, OscValue.Infinitum], a.Skip(6).Take(4));
        Assert.Equal([42, 47], a[10].AsArray().Select(v => v.AsInt32()));
        Assert.Equal(2.1, a[11].AsDouble());
        Assert.Equal('z', a[12].AsChar());
        Assert.Equal(new OscRgba(128, 64, 192, 255), a[13].AsRgba());
        Assert.Equal(new OscMidi(1, 144, 69, 101), a[14].AsMidi());
        Assert.Equal(long.MaxValue, a[15].AsInt64());
    }

    [Fact]
    public void Colours_AreRgbaBytes()
    {
        OscMessage m = OscMessage.Decode([.. s_address, .. JsBytes.After("name: \"colours\"")]);
        Assert.Equal(new OscRgba(255, 255, 255, 0), m.Arguments[0].AsRgba());
        Assert.Equal(new OscRgba(0, 255, 0, 77), m.Arguments[1].AsRgba());
    }

    [Theory]
    [InlineData("name: \"float and array example without type metadata\"", "/carrier/freq", "f[ff]")]
    [InlineData("name: \"float and array example with type metadata\"", "/carrier/freq", "f[ii]")]
    [InlineData("name: \"without type metadata\"", "/oscillator/4/frequency", "f")]
    [InlineData("name: \"with type metadata\"", "/foo", "iisTff")]
    [InlineData("name: \"zero arguments, without type inference\"", "/foo", "")]
    [InlineData("name: \"zero arguments, with type inference\"", "/foo", "")]
    public void Messages_DecodeAndRoundTrip(string marker, string address, string tags)
    {
        byte[] bytes = JsBytes.After(marker);
        OscMessage m = OscMessage.Decode(bytes, OscDecodeOptions.Strict);
        Assert.Equal(address, m.Address);
        Assert.Equal(tags, m.TypeTags);
        Assert.Equal(bytes, m.ToArray());
    }

    [Fact]
    public void FloatAndArrayWithMetadata_HasTheValues()
    {
        OscMessage m = OscMessage.Decode(JsBytes.After("name: \"float and array example with type metadata\""));
        Assert.Equal(440.4f, m.Arguments[0].AsFloat32());
        Assert.Equal([42, 47], m.Arguments[1].AsArray().Select(v => v.AsInt32()));
    }

    [Fact]
    public void NestedBundle_InnerEarlierThanOuter_IsAcceptedWhenLenient_AndRejectedWhenStrict()
    {
        byte[] bytes = JsBytes.After("name: \"with nested bundles.\"");
        OscBundle b = OscBundle.Decode(bytes);
        Assert.Equal(new OscTimeTag(3608492400, 0), b.TimeTag);
        Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(1399503600000), b.TimeTag.ToDateTime());
        Assert.Equal(3, b.Elements.Count);
        Assert.Equal(new OscMessage("/cat/meow/freq", 222.2f), b.Elements[0]);
        var inner = Assert.IsType<OscBundle>(b.Elements[1]);
        Assert.Equal(new OscTimeTag(3608406000, 0), inner.TimeTag);
        Assert.Equal(new OscMessage("/hamster/wheel/freq", 100), Assert.Single(inner.Elements));
        Assert.Equal(new OscMessage("/fish/burble/amp", -6.0f, "dB"), b.Elements[2]);
        Assert.Equal(bytes, b.ToArray());

        // osc.js's inner bundle is due before its enclosing one, which OSC 1.0 forbids.
        OscFormatException e = Assert.Throws<OscFormatException>(() => OscPacket.Decode(bytes, OscDecodeOptions.Strict));
        Assert.Equal(OscFormatError.TimeTagOrder, e.Error);
        Assert.Equal(16 + 4 + 24 + 4 + 8, e.Offset);
    }

    [Fact]
    public void Gh36_LongArgument_RoundTrips()
    {
        OscMessage m = OscMessage.Decode(new OscMessage("/cat/slash", long.MaxValue).ToArray());
        Assert.Equal(long.MaxValue, Assert.Single(m.Arguments).AsInt64());
    }

    [Fact]
    public void Gh102_ArrayArguments_RoundTrip()
    {
        var message = new OscMessage("/float/andArray", 440.0f, OscValue.Array(42.0f, 47.0f));
        Assert.Equal(message, OscPacket.Decode(message.ToArray()));
    }
}
