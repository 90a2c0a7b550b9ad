using Echelon.Protocols.Osc;
using Echelon.Protocols.Tests.Osc.Infrastructure;

namespace Echelon.Protocols.Tests.Osc.Conformance;

/// <summary>
/// python-osc's message datagrams (test_osc_message.py, test_osc_server.py, test_osc_tcp_server.py,
/// test_osc_message_builder.py), read from the files themselves. Where python-osc accepts sloppy input
/// the lenient policies accept it too, and strict decoding names the problem and its offset.
/// </summary>
public sealed class PythonOscMessageVectorTests
{
    private const string MessageFile = "test_osc_message.py";

    private static byte[] Vector(string name) => PythonBytes.Constant(MessageFile, name);

    [Fact]
    public void SwitchGoesOff_IsOneFloatZero()
    {
        OscMessage m = OscMessage.Decode(Vector("_DGRAM_SWITCH_GOES_OFF"), OscDecodeOptions.Strict);
        Assert.Equal("/SYNC", m.Address);
        Assert.Equal("f", m.TypeTags);
        Assert.Equal(0.0f, m.Arguments[0].AsFloat32());
    }

    [Fact]
    public void SwitchGoesOn_IsOneFloatHalf()
    {
        OscMessage m = OscMessage.Decode(Vector("_DGRAM_SWITCH_GOES_ON"), OscDecodeOptions.Strict);
        Assert.Equal("/SYNC", m.Address);
        Assert.Equal(0.5f, m.Arguments[0].AsFloat32());
    }

