using System.Buffers.Binary;
using System.Text;

namespace Echelon.Protocols.Osc;

/// <summary>
/// A zero-allocation view of one OSC message: the constructor checks the whole message against OSC
/// 1.0 and the <see cref="OscDecodeOptions"/>, then <see cref="MoveNext"/> (or <c>foreach</c>) walks
/// the arguments as <see cref="OscArgument"/>s and the <c>ReadXxx</c> methods read them in order.
/// </summary>
/// <remarks>
/// A ref struct over the caller's bytes: valid while they are, usable on one thread. Copies are
/// independent cursors (a dispatcher hands each method its own). Nothing here allocates except
/// <see cref="GetAddress"/>, <see cref="ReadValue"/> and string getters.
/// </remarks>
public ref struct OscMessageReader
{
    private readonly ReadOnlySpan<byte> _packet;
    private readonly MessageLayout _layout;
    private int _nextTag;
    private int _offset;
    private OscTypeTag _currentType;
    private int _currentStart;
    private int _currentLength;
    private int _currentOffset;

    /// <summary>Checks <paramref name="packet"/> as one message and positions before its first argument.</summary>
    /// <exception cref="OscFormatException">The bytes are not a valid message under <paramref name="options"/>.</exception>
    public OscMessageReader(ReadOnlySpan<byte> packet, OscDecodeOptions? options = null)
    {
        if (!OscParser.TryParseMessage(packet, options ?? OscDecodeOptions.Lenient, out _layout, out OscDecodeError error))
        {
            throw error.ToException();
        }

        _packet = packet;
        _offset = _layout.ArgumentsStart;
    }

    internal OscMessageReader(ReadOnlySpan<byte> packet, MessageLayout layout)
    {
        _packet = packet;
        _layout = layout;
        _offset = layout.ArgumentsStart;
    }

    /// <summary>The address (pattern) as UTF-8 bytes, without its null.</summary>
    public readonly ReadOnlySpan<byte> Address => _packet[.._layout.AddressLength];

    /// <summary>
    /// The type tags that will be read, without the comma (shorter than the packet's when
    /// <see cref="OscUnknownTypeTagPolicy.KeepPrecedingArguments"/> dropped an unknown tag).
    /// </summary>
    public readonly ReadOnlySpan<byte> TypeTags => _packet.Slice(_layout.TagsStart, _layout.TagCount);

    /// <summary>Bytes of the packet the message occupies up to its last argument.</summary>
    public readonly int Length => _layout.End;

    /// <summary>The argument <see cref="MoveNext"/> stepped onto.</summary>
    public readonly OscArgument Current => new(_currentType, _packet.Slice(_currentStart, _currentLength), _currentOffset, _nextTag - 1);

    /// <summary>True when every argument has been read.</summary>
    public readonly bool IsAtEnd => _nextTag >= _layout.TagCount;

    /// <summary>Checks <paramref name="packet"/> as one message without throwing.</summary>
    public static bool TryCreate(ReadOnlySpan<byte> packet, OscDecodeOptions? options, out OscMessageReader reader, out OscDecodeError error)
    {
        if (OscParser.TryParseMessage(packet, options ?? OscDecodeOptions.Lenient, out MessageLayout layout, out error))
        {
            reader = new OscMessageReader(packet, layout);
            return true;
        }

        reader = default;
        return false;
    }

    /// <summary>The address as a string (allocates).</summary>
    public readonly string GetAddress() => Encoding.UTF8.GetString(Address);

    /// <summary>The type tags as a string without the comma (allocates).</summary>
    public readonly string GetTypeTags() => Encoding.ASCII.GetString(TypeTags);

    /// <summary>Steps onto the next argument; false after the last.</summary>
    public bool MoveNext()
    {
        if (_nextTag >= _layout.TagCount)
        {
            _currentType = OscTypeTag.None;
            _currentLength = 0;
            return false;
        }

        byte tag = _packet[_layout.TagsStart + _nextTag];
        _nextTag++;
        _currentType = (OscTypeTag)tag;
        _currentOffset = _offset;
        int size = OscTypeTags.FixedSize(tag);
        if (size >= 0)
        {
            _currentStart = _offset;
            _currentLength = size;
            _offset += size;
        }
        else if (tag == (byte)'b')
        {
            int n = BinaryPrimitives.ReadInt32BigEndian(_packet[_offset..]);
            _currentStart = _offset + 4;
            _currentLength = n;
            _offset += 4 + OscParser.Pad4(n);
        }
        else
        {
            int n = _packet[_offset..].IndexOf((byte)0);
            _currentStart = _offset;
            _currentLength = n;
            _offset += (n + 4) & ~3;
        }

        return true;
    }

    /// <summary>Goes back to before the first argument.</summary>
    public void Reset()
    {
        _nextTag = 0;
        _offset = _layout.ArgumentsStart;
        _currentType = OscTypeTag.None;
        _currentLength = 0;
    }

    /// <summary>A fresh cursor over the same message, for <c>foreach</c>.</summary>
    public readonly OscMessageReader GetEnumerator()
    {
        OscMessageReader copy = this;
        copy.Reset();
        return copy;
    }

    /// <summary>Steps onto the next argument and returns it.</summary>
    /// <exception cref="InvalidOperationException">No arguments are left.</exception>
    public OscArgument ReadArgument()
    {
        if (!MoveNext())
        {
            throw new InvalidOperationException($"the message has {_layout.TagCount} type tags and all have been read.");
        }

        return Current;
    }

    /// <summary>Reads the next argument, which must be <c>i</c>.</summary>
    /// <exception cref="InvalidOperationException">None left, or another type.</exception>
    public int ReadInt32() => ReadArgument().GetInt32();

    /// <summary>Reads the next argument, which must be <c>f</c>.</summary>
    /// <exception cref="InvalidOperationException">None left, or another type.</exception>
    public float ReadFloat32() => ReadArgument().GetFloat32();

    /// <summary>Reads the next argument, which must be <c>h</c>.</summary>
    /// <exception cref="InvalidOperationException">None left, or another type.</exception>
    public long ReadInt64() => ReadArgument().GetInt64();

    /// <summary>Reads the next argument, which must be <c>d</c>.</summary>
    /// <exception cref="InvalidOperationException">None left, or another type.</exception>
    public double ReadDouble() => ReadArgument().GetDouble();

    /// <summary>Reads the next argument, which must be <c>s</c> or <c>S</c>, as UTF-8 bytes.</summary>
    /// <exception cref="InvalidOperationException">None left, or another type.</exception>
    public ReadOnlySpan<byte> ReadUtf8() => ReadArgument().GetUtf8();

    /// <summary>Reads the next argument, which must be <c>b</c>.</summary>
    /// <exception cref="InvalidOperationException">None left, or another type.</exception>
    public ReadOnlySpan<byte> ReadBlob() => ReadArgument().GetBlob();

    /// <summary>Reads the next argument, which must be <c>t</c>.</summary>
    /// <exception cref="InvalidOperationException">None left, or another type.</exception>
    public OscTimeTag ReadTimeTag() => ReadArgument().GetTimeTag();

    /// <summary>Reads the next argument, which must be <c>T</c> or <c>F</c>.</summary>
    /// <exception cref="InvalidOperationException">None left, or another type.</exception>
    public bool ReadBoolean() => ReadArgument().GetBoolean();

    /// <summary>Reads the next argument of any numeric type (<see cref="OscArgument.TryGetNumber"/>).</summary>
    /// <exception cref="InvalidOperationException">None left, or not numeric.</exception>
    public double ReadNumber()
    {
        OscArgument a = ReadArgument();
        return a.TryGetNumber(out double value)
            ? value
            : throw new InvalidOperationException($"argument {a.Index} is '{(char)a.Type}' ({OscTypeTags.Describe(a.Type)}), not a number (i, f, h, d, T, F).");
    }

    /// <summary>Reads the next argument as an allocating value; an array is read whole, with its elements.</summary>
    /// <exception cref="InvalidOperationException">None left, or the next tag is <c>]</c>.</exception>
    public OscValue ReadValue()
    {
        OscArgument a = ReadArgument();
        if (a.Type != OscTypeTag.Array)
        {
            return a.ToValue();
        }

        var elements = new List<OscValue>();
        while (true)
        {
            if (!MoveNext())
            {
                throw new InvalidOperationException("an array is not closed.");
            }

            if (_currentType == OscTypeTag.ArrayEnd)
            {
                return OscValue.Array(elements);
            }

            // Step back one tag so the element (possibly a nested array) is read by ReadValue.
            _nextTag--;
            _offset = _currentOffset;
            elements.Add(ReadValue());
        }
    }
}
