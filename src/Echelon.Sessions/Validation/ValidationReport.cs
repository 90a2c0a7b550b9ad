using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Echelon.Sessions.Validation;

/// <summary>
/// The result of <see cref="SessionValidator.Validate"/>: whether the session is sound, whether it needs
/// (or got) repair, what was found per stream, and every error with its file, line and field.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class ValidationReport
{
    private static readonly JsonWriterOptions s_jsonOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Creates a report.</summary>
    public ValidationReport(
        string directoryPath,
        SessionStatus? status,
        bool needsRepair,
        bool repaired,
        IReadOnlyList<StreamValidation> streams,
        IReadOnlyList<ValidationError> errors,
        IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(directoryPath);
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(notes);
        DirectoryPath = directoryPath;
        Status = status;
        NeedsRepair = needsRepair;
        Repaired = repaired;
        Streams = [.. streams];
        Errors = [.. errors];
        Notes = [.. notes];
    }

    /// <summary>The session folder.</summary>
    public string DirectoryPath { get; }

    /// <summary>The manifest's status after this run (null when the manifest could not be read).</summary>
    public SessionStatus? Status { get; }

    /// <summary>True when the session is sound: no errors and nothing left to repair.</summary>
    public bool Ok => Errors.Count == 0 && !NeedsRepair;

    /// <summary>
    /// True when the session is a killed recording (status <c>recording</c>, no counts) that repair can
    /// finish: no errors, possibly torn tails. False after a successful repair.
    /// </summary>
    public bool NeedsRepair { get; }

    /// <summary>True when this run repaired the session.</summary>
    public bool Repaired { get; }

    /// <summary>What was found per stream, in manifest order.</summary>
    public IReadOnlyList<StreamValidation> Streams { get; }

    /// <summary>Every problem, each with its file, line and field.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>What the run did or why it did not repair, in words.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>
    /// The report as JSON (indented, LF):
    /// <c>{ok, needs_repair, repaired, status, streams[{name, file, records, bytes, torn_bytes, sha256, manifest_sha256, sha256_matches, first_bad_line}], errors[{file, line, field, problem, message}], notes[]}</c>.
    /// </summary>
    public string ToJson()
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, s_jsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("ok", Ok);
            writer.WriteBoolean("needs_repair", NeedsRepair);
            writer.WriteBoolean("repaired", Repaired);
            if (Status is { } status)
            {
                writer.WriteString("status", ManifestJson.StatusText(status));
            }
            else
            {
                writer.WriteNull("status");
            }

            writer.WriteStartArray("streams");
            foreach (StreamValidation stream in Streams)
            {
                writer.WriteStartObject();
                writer.WriteString("name", stream.Name);
                writer.WriteString("file", stream.File);
                writer.WriteNumber("records", stream.Records);
                writer.WriteNumber("bytes", stream.Bytes);
                writer.WriteNumber("torn_bytes", stream.TornBytes);
                WriteNullable(writer, "sha256", stream.Sha256);
                WriteNullable(writer, "manifest_sha256", stream.ManifestSha256);
                if (stream.Sha256Matches is { } matches)
                {
                    writer.WriteBoolean("sha256_matches", matches);
                }
                else
                {
                    writer.WriteNull("sha256_matches");
                }

                if (stream.FirstBadLine is { } line)
                {
                    writer.WriteNumber("first_bad_line", line);
                }
                else
                {
                    writer.WriteNull("first_bad_line");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("errors");
            foreach (ValidationError error in Errors)
            {
                writer.WriteStartObject();
                writer.WriteString("file", error.File);
                writer.WriteNumber("line", error.Line);
                writer.WriteString("field", error.Field);
                writer.WriteString("problem", error.Problem);
                writer.WriteString("message", error.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("notes");
            foreach (string note in Notes)
            {
                writer.WriteStringValue(note);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(output.WrittenSpan) + "\n";
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
