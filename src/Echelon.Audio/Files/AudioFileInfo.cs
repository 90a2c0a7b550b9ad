namespace Echelon.Audio.Files;

/// <summary>What an audio file's header says: rate, channels, length and format.</summary>
/// <remarks>Threading: immutable.</remarks>
public sealed class AudioFileInfo
{
    /// <summary>The file, as the caller named it.</summary>
    public required string Path { get; init; }

    /// <summary>Frames per second.</summary>
    public required int SampleRate { get; init; }

    /// <summary>Samples per frame.</summary>
    public required int ChannelCount { get; init; }

    /// <summary>
    /// Frames libsndfile expects to read; null when the file does not say (a FLAC stream without a
    /// total). For uncompressed containers (WAV, AIFF, AU, W64, RF64) libsndfile counts the frames
    /// actually present, even when the header declares more; for FLAC it is the total the
    /// header declares, and a cut-short file decodes fewer.
    /// </summary>
    public required long? FrameCount { get; init; }

    /// <summary>The container: "WAV" (plain or extensible header), "FLAC", "AIFF", "OGG", ….</summary>
    public required string Container { get; init; }

    /// <summary>The sample encoding: "PCM 16", "PCM 24", "FLOAT 32", "VORBIS", ….</summary>
    public required string Encoding { get; init; }

    /// <summary>libsndfile's format code (<c>SF_INFO.format</c>: container | encoding | endianness).</summary>
    public required int FormatCode { get; init; }

    /// <summary>Container and encoding in one: "WAV PCM 16", "FLAC PCM 24".</summary>
    public string FormatName => $"{Container} {Encoding}";

    /// <summary>The length in seconds, when <see cref="FrameCount"/> is known.</summary>
    public double? DurationSeconds => FrameCount is { } frames ? (double)frames / SampleRate : null;
}
