using System.Buffers.Binary;

namespace Echelon.Protocols.Osc;

/// <summary>
/// The one place that checks packets against OSC 1.0 and the decode policies. Never throws and never
/// allocates: every failure comes back as an <see cref="OscDecodeError"/>, so hostile input costs a
/// bounded scan and receivers can count it. Readers and the model call this first and then read
/// without further checks.
/// </summary>
internal static class OscParser
{
    /// <summary>The 8 bytes that start every bundle.</summary>
    public static ReadOnlySpan<byte> BundleTag => "#bundle\0"u8;

    /// <summary>Rounds a byte count up to the next multiple of 4.</summary>
    public static int Pad4(int length) => (length + 3) & ~3;

    /// <summary>Checks a whole packet (a message, or a bundle and everything nested in it).</summary>
    public static bool TryValidate(ReadOnlySpan<byte> packet, OscDecodeOptions options, out OscDecodeError error) =>
        TryValidate(packet, options, 1, default, nested: false, out error);

    /// <summary>Checks a message and says where its parts lie.</summary>
    public static bool TryParseMessage(ReadOnlySpan<byte> p, OscDecodeOptions o, out MessageLayout layout, out OscDecodeError error)
    {
        layout = default;
        if (p.IsEmpty)
        {
            error = new OscDecodeError(OscFormatError.EmptyPacket, 0, OscPart.Packet);
            return false;
        }

        if (p[0] != (byte)'/')
        {
            error = new OscDecodeError(OscFormatError.NotAnOscPacket, 0, OscPart.Packet, p[0]);
            return false;
        }

        if (!TryString(p, 0, o, OscPart.Address, -1, 0, out int addressLength, out int offset, out error))
        {
            return false;
        }

        if (offset == p.Length)
        {
            if (o.MissingTypeTags == OscMissingTypeTagPolicy.Reject)
            {
                error = new OscDecodeError(OscFormatError.MissingTypeTags, offset, OscPart.TypeTags, found: -1);
                return false;
            }

            layout = new MessageLayout(addressLength, offset, 0, offset, offset);
            return true;
        }

        if (p[offset] != (byte)',')
        {
            // Bytes follow but are not a type tag string: they cannot be interpreted, so no policy hides them.
            error = new OscDecodeError(OscFormatError.MissingTypeTags, offset, OscPart.TypeTags, p[offset]);
            return false;
        }

        int tagsStart = offset + 1;
        if (!TryString(p, offset, o, OscPart.TypeTags, -1, 0, out int tagStringLength, out int argumentsStart, out error))
        {
            return false;
        }

        ReadOnlySpan<byte> tags = p.Slice(tagsStart, tagStringLength - 1);
        int count = tags.Length;
        int depth = 0;
        for (int i = 0; i < tags.Length; i++)
        {
            byte t = tags[i];
            if (t == (byte)'[')
            {
                if (++depth > o.MaxNestingDepth)
                {
                    error = new OscDecodeError(OscFormatError.TooDeep, tagsStart + i, OscPart.TypeTags, depth, o.MaxNestingDepth);
                    return false;
                }
            }
            else if (t == (byte)']')
            {
                if (depth == 0)
                {
                    error = new OscDecodeError(OscFormatError.UnbalancedArray, tagsStart + i, OscPart.TypeTags, found: -1, index: i);
                    return false;
                }

                depth--;
            }
            else if (!OscTypeTags.IsKnown(t))
            {
                if (o.UnknownTypeTags == OscUnknownTypeTagPolicy.Reject || depth > 0)
                {
                    error = new OscDecodeError(OscFormatError.UnknownTypeTag, tagsStart + i, OscPart.TypeTags, t, limit: depth, index: i);
                    return false;
                }

                count = i;
                break;
            }
        }

        if (count == tags.Length && depth != 0)
        {
            error = new OscDecodeError(OscFormatError.UnbalancedArray, offset, OscPart.TypeTags, found: depth);
            return false;
        }

        int pos = argumentsStart;
        for (int i = 0; i < count; i++)
        {
            byte t = tags[i];
            int size = OscTypeTags.FixedSize(t);
            int left = p.Length - pos;
            if (size > 0)
            {
                if (size > left)
                {
                    error = new OscDecodeError(OscFormatError.Truncated, pos, OscPart.Argument, size, left, i, t);
                    return false;
                }

                pos += size;
            }
            else if (t == (byte)'b')
            {
                if (!TryBlob(p, pos, o, i, out pos, out error))
                {
                    return false;
                }
            }
            else if (size < 0 && !TryString(p, pos, o, OscPart.Argument, i, t, out _, out pos, out error))
            {
                return false;
            }
        }

        if (count == tags.Length && pos < p.Length && o.TrailingBytes == OscTrailingBytesPolicy.Reject)
        {
            error = new OscDecodeError(OscFormatError.TrailingBytes, pos, OscPart.Packet, p.Length - pos);
            return false;
        }

        layout = new MessageLayout(addressLength, tagsStart, count, argumentsStart, pos);
        return true;
    }

