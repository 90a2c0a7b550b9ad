using Echelon.Protocols.Osc;
using Echelon.Protocols.Tests.Osc.Infrastructure;

namespace Echelon.Protocols.Tests.Osc.Conformance;

/// <summary>
/// python-osc's per-type vectors (test_osc_types.py, test_ntp.py), each wrapped in a one-argument
/// message because our decoder reads messages, not loose values.
/// </summary>
public sealed class PythonOscTypeVectorTests
{
    private static OscMessageReader Reader(char tag, byte[] value)
    {
        byte[] packet = [.. "/t\0\0,"u8, (byte)tag, 0, 0, .. value];
        var reader = new OscMessageReader(packet, OscDecodeOptions.Lenient);
        Assert.True(reader.MoveNext());
        return reader;
    }

    [Theory]
    [InlineData("b\"A\\x00\\x00\\x00\"", "A")]
    [InlineData("b\"AB\\x00\\x00\"", "AB")]
    [InlineData("b\"ABC\\x00\"", "ABC")]
    [InlineData("b\"ABCD\\x00\\x00\\x00\\x00\"", "ABCD")]
    [InlineData("b\"ABCD\\x00\\x00\\x00\\x00GARBAGE\"", "ABCD")]
    [InlineData("b\"\\x00\\x00\\x00\\x00\"", "")]
    public void GetString(string literal, string expected)
    {
        Assert.Equal(expected, Reader('s', PythonBytes.Of(literal)).Current.GetString());
    }

    [Theory]
    [InlineData("b\"blablaba\"", OscFormatError.UnterminatedString)]
    [InlineData("b\"\"", OscFormatError.UnterminatedString)]
    [InlineData("b\"\\x00\"", OscFormatError.Truncated)]
    [InlineData("b\"\\x00\\x00\"", OscFormatError.Truncated)]
    public void GetString_Rejects(string literal, OscFormatError error)
    {
        byte[] packet = [.. "/t\0\0,s\0\0"u8, .. PythonBytes.Of(literal)];
        OscFormatException e = Assert.Throws<OscFormatException>(() => new OscMessageReader(packet));
        Assert.Equal(error, e.Error);
        Assert.Equal(8, e.Offset);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(0x100, 256)]
    [InlineData(0x10000, 65536)]
    [InlineData(0x1000000, 16777216)]
    public void GetInteger(int wire, int expected)
    {
        byte[] value = [(byte)(wire >> 24), (byte)(wire >> 16), (byte)(wire >> 8), (byte)wire, .. "GARBAGE"u8];
        Assert.Equal(expected, Reader('i', value).Current.GetInt32());
    }

    [Fact]
    public void GetInteger_TooShort_IsTruncated()
    {
        OscFormatException e = Assert.Throws<OscFormatException>(() => new OscMessageReader([.. "/t\0\0,i\0\0"u8, 0, 0, 0]));
        Assert.Equal(OscFormatError.Truncated, e.Error);
        Assert.Contains("argument 0 ('i', int32) needs 4 bytes but only 3 remain", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0xff000000u, 255, 0, 0, 0)]
    [InlineData(0x00ff0000u, 0, 255, 0, 0)]
    [InlineData(0x0000ff00u, 0, 0, 255, 0)]
    [InlineData(0x000000ffu, 0, 0, 0, 255)]
    [InlineData(0x00000001u, 0, 0, 0, 1)]
    public void GetRgba(uint expected, int r, int g, int b, int a)
    {
        OscRgba colour = Reader('r', [(byte)r, (byte)g, (byte)b, (byte)a]).Current.GetRgba();
        Assert.Equal(expected, colour.ToUInt32());
        Assert.Equal(new OscRgba((byte)r, (byte)g, (byte)b, (byte)a), colour);
    }

    [Theory]
    [InlineData(0, 0, 0, 1)]
    [InlineData(0, 0, 1, 0)]
    [InlineData(0, 1, 0, 0)]
    [InlineData(1, 0, 0, 0)]
    public void GetMidi(int port, int status, int data1, int data2)
    {
        Assert.Equal(new OscMidi((byte)port, (byte)status, (byte)data1, (byte)data2), Reader('m', [(byte)port, (byte)status, (byte)data1, (byte)data2]).Current.GetMidi());
    }

