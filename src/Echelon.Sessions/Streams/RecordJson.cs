using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Echelon.Sessions.Streams;

/// <summary>Shared settings for writing and reading JSONL records.</summary>
internal static class RecordJson
{
    /// <summary>
    /// Compact (one line), strict, and readable: the relaxed encoder keeps non-ASCII text as UTF-8 rather
    /// than \u escapes. It still escapes quotes, backslashes and control characters, so a record never
    /// contains a raw newline.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 8,
    };

    // One writer per thread, re-pointed at each output: saves allocating a writer per record.
    [ThreadStatic]
    private static Utf8JsonWriter? s_writer;

    public static Utf8JsonWriter WriterFor(IBufferWriter<byte> output)
    {
        if (s_writer is null)
        {
            s_writer = new Utf8JsonWriter(output, WriterOptions);
        }
        else
        {
            s_writer.Reset(output);
        }

        return s_writer;
    }

    public static void WriteNewline(IBufferWriter<byte> output)
    {
        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
    }

    /// <summary>Throws when a caller-provided writer would not produce one record on one line.</summary>
    public static void CheckCallerWriter(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (writer.Options.Indented)
        {
            throw new ArgumentException("The writer is indented; a record must be one line. Create it with Indented = false.", nameof(writer));
        }

        if (writer.CurrentDepth != 0)
        {
            throw new ArgumentException("The writer is inside an object or array; a record is a top-level object.", nameof(writer));
        }
    }
}
