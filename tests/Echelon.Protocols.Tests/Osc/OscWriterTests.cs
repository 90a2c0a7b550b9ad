using Echelon.Protocols.Osc;
using Echelon.Testing;

namespace Echelon.Protocols.Tests.Osc;

public sealed class OscWriterTests
{
    [Fact]
    public void Message_EveryType_MatchesTheModelsBytes()
    {
        byte[] buffer = new byte[256];
        var w = new OscWriter(buffer);
        w.BeginMessage("/all", "ifsbhdtTFNIcrmS[if]");
        w.WriteInt32(-7);
        w.WriteFloat32(2.5f);
        w.WriteString("hello");
        w.WriteBlob([1, 2, 3]);
        w.WriteInt64(-5_000_000_000);
        w.WriteDouble(1e-9);
        w.WriteTimeTag(new OscTimeTag(1u, 2u));
        w.WriteChar('z');
        w.WriteRgba(new OscRgba(1, 2, 3, 4));
        w.WriteMidi(new OscMidi(0, 0x90, 60, 100));
        w.WriteString("sym"u8);
        w.WriteInt32(1);
        w.WriteFloat32(2f);
        w.EndMessage();

        var model = new OscMessage(
            "/all", -7, 2.5f, "hello", new byte[] { 1, 2, 3 }, -5_000_000_000L, 1e-9, new OscTimeTag(1u, 2u), true, false, OscValue.Nil, OscValue.Infinitum,
            'z', new OscRgba(1, 2, 3, 4), new OscMidi(0, 0x90, 60, 100), OscValue.Symbol("sym"), OscValue.Array(1, 2f));
        Assert.Equal(model.ToArray(), w.WrittenSpan.ToArray());
        Assert.Equal(model.GetEncodedSize(), w.BytesWritten);
    }

    [Fact]
    public void Padding_IsWrittenAsZeros_OverAGarbageBuffer()
    {
        byte[] buffer = Enumerable.Repeat((byte)0xAA, 64).ToArray();
        var w = new OscWriter(buffer);
        w.BeginMessage("/ab", ",sb");
        w.WriteString("xyz12");
        w.WriteBlob([7]);
        w.EndMessage();
        Assert.Equal(new OscMessage("/ab", "xyz12", new byte[] { 7 }).ToArray(), w.WrittenSpan.ToArray());
        OscPacket.Validate(w.WrittenSpan, OscDecodeOptions.Strict);
    }

    [Fact]
    public void NestedBundles_GetTheirSizePrefixes()
    {
        var w = new OscWriter(new byte[256]);
        var t = new OscTimeTag(10u, 0u);
        w.BeginBundle(t);
        w.BeginMessage("/a", "i");
        w.WriteInt32(1);
        w.EndMessage();
        w.BeginBundle(t);
        w.BeginMessage("/b", "");
        w.EndMessage();
        w.EndBundle();
        w.EndBundle();
        var expected = new OscBundle(t, new OscMessage("/a", 1), new OscBundle(t, new OscMessage("/b")));
        Assert.Equal(expected.ToArray(), w.WrittenSpan.ToArray());
        Assert.Equal(0, w.Depth);
    }