    [Theory]
    [InlineData("de9c91bf00010000", 2018, 5, 8, 21, 14, 39, 65536u)]
    [InlineData("0000000000000000", 1900, 1, 1, 0, 0, 0, 0u)]
    [InlineData("83aa7e800a00b00c", 1970, 1, 1, 0, 0, 0, 167817228u)]
    public void GetTimetag(string hex, int year, int month, int day, int hour, int minute, int second, uint fraction)
    {
        OscTimeTag tag = Reader('t', Convert.FromHexString(hex)).Current.GetTimeTag();
        Assert.Equal(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc), OscTimeTag.Epoch.AddSeconds(tag.Seconds));
        Assert.Equal(fraction, tag.Fraction);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(5)]
    [InlineData(1)]
    public void GetTimetag_TooShort_IsTruncated(int length)
    {
        OscFormatException e = Assert.Throws<OscFormatException>(() => new OscMessageReader([.. "/t\0\0,t\0\0"u8, .. new byte[length]]));
        Assert.Equal(OscFormatError.Truncated, e.Error);
    }

    [Theory]
    [InlineData("00000000", 0.0f)]
    [InlineData("3f800000", 1.0f)]
    [InlineData("40000000", 2.0f)]
    public void GetFloat(string hex, float expected)
    {
        Assert.Equal(expected, Reader('f', [.. Convert.FromHexString(hex), .. "GARBAGE"u8]).Current.GetFloat32());
    }

    [Fact]
    public void GetFloat_TooShort_IsTruncated_ThoughPythonOscPadsIt()
    {
        // python-osc reads two bytes as the float 0; a truncated argument is a broken packet, and liblo rejects it too.
        Assert.Throws<OscFormatException>(() => new OscMessageReader([.. "/t\0\0,f\0\0"u8, 0, 0]));
    }

    [Theory]
    [InlineData("0000000000000000", 0.0)]
    [InlineData("3ff0000000000000", 1.0)]
    [InlineData("4000000000000000", 2.0)]
    [InlineData("bff0000000000000", -1.0)]
    [InlineData("c000000000000000", -2.0)]
    public void GetDouble(string hex, double expected)
    {
        Assert.Equal(expected, Reader('d', [.. Convert.FromHexString(hex), .. "GARBAGE"u8]).Current.GetDouble());
    }

    [Fact]
    public void GetDouble_TooShort_IsTruncated()
    {
        Assert.Throws<OscFormatException>(() => new OscMessageReader([.. "/t\0\0,d\0\0"u8, 0, 0]));
    }

    [Theory]
    [InlineData("b\"\\x00\\x00\\x00\\x00\"", "")]
    [InlineData("b\"\\x00\\x00\\x00\\x08stuff\\x00\\x00\\x00\"", "7374756666000000")]
    [InlineData("b\"\\x00\\x00\\x00\\x04\\x00\\x00\\x00\\x00\"", "00000000")]
    [InlineData("b\"\\x00\\x00\\x00\\x02\\x00\\x00\\x00\\x00\"", "0000")]
    [InlineData("b\"\\x00\\x00\\x00\\x08stuff\\x00\\x00\\x00datagramcontinues\"", "7374756666000000")]
    public void GetBlob(string literal, string expectedHex)
    {
        Assert.Equal(Convert.FromHexString(expectedHex), Reader('b', PythonBytes.Of(literal)).Current.GetBlob().ToArray());
    }

    [Theory]
    [InlineData("b\"\"")]
    [InlineData("b\"\\x00\\x00\\x00\\x08\"")]
    [InlineData("b\"\\x00\\x00\\x00\\x11\\x00\\x00\"")]
    public void GetBlob_TooShort_IsTruncated(string literal)
    {
        OscFormatException e = Assert.Throws<OscFormatException>(() => new OscMessageReader([.. "/t\0\0,b\0\0"u8, .. PythonBytes.Of(literal)]));
        Assert.Equal(OscFormatError.Truncated, e.Error);
        Assert.Equal(8, e.Offset);
    }

    [Fact]
    public void ImmediatelyAndOriginOfTime()
    {
        Assert.True(Reader('t', [0, 0, 0, 0, 0, 0, 0, 1]).Current.GetTimeTag().IsImmediate);
        Assert.True(Reader('t', new byte[8]).Current.GetTimeTag().ToUnixTimeSeconds() < 0);
    }

    [Fact]
    public void WriteDate_KnownUnixTime_GivesPythonOscsBytes()
    {
        OscTimeTag tag = OscTimeTag.FromUnixTimeSeconds(1569899476.167749);
        Assert.Equal(PythonBytes.Of("b\"\\xe1=BT*\\xf1\\x98\\x00\""), OscValueBytes(tag));
    }

    [Fact]
    public void Ntp_RoundTripsUnixTime_ToFivePlaces()
    {
        const double unix = 1_700_000_000.123456;
        Assert.Equal(unix, OscTimeTag.FromUnixTimeSeconds(unix).ToUnixTimeSeconds(), 5);
    }

    [Theory]
    [InlineData("", "00000000")]
    [InlineData("A", "41000000")]
    [InlineData("AB", "41420000")]
    [InlineData("ABC", "41424300")]
    [InlineData("ABCD", "4142434400000000")]
    public void WriteString(string text, string hex)
    {
        Assert.Equal(Convert.FromHexString("2f7400002c730000" + hex), new OscMessage("/t", text).ToArray());
    }

    [Theory]
    [InlineData(0, "00000000")]
    [InlineData(1, "00000001")]
    public void WriteInt(int value, string hex)
    {
        Assert.Equal(Convert.FromHexString("2f7400002c690000" + hex), new OscMessage("/t", value).ToArray());
    }

    [Theory]
    [InlineData(0.0f, "00000000")]
    [InlineData(0.5f, "3f000000")]
    [InlineData(1.0f, "3f800000")]
    public void WriteFloat(float value, string hex)
    {
        Assert.Equal(Convert.FromHexString("2f7400002c660000" + hex), new OscMessage("/t", value).ToArray());
    }

    [Theory]
    [InlineData("0001", "0000000200010000")]
    [InlineData("00010203", "0000000400010203")]
    public void WriteBlob(string blobHex, string hex)
    {
        Assert.Equal(Convert.FromHexString("2f7400002c620000" + hex), new OscMessage("/t", Convert.FromHexString(blobHex)).ToArray());
    }

    private static byte[] OscValueBytes(OscTimeTag tag) => new OscMessage("/t", tag).ToArray()[8..];
}
