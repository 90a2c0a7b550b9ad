using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Echelon.Motion.Dynamics;

namespace Echelon.Sessions.Streams;

/// <summary>
/// Writes a <see cref="Dynamics128Vector"/> as one JSON line of a <c>dynamics128.jsonl</c> stream and reads
/// it back bit for bit: <c>{"t":ns,"producer":"…","mask":"&lt;32 hex digits&gt;","v":[128 numbers]}</c>.
/// </summary>
/// <remarks>
/// <para>
/// <c>mask</c> is the 128-bit validity mask as one hexadecimal number, most significant digit first,
/// lowercase, always 32 digits: bit i (value 2^i) set means slot i was measured. So slot 0 is the
/// lowest bit of the last digit. <c>producer</c> is the builder id (builder, layout version and
/// configuration hash).
/// </para>
/// <para>
/// Reading fills a caller-owned vector in place. When the producer text equals the vector's current
/// <see cref="Dynamics128Vector.ProducerId"/> the string is kept, so reading a stream allocates nothing
/// per record. Problems are <see cref="SessionFormatException"/>s with the file, line and field; after
/// one, the destination's content is unspecified.
/// </para>
/// <para>Thread-safe (no shared state but a per-thread writer).</para>
/// </remarks>
public static class Dynamics128RecordCodec
{
    private const int MaskDigits = 32;

    /// <summary>Writes the vector as one record followed by '\n'.</summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite (JSON has neither); nothing is written.</exception>
    public static void WriteLine(IBufferWriter<byte> output, Dynamics128Vector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        WriteLine(output, vector.TimeNs, vector.ProducerId, vector.Mask, vector.Values);
    }

    /// <summary>Writes one record from its parts followed by '\n'.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold 128 finite numbers; nothing is written.</exception>
    public static void WriteLine(IBufferWriter<byte> output, long timeNs, string producer, UInt128 mask, ReadOnlySpan<float> values)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(producer);
        ThrowIfInvalid(values);
        Utf8JsonWriter writer = RecordJson.WriterFor(output);
        WriteUnchecked(writer, timeNs, producer, mask, values);
        writer.Flush();
        RecordJson.WriteNewline(output);
    }

    /// <summary>
    /// Writes one record as a JSON object, without the line end, to a caller's writer (compact, at the
    /// top level). The caller writes '\n' after flushing the writer.
    /// </summary>
    /// <exception cref="ArgumentException">The values are not 128 finite numbers, or the writer is indented or mid-document.</exception>
    public static void Write(Utf8JsonWriter writer, long timeNs, string producer, UInt128 mask, ReadOnlySpan<float> values)
    {
        RecordJson.CheckCallerWriter(writer);
        ArgumentNullException.ThrowIfNull(producer);
        ThrowIfInvalid(values);
        WriteUnchecked(writer, timeNs, producer, mask, values);
    }

    /// <summary>Reads one record (without its line end) into <paramref name="destination"/>.</summary>
    /// <exception cref="SessionFormatException">The record is malformed; the exception names the file, line and field.</exception>
    public static void Read(ReadOnlySpan<byte> line, Dynamics128Vector destination, string file = "(record)", int lineNumber = 0)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(file);
        var reader = new RecordReader(line, file, lineNumber);
        long t = reader.ReadStartAndTime();
        string? producer = null;
        UInt128? mask = null;
        bool haveValues = false;
        while (reader.NextField())
        {
            if (reader.FieldIs("producer"u8))
            {
                Once(ref reader, producer is null);
                producer = reader.ReadString(destination.ProducerId);
            }
            else if (reader.FieldIs("mask"u8))
            {
                Once(ref reader, mask is null);
                mask = ReadMask(ref reader);
            }
            else if (reader.FieldIs("v"u8))
            {
                Once(ref reader, !haveValues);
                reader.ReadFloats(destination.Values);
                haveValues = true;
            }
            else
            {
                throw reader.Fail("is not a dynamics128 record field; allowed: t, producer, mask, v");
            }
        }

        destination.TimeNs = t;
        destination.ProducerId = producer ?? throw reader.Fail("producer", "is missing");
        destination.Mask = mask ?? throw reader.Fail("mask", "is missing");
        if (!haveValues)
        {
            throw reader.Fail("v", $"is missing ({Dynamics128Vector.Size} numbers)");
        }
    }

    internal static void WriteUnchecked(Utf8JsonWriter writer, long timeNs, string producer, UInt128 mask, ReadOnlySpan<float> values)
    {
        Span<byte> hex = stackalloc byte[MaskDigits];
        bool formatted = mask.TryFormat(hex, out int written, "x32", CultureInfo.InvariantCulture);
        System.Diagnostics.Debug.Assert(formatted && written == MaskDigits, "a UInt128 always fits 32 hex digits");
        writer.WriteStartObject();
        writer.WriteNumber("t"u8, timeNs);
        writer.WriteString("producer"u8, producer);
        writer.WriteString("mask"u8, hex);
        writer.WriteStartArray("v"u8);
        foreach (float v in values)
        {
            writer.WriteNumberValue(v);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Index of the first non-finite value, or −1.</summary>
    internal static int FirstNonFinite(ReadOnlySpan<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static void ThrowIfInvalid(ReadOnlySpan<float> values)
    {
        if (values.Length != Dynamics128Vector.Size)
        {
            throw new ArgumentException($"A Dynamics128 record holds {Dynamics128Vector.Size} values; got {values.Length}.", nameof(values));
        }

        int bad = FirstNonFinite(values);
        if (bad >= 0)
        {
            throw new ArgumentException(
                $"Dynamics128 slot {bad} is {values[bad]}; JSON has no NaN or Infinity, and a session never records them (mask the slot and store 0).",
                nameof(values));
        }
    }

    private static UInt128 ReadMask(ref RecordReader reader)
    {
        const string Rule = "must be 32 lowercase hex digits (bit i set = slot i measured)";
        if (!reader.TryReadPlainString(out ReadOnlySpan<byte> utf8) || utf8.Length != MaskDigits)
        {
            throw reader.Fail(Rule);
        }

        foreach (byte b in utf8)
        {
            if (!(b is >= (byte)'0' and <= (byte)'9' || b is >= (byte)'a' and <= (byte)'f'))
            {
                throw reader.Fail(Rule);
            }
        }

        return UInt128.Parse(utf8, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static void Once(ref RecordReader reader, bool first)
    {
        if (!first)
        {
            throw reader.Fail("appears twice");
        }
    }
}
