using Echelon.Protocols.Osc;

namespace Echelon.Protocols.Tests.Osc;

public sealed class OscBundleReaderTests
{
    private static readonly OscTimeTag s_t = new(3_900_000_000u, 0u);

    [Fact]
    public void Elements_AreReadInOrder_NestedBundlesToo()
    {
        byte[] bytes = new OscBundle(s_t, new OscMessage("/a", 1), new OscBundle(s_t.AddSeconds(1), new OscMessage("/b", "x")), new OscMessage("/c")).ToArray();
        var reader = new OscBundleReader(bytes, OscDecodeOptions.Strict);
        Assert.Equal(s_t, reader.TimeTag);
        Assert.True(reader.MoveNext());
        Assert.False(reader.CurrentIsBundle);
        Assert.Equal(20, reader.CurrentOffset);
        Assert.Equal(1, reader.ReadMessage().ReadInt32());
        Assert.True(reader.MoveNext());
        Assert.True(reader.CurrentIsBundle);
        Assert.Throws<InvalidOperationException>(() => ReadMessageOf(bytes, 2));
        OscBundleReader inner = reader.ReadBundle();
        Assert.Equal(s_t.AddSeconds(1), inner.TimeTag);
        Assert.True(inner.MoveNext());
        Assert.True(inner.ReadMessage().ReadUtf8().SequenceEqual("x"u8));
        Assert.False(inner.MoveNext());
        Assert.True(reader.MoveNext());
        Assert.True(reader.ReadMessage().Address.SequenceEqual("/c"u8));
        Assert.False(reader.MoveNext());
        reader.Reset();
        Assert.True(reader.MoveNext());
    }

    private static int ReadMessageOf(byte[] bytes, int element)
    {
        var reader = new OscBundleReader(bytes);
        for (int i = 0; i < element; i++)
        {
            reader.MoveNext();
        }

        return reader.ReadMessage().Length;
    }

    [Fact]
    public void ABadElement_RejectsTheWholeBundle()
    {
        byte[] bytes = new OscBundle(s_t, new OscMessage("/a", 1), new OscMessage("/b", 2)).ToArray();
        bytes[^7] = 9; // the second message's type tag 'i' becomes 0x09
        Assert.False(OscBundleReader.TryCreate(bytes, OscDecodeOptions.Strict, out _, out OscDecodeError error));
        Assert.Equal(OscFormatError.UnknownTypeTag, error.Error);
        Assert.Equal(bytes.Length - 7, error.Offset);
    }

    [Fact]
    public void AMessage_IsNotABundle()
    {
        OscFormatException e = Assert.Throws<OscFormatException>(() => new OscBundleReader(new OscMessage("/a").ToArray()));
        Assert.Equal(OscFormatError.BadBundleHeader, e.Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public void NonPositiveElementSize_IsBadSize(int size)
    {
        byte[] bytes = [.. new OscBundle(s_t).ToArray(), (byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size];
        OscFormatException e = Assert.Throws<OscFormatException>(() => new OscBundleReader(bytes));
        Assert.Equal(OscFormatError.BadSize, e.Error);
        Assert.Equal(16, e.Offset);
        Assert.Contains("allowed a positive multiple of 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BundlesNestedTooDeep_AreRejected()
    {
        OscPacket p = new OscMessage("/deep");
        for (int i = 0; i < 5; i++)
        {
            p = new OscBundle(s_t, p);
        }

        byte[] bytes = p.ToArray();
        Assert.True(OscPacket.TryValidate(bytes, new OscDecodeOptions { MaxNestingDepth = 5 }, out _));
        Assert.False(OscPacket.TryValidate(bytes, new OscDecodeOptions { MaxNestingDepth = 4 }, out OscDecodeError error));
        Assert.Equal(OscFormatError.TooDeep, error.Error);
        Assert.Equal(4 * 20, error.Offset);
    }

    [Fact]
    public void BadHeaders_AreNamed()
    {
        Assert.Equal(OscFormatError.BadBundleHeader, Assert.Throws<OscFormatException>(() => OscPacket.Decode("#bundlX\0\0\0\0\0\0\0\0\x01"u8)).Error);
        Assert.Equal(OscFormatError.Truncated, Assert.Throws<OscFormatException>(() => OscPacket.Decode("#bun"u8)).Error);
    }
}
