using System.Text;

namespace Echelon.Protocols.Osc;

/// <summary>An OSC bundle as an object: a time tag and its elements (messages and nested bundles).</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed class OscBundle : OscPacket, IEquatable<OscBundle>
{
    private readonly OscPacket[] _elements;

    /// <summary>A bundle due at <paramref name="timeTag"/> holding <paramref name="elements"/>.</summary>
    public OscBundle(OscTimeTag timeTag, params OscPacket[] elements)
        : this(timeTag, (IEnumerable<OscPacket>)elements)
    {
    }

    /// <summary>A bundle due at <paramref name="timeTag"/> holding <paramref name="elements"/>.</summary>
    public OscBundle(OscTimeTag timeTag, IEnumerable<OscPacket> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        TimeTag = timeTag;
        _elements = elements.ToArray();
        if (System.Array.Exists(_elements, e => e is null))
        {
            throw new ArgumentException("a bundle element is null.", nameof(elements));
        }
    }

    /// <summary>When the bundle's messages are due.</summary>
    public OscTimeTag TimeTag { get; }

    /// <summary>The elements, in order.</summary>
    public IReadOnlyList<OscPacket> Elements => _elements;

    /// <summary>Decodes a packet that must be one bundle.</summary>
    /// <exception cref="OscFormatException">Not a valid bundle under <paramref name="options"/>.</exception>
    public static new OscBundle Decode(ReadOnlySpan<byte> packet, OscDecodeOptions? options = null)
    {
        _ = new OscBundleReader(packet, options);
        return (OscBundle)OscPacket.Decode(packet, options);
    }

    /// <inheritdoc/>
    public override int GetEncodedSize()
    {
        int size = 16;
        foreach (OscPacket e in _elements)
        {
            size += 4 + e.GetEncodedSize();
        }

        return size;
    }

    /// <summary>"#bundle TIMETAG" and the elements, one per line, indented by nesting.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text, 0);
        return text.ToString().TrimEnd('\n');
    }

    /// <inheritdoc/>
    public bool Equals(OscBundle? other) =>
        other is not null && TimeTag == other.TimeTag && _elements.Length == other._elements.Length &&
        _elements.Zip(other._elements).All(pair => pair.First.Equals(pair.Second));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as OscBundle);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(TimeTag, _elements.Length);

    internal override void Write(ref OscWriter writer)
    {
        writer.BeginBundle(TimeTag);
        foreach (OscPacket e in _elements)
        {
            e.Write(ref writer);
        }

        writer.EndBundle();
    }

    internal override IEnumerable<OscTimedMessage> EnumerateMessages(OscTimeTag enclosing)
    {
        foreach (OscPacket e in _elements)
        {
            foreach (OscTimedMessage m in e.EnumerateMessages(TimeTag))
            {
                yield return m;
            }
        }
    }

    private void Append(StringBuilder text, int indent)
    {
        text.Append(' ', indent * 2).Append("#bundle ").Append(TimeTag.ToString()).Append('\n');
        foreach (OscPacket e in _elements)
        {
            if (e is OscBundle b)
            {
                b.Append(text, indent + 1);
            }
            else
            {
                text.Append(' ', (indent + 1) * 2).Append(e.ToString()).Append('\n');
            }
        }
    }
}