    [Fact]
    public void KnobRotates_FromReaktor_HasTwoTrailingBytes_LenientReadsTheFloat_StrictNamesOffset12()
    {
        byte[] dgram = Vector("_DGRAM_KNOB_ROTATES");
        Assert.Equal(14, dgram.Length);
        OscMessage m = OscMessage.Decode(dgram);
        Assert.Equal("/FB", m.Address);
        Assert.Single(m.Arguments);
        Assert.Equal(BitConverter.Int32BitsToSingle(0x3e786361), m.Arguments[0].AsFloat32());

        OscFormatException e = Assert.Throws<OscFormatException>(() => OscMessage.Decode(dgram, OscDecodeOptions.Strict));
        Assert.Equal(OscFormatError.TrailingBytes, e.Error);
        Assert.Equal(12, e.Offset);
        Assert.Contains("2 bytes follow the last argument", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoParams_WithoutTypeTagString_IsNoArgumentsWhenLenient_RejectedWhenStrict()
    {
        byte[] dgram = Vector("_DGRAM_NO_PARAMS");
        OscMessage m = OscMessage.Decode(dgram);
        Assert.Equal("/SYNC", m.Address);
        Assert.Empty(m.Arguments);

        OscFormatException e = Assert.Throws<OscFormatException>(() => OscMessage.Decode(dgram, OscDecodeOptions.Strict));
        Assert.Equal(OscFormatError.MissingTypeTags, e.Error);
        Assert.Equal(8, e.Offset);
    }

    [Fact]
    public void AllStandardTypes_AreIntFloatStringBlob()
    {
        OscMessage m = OscMessage.Decode(Vector("_DGRAM_ALL_STANDARD_TYPES_OF_PARAMS"), OscDecodeOptions.Strict);
        Assert.Equal("ifsb", m.TypeTags);
        Assert.Equal(3, m.Arguments[0].AsInt32());
        Assert.Equal(2.0f, m.Arguments[1].AsFloat32());
        Assert.Equal("ABC", m.Arguments[2].AsString());
        Assert.Equal("stuff\0\0\0"u8.ToArray(), m.Arguments[3].AsBlob().ToArray());
    }

    [Fact]
    public void AllNonStandardTypes_AreTrueFalseNilEmptyArrayTimeTagInt64()
    {
        OscMessage m = OscMessage.Decode(Vector("_DGRAM_ALL_NON_STANDARD_TYPES_OF_PARAMS"), OscDecodeOptions.Strict);
        Assert.Equal("TFN[]th", m.TypeTags);
        Assert.Equal(6, m.Arguments.Count);
        Assert.True(m.Arguments[0].AsBoolean());
        Assert.False(m.Arguments[1].AsBoolean());
        Assert.Equal(OscTypeTag.Nil, m.Arguments[2].Type);
        Assert.Empty(m.Arguments[3].AsArray());
        Assert.Equal(new OscTimeTag(0UL), m.Arguments[4].AsTimeTag());
        Assert.Equal(new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc), m.Arguments[4].AsTimeTag().ToDateTime());
        Assert.Equal(1_000_000_000_000L, m.Arguments[5].AsInt64());
    }

    [Fact]
    public void ComplexArrays_NestAsWritten()
    {
        OscMessage m = OscMessage.Decode(Vector("_DGRAM_COMPLEX_ARRAY_PARAMS"), OscDecodeOptions.Strict);
        Assert.Equal("[i][[ss]][[i][i[s]]]", m.TypeTags);
        var expected = new OscMessage(
            "/SYNC",
            OscValue.Array(1),
            OscValue.Array(OscValue.Array("ABC", "DEF")),
            OscValue.Array(OscValue.Array(2), OscValue.Array(3, OscValue.Array("GHI"))));
        Assert.Equal(expected, m);
    }

    [Fact]
    public void LongList_Is512IntsInOneArray()
    {
        OscMessage m = OscMessage.Decode(Vector("_DGRAM_LONG_LIST"), OscDecodeOptions.Strict);
        IReadOnlyList<OscValue> list = Assert.Single(m.Arguments).AsArray();
        Assert.Equal(Enumerable.Range(0, 512), list.Select(v => v.AsInt32()));
    }

    [Fact]
    public void UnknownParamType_KeepsTheFloatBeforeIt_WhenLenient_StrictNamesTheTag()
    {
        byte[] dgram = Vector("_DGRAM_UNKNOWN_PARAM_TYPE");
        OscMessage m = OscMessage.Decode(dgram);
        Assert.Equal("f", m.TypeTags);
        Assert.Equal(0.5f, Assert.Single(m.Arguments).AsFloat32());

        OscFormatException e = Assert.Throws<OscFormatException>(() => OscMessage.Decode(dgram, OscDecodeOptions.Strict));
        Assert.Equal(OscFormatError.UnknownTypeTag, e.Error);
        Assert.Equal(10, e.Offset);
        Assert.Contains("0x78 ('x')", e.Message, StringComparison.Ordinal);
        Assert.Contains("allowed: i f s b h d t T F N I c m r S [ ]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyDatagram_IsRejected()
    {
        OscFormatException e = Assert.Throws<OscFormatException>(() => OscPacket.Decode([]));
        Assert.Equal(OscFormatError.EmptyPacket, e.Error);
        Assert.Equal(0, e.Offset);
    }

    [Fact]
    public void Foobar_IsNotAnOscPacket()
    {
        OscFormatException e = Assert.Throws<OscFormatException>(() => OscPacket.Decode("foobar"u8));
        Assert.Equal(OscFormatError.NotAnOscPacket, e.Error);
        Assert.Contains("0x66 ('f')", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("b\"/SYNC\\x00\\x00\\x00[]]\\x00\"")]
    [InlineData("b\"/SYNC\\x00\\x00\\x00[[]\\x00\"")]
    public void InvalidArrays_WithoutTheComma_AreRejectedAsMissingTypeTags(string literal)
    {
        // python-osc reads a type tag string without its comma and then finds the brackets unbalanced;
        // we reject earlier, at the missing comma, because what follows the address is not a type tag string.
        OscFormatException e = Assert.Throws<OscFormatException>(() => OscPacket.Decode(PythonBytes.Of(literal)));
        Assert.Equal(OscFormatError.MissingTypeTags, e.Error);
        Assert.Equal(8, e.Offset);
        Assert.Contains("0x5b ('[')", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(",[]]", 11, "closes no array")]
    [InlineData(",[[]", 8, "1 array(s) opened")]
    public void InvalidArrays_WithTheComma_AreUnbalanced(string tags, int offset, string words)
    {
        byte[] packet = [.. "/SYNC\0\0\0"u8, .. System.Text.Encoding.ASCII.GetBytes(tags), 0, 0, 0, 0];
        OscFormatException e = Assert.Throws<OscFormatException>(() => OscPacket.Decode(packet));
        Assert.Equal(OscFormatError.UnbalancedArray, e.Error);
        Assert.Equal(offset, e.Offset);
        Assert.Contains(words, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("test_osc_server.py", "_SIMPLE_PARAM_INT_MSG", "/SYNC", 4)]
    [InlineData("test_osc_server.py", "_SIMPLE_PARAM_INT_9", "/debug", 9)]
    [InlineData("test_osc_tcp_server.py", "_SIMPLE_PARAM_INT_MSG", "/SYNC", 4)]
    [InlineData("test_osc_tcp_server.py", "_SIMPLE_PARAM_INT_9", "/debug", 9)]
    public void ServerDatagrams_AreOneInt(string file, string name, string address, int value)
    {
        OscMessage m = OscMessage.Decode(PythonBytes.Constant(file, name), OscDecodeOptions.Strict);
        Assert.Equal(address, m.Address);
        Assert.Equal(value, Assert.Single(m.Arguments).AsInt32());
    }

    [Fact]
    public void ServerNoParams_IsAnAddressAlone()
    {
        OscMessage m = OscMessage.Decode(PythonBytes.Constant("test_osc_server.py", "_SIMPLE_MSG_NO_PARAMS"));
        Assert.Equal("/SYNC", m.Address);
        Assert.Empty(m.Arguments);
    }

    [Fact]
    public void ServerReply_IsIntStringFloat()
    {
        // test_osc_server.py's expected reply to a /SYNC handler returning (1, "2", 3.0).
        OscMessage m = OscMessage.Decode(PythonBytes.Of("b\"/SYNC\\00\\00\\00,isf\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x012\\x00\\x00\\x00@@\\x00\\x00\""), OscDecodeOptions.Strict);
        Assert.Equal(new OscMessage("/SYNC", 1, "2", 3.0f), m);
        Assert.Equal(m.ToArray(), PythonBytes.Of("b\"/SYNC\\00\\00\\00,isf\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x012\\x00\\x00\\x00@@\\x00\\x00\""));
    }

    [Fact]
    public void Builder_JustAddress_EncodesWithAComma()
    {
        Assert.Equal("/a/b/c\0\0,\0\0\0"u8.ToArray(), new OscMessage("/a/b/c").ToArray());
    }

    [Fact]
    public void Builder_NoArgMessage_MatchesMaxBytesFromWireshark()
    {
        Assert.Equal(Convert.FromHexString("2f53594e430000002c000000"), new OscMessage("/SYNC").ToArray());
    }

    [Fact]
    public void Builder_AllParamTypes_RoundTrip()
    {
        OscValue[] once =
        [
            4.0f, 2, 1099511627776L, "value", true, false, new byte[] { 1, 2, 3 }, OscValue.Array(1, OscValue.Array("abc")), OscValue.Nil,
        ];
        var message = new OscMessage("/SEEK", [.. once, .. once, OscValue.Rgba(OscRgba.FromUInt32(4278255360)), OscValue.Midi(new OscMidi(1, 145, 36, 125)), 1e-9]);
        Assert.Equal("fihsTFb[i[s]]NfihsTFb[i[s]]Nrmd", message.TypeTags);
        Assert.Equal(message, OscMessage.Decode(message.ToArray(), OscDecodeOptions.Strict));
    }

    [Fact]
    public void Builder_LongList_RoundTripsAsTheLongListVector()
    {
        var message = new OscMessage("/SYNC", OscValue.Array(Enumerable.Range(0, 512).Select(i => (OscValue)i)));
        Assert.Equal(Vector("_DGRAM_LONG_LIST"), message.ToArray());
    }
}
