using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Echelon.Protocols.Osc;

/// <summary>
/// One OSC argument as a value: its <see cref="Type"/> tag and the data, for the allocating model
/// (<see cref="OscMessage"/>). Implicit conversions from the natural .NET types pick the tag
/// (<c>int</c> → <c>i</c>, <c>float</c> → <c>f</c>, <c>string</c> → <c>s</c>, …); the factories
/// reach the rest (<see cref="Symbol"/>, <see cref="Nil"/>, <see cref="Array(OscValue[])"/>, …).
/// </summary>
/// <remarks>
/// Immutable: blobs are copied in and arrays are held as read-only lists, so values can be shared
/// between threads. <see cref="ToString"/> prints as liblo's oscdump does.
/// </remarks>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The factories name OSC's wire types (int32, float32, string, int64, double, char), as the OSC 1.0 specification does.")]
public readonly struct OscValue : IEquatable<OscValue>
{
    private readonly object? _reference;
    private readonly long _bits;

    private OscValue(OscTypeTag type, long bits, object? reference)
    {
        Type = type;
        _bits = bits;
        _reference = reference;
    }

    /// <summary>The type tag (<see cref="OscTypeTag.Array"/> for an array).</summary>
    public OscTypeTag Type { get; }

    /// <summary><c>T</c>.</summary>
    public static OscValue True => new(OscTypeTag.True, 0, null);

    /// <summary><c>F</c>.</summary>
    public static OscValue False => new(OscTypeTag.False, 0, null);

    /// <summary><c>N</c>.</summary>
    public static OscValue Nil => new(OscTypeTag.Nil, 0, null);

    /// <summary><c>I</c>.</summary>
    public static OscValue Infinitum => new(OscTypeTag.Infinitum, 0, null);

    /// <summary>An <c>i</c> value.</summary>
    public static OscValue Int32(int value) => new(OscTypeTag.Int32, value, null);

    /// <summary>An <c>f</c> value.</summary>
    public static OscValue Float32(float value) => new(OscTypeTag.Float32, BitConverter.SingleToInt32Bits(value), null);

    /// <summary>An <c>h</c> value.</summary>
    public static OscValue Int64(long value) => new(OscTypeTag.Int64, value, null);

    /// <summary>A <c>d</c> value.</summary>
    public static OscValue Double(double value) => new(OscTypeTag.Double, BitConverter.DoubleToInt64Bits(value), null);

    /// <summary>A <c>t</c> value.</summary>
    public static OscValue TimeTag(OscTimeTag value) => new(OscTypeTag.TimeTag, (long)value.Value, null);

    /// <summary>A <c>c</c> value.</summary>
    public static OscValue Char(char value) => new(OscTypeTag.Char, value, null);

    /// <summary>An <c>r</c> value.</summary>
    public static OscValue Rgba(OscRgba value) => new(OscTypeTag.Rgba, value.ToUInt32(), null);

    /// <summary>An <c>m</c> value.</summary>
    public static OscValue Midi(OscMidi value) => new(OscTypeTag.Midi, value.ToUInt32(), null);

    /// <summary><c>T</c> or <c>F</c>.</summary>
    public static OscValue Boolean(bool value) => value ? True : False;

    /// <summary>An <c>s</c> value.</summary>
    /// <exception cref="ArgumentException">The text holds a null character.</exception>
    public static OscValue String(string value) => new(OscTypeTag.String, 0, CheckText(value));

    /// <summary>An <c>S</c> (symbol) value.</summary>
    /// <exception cref="ArgumentException">The text holds a null character.</exception>
    public static OscValue Symbol(string value) => new(OscTypeTag.Symbol, 0, CheckText(value));

    /// <summary>A <c>b</c> value holding a copy of <paramref name="bytes"/>.</summary>
    public static OscValue Blob(ReadOnlySpan<byte> bytes) => new(OscTypeTag.Blob, 0, bytes.ToArray());

    /// <summary>An array (<c>[…]</c>) of <paramref name="elements"/>.</summary>
    public static OscValue Array(params OscValue[] elements) => Array((IEnumerable<OscValue>)elements);

    /// <summary>An array (<c>[…]</c>) of <paramref name="elements"/>.</summary>
    public static OscValue Array(IEnumerable<OscValue> elements) => new(OscTypeTag.Array, 0, elements.ToArray().AsReadOnly());

    /// <summary>An <c>i</c> value.</summary>
    public static implicit operator OscValue(int value) => Int32(value);

    /// <summary>An <c>f</c> value.</summary>
    public static implicit operator OscValue(float value) => Float32(value);

    /// <summary>An <c>h</c> value.</summary>
    public static implicit operator OscValue(long value) => Int64(value);

    /// <summary>A <c>d</c> value.</summary>
    public static implicit operator OscValue(double value) => Double(value);

    /// <summary>An <c>s</c> value.</summary>
    public static implicit operator OscValue(string value) => String(value);

    /// <summary><c>T</c> or <c>F</c>.</summary>
    public static implicit operator OscValue(bool value) => Boolean(value);

    /// <summary>A <c>c</c> value.</summary>
    public static implicit operator OscValue(char value) => Char(value);

    /// <summary>A <c>b</c> value (copied).</summary>
    public static implicit operator OscValue(byte[] value) => Blob(value);

    /// <summary>A <c>t</c> value.</summary>
    public static implicit operator OscValue(OscTimeTag value) => TimeTag(value);

    /// <summary>An <c>r</c> value.</summary>
    public static implicit operator OscValue(OscRgba value) => Rgba(value);

    /// <summary>An <c>m</c> value.</summary>
    public static implicit operator OscValue(OscMidi value) => Midi(value);

    /// <summary>The value of an <c>i</c>.</summary>
    /// <exception cref="InvalidOperationException">Another type.</exception>
    public int AsInt32() => Expect(OscTypeTag.Int32) ? (int)_bits : 0;

    /// <summary>The value of an <c>f</c>.</summary>
    /// <exception cref="InvalidOperationException">Another type.</exception>
    public float AsFloat32() => Expect(OscTypeTag.Float32) ? BitConverter.Int32BitsToSingle((int)_bits) : 0;

    /// <summary>The value of an <c>h</c>.</summary>
    /// <exception cref="InvalidOperationException">Another type.</exception>
    public long AsInt64() => Expect(OscTypeTag.Int64) ? _bits : 0;

    /// <summary>The value of a <c>d</c>.</summary>
    /// <exception cref="InvalidOperationException">Another type.</exception>
    public double AsDouble() => Expect(OscTypeTag.Double) ? BitConverter.Int64BitsToDouble(_bits) : 0;

    /// <summary>The value of a <c>t</c>.</summary>
    /// <exception cref="InvalidOperationException">Another type.</exception>
    public OscTimeTag AsTimeTag() => Expect(OscTypeTag.TimeTag) ? new OscTimeTag((ulong)_bits) : default;

    /// <summary>The value of a <c>c</c>.</summary>
    /// <exception cref="InvalidOperationException">Another type.</exception>
    public char AsChar() => Expect(OscTypeTag.Char) ? (char)_bits : '\0';

    /// <summary>The value of an <c>r</c>.</summary>
    /// <exception cref="InvalidOperationException">Another type.</exception>
    public OscRgba AsRgba() => Expect(OscTypeTag.Rgba) ? OscRgba.FromUInt32((uint)_bits) : default;

    /// <summary>The value of an <c>m</c>.</summary>
    /// <exception cref="InvalidOperationException">Another type.</exception>
    public OscMidi AsMidi() => Expect(OscTypeTag.Midi) ? OscMidi.FromUInt32((uint)_bits) : default;

    /// <summary>True for <c>T</c>, false for <c>F</c>.</summary>
    /// <exception cref="InvalidOperationException">Another type.</exception>
    public bool AsBoolean() => Type switch
    {
        OscTypeTag.True => true,
        OscTypeTag.False => false,
        _ => throw Mismatch("T or F"),
    };

    /// <summary>The text of an <c>s</c> or <c>S</c>.</summary>
    /// <exception cref="InvalidOperationException">Another type.</exception>
    public string AsString() => Type is OscTypeTag.String or OscTypeTag.Symbol ? (string)_reference! : throw Mismatch("s or S");

    /// <summary>The bytes of a <c>b</c>.</summary>
    /// <exception cref="InvalidOperationException">Another type.</exception>
    public ReadOnlyMemory<byte> AsBlob() => Expect(OscTypeTag.Blob) ? (byte[])_reference! : default;

    /// <summary>The elements of an array.</summary>
    /// <exception cref="InvalidOperationException">Another type.</exception>
    public IReadOnlyList<OscValue> AsArray() => Expect(OscTypeTag.Array) ? (IReadOnlyList<OscValue>)_reference! : [];

    /// <summary>Any numeric value as a double: <c>i f h d</c>, and <c>T</c>/<c>F</c> as 1/0.</summary>
    public bool TryGetNumber(out double value)
    {
        (bool ok, value) = Type switch
        {
            OscTypeTag.Int32 or OscTypeTag.Int64 => (true, (double)_bits),
            OscTypeTag.Float32 => (true, BitConverter.Int32BitsToSingle((int)_bits)),
            OscTypeTag.Double => (true, BitConverter.Int64BitsToDouble(_bits)),
            OscTypeTag.True => (true, 1.0),
            OscTypeTag.False => (true, 0.0),
            _ => (false, 0.0),
        };
        return ok;
    }

    /// <summary>The tags this value writes: one letter, or <c>[…]</c> with the elements' tags for an array.</summary>
    public string GetTypeTags()
    {
        if (Type != OscTypeTag.Array)
        {
            return ((char)Type).ToString();
        }

        var text = new StringBuilder();
        AppendTypeTags(text);
        return text.ToString();
    }

    /// <summary>
    /// The value as liblo 0.31's oscdump prints it: numbers as C's <c>%d</c>/<c>%f</c>, <c>"text"</c>,
    /// <c>'symbol</c>, <c>'c'</c>, <c>#T #F Nil Infinitum</c>, <c>MIDI [0x.. ..]</c>, blobs of up to 12 bytes as
    /// <c>[3b 0x1 00 0xff]</c> and longer ones as <c>[13 byte blob]</c>, time tags as <c>HHHHHHHH.HHHHHHHH</c>.
    /// Colours (which liblo rejects) print as <c>RGBA [0x.. ..]</c>, arrays as <c>[a b c]</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        AppendText(text);
        return text.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(OscValue other)
    {
        if (Type != other.Type || _bits != other._bits)
        {
            return false;
        }

        return Type switch
        {
            OscTypeTag.String or OscTypeTag.Symbol => string.Equals((string)_reference!, (string)other._reference!, StringComparison.Ordinal),
            OscTypeTag.Blob => ((byte[])_reference!).AsSpan().SequenceEqual((byte[])other._reference!),
            OscTypeTag.Array => ((IReadOnlyList<OscValue>)_reference!).SequenceEqual((IReadOnlyList<OscValue>)other._reference!),
            _ => true,
        };
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OscValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Type switch
    {
        OscTypeTag.String or OscTypeTag.Symbol => HashCode.Combine(Type, StringComparer.Ordinal.GetHashCode((string)_reference!)),
        OscTypeTag.Blob => HashCode.Combine(Type, ((byte[])_reference!).Length),
        OscTypeTag.Array => HashCode.Combine(Type, ((IReadOnlyList<OscValue>)_reference!).Count),
        _ => HashCode.Combine(Type, _bits),
    };

    /// <summary>Equality of type and data (blobs and arrays element by element; floats bit for bit).</summary>
    public static bool operator ==(OscValue left, OscValue right) => left.Equals(right);

    /// <summary>Inequality of type or data.</summary>
    public static bool operator !=(OscValue left, OscValue right) => !left.Equals(right);

    /// <summary>C's <c>%f</c>: six decimals, <c>nan</c>, <c>inf</c>, sign kept (glibc prints <c>-nan</c> for a negative NaN).</summary>
    internal static string FormatC(double value)
    {
        if (double.IsNaN(value))
        {
            return double.IsNegative(value) ? "-nan" : "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        return value.ToString("F6", CultureInfo.InvariantCulture);
    }

    internal void AppendTypeTags(StringBuilder text)
    {
        if (Type != OscTypeTag.Array)
        {
            text.Append((char)Type);
            return;
        }

        text.Append('[');
        foreach (OscValue element in (IReadOnlyList<OscValue>)_reference!)
        {
            element.AppendTypeTags(text);
        }

        text.Append(']');
    }

    internal void AppendText(StringBuilder text)
    {
        var c = CultureInfo.InvariantCulture;
        switch (Type)
        {
            case OscTypeTag.Int32:
            case OscTypeTag.Int64:
                text.Append(_bits.ToString(c));
                break;
            case OscTypeTag.Float32:
                text.Append(FormatC(BitConverter.Int32BitsToSingle((int)_bits)));
                break;
            case OscTypeTag.Double:
                text.Append(FormatC(BitConverter.Int64BitsToDouble(_bits)));
                break;
            case OscTypeTag.String:
                text.Append('"').Append((string)_reference!).Append('"');
                break;
            case OscTypeTag.Symbol:
                text.Append('\'').Append((string)_reference!);
                break;
            case OscTypeTag.Char:
                text.Append('\'').Append((char)_bits).Append('\'');
                break;
            case OscTypeTag.TimeTag:
                text.Append(new OscTimeTag((ulong)_bits).ToString());
                break;
            case OscTypeTag.True:
                text.Append("#T");
                break;
            case OscTypeTag.False:
                text.Append("#F");
                break;
            case OscTypeTag.Nil:
                text.Append("Nil");
                break;
            case OscTypeTag.Infinitum:
                text.Append("Infinitum");
                break;
            case OscTypeTag.Midi:
                AppendFourBytes(text, "MIDI [", (uint)_bits);
                break;
            case OscTypeTag.Rgba:
                AppendFourBytes(text, "RGBA [", (uint)_bits);
                break;
            case OscTypeTag.Blob:
                AppendBlob(text, (byte[])_reference!);
                break;
            case OscTypeTag.Array:
                text.Append('[');
                bool first = true;
                foreach (OscValue element in (IReadOnlyList<OscValue>)_reference!)
                {
                    if (!first)
                    {
                        text.Append(' ');
                    }

                    element.AppendText(text);
                    first = false;
                }

                text.Append(']');
                break;
            default:
                text.Append((char)Type);
                break;
        }
    }

    private static void AppendFourBytes(StringBuilder text, string prefix, uint value)
    {
        text.Append(prefix);
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            text.Append("0x").Append(((byte)(value >> shift)).ToString("x2", CultureInfo.InvariantCulture)).Append(shift > 0 ? " " : "]");
        }
    }

    private static void AppendBlob(StringBuilder text, byte[] bytes)
    {
        // liblo: up to 12 bytes as "%db " then "%#02x" each (so 0 prints "00", 1 prints "0x1"); longer as a count.
        var c = CultureInfo.InvariantCulture;
        if (bytes.Length > 12)
        {
            text.Append('[').Append(bytes.Length.ToString(c)).Append(" byte blob]");
            return;
        }

        text.Append('[').Append(bytes.Length.ToString(c)).Append("b ");
        for (int i = 0; i < bytes.Length; i++)
        {
            text.Append(bytes[i] == 0 ? "00" : "0x" + bytes[i].ToString("x", c));
            if (i + 1 < bytes.Length)
            {
                text.Append(' ');
            }
        }

        text.Append(']');
    }

    private static string CheckText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("an OSC string holds no null characters.", nameof(value));
        }

        return value;
    }

    private bool Expect(OscTypeTag wanted) => Type == wanted ? true : throw Mismatch(((char)wanted).ToString());

    private InvalidOperationException Mismatch(string wanted) =>
        new($"the value is '{(char)Type}' ({OscTypeTags.Describe(Type)}), not '{wanted}'.");
}