    /// <summary>Checks the 16-byte bundle header and reads its time tag.</summary>
    public static bool TryReadBundleHeader(ReadOnlySpan<byte> p, out OscTimeTag time, out OscDecodeError error)
    {
        time = default;
        error = default;
        ReadOnlySpan<byte> tag = BundleTag;
        if (p.Length < tag.Length)
        {
            error = tag.StartsWith(p) && !p.IsEmpty
                ? new OscDecodeError(OscFormatError.Truncated, 0, OscPart.BundleHeader, tag.Length, p.Length)
                : new OscDecodeError(OscFormatError.BadBundleHeader, 0, OscPart.BundleHeader);
            return false;
        }

        if (!p[..tag.Length].SequenceEqual(tag))
        {
            error = new OscDecodeError(OscFormatError.BadBundleHeader, 0, OscPart.BundleHeader);
            return false;
        }

        if (p.Length < 16)
        {
            error = new OscDecodeError(OscFormatError.Truncated, 8, OscPart.BundleTimeTag, 8, p.Length - 8);
            return false;
        }

        time = new OscTimeTag(BinaryPrimitives.ReadUInt64BigEndian(p[8..]));
        return true;
    }

    /// <summary>Reads the size of the bundle element at <paramref name="pos"/> and steps over it.</summary>
    public static bool TryNextElement(ReadOnlySpan<byte> p, ref int pos, OscDecodeOptions o, out int start, out int length, out OscDecodeError error)
    {
        start = 0;
        length = 0;
        error = default;
        int left = p.Length - pos;
        if (left < 4)
        {
            error = new OscDecodeError(OscFormatError.Truncated, pos, OscPart.ElementSize, 4, left);
            return false;
        }

        int size = BinaryPrimitives.ReadInt32BigEndian(p[pos..]);
        if (size <= 0 || ((size & 3) != 0 && o.TrailingBytes == OscTrailingBytesPolicy.Reject))
        {
            error = new OscDecodeError(OscFormatError.BadSize, pos, OscPart.ElementSize, size, left - 4);
            return false;
        }

        if (size > left - 4)
        {
            if (o.ElementOverrun == OscElementOverrunPolicy.Reject)
            {
                error = new OscDecodeError(OscFormatError.Truncated, pos, OscPart.Element, size, left - 4);
                return false;
            }

            size = left - 4;
            if (size == 0)
            {
                error = new OscDecodeError(OscFormatError.EmptyPacket, pos + 4, OscPart.Element);
                return false;
            }
        }

        start = pos + 4;
        length = size;
        pos = start + size;
        return true;
    }

