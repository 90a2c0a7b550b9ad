namespace Echelon.Audio.Wav;

/// <summary>
/// The audio of a WAV file as <see cref="WavReader"/> decoded it: planar float samples (integers
/// scaled by 1/2^(bits-1), 8-bit offset by 128, as sox and libsndfile do), the header it came
/// from, and what the reader noticed on the way (truncation, non-finite and subnormal samples,
/// chunks skipped).
/// </summary>
/// <remarks>Threading: an immutable result once returned, except the sample arrays themselves, which the caller owns.</remarks>
public sealed class WavAudio
{
    /// <summary>Frames per second.</summary>
    public required int SampleRate { get; init; }

    /// <summary>One array per channel, each <see cref="FrameCount"/> long.</summary>
    public required float[][] Channels { get; init; }

    /// <summary>Frames (samples per channel) decoded.</summary>
    public int FrameCount => Channels.Length == 0 ? 0 : Channels[0].Length;

    /// <summary>Number of channels.</summary>
    public int ChannelCount => Channels.Length;

    /// <summary>Length in seconds.</summary>
    public double DurationSeconds => (double)FrameCount / SampleRate;

    /// <summary>The sample encoding: 0x0001 (PCM) or 0x0003 (IEEE float), after unwrapping an extensible header.</summary>
    public required int FormatTag { get; init; }

    /// <summary>True when the header was <c>WAVE_FORMAT_EXTENSIBLE</c> (0xFFFE).</summary>
    public required bool IsExtensible { get; init; }

    /// <summary>Container bits per sample (8, 16, 24, 32 or 64).</summary>
    public required int BitsPerSample { get; init; }

    /// <summary>Valid bits per sample (equal to <see cref="BitsPerSample"/> unless an extensible header says fewer).</summary>
    public required int ValidBitsPerSample { get; init; }

    /// <summary>Speaker mask of an extensible header; 0 otherwise.</summary>
    public required uint ChannelMask { get; init; }

    /// <summary>Size of the data chunk as its header declares it, in bytes.</summary>
    public required long DeclaredDataBytes { get; init; }

    /// <summary>Bytes of the data chunk actually present (whole frames only).</summary>
    public required long DataBytes { get; init; }

    /// <summary>
    /// True when the data chunk held fewer bytes than declared, or did not end on a frame boundary
    /// (only possible with <see cref="WavReadOptions.AllowTruncated"/>).
    /// </summary>
    public required bool IsTruncated { get; init; }

    /// <summary>NaN and infinite samples found (float files only; 0 for integer files).</summary>
    public required long NonFiniteSampleCount { get; init; }

    /// <summary>Nonzero samples smaller in magnitude than the smallest normal float (float files only).</summary>
    public required long SubnormalSampleCount { get; init; }

    /// <summary>Ids of the chunks skipped before the data chunk (<c>LIST</c>, <c>fact</c>, <c>JUNK</c>…), in file order.</summary>
    public required IReadOnlyList<string> SkippedChunks { get; init; }
}
