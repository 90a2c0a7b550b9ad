using Echelon.Protocols.Osc;

namespace Echelon.Protocols.Tests.Osc;

public sealed class OscValueTests
{
    [Fact]
    public void ImplicitConversions_PickTheNaturalTag()
    {
        Assert.Equal(OscTypeTag.Int32, ((OscValue)1).Type);
        Assert.Equal(OscTypeTag.Float32, ((OscValue)1f).Type);
        Assert.Equal(OscTypeTag.Int64, ((OscValue)1L).Type);
        Assert.Equal(OscTypeTag.Double, ((OscValue)1d).Type);
        Assert.Equal(OscTypeTag.String, ((OscValue)"x").Type);
        Assert.Equal(OscTypeTag.True, ((OscValue)true).Type);
        Assert.Equal(OscTypeTag.False, ((OscValue)false).Type);
        Assert.Equal(OscTypeTag.Char, ((OscValue)'x').Type);
        Assert.Equal(OscTypeTag.Blob, ((OscValue)new byte[] { 1 }).Type);
        Assert.Equal(OscTypeTag.TimeTag, ((OscValue)OscTimeTag.Immediate).Type);
        Assert.Equal(OscTypeTag.Rgba, ((OscValue)new OscRgba(1, 2, 3, 4)).Type);
        Assert.Equal(OscTypeTag.Midi, ((OscValue)new OscMidi(0, 0x90, 60, 100)).Type);
    }

    [Theory]
    [InlineData(2.5f, "2.500000")]
    [InlineData(-0.0f, "-0.000000")]
    [InlineData(1e30f, "1000000015047466219876688855040.000000")]
    [InlineData(1.5e-7f, "0.000000")]
    [InlineData(123456789f, "123456792.000000")]
    [InlineData(float.PositiveInfinity, "inf")]
    [InlineData(float.NegativeInfinity, "-inf")]
    public void Float_PrintsAsCPercentF(float value, string expected)
    {
        Assert.Equal(expected, OscValue.Float32(value).ToString());
    }

    [Fact]
    public void NaN_KeepsItsSign_AsGlibcPrintsIt()
    {
        Assert.Equal("nan", OscValue.Float32(BitConverter.Int32BitsToSingle(0x7fc00000)).ToString());
        // .NET's float.NaN has the sign bit set (0xffc00000); glibc prints that as -nan.
        Assert.Equal("-nan", OscValue.Float32(float.NaN).ToString());
    }

    [Fact]
    public void Double_PrintsExactDigitsAsGlibcDoes()
    {
        // oscdump printed this for 1e300 (glibc prints the exact binary value, not 15 digits and zeros).
        const string glibc = "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000";
        Assert.Equal(glibc, OscValue.Double(1e300).ToString());
        Assert.Equal("-nan", OscValue.Double(BitConverter.Int64BitsToDouble(unchecked((long)0xfff8000000000000UL))).ToString());
    }

    [Fact]
    public void OtherTypes_PrintAsOscdump()
    {
        Assert.Equal("\"hi there\"", OscValue.String("hi there").ToString());
        Assert.Equal("'sym", OscValue.Symbol("sym").ToString());
        Assert.Equal("'A'", OscValue.Char('A').ToString());
        Assert.Equal("MIDI [0x00 0x90 0x40 0x60]", OscValue.Midi(new OscMidi(0, 0x90, 0x40, 0x60)).ToString());
        Assert.Equal("#T", OscValue.True.ToString());
        Assert.Equal("#F", OscValue.False.ToString());
        Assert.Equal("Nil", OscValue.Nil.ToString());
        Assert.Equal("Infinitum", OscValue.Infinitum.ToString());
        Assert.Equal("deadbeef.80000000", OscValue.TimeTag(new OscTimeTag(0xdeadbeef, 0x80000000)).ToString());
        Assert.Equal("-5000000000", OscValue.Int64(-5_000_000_000).ToString());
        Assert.Equal("[1 \"a\"]", OscValue.Array(1, "a").ToString());
    }

    [Fact]
    public void Blobs_PrintBytesUpToTwelve_ThenACount()
    {
        Assert.Equal("[0b ]", OscValue.Blob([]).ToString());
        Assert.Equal("[5b 0x1 0x2 0x3 0x4 0xff]", OscValue.Blob([1, 2, 3, 4, 0xff]).ToString());
        Assert.Equal("[12b 00 0x1 0x2 0x3 0x4 0x5 0x6 0x7 0x8 0x9 0xa 0xb]", OscValue.Blob([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).ToString());
        Assert.Equal("[13 byte blob]", OscValue.Blob(new byte[13]).ToString());
    }

    [Fact]
    public void Equality_ComparesData()
    {
        Assert.Equal(OscValue.Blob([1, 2]), OscValue.Blob([1, 2]));
        Assert.NotEqual(OscValue.Blob([1, 2]), OscValue.Blob([1, 3]));
        Assert.NotEqual(OscValue.String("a"), OscValue.Symbol("a"));
        Assert.Equal(OscValue.Array(1, OscValue.Array("x")), OscValue.Array(1, OscValue.Array("x")));
        Assert.NotEqual(OscValue.Array(1), OscValue.Array(1, 2));
        Assert.Equal(OscValue.Float32(float.NaN), OscValue.Float32(float.NaN));
        Assert.True(OscValue.Int32(1) != OscValue.Int64(1));
    }

    [Fact]
    public void Blob_IsCopiedIn()
    {
        byte[] bytes = [1, 2, 3];
        OscValue value = bytes;
        bytes[0] = 9;
        Assert.Equal(1, value.AsBlob().Span[0]);
    }

    [Fact]
    public void Getters_CheckTheType()
    {
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => OscValue.Float32(1).AsInt32());
        Assert.Contains("'f' (float32), not 'i'", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => OscValue.Nil.AsBoolean());
        Assert.Throws<InvalidOperationException>(() => OscValue.Int32(1).AsString());
        Assert.Throws<ArgumentException>(() => OscValue.String("a\0b"));
    }

    [Fact]
    public void TryGetNumber_ReadsEveryNumericType()
    {
        Assert.True(OscValue.Int32(-3).TryGetNumber(out double i) && i == -3);
        Assert.True(OscValue.Float32(0.25f).TryGetNumber(out double f) && f == 0.25);
        Assert.True(OscValue.Int64(1L << 40).TryGetNumber(out double h) && h == 1L << 40);
        Assert.True(OscValue.Double(1e-9).TryGetNumber(out double d) && d == 1e-9);
        Assert.True(OscValue.True.TryGetNumber(out double t) && t == 1);
        Assert.False(OscValue.String("1").TryGetNumber(out _));
    }

    [Fact]
    public void TypeTags_OfAnArray_Nest()
    {
        Assert.Equal("[i[sf]]", OscValue.Array(1, OscValue.Array("a", 2f)).GetTypeTags());
        Assert.Equal("N", OscValue.Nil.GetTypeTags());
    }
}
