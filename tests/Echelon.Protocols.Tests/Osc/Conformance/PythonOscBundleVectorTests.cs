using Echelon.Protocols.Osc;
using Echelon.Protocols.Tests.Osc.Infrastructure;

namespace Echelon.Protocols.Tests.Osc.Conformance;

/// <summary>python-osc's bundle and packet datagrams (test_osc_bundle.py, test_osc_packet.py, test_osc_bundle_builder.py).</summary>
public sealed class PythonOscBundleVectorTests
{
    private static byte[] Bundle(string name) => PythonBytes.Constant("test_osc_bundle.py", name);

    private static byte[] Packet(string name) => PythonBytes.Constant("test_osc_packet.py", name);

    [Theory]
    [InlineData("_DGRAM_KNOB_ROTATES_BUNDLE", "/LFO_Rate")]
    [InlineData("_DGRAM_SWITCH_GOES_OFF", "/SYNC")]
    [InlineData("_DGRAM_SWITCH_GOES_ON", "/SYNC")]
    public void OneMessageBundles_AreImmediateWithOneElement(string name, string address)
    {
        byte[] dgram = Bundle(name);
        OscBundle b = OscBundle.Decode(dgram, OscDecodeOptions.Strict);
        Assert.True(b.TimeTag.IsImmediate);
        Assert.Equal(address, Assert.IsType<OscMessage>(Assert.Single(b.Elements)).Address);
        Assert.Equal(dgram.Length, b.GetEncodedSize());
        Assert.Equal(dgram, b.ToArray());
    }

    [Fact]
    public void TwoMessages_AreBothMessages()
    {
        OscBundle b = OscBundle.Decode(Bundle("_DGRAM_TWO_MESSAGES_IN_BUNDLE"), OscDecodeOptions.Strict);
        Assert.Equal(2, b.Elements.Count);
        Assert.All(b.Elements, e => Assert.Equal(0.5f, Assert.IsType<OscMessage>(e).Arguments[0].AsFloat32()));
    }

    [Fact]
    public void EmptyBundle_HasNoElements()
    {
        OscBundle b = OscBundle.Decode(Bundle("_DGRAM_EMPTY_BUNDLE"), OscDecodeOptions.Strict);
        Assert.Empty(b.Elements);
        Assert.True(b.TimeTag.IsImmediate);
    }

