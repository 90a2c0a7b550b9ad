using System.Buffers.Binary;
using System.Text;

namespace Echelon.Testing;

/// <summary>Hand-built WAV files, byte by byte, for the reader's error cases and for formats our writer does not produce.</summary>
public static class WavBytes
{
    /// <summary>"RIFF" size "WAVE" followed by the chunks; size counts from byte 8 to the end.</summary>
    public static byte[] Riff(params byte[][] chunks)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        var file = new byte[12 + body.Length];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(4 + body.Length));
        "WAVE"u8.CopyTo(file.AsSpan(8));
        body.CopyTo(file, 12);
        return file;
    }

    /// <summary>A chunk: id, size (the body's length unless given), body, and a pad byte when the body is odd.</summary>
    public static byte[] Chunk(string id, byte[] body, uint? declaredSize = null, bool pad = true)
    {
        var padded = pad && (body.Length & 1) != 0;
        var chunk = new byte[8 + body.Length + (padded ? 1 : 0)];
        Encoding.ASCII.GetBytes(id).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), declaredSize ?? (uint)body.Length);
        body.CopyTo(chunk, 8);
        return chunk;
    }

    /// <summary>A 16-byte WAVEFORMAT body (block align computed unless given).</summary>
    public static byte[] FmtBody(ushort tag, ushort channels, uint rate, ushort bits, ushort? blockAlign = null)
    {
        var f = new byte[16];
        var align = blockAlign ?? (ushort)(channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(f, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(2), channels);
        BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(4), rate);
        BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(8), rate * align);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(12), align);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(14), bits);
        return f;
    }

    /// <summary>A 40-byte WAVEFORMATEXTENSIBLE body with the standard sub-format GUID for <paramref name="subTag"/>.</summary>
    public static byte[] ExtensibleBody(ushort subTag, ushort channels, uint rate, ushort bits, ushort validBits, uint mask)
    {
        var f = new byte[40];
        FmtBody(0xFFFE, channels, rate, bits).CopyTo(f, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(18), validBits);
        BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(20), mask);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(24), subTag);
        byte[] tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        tail.CopyTo(f, 26);
        return f;
    }

    public static byte[] Fmt(ushort tag, ushort channels, uint rate, ushort bits) => Chunk("fmt ", FmtBody(tag, channels, rate, bits));

    public static byte[] Int16s(params short[] values)
    {
        var b = new byte[2 * values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(2 * i), values[i]);
        }

        return b;
    }

    public static byte[] Floats(params float[] values)
    {
        var b = new byte[4 * values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(4 * i), values[i]);
        }

        return b;
    }

    public static byte[] Doubles(params double[] values)
    {
        var b = new byte[8 * values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(8 * i), values[i]);
        }

        return b;
    }

    public static byte[] Int32s(params int[] values)
    {
        var b = new byte[4 * values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4 * i), values[i]);
        }

        return b;
    }

    public static byte[] Int24s(params int[] values)
    {
        var b = new byte[3 * values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            b[3 * i] = (byte)values[i];
            b[(3 * i) + 1] = (byte)(values[i] >> 8);
            b[(3 * i) + 2] = (byte)(values[i] >> 16);
        }

        return b;
    }
}
