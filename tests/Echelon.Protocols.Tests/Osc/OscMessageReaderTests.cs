using Echelon.Protocols.Osc;
using Echelon.Testing;

namespace Echelon.Protocols.Tests.Osc;

public sealed class OscMessageReaderTests
{
    private static readonly byte[] s_all = new OscMessage(
        "/all", -7, 2.5f, "hello", new byte[] { 1, 2, 3 }, -5_000_000_000L, 1e-9, new OscTimeTag(1u, 2u), true, false, OscValue.Nil, OscValue.Infinitum,
        'z', new OscRgba(1, 2, 3, 4), new OscMidi(0, 0x90, 60, 100), OscValue.Symbol("sym"), OscValue.Array(1, 2f)).ToArray();

    [Fact]
    public void SequentialReads_ReturnEachValue()
    {
        var r = new OscMessageReader(s_all);
        Assert.True(r.Address.SequenceEqual("/all"u8));
        Assert.Equal("ifsbhdtTFNIcrmS[if]", r.GetTypeTags());
        Assert.Equal(-7, r.ReadInt32());
        Assert.Equal(2.5f, r.ReadFloat32());
        Assert.True(r.ReadUtf8().SequenceEqual("hello"u8));
        Assert.True(r.ReadBlob().SequenceEqual(new byte[] { 1, 2, 3 }));
        Assert.Equal(-5_000_000_000L, r.ReadInt64());
        Assert.Equal(1e-9, r.ReadDouble());
        Assert.Equal(new OscTimeTag(1u, 2u), r.ReadTimeTag());
        Assert.True(r.ReadBoolean());
        Assert.False(r.ReadBoolean());
        Assert.Equal(OscTypeTag.Nil, r.ReadArgument().Type);
        Assert.Equal(OscTypeTag.Infinitum, r.ReadArgument().Type);
        Assert.Equal('z', r.ReadArgument().GetChar());
        Assert.Equal(new OscRgba(1, 2, 3, 4), r.ReadArgument().GetRgba());
        Assert.Equal(new OscMidi(0, 0x90, 60, 100), r.ReadArgument().GetMidi());
        Assert.Equal("sym", r.ReadArgument().GetString());
        Assert.Equal(OscValue.Array(1, 2f), r.ReadValue());
        Assert.True(r.IsAtEnd);
        Assert.False(r.MoveNext());
        Assert.Throws<InvalidOperationException>(() => new OscMessageReader(s_all) is var x && x.IsAtEnd ? 0 : ThrowAtEnd(x));
    }

    private static int ThrowAtEnd(OscMessageReader r)
    {
        while (r.MoveNext())
        {
        }

        return r.ReadInt32();
    }

    [Fact]
    public void Foreach_WalksArgumentsWithOffsetsAndArrayMarkers()
    {
        var tags = new List<OscTypeTag>();
        var offsets = new List<int>();
        foreach (OscArgument a in new OscMessageReader(new OscMessage("/a", 1, OscValue.Array("x"), 2f).ToArray()))
        {
            tags.Add(a.Type);
            offsets.Add(a.Offset);
        }

        Assert.Equal([OscTypeTag.Int32, OscTypeTag.Array, OscTypeTag.String, OscTypeTag.ArrayEnd, OscTypeTag.Float32], tags);
        Assert.Equal([12, 16, 16, 20, 20], offsets);
    }

    [Fact]
    public void Reset_ReadsAgain()
    {
        var r = new OscMessageReader(new OscMessage("/a", 5).ToArray());
        Assert.Equal(5, r.ReadInt32());
        r.Reset();
        Assert.Equal(5, r.ReadInt32());
    }

