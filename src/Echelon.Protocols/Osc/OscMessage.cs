using System.Text;

namespace Echelon.Protocols.Osc;

/// <summary>An OSC message as an object: an address (pattern) and its arguments.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed class OscMessage : OscPacket, IEquatable<OscMessage>
{
    private readonly OscValue[] _arguments;
    private string? _typeTags;

    /// <summary>A message to <paramref name="address"/> with <paramref name="arguments"/>.</summary>
    /// <exception cref="ArgumentException">The address does not start with '/' or holds a null character.</exception>
    public OscMessage(string address, params OscValue[] arguments)
        : this(address, (IEnumerable<OscValue>)arguments)
    {
    }

    /// <summary>A message to <paramref name="address"/> with <paramref name="arguments"/>.</summary>
    /// <exception cref="ArgumentException">The address does not start with '/' or holds a null character.</exception>
    public OscMessage(string address, IEnumerable<OscValue> arguments)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(arguments);
        if (address.Length == 0 || address[0] != '/' || address.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"an OSC address starts with '/' and holds no null characters; got '{address}'.", nameof(address));
        }

        Address = address;
        _arguments = arguments.ToArray();
        if (System.Array.Exists(_arguments, a => a.Type == OscTypeTag.None))
        {
            throw new ArgumentException("an argument is a default OscValue with no type; build values with the OscValue factories.", nameof(arguments));
        }
    }

    /// <summary>The address, or address pattern.</summary>
    public string Address { get; }

    /// <summary>The arguments, in order (arrays as single <see cref="OscTypeTag.Array"/> values).</summary>
    public IReadOnlyList<OscValue> Arguments => _arguments;

    /// <summary>The type tags without the comma, e.g. <c>ifs</c> or <c>s[ii]</c>.</summary>
    public string TypeTags => _typeTags ??= BuildTypeTags();

    /// <summary>Decodes a packet that must be one message.</summary>
    /// <exception cref="OscFormatException">Not a valid message under <paramref name="options"/>.</exception>
    public static new OscMessage Decode(ReadOnlySpan<byte> packet, OscDecodeOptions? options = null) =>
        FromReader(new OscMessageReader(packet, options));

    /// <inheritdoc/>
    public override int GetEncodedSize()
    {
        int size = OscWriter.GetStringSize(Address) + OscParser.Pad4(TypeTags.Length + 2);
        foreach (OscValue a in _arguments)
        {
            size += SizeOf(a);
        }

        return size;
    }

    /// <summary>Address, type tags and arguments as liblo's oscdump prints them: <c>/a/b ifs 1 2.500000 "hi"</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Address).Append(' ').Append(TypeTags);
        foreach (OscValue a in _arguments)
        {
            AppendFlat(text, a);
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(OscMessage? other) =>
        other is not null && string.Equals(Address, other.Address, StringComparison.Ordinal) && _arguments.AsSpan().SequenceEqual(other._arguments);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as OscMessage);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Address), _arguments.Length);

    internal static OscMessage FromReader(OscMessageReader reader)
    {
        string address = reader.GetAddress();
        var arguments = new List<OscValue>(reader.TypeTags.Length);
        while (!reader.IsAtEnd)
        {
            arguments.Add(reader.ReadValue());
        }

        return new OscMessage(address, arguments);
    }

    internal override void Write(ref OscWriter writer)
    {
        writer.BeginMessage(Address, TypeTags);
        foreach (OscValue a in _arguments)
        {
            WriteValue(ref writer, a);
        }

        writer.EndMessage();
    }

    internal override IEnumerable<OscTimedMessage> EnumerateMessages(OscTimeTag enclosing)
    {
        yield return new OscTimedMessage(this, enclosing);
    }

    private static void AppendFlat(StringBuilder text, OscValue a)
    {
        // oscdump prints array elements as plain arguments (it never sees arrays: liblo rejects them), so flatten.
        if (a.Type == OscTypeTag.Array)
        {
            foreach (OscValue e in a.AsArray())
            {
                AppendFlat(text, e);
            }

            return;
        }

        text.Append(' ');
        a.AppendText(text);
    }

    private static int SizeOf(OscValue a) => a.Type switch
    {
        OscTypeTag.String or OscTypeTag.Symbol => OscWriter.GetStringSize(a.AsString()),
        OscTypeTag.Blob => OscWriter.GetBlobSize(a.AsBlob().Length),
        OscTypeTag.Array => a.AsArray().Sum(SizeOf),
        _ => Math.Max(0, OscTypeTags.FixedSize((byte)a.Type)),
    };

    private static void WriteValue(ref OscWriter writer, OscValue a)
    {
        switch (a.Type)
        {
            case OscTypeTag.Int32:
                writer.WriteInt32(a.AsInt32());
                break;
            case OscTypeTag.Float32:
                writer.WriteFloat32(a.AsFloat32());
                break;
            case OscTypeTag.String:
            case OscTypeTag.Symbol:
                writer.WriteString(a.AsString());
                break;
            case OscTypeTag.Blob:
                writer.WriteBlob(a.AsBlob().Span);
                break;
            case OscTypeTag.Int64:
                writer.WriteInt64(a.AsInt64());
                break;
            case OscTypeTag.Double:
                writer.WriteDouble(a.AsDouble());
                break;
            case OscTypeTag.TimeTag:
                writer.WriteTimeTag(a.AsTimeTag());
                break;
            case OscTypeTag.Char:
                writer.WriteChar(a.AsChar());
                break;
            case OscTypeTag.Rgba:
                writer.WriteRgba(a.AsRgba());
                break;
            case OscTypeTag.Midi:
                writer.WriteMidi(a.AsMidi());
                break;
            case OscTypeTag.Array:
                foreach (OscValue e in a.AsArray())
                {
                    WriteValue(ref writer, e);
                }

                break;
            default:
                // T F N I carry no bytes; the writer steps over their tags.
                break;
        }
    }

    private string BuildTypeTags()
    {
        var text = new StringBuilder(_arguments.Length);
        foreach (OscValue a in _arguments)
        {
            a.AppendTypeTags(text);
        }

        return text.ToString();
    }
}