    [Fact]
    public void BundleInBundle_HoldsABundle_ThoughItsSizeOverrunsThePacket()
    {
        // The vector declares the nested bundle 40 bytes long; 36 follow. python-osc slices to what is
        // there and so does the lenient decoder; strict decoding (and liblo) rejects it.
        byte[] dgram = Bundle("_DGRAM_BUNDLE_IN_BUNDLE");
        OscBundle b = OscBundle.Decode(dgram);
        OscBundle inner = Assert.IsType<OscBundle>(Assert.Single(b.Elements));
        Assert.Equal(new OscMessage("/SYNC", 0.5f), Assert.Single(inner.Elements));
        Assert.Equal(dgram.Length, b.GetEncodedSize());

        OscFormatException e = Assert.Throws<OscFormatException>(() => OscPacket.Decode(dgram, OscDecodeOptions.Strict));
        Assert.Equal(OscFormatError.Truncated, e.Error);
        Assert.Equal(16, e.Offset);
        Assert.Contains("needs 40 bytes but only 36 remain", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsBundle_TellsBundleFromJunk()
    {
        Assert.True(OscPacket.IsBundle(Bundle("_DGRAM_SWITCH_GOES_ON")));
        Assert.False(OscPacket.IsBundle("junk"u8));
    }

    [Fact]
    public void Invalid_TimeTagCutShort_IsTruncatedAtOffset8()
    {
        OscFormatException e = Assert.Throws<OscFormatException>(() => OscPacket.Decode(Bundle("_DGRAM_INVALID")));
        Assert.Equal(OscFormatError.Truncated, e.Error);
        Assert.Equal(8, e.Offset);
        Assert.Contains("time tag needs 8 bytes but only 3 remain", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidIndex_ElementLongerThanThePacket_IsRejected()
    {
        byte[] dgram = Bundle("_DGRAM_INVALID_INDEX");
        OscFormatException strict = Assert.Throws<OscFormatException>(() => OscPacket.Decode(dgram, OscDecodeOptions.Strict));
        Assert.Equal(OscFormatError.Truncated, strict.Error);
        Assert.Equal(16, strict.Offset);
        Assert.Contains("needs 32 bytes but only 9 remain", strict.Message, StringComparison.Ordinal);

        // Read to the end of the packet, the element is "/SYNC" and a stray null where its type tags should be.
        OscFormatException lenient = Assert.Throws<OscFormatException>(() => OscPacket.Decode(dgram));
        Assert.Equal(OscFormatError.MissingTypeTags, lenient.Error);
        Assert.Equal(28, lenient.Offset);
    }

    [Fact]
    public void UnknownType_ElementSizeLies_IsRejectedThoughPythonOscSkipsIt()
    {
        // python-osc logs and skips an element it cannot identify (here "iamnotaslash", whose size 16
        // also points past the 12 bytes left). An element that is neither a message nor a bundle
        // cannot be read, so both policies reject the bundle.
        byte[] dgram = Bundle("_DGRAM_UNKNOWN_TYPE");
        OscFormatException strict = Assert.Throws<OscFormatException>(() => OscPacket.Decode(dgram, OscDecodeOptions.Strict));
        Assert.Equal(OscFormatError.Truncated, strict.Error);
        Assert.Equal(16, strict.Offset);
        OscFormatException lenient = Assert.Throws<OscFormatException>(() => OscPacket.Decode(dgram));
        Assert.Equal(OscFormatError.NotAnOscPacket, lenient.Error);
        Assert.Equal(20, lenient.Offset);
    }

    [Fact]
    public void UnknownType_WithAnHonestSize_IsNotAnOscPacketAtTheElement()
    {
        byte[] dgram = [.. "#bundle\0"u8, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 12, .. "iamnotaslash"u8];
        OscFormatException e = Assert.Throws<OscFormatException>(() => OscPacket.Decode(dgram));
        Assert.Equal(OscFormatError.NotAnOscPacket, e.Error);
        Assert.Equal(20, e.Offset);
        Assert.Contains("the bundle element starts with 0x69 ('i')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PacketTwoMessages_FlattenToTwo()
    {
        Assert.Equal(2, OscPacket.Decode(Packet("_DGRAM_TWO_MESSAGES_IN_BUNDLE")).EnumerateMessages().Count());
        Assert.Empty(OscPacket.Decode(Packet("_DGRAM_EMPTY_BUNDLE")).EnumerateMessages());
    }

    [Fact]
    public void PacketNestedMess_FlattensToFourMessagesEachWithItsBundlesTimeTag()
    {
        OscTimedMessage[] messages = [.. OscPacket.Decode(Packet("_DGRAM_NESTED_MESS"), OscDecodeOptions.Strict).EnumerateMessages()];
        Assert.Equal(["/1111", "/2222", "/3333", "/4444"], messages.Select(m => m.Message.Address));
        Assert.Equal(
            [0x10000000_00000000UL, 0x10000000_00000000UL, 0x20000000_00000000UL, 0x15000000_00000001UL],
            messages.Select(m => m.TimeTag.Value));
    }

    [Fact]
    public void EmptyDatagram_IsRejected()
    {
        Assert.False(OscPacket.TryDecode([], null, out _, out OscDecodeError error));
        Assert.Equal(OscFormatError.EmptyPacket, error.Error);
    }

    [Fact]
    public void Builder_ComplexBundle_WithItselfNested_HasFiveElementsAndRoundTrips()
    {
        var message = new OscMessage("/SYNC", 4.0f);
        OscPacket[] four =
        [
            message,
            new OscMessage("/SYNC", 4.0f, 2),
            new OscMessage("/SYNC", 4.0f, 2, "value"),
            new OscMessage("/SYNC", 4.0f, 2, "value", new byte[] { 1, 2, 3 }),
        ];
        var sub = new OscBundle(OscTimeTag.Immediate, four);
        var bundle = new OscBundle(OscTimeTag.Immediate, [.. four, sub]);
        Assert.Equal(5, bundle.Elements.Count);
        Assert.Equal(bundle, OscBundle.Decode(bundle.ToArray(), OscDecodeOptions.Strict));
    }
}
