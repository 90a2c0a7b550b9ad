using System.Buffers.Binary;
using System.Text;

namespace Echelon.Protocols.Osc;

/// <summary>
/// Encodes OSC messages and bundles into the caller's buffer without allocating. A message is
/// <see cref="BeginMessage(ReadOnlySpan{char}, ReadOnlySpan{char})"/> with its address and type tags,
/// one <c>WriteXxx</c> per tag that carries data (tags <c>T F N I [ ]</c> need no call), then
/// <see cref="EndMessage"/>; each write is checked against the next tag. Bundles nest with
/// <see cref="BeginBundle"/>/<see cref="EndBundle"/>; elements get their size prefixes automatically.
/// </summary>
/// <remarks>
/// A ref struct over the caller's span, for one thread. A buffer that runs out throws
/// <see cref="OscBufferTooSmallException"/> naming the bytes needed so far; misuse (a value of the
/// wrong type, a missing value, an unbalanced bundle) throws <see cref="InvalidOperationException"/>.
/// After any exception the buffer's contents are undefined; <see cref="Reset"/> starts over.
/// </remarks>
public ref struct OscWriter
{
    /// <summary>Deepest nesting of bundles the writer supports.</summary>
    public const int MaxDepth = 16;

    private readonly Span<byte> _buffer;
    private OscWriterFrames _bundleSizeSlots;
    private int _position;
    private int _depth;
    private int _messageSizeSlot;
    private int _tagsStart;
    private int _tagPosition;
    private int _tagEnd;
    private bool _complete;

    /// <summary>A writer that fills <paramref name="destination"/> from its start.</summary>
    public OscWriter(Span<byte> destination)
    {
        _buffer = destination;
        _messageSizeSlot = -1;
        _tagPosition = -1;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int BytesWritten => _position;

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> WrittenSpan => _buffer[.._position];

    /// <summary>True between <c>BeginMessage</c> and <see cref="EndMessage"/>.</summary>
    public readonly bool InMessage => _tagPosition >= 0;

    /// <summary>Bundles open now.</summary>
    public readonly int Depth => _depth;

    /// <summary>Bytes an OSC-string of <paramref name="text"/> takes (UTF-8, null, padding to 4).</summary>
    public static int GetStringSize(ReadOnlySpan<char> text) => (Encoding.UTF8.GetByteCount(text) + 4) & ~3;

    /// <summary>Bytes an OSC-blob of <paramref name="length"/> bytes takes (size, bytes, padding to 4).</summary>
    public static int GetBlobSize(int length) => 4 + OscParser.Pad4(length);

    /// <summary>Starts a message (inside the open bundle, if any).</summary>
    /// <param name="address">Starts with '/'; no null characters.</param>
    /// <param name="typeTags">The type tags, with or without the leading ','; each from <see cref="OscTypeTags.Allowed"/>, arrays balanced.</param>
    /// <exception cref="ArgumentException">A bad address or type tag string.</exception>
    public void BeginMessage(ReadOnlySpan<char> address, ReadOnlySpan<char> typeTags)
    {
        if (address.IsEmpty || address[0] != '/' || address.Contains('\0'))
        {
            OscThrow.Argument($"an OSC address starts with '/' and holds no null characters; got '{address}'.", nameof(address));
        }

        typeTags = CheckTags(typeTags);
        StartElement(out _messageSizeSlot);
        WriteStringBytes(address);
        WriteTagString(typeTags);
    }

    /// <summary>Starts a message from UTF-8 bytes (inside the open bundle, if any).</summary>
    /// <param name="address">UTF-8, starts with '/'; no null bytes.</param>
    /// <param name="typeTags">ASCII type tags, with or without the leading ','.</param>
    /// <exception cref="ArgumentException">A bad address or type tag string.</exception>
    public void BeginMessage(ReadOnlySpan<byte> address, ReadOnlySpan<byte> typeTags)
    {
        if (address.IsEmpty || address[0] != (byte)'/' || address.Contains((byte)0))
        {
            OscThrow.Argument("an OSC address starts with '/' and holds no null bytes.", nameof(address));
        }

        if (!typeTags.IsEmpty && typeTags[0] == (byte)',')
        {
            typeTags = typeTags[1..];
        }

        int depth = 0;
        foreach (byte t in typeTags)
        {
            depth = CheckTag(t, depth);
        }

        if (depth != 0)
        {
            OscThrow.Argument("every '[' in the type tags needs a matching ']'.", nameof(typeTags));
        }

        StartElement(out _messageSizeSlot);
        WriteUtf8(address);
        Ensure(OscParser.Pad4(typeTags.Length + 2));
        _buffer[_position] = (byte)',';
        typeTags.CopyTo(_buffer[(_position + 1)..]);
        FinishTagString(typeTags.Length);
    }

    /// <summary>Writes the next <c>i</c> argument.</summary>
    public void WriteInt32(int value)
    {
        Expect((byte)'i', 0);
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer[_position..], value);
        _position += 4;
    }

    /// <summary>Writes the next <c>f</c> argument.</summary>
    public void WriteFloat32(float value)
    {
        Expect((byte)'f', 0);
        Ensure(4);
        BinaryPrimitives.WriteSingleBigEndian(_buffer[_position..], value);
        _position += 4;
    }

    /// <summary>Writes the next <c>h</c> argument.</summary>
    public void WriteInt64(long value)
    {
        Expect((byte)'h', 0);
        Ensure(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer[_position..], value);
        _position += 8;
    }

    /// <summary>Writes the next <c>d</c> argument.</summary>
    public void WriteDouble(double value)
    {
        Expect((byte)'d', 0);
        Ensure(8);
        BinaryPrimitives.WriteDoubleBigEndian(_buffer[_position..], value);
        _position += 8;
    }

    /// <summary>Writes the next <c>t</c> argument.</summary>
    public void WriteTimeTag(OscTimeTag value)
    {
        Expect((byte)'t', 0);
        Ensure(8);
        BinaryPrimitives.WriteUInt64BigEndian(_buffer[_position..], value.Value);
        _position += 8;
    }

    /// <summary>Writes the next <c>c</c> argument (as a 32-bit integer, as liblo does).</summary>
    public void WriteChar(char value)
    {
        Expect((byte)'c', 0);
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer[_position..], value);
        _position += 4;
    }

    /// <summary>Writes the next <c>r</c> argument.</summary>
    public void WriteRgba(OscRgba value)
    {
        Expect((byte)'r', 0);
        Ensure(4);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer[_position..], value.ToUInt32());
        _position += 4;
    }

    /// <summary>Writes the next <c>m</c> argument.</summary>
    public void WriteMidi(OscMidi value)
    {
        Expect((byte)'m', 0);
        Ensure(4);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer[_position..], value.ToUInt32());
        _position += 4;
    }

    /// <summary>Writes the next <c>s</c> or <c>S</c> argument (UTF-8).</summary>
    /// <exception cref="ArgumentException">The text holds a null character.</exception>
    public void WriteString(ReadOnlySpan<char> value)
    {
        if (value.Contains('\0'))
        {
            OscThrow.Argument("an OSC string holds no null characters.", nameof(value));
        }

        Expect((byte)'s', (byte)'S');
        WriteStringBytes(value);
    }

    /// <summary>Writes the next <c>s</c> or <c>S</c> argument from UTF-8 bytes.</summary>
    /// <exception cref="ArgumentException">The bytes hold a null.</exception>
    public void WriteString(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Contains((byte)0))
        {
            OscThrow.Argument("an OSC string holds no null bytes.", nameof(utf8));
        }

        Expect((byte)'s', (byte)'S');
        WriteUtf8(utf8);
    }

    /// <summary>Writes the next <c>b</c> argument.</summary>
    public void WriteBlob(ReadOnlySpan<byte> value)
    {
        Expect((byte)'b', 0);
        int padded = OscParser.Pad4(value.Length);
        Ensure(4 + padded);
        BinaryPrimitives.WriteInt32BigEndian(_buffer[_position..], value.Length);
        value.CopyTo(_buffer[(_position + 4)..]);
        _buffer.Slice(_position + 4 + value.Length, padded - value.Length).Clear();
        _position += 4 + padded;
    }

    /// <summary>Ends the message; every tag that carries data must have had its value.</summary>
    /// <exception cref="InvalidOperationException">No message is open, or values are missing.</exception>
    public void EndMessage()
    {
        if (_tagPosition < 0)
        {
            OscThrow.InvalidOperation("no message is open; call BeginMessage first.");
        }

        SkipTagsWithoutData();
        if (_tagPosition < _tagEnd)
        {
            OscThrow.InvalidOperation($"type tag {_tagPosition - _tagsStart} ('{(char)_buffer[_tagPosition]}') has no value yet; write every value before EndMessage.");
        }

        _tagPosition = -1;
        CloseElement(_messageSizeSlot);
    }

    /// <summary>Starts a bundle (nested in the open bundle, if any).</summary>
    /// <exception cref="InvalidOperationException">A message is open, the packet is complete, or bundles nest deeper than <see cref="MaxDepth"/>.</exception>
    public void BeginBundle(OscTimeTag timeTag)
    {
        if (_depth >= MaxDepth)
        {
            OscThrow.InvalidOperation($"bundles nest at most {MaxDepth} deep.");
        }

        StartElement(out int slot);
        Ensure(16);
        OscParser.BundleTag.CopyTo(_buffer[_position..]);
        BinaryPrimitives.WriteUInt64BigEndian(_buffer[(_position + 8)..], timeTag.Value);
        _position += 16;
        _bundleSizeSlots[_depth] = slot;
        _depth++;
    }

    /// <summary>Ends the innermost open bundle.</summary>
    /// <exception cref="InvalidOperationException">No bundle is open, or a message is.</exception>
    public void EndBundle()
    {
        if (_tagPosition >= 0)
        {
            OscThrow.InvalidOperation("a message is open; call EndMessage first.");
        }

        if (_depth == 0)
        {
            OscThrow.InvalidOperation("no bundle is open.");
        }

        _depth--;
        CloseElement(_bundleSizeSlots[_depth]);
    }

    /// <summary>Forgets everything written; the next packet starts at the buffer's start.</summary>
    public void Reset()
    {
        _position = 0;
        _depth = 0;
        _messageSizeSlot = -1;
        _tagPosition = -1;
        _complete = false;
    }

    private static ReadOnlySpan<char> CheckTags(ReadOnlySpan<char> typeTags)
    {
        if (!typeTags.IsEmpty && typeTags[0] == ',')
        {
            typeTags = typeTags[1..];
        }

        int depth = 0;
        foreach (char c in typeTags)
        {
            depth = CheckTag(c < 128 ? (byte)c : (byte)0, depth);
        }

        if (depth != 0)
        {
            OscThrow.Argument("every '[' in the type tags needs a matching ']'.", nameof(typeTags));
        }

        return typeTags;
    }

    private static int CheckTag(byte t, int depth)
    {
        if (!OscTypeTags.IsKnown(t))
        {
            OscThrow.Argument($"type tag {OscDecodeError.DescribeByte(t)} is not one of {OscTypeTags.Allowed}.", "typeTags");
        }

        if (t == (byte)'[')
        {
            return depth + 1;
        }

        if (t == (byte)']')
        {
            if (depth == 0)
            {
                OscThrow.Argument("a ']' in the type tags closes no array.", "typeTags");
            }

            return depth - 1;
        }

        return depth;
    }

    private void StartElement(out int sizeSlot)
    {
        if (_tagPosition >= 0)
        {
            OscThrow.InvalidOperation("a message is open; call EndMessage first.");
        }

        if (_complete)
        {
            OscThrow.InvalidOperation("the packet is complete; call Reset to write another.");
        }

        sizeSlot = -1;
        if (_depth > 0)
        {
            Ensure(4);
            sizeSlot = _position;
            _position += 4;
        }
    }

    private void CloseElement(int sizeSlot)
    {
        if (sizeSlot >= 0)
        {
            BinaryPrimitives.WriteInt32BigEndian(_buffer[sizeSlot..], _position - sizeSlot - 4);
        }

        if (_depth == 0)
        {
            _complete = true;
        }
    }

    private void WriteTagString(ReadOnlySpan<char> typeTags)
    {
        Ensure(OscParser.Pad4(typeTags.Length + 2));
        _buffer[_position] = (byte)',';
        for (int i = 0; i < typeTags.Length; i++)
        {
            _buffer[_position + 1 + i] = (byte)typeTags[i];
        }

        FinishTagString(typeTags.Length);
    }

    private void FinishTagString(int count)
    {
        int padded = OscParser.Pad4(count + 2);
        _buffer.Slice(_position + 1 + count, padded - 1 - count).Clear();
        _tagsStart = _position + 1;
        _tagPosition = _tagsStart;
        _tagEnd = _tagsStart + count;
        _position += padded;
    }

    private void WriteStringBytes(ReadOnlySpan<char> text)
    {
        int n = Encoding.UTF8.GetByteCount(text);
        int padded = (n + 4) & ~3;
        Ensure(padded);
        Encoding.UTF8.GetBytes(text, _buffer[_position..]);
        _buffer.Slice(_position + n, padded - n).Clear();
        _position += padded;
    }

    private void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        int padded = (utf8.Length + 4) & ~3;
        Ensure(padded);
        utf8.CopyTo(_buffer[_position..]);
        _buffer.Slice(_position + utf8.Length, padded - utf8.Length).Clear();
        _position += padded;
    }

    private void Expect(byte tag, byte alternative)
    {
        if (_tagPosition < 0)
        {
            OscThrow.InvalidOperation("no message is open; call BeginMessage first.");
        }

        SkipTagsWithoutData();
        if (_tagPosition >= _tagEnd)
        {
            OscThrow.InvalidOperation($"every type tag already has its value; '{(char)tag}' has no place.");
        }

        byte next = _buffer[_tagPosition];
        if (next != tag && (alternative == 0 || next != alternative))
        {
            OscThrow.InvalidOperation($"type tag {_tagPosition - _tagsStart} is '{(char)next}' ({OscTypeTags.Describe((OscTypeTag)next)}); this call writes '{(char)tag}'.");
        }

        _tagPosition++;
    }

    private void SkipTagsWithoutData()
    {
        while (_tagPosition < _tagEnd && OscTypeTags.HasNoData(_buffer[_tagPosition]))
        {
            _tagPosition++;
        }
    }

    private readonly void Ensure(int bytes)
    {
        if (_buffer.Length - _position < bytes)
        {
            OscThrow.BufferTooSmall(_position + bytes, _buffer.Length);
        }
    }
}
