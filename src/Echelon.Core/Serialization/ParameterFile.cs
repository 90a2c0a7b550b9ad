using System.Text;
using System.Text.Json;
using Echelon.Core.Dell;
using Echelon.Core.Equilibrium;

namespace Echelon.Core.Serialization;

/// <summary>
/// Saves and loads equilibrium parameters (<see cref="LimRpsParameters"/>, <see cref="DellParameters"/>)
/// as the documented JSON format <c>echelon.equilibrium</c>, version 1
/// (docs/architecture/0002-equilibrium-parameter-file.md), so trained weights can replace the seeded defaults.
/// </summary>
/// <remarks>
/// <para>
/// Doubles round-trip bit for bit: the writer emits the shortest text that parses back to the same
/// double, and the reader parses it with the same rules.
/// </para>
/// <para>
/// Loading is strict and validates everything before it returns: every failure in the file's content
/// is a <see cref="ParameterFileException"/> naming the JSON path and what is allowed there. Errors of
/// the file system itself (missing file, no permission) stay the usual <see cref="IOException"/>s.
/// </para>
/// <para>
/// Threading: stateless and thread-safe, but not real-time safe (allocates, touches files). Call it from
/// a loader or the command line, never from the audio or control thread; hand the loaded parameters
/// to a solver or coordinator, which copies what it needs at construction.
/// </para>
/// </remarks>
public static class ParameterFile
{
    /// <summary>The value of the <c>format</c> field.</summary>
    public const string FormatName = "echelon.equilibrium";

    /// <summary>The version this code writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The <c>kind</c> of a file that holds one LIM-RPS layer.</summary>
    public const string LimRpsKind = "lim-rps";

    /// <summary>The <c>kind</c> of a file that holds the dual equilibrium.</summary>
    public const string DellKind = "dell";

    private static readonly int[] s_supportedVersions = [1];

    /// <summary>The versions this code reads.</summary>
    public static IReadOnlyList<int> SupportedVersions => s_supportedVersions;

    /// <summary>Validates <paramref name="parameters"/> and writes them to <paramref name="path"/> atomically.</summary>
    /// <exception cref="ArgumentException">The parameters are out of range (a file that could not be loaded is never written).</exception>
    /// <exception cref="IOException">The file could not be written; the previous file, if any, is intact.</exception>
    public static void Save(LimRpsParameters parameters, string path)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, ParameterFileWriter.Write(parameters));
    }

    /// <summary>Validates <paramref name="parameters"/> and writes them to <paramref name="path"/> atomically.</summary>
    /// <exception cref="ArgumentException">The parameters are out of range (a file that could not be loaded is never written).</exception>
    /// <exception cref="IOException">The file could not be written; the previous file, if any, is intact.</exception>
    public static void Save(DellParameters parameters, string path)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, ParameterFileWriter.Write(parameters));
    }

    /// <summary>Reads and validates a <c>lim-rps</c> file.</summary>
    /// <exception cref="ParameterFileException">The content is malformed, truncated or out of range.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static LimRpsParameters LoadLimRps(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using JsonDocument document = ParseFile(path);
        return ParameterFileReader.ReadLimRps(document.RootElement, path);
    }

    /// <summary>Reads and validates a <c>dell</c> file.</summary>
    /// <exception cref="ParameterFileException">The content is malformed, truncated or out of range.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static DellParameters LoadDell(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using JsonDocument document = ParseFile(path);
        return ParameterFileReader.ReadDell(document.RootElement, path);
    }

    /// <summary>Validates <paramref name="parameters"/> and returns them as JSON text (indented, LF line ends).</summary>
    /// <exception cref="ArgumentException">The parameters are out of range.</exception>
    public static string ToJson(LimRpsParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Encoding.UTF8.GetString(ParameterFileWriter.Write(parameters));
    }

    /// <summary>Validates <paramref name="parameters"/> and returns them as JSON text (indented, LF line ends).</summary>
    /// <exception cref="ArgumentException">The parameters are out of range.</exception>
    public static string ToJson(DellParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Encoding.UTF8.GetString(ParameterFileWriter.Write(parameters));
    }

    /// <summary>Parses and validates <c>lim-rps</c> JSON text.</summary>
    /// <exception cref="ParameterFileException">The text is malformed, truncated or out of range.</exception>
    public static LimRpsParameters LimRpsFromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument document = Parse(json, null);
        return ParameterFileReader.ReadLimRps(document.RootElement, null);
    }

    /// <summary>Parses and validates <c>dell</c> JSON text.</summary>
    /// <exception cref="ParameterFileException">The text is malformed, truncated or out of range.</exception>
    public static DellParameters DellFromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument document = Parse(json, null);
        return ParameterFileReader.ReadDell(document.RootElement, null);
    }

    private static JsonDocument ParseFile(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        ReadOnlyMemory<byte> utf8 = bytes;

        // Editors on Windows may add a UTF-8 byte order mark; the JSON reader does not skip it.
        if (utf8.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        return Parse(utf8, path);
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> utf8, string? path)
    {
        try
        {
            return JsonDocument.Parse(utf8, ParameterFileReader.DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw ParameterFileReader.Malformed(ex, path);
        }
    }

    private static JsonDocument Parse(string json, string? path)
    {
        try
        {
            return JsonDocument.Parse(json, ParameterFileReader.DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw ParameterFileReader.Malformed(ex, path);
        }
    }
}