    [Fact]
    public void TooSmallBuffer_ThrowsNamingTheBytesNeeded()
    {
        OscBufferTooSmallException e = Assert.Throws<OscBufferTooSmallException>(() =>
        {
            var w = new OscWriter(new byte[10]);
            w.BeginMessage("/abcdef", "i");
        });
        Assert.Equal(12, e.Required);
        Assert.Equal(10, e.Available);
        Assert.Contains("needs at least 12 bytes but the buffer holds 10", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelWriteTo_TooSmall_NamesTheWholePacketSize_AndWritesNothing()
    {
        var message = new OscMessage("/foo", 1000, -1, "hello", 1.234f, 5.678f);
        byte[] buffer = new byte[39];
        OscBufferTooSmallException e = Assert.Throws<OscBufferTooSmallException>(() => message.WriteTo(buffer));
        Assert.Equal(40, e.Required);
        Assert.All(buffer, b => Assert.Equal(0, b));
        Assert.False(message.TryWriteTo(buffer, out int written));
        Assert.Equal(0, written);
        Assert.True(message.TryWriteTo(new byte[40], out written));
        Assert.Equal(40, written);
    }

    [Fact]
    public void WrongType_NamesTheTag()
    {
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() =>
        {
            var w = new OscWriter(new byte[64]);
            w.BeginMessage("/a", "if");
            w.WriteInt32(1);
            w.WriteInt32(2);
        });
        Assert.Contains("type tag 1 is 'f' (float32); this call writes 'i'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingValue_IsCaughtAtEndMessage()
    {
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() =>
        {
            var w = new OscWriter(new byte[64]);
            w.BeginMessage("/a", "iTs");
            w.WriteInt32(1);
            w.EndMessage();
        });
        Assert.Contains("type tag 2 ('s') has no value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtraValue_HasNoPlace()
    {
        Assert.Throws<InvalidOperationException>(() =>
        {
            var w = new OscWriter(new byte[64]);
            w.BeginMessage("/a", "T");
            w.WriteInt32(1);
        });
    }

    [Theory]
    [InlineData("a", "i")]
    [InlineData("", "i")]
    [InlineData("/a", "x")]
    [InlineData("/a", "[i")]
    [InlineData("/a", "i]")]
    public void BadAddressOrTags_AreArgumentErrors(string address, string tags)
    {
        Assert.ThrowsAny<ArgumentException>(() =>
        {
            var w = new OscWriter(new byte[64]);
            w.BeginMessage(address, tags);
        });
    }

    [Fact]
    public void NullInString_IsRejected()
    {
        Assert.Throws<ArgumentException>(() =>
        {
            var w = new OscWriter(new byte[64]);
            w.BeginMessage("/a", "s");
            w.WriteString("a\0b");
        });
    }

    [Fact]
    public void Misuse_OfBundlesAndPackets_IsAnInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => new OscWriter(new byte[64]).EndBundle());
        Assert.Throws<InvalidOperationException>(() => new OscWriter(new byte[64]).EndMessage());
        Assert.Throws<InvalidOperationException>(() =>
        {
            var w = new OscWriter(new byte[64]);
            w.BeginMessage("/a", "");
            w.EndMessage();
            w.BeginMessage("/b", "");
        });
        Assert.Throws<InvalidOperationException>(() =>
        {
            var w = new OscWriter(new byte[64]);
            w.BeginMessage("/a", "");
            w.BeginBundle(OscTimeTag.Immediate);
        });
    }

    [Fact]
    public void Reset_StartsANewPacket()
    {
        var w = new OscWriter(new byte[64]);
        w.BeginMessage("/a", "");
        w.EndMessage();
        w.Reset();
        w.BeginMessage("/bb", "i");
        w.WriteInt32(3);
        w.EndMessage();
        Assert.Equal(new OscMessage("/bb", 3).ToArray(), w.WrittenSpan.ToArray());
    }

    [Fact]
    public void Encoding_AllocatesNothing()
    {
        byte[] buffer = new byte[512];
        byte[] blob = [1, 2, 3, 4, 5];
        int i = 0;
        long bytes = AllocationProbe.SteadyStateBytes(
            () =>
            {
                var w = new OscWriter(buffer);
                w.BeginBundle(new OscTimeTag((uint)i, 0u));
                w.BeginMessage("/echelon/motion/accel", "fffis[ii]bT");
                w.WriteFloat32(i);
                w.WriteFloat32(0.5f);
                w.WriteFloat32(-1f);
                w.WriteInt32(i);
                w.WriteString("dancer");
                w.WriteInt32(1);
                w.WriteInt32(2);
                w.WriteBlob(blob);
                w.EndMessage();
                w.BeginMessage("/echelon/beat"u8, "h"u8);
                w.WriteInt64(i);
                w.EndMessage();
                w.EndBundle();
                i++;
            },
            iterations: 1000);

        Assert.Equal(0, bytes);
    }
}
