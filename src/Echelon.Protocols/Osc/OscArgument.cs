using System.Buffers.Binary;
using System.Text;

namespace Echelon.Protocols.Osc;

/// <summary>
/// One argument of a message being read by <see cref="OscMessageReader"/>: its type tag and a view
/// of its bytes in the packet. Getters check the type and decode without allocating
/// (except <see cref="GetString"/> and <see cref="ToValue"/>).
/// </summary>
/// <remarks>
/// Arrays arrive flat: an argument of type <see cref="OscTypeTag.Array"/> opens one, the elements
/// follow, and <see cref="OscTypeTag.ArrayEnd"/> closes it. Valid only while the packet's bytes are.
/// </remarks>
public readonly ref struct OscArgument
{
    internal OscArgument(OscTypeTag type, ReadOnlySpan<byte> data, int offset, int index)
    {
        Type = type;
        Data = data;
        Offset = offset;
        Index = index;
    }

    /// <summary>The type tag.</summary>
    public OscTypeTag Type { get; }

    /// <summary>
    /// The value's bytes: big-endian numbers; a string's UTF-8 bytes without the null; a blob's contents
    /// without its size; empty for <c>T F N I [ ]</c>.
    /// </summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Byte offset of the argument in the message.</summary>
    public int Offset { get; }

    /// <summary>Index of the argument's tag in the type tag string (after the comma).</summary>
    public int Index { get; }

    /// <summary>The value of an <c>i</c> argument.</summary>
    /// <exception cref="InvalidOperationException">The argument is another type.</exception>
    public int GetInt32()
    {
        Expect(OscTypeTag.Int32);
        return BinaryPrimitives.ReadInt32BigEndian(Data);
    }

    /// <summary>The value of an <c>f</c> argument.</summary>
    /// <exception cref="InvalidOperationException">The argument is another type.</exception>
    public float GetFloat32()
    {
        Expect(OscTypeTag.Float32);
        return BinaryPrimitives.ReadSingleBigEndian(Data);
    }

    /// <summary>The value of an <c>h</c> argument.</summary>
    /// <exception cref="InvalidOperationException">The argument is another type.</exception>
    public long GetInt64()
    {
        Expect(OscTypeTag.Int64);
        return BinaryPrimitives.ReadInt64BigEndian(Data);
    }

    /// <summary>The value of a <c>d</c> argument.</summary>
    /// <exception cref="InvalidOperationException">The argument is another type.</exception>
    public double GetDouble()
    {
        Expect(OscTypeTag.Double);
        return BinaryPrimitives.ReadDoubleBigEndian(Data);
    }

    /// <summary>The value of a <c>t</c> argument.</summary>
    /// <exception cref="InvalidOperationException">The argument is another type.</exception>
    public OscTimeTag GetTimeTag()
    {
        Expect(OscTypeTag.TimeTag);
        return new OscTimeTag(BinaryPrimitives.ReadUInt64BigEndian(Data));
    }

    /// <summary>The value of a <c>c</c> argument (the low 16 bits of its int32).</summary>
    /// <exception cref="InvalidOperationException">The argument is another type.</exception>
    public char GetChar()
    {
        Expect(OscTypeTag.Char);
        return (char)(ushort)BinaryPrimitives.ReadInt32BigEndian(Data);
    }

    /// <summary>The value of an <c>r</c> argument.</summary>
    /// <exception cref="InvalidOperationException">The argument is another type.</exception>
    public OscRgba GetRgba()
    {
        Expect(OscTypeTag.Rgba);
        return OscRgba.FromUInt32(BinaryPrimitives.ReadUInt32BigEndian(Data));
    }

    /// <summary>The value of an <c>m</c> argument.</summary>
    /// <exception cref="InvalidOperationException">The argument is another type.</exception>
    public OscMidi GetMidi()
    {
        Expect(OscTypeTag.Midi);
        return OscMidi.FromUInt32(BinaryPrimitives.ReadUInt32BigEndian(Data));
    }

    /// <summary>True for <c>T</c>, false for <c>F</c>.</summary>
    /// <exception cref="InvalidOperationException">The argument is another type.</exception>
    public bool GetBoolean() => Type switch
    {
        OscTypeTag.True => true,
        OscTypeTag.False => false,
        _ => throw Mismatch("T or F"),
    };

    /// <summary>The UTF-8 bytes of an <c>s</c> or <c>S</c> argument, without the null.</summary>
    /// <exception cref="InvalidOperationException">The argument is another type.</exception>
    public ReadOnlySpan<byte> GetUtf8()
    {
        if (Type is not (OscTypeTag.String or OscTypeTag.Symbol))
        {
            throw Mismatch("s or S");
        }

        return Data;
    }

    /// <summary>The text of an <c>s</c> or <c>S</c> argument (allocates; invalid UTF-8 becomes U+FFFD).</summary>
    /// <exception cref="InvalidOperationException">The argument is another type.</exception>
    public string GetString() => Encoding.UTF8.GetString(GetUtf8());

    /// <summary>The contents of a <c>b</c> argument.</summary>
    /// <exception cref="InvalidOperationException">The argument is another type.</exception>
    public ReadOnlySpan<byte> GetBlob()
    {
        Expect(OscTypeTag.Blob);
        return Data;
    }

    /// <summary>
    /// Any numeric argument as a double: <c>i f h d</c>, and <c>T</c>/<c>F</c> as 1/0. Sensor apps
    /// disagree on <c>i</c> vs <c>f</c>; this reads either.
    /// </summary>
    public bool TryGetNumber(out double value)
    {
        switch (Type)
        {
            case OscTypeTag.Int32:
                value = BinaryPrimitives.ReadInt32BigEndian(Data);
                return true;
            case OscTypeTag.Float32:
                value = BinaryPrimitives.ReadSingleBigEndian(Data);
                return true;
            case OscTypeTag.Int64:
                value = BinaryPrimitives.ReadInt64BigEndian(Data);
                return true;
            case OscTypeTag.Double:
                value = BinaryPrimitives.ReadDoubleBigEndian(Data);
                return true;
            case OscTypeTag.True:
                value = 1;
                return true;
            case OscTypeTag.False:
                value = 0;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>The argument as an allocating <see cref="OscValue"/>.</summary>
    /// <exception cref="InvalidOperationException">An array marker: read arrays with <see cref="OscMessageReader.ReadValue"/>.</exception>
    public OscValue ToValue() => Type switch
    {
        OscTypeTag.Int32 => OscValue.Int32(GetInt32()),
        OscTypeTag.Float32 => OscValue.Float32(GetFloat32()),
        OscTypeTag.String => OscValue.String(GetString()),
        OscTypeTag.Symbol => OscValue.Symbol(GetString()),
        OscTypeTag.Blob => OscValue.Blob(Data),
        OscTypeTag.Int64 => OscValue.Int64(GetInt64()),
        OscTypeTag.Double => OscValue.Double(GetDouble()),
        OscTypeTag.TimeTag => OscValue.TimeTag(GetTimeTag()),
        OscTypeTag.True => OscValue.True,
        OscTypeTag.False => OscValue.False,
        OscTypeTag.Nil => OscValue.Nil,
        OscTypeTag.Infinitum => OscValue.Infinitum,
        OscTypeTag.Char => OscValue.Char(GetChar()),
        OscTypeTag.Rgba => OscValue.Rgba(GetRgba()),
        OscTypeTag.Midi => OscValue.Midi(GetMidi()),
        _ => throw new InvalidOperationException($"an array marker '{(char)Type}' is not a value; read arrays with OscMessageReader.ReadValue."),
    };

    /// <summary>The value as liblo's oscdump prints it (see <see cref="OscValue.ToString"/>).</summary>
    public override string ToString() => Type is OscTypeTag.Array or OscTypeTag.ArrayEnd ? ((char)Type).ToString() : ToValue().ToString();

    private void Expect(OscTypeTag wanted)
    {
        if (Type != wanted)
        {
            throw Mismatch(((char)wanted).ToString());
        }
    }

    private InvalidOperationException Mismatch(string wanted) =>
        new($"argument {Index} is '{(char)Type}' ({OscTypeTags.Describe(Type)}); this getter reads '{wanted}'.");
}