    [Fact]
    public void WrongGetter_NamesBothTypes()
    {
        var r = new OscMessageReader(new OscMessage("/a", 1f).ToArray());
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => ReadInt(new OscMessageReader(new OscMessage("/a", 1f).ToArray())));
        Assert.Contains("argument 0 is 'f' (float32); this getter reads 'i'", e.Message, StringComparison.Ordinal);
        Assert.Equal(1.0, r.ReadNumber());
    }

    private static int ReadInt(OscMessageReader r) => r.ReadInt32();

    [Fact]
    public void ReadNumber_AcceptsIntsForFloats()
    {
        var r = new OscMessageReader(new OscMessage("/accxyz", 1, 0.5f, 2.0).ToArray());
        Assert.Equal(1.0, r.ReadNumber());
        Assert.Equal(0.5, r.ReadNumber());
        Assert.Equal(2.0, r.ReadNumber());
    }

    [Fact]
    public void TryCreate_ReportsWithoutThrowing()
    {
        Assert.False(OscMessageReader.TryCreate("/a\0\0,i\0\0\0\0"u8, null, out _, out OscDecodeError error));
        Assert.Equal(OscFormatError.Truncated, error.Error);
        Assert.Equal(8, error.Offset);
        Assert.Equal("offset 8: argument 0 ('i', int32) needs 4 bytes but only 2 remain in the packet.", error.ToString());
        Assert.True(OscMessageReader.TryCreate("/a\0\0,i\0\0\0\0\0\x2a"u8, null, out OscMessageReader r, out _));
        Assert.Equal(42, r.ReadInt32());
    }

    [Fact]
    public void BundleBytes_AreNotAMessage()
    {
        OscFormatException e = Assert.Throws<OscFormatException>(() => new OscMessageReader(new OscBundle(OscTimeTag.Immediate).ToArray()));
        Assert.Equal(OscFormatError.NotAnOscPacket, e.Error);
    }

    [Fact]
    public void NonZeroPadding_IsIgnoredWhenLenient_RejectedWhenStrict()
    {
        byte[] packet = "/pad\0xyz,i\0\0\0\0\0\x02"u8.ToArray();
        Assert.Equal(2, new OscMessageReader(packet).ReadInt32());
        OscFormatException e = Assert.Throws<OscFormatException>(() => new OscMessageReader(packet, OscDecodeOptions.Strict));
        Assert.Equal(OscFormatError.NonZeroPadding, e.Error);
        Assert.Equal(5, e.Offset);
        Assert.Contains("padding after the address holds 0x78 ('x')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlobPadding_IsCheckedWhenStrict()
    {
        byte[] packet = [.. "/b\0\0,b\0\0"u8, 0, 0, 0, 3, 1, 2, 3, 0xff];
        Assert.Equal(3, new OscMessageReader(packet).ReadBlob().Length);
        OscFormatException e = Assert.Throws<OscFormatException>(() => new OscMessageReader(packet, OscDecodeOptions.Strict));
        Assert.Equal(OscFormatError.NonZeroPadding, e.Error);
        Assert.Equal(15, e.Offset);
    }

    [Theory]
    [InlineData(-1, OscFormatError.BadSize)]
    [InlineData(int.MaxValue, OscFormatError.Truncated)]
    [InlineData(5, OscFormatError.Truncated)]
    public void BadBlobSizes_AreNamed(int size, OscFormatError error)
    {
        byte[] packet = [.. "/b\0\0,b\0\0"u8, (byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size, 1, 2, 3, 4];
        OscFormatException e = Assert.Throws<OscFormatException>(() => new OscMessageReader(packet));
        Assert.Equal(error, e.Error);
        Assert.Equal(8, e.Offset);
    }

    [Fact]
    public void ArraysNestedTooDeep_AreRejected()
    {
        var options = new OscDecodeOptions { MaxNestingDepth = 2 };
        byte[] ok = new OscMessage("/a", OscValue.Array(OscValue.Array(1))).ToArray();
        byte[] deep = new OscMessage("/a", OscValue.Array(OscValue.Array(OscValue.Array(1)))).ToArray();
        Assert.Equal(2, new OscMessageReader(ok, options).TypeTags.Count((byte)'['));
        OscFormatException e = Assert.Throws<OscFormatException>(() => new OscMessageReader(deep, options));
        Assert.Equal(OscFormatError.TooDeep, e.Error);
        Assert.Contains("nesting depth 3 exceeds the limit of 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTagInsideAnArray_IsRejectedEvenWhenLenient()
    {
        OscFormatException e = Assert.Throws<OscFormatException>(() => new OscMessageReader("/a\0\0,[x]\0\0\0\0"u8));
        Assert.Equal(OscFormatError.UnknownTypeTag, e.Error);
        Assert.Contains("inside an array", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_AllocatesNothing()
    {
        double sink = 0;
        long bytes = AllocationProbe.SteadyStateBytes(
            () =>
            {
                foreach (OscArgument a in new OscMessageReader(s_all, OscDecodeOptions.Strict))
                {
                    if (a.TryGetNumber(out double v))
                    {
                        sink += v;
                    }

                    sink += a.Data.Length;
                }
            },
            iterations: 1000);

        Assert.Equal(0, bytes);
        Assert.NotEqual(0, sink);
    }
}
