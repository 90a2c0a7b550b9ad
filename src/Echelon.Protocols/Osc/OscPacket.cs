using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Echelon.Protocols.Osc;

/// <summary>
/// An OSC packet as objects: an <see cref="OscMessage"/> or an <see cref="OscBundle"/>. Convenient
/// and allocating, for tools and tests; hot paths use <see cref="OscMessageReader"/>,
/// <see cref="OscBundleReader"/> and <see cref="OscWriter"/> instead.
/// </summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public abstract class OscPacket
{
    private protected OscPacket()
    {
    }

    /// <summary>Bytes the encoded packet takes.</summary>
    public abstract int GetEncodedSize();

    /// <summary>True when <paramref name="packet"/> starts like a bundle (<c>#bundle\0</c>).</summary>
    public static bool IsBundle(ReadOnlySpan<byte> packet) => packet.StartsWith(OscParser.BundleTag);

    /// <summary>Checks a whole packet without building objects or allocating.</summary>
    /// <exception cref="OscFormatException">It is not valid under <paramref name="options"/> (the default is lenient).</exception>
    public static void Validate(ReadOnlySpan<byte> packet, OscDecodeOptions? options = null)
    {
        if (!OscParser.TryValidate(packet, options ?? OscDecodeOptions.Lenient, out OscDecodeError error))
        {
            throw error.ToException();
        }
    }

    /// <summary>Checks a whole packet without building objects, allocating or throwing.</summary>
    public static bool TryValidate(ReadOnlySpan<byte> packet, OscDecodeOptions? options, out OscDecodeError error) =>
        OscParser.TryValidate(packet, options ?? OscDecodeOptions.Lenient, out error);

    /// <summary>Decodes a packet into objects.</summary>
    /// <exception cref="OscFormatException">It is not valid under <paramref name="options"/> (the default is lenient).</exception>
    public static OscPacket Decode(ReadOnlySpan<byte> packet, OscDecodeOptions? options = null) =>
        TryDecode(packet, options, out OscPacket? result, out OscDecodeError error) ? result : throw error.ToException();

    /// <summary>Decodes a packet into objects without throwing.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> packet, OscDecodeOptions? options, [NotNullWhen(true)] out OscPacket? result, out OscDecodeError error)
    {
        OscDecodeOptions o = options ?? OscDecodeOptions.Lenient;
        if (!OscParser.TryValidate(packet, o, out error))
        {
            result = null;
            return false;
        }

        result = Build(packet, o);
        return true;
    }

    /// <summary>Encodes into <paramref name="destination"/>; returns the bytes written.</summary>
    /// <exception cref="OscBufferTooSmallException">The buffer is shorter than <see cref="GetEncodedSize"/>; nothing is written.</exception>
    public int WriteTo(Span<byte> destination)
    {
        int size = GetEncodedSize();
        if (size > destination.Length)
        {
            throw new OscBufferTooSmallException(size, destination.Length);
        }

        var writer = new OscWriter(destination);
        Write(ref writer);
        Debug.Assert(writer.BytesWritten == size, "GetEncodedSize agrees with the writer");
        return writer.BytesWritten;
    }

    /// <summary>Encodes into <paramref name="destination"/> when it is large enough.</summary>
    public bool TryWriteTo(Span<byte> destination, out int bytesWritten)
    {
        if (GetEncodedSize() > destination.Length)
        {
            bytesWritten = 0;
            return false;
        }

        bytesWritten = WriteTo(destination);
        return true;
    }

    /// <summary>The encoded packet in a new array.</summary>
    public byte[] ToArray()
    {
        byte[] bytes = new byte[GetEncodedSize()];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Every message in the packet, in order, with the time tag of the innermost bundle holding it.</summary>
    public IEnumerable<OscTimedMessage> EnumerateMessages() => EnumerateMessages(OscTimeTag.Immediate);

    internal abstract void Write(ref OscWriter writer);

    internal abstract IEnumerable<OscTimedMessage> EnumerateMessages(OscTimeTag enclosing);

    private static OscPacket Build(ReadOnlySpan<byte> packet, OscDecodeOptions o)
    {
        if (packet[0] == (byte)'/')
        {
            OscParser.TryParseMessage(packet, o, out MessageLayout layout, out _);
            return OscMessage.FromReader(new OscMessageReader(packet, layout));
        }

        OscBundleReader.TryCreate(packet, o, out OscBundleReader bundle, out _);
        return BuildBundle(bundle, o);
    }

    private static OscBundle BuildBundle(OscBundleReader bundle, OscDecodeOptions o)
    {
        var elements = new List<OscPacket>();
        while (bundle.MoveNext())
        {
            elements.Add(bundle.CurrentIsBundle ? BuildBundle(bundle.ReadBundle(), o) : OscMessage.FromReader(bundle.ReadMessage()));
        }

        return new OscBundle(bundle.TimeTag, elements);
    }
}
