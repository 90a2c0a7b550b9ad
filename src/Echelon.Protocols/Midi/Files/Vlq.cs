using System.Runtime.CompilerServices;

namespace Echelon.Protocols.Midi.Files;

/// <summary>The variable-length quantities of SMF 1.0: 7 bits per byte, high bit set on all but the last, at most 4 bytes.</summary>
internal static class Vlq
{
    /// <summary>The largest value 4 bytes can carry (0x0FFFFFFF).</summary>
    public const int MaxValue = 0x0FFFFFFF;

    /// <summary>
    /// Reads a quantity at <paramref name="position"/>. Returns the number of bytes used (1–4), 0 when
    /// the data ends first, or −1 when a fourth byte still has its continuation bit set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TryRead(ReadOnlySpan<byte> data, int position, out int value)
    {
        value = 0;
        for (int i = 0; i < 4; i++)
        {
            if (position + i >= data.Length)
            {
                return 0;
            }

            byte b = data[position + i];
            value = (value << 7) | (b & 0x7F);
            if (b < 0x80)
            {
                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>Bytes needed for <paramref name="value"/> (0 … 0x0FFFFFFF).</summary>
    public static int Length(int value) => value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : 4;

    /// <summary>Writes <paramref name="value"/> (0 … 0x0FFFFFFF); returns the bytes written.</summary>
    public static int Write(int value, Span<byte> destination)
    {
        int length = Length(value);
        for (int i = length - 1; i >= 0; i--)
        {
            destination[i] = (byte)((value & 0x7F) | (i == length - 1 ? 0 : 0x80));
            value >>= 7;
        }

        return length;
    }
}