    private static bool TryValidate(ReadOnlySpan<byte> p, OscDecodeOptions o, int depth, OscTimeTag enclosing, bool nested, out OscDecodeError error)
    {
        if (p.IsEmpty)
        {
            error = new OscDecodeError(OscFormatError.EmptyPacket, 0, nested ? OscPart.Element : OscPart.Packet);
            return false;
        }

        if (p[0] == (byte)'/')
        {
            return TryParseMessage(p, o, out _, out error);
        }

        if (p[0] != (byte)'#')
        {
            error = new OscDecodeError(OscFormatError.NotAnOscPacket, 0, nested ? OscPart.Element : OscPart.Packet, p[0]);
            return false;
        }

        if (depth > o.MaxNestingDepth)
        {
            error = new OscDecodeError(OscFormatError.TooDeep, 0, OscPart.Element, depth, o.MaxNestingDepth);
            return false;
        }

        if (!TryReadBundleHeader(p, out OscTimeTag time, out error))
        {
            return false;
        }

        if (nested && time < enclosing && o.NestedTimeTags == OscNestedTimeTagPolicy.Reject)
        {
            error = new OscDecodeError(OscFormatError.TimeTagOrder, 8, OscPart.BundleTimeTag, (long)time.Value, (long)enclosing.Value);
            return false;
        }

        int pos = 16;
        while (pos < p.Length)
        {
            if (!TryNextElement(p, ref pos, o, out int start, out int length, out error))
            {
                return false;
            }

            if (!TryValidate(p.Slice(start, length), o, depth + 1, time, nested: true, out error))
            {
                error = error.Shift(start);
                return false;
            }
        }

        return true;
    }

    private static bool TryBlob(ReadOnlySpan<byte> p, int pos, OscDecodeOptions o, int index, out int next, out OscDecodeError error)
    {
        next = pos;
        error = default;
        int left = p.Length - pos;
        if (left < 4)
        {
            error = new OscDecodeError(OscFormatError.Truncated, pos, OscPart.Argument, 4, left, index, (byte)'b');
            return false;
        }

        int n = BinaryPrimitives.ReadInt32BigEndian(p[pos..]);
        if (n < 0)
        {
            error = new OscDecodeError(OscFormatError.BadSize, pos, OscPart.Argument, n, left - 4, index, (byte)'b');
            return false;
        }

        long needed = 4L + ((n + 3L) & ~3L);
        if (needed > left)
        {
            error = new OscDecodeError(OscFormatError.Truncated, pos, OscPart.Argument, needed, left, index, (byte)'b');
            return false;
        }

        int end = pos + 4 + Pad4(n);
        if (o.Padding == OscPaddingPolicy.Reject)
        {
            for (int k = pos + 4 + n; k < end; k++)
            {
                if (p[k] != 0)
                {
                    error = new OscDecodeError(OscFormatError.NonZeroPadding, k, OscPart.Argument, p[k], 0, index, (byte)'b');
                    return false;
                }
            }
        }

        next = end;
        return true;
    }

    private static bool TryString(ReadOnlySpan<byte> p, int start, OscDecodeOptions o, OscPart part, int index, byte tag, out int length, out int next, out OscDecodeError error)
    {
        length = 0;
        next = start;
        error = default;
        ReadOnlySpan<byte> rest = p[start..];
        int nul = rest.IndexOf((byte)0);
        if (nul < 0)
        {
            error = new OscDecodeError(OscFormatError.UnterminatedString, start, part, 0, rest.Length, index, tag);
            return false;
        }

        int padded = (nul + 4) & ~3;
        if (padded > rest.Length)
        {
            error = new OscDecodeError(OscFormatError.Truncated, start, part, padded, rest.Length, index, tag);
            return false;
        }

        if (o.Padding == OscPaddingPolicy.Reject)
        {
            for (int k = nul + 1; k < padded; k++)
            {
                if (rest[k] != 0)
                {
                    error = new OscDecodeError(OscFormatError.NonZeroPadding, start + k, part, rest[k], 0, index, tag);
                    return false;
                }
            }
        }

        length = nul;
        next = start + padded;
        return true;
    }
}
