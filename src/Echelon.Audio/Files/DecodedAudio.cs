namespace Echelon.Audio.Files;

/// <summary>
/// The audio of a file as <see cref="AudioFileReader.Read"/> decoded it: planar float samples
/// (integers scaled by 1/2^(bits-1), as libsndfile, sox and <see cref="Wav.WavReader"/> do), the
/// header it came from, and what the reader noticed on the way.
/// </summary>
/// <remarks>
/// <para>
/// Why not <see cref="Wav.WavAudio"/>: its header fields (format tag, extensible flag, channel
/// mask, declared data bytes, skipped chunks) are RIFF/WAVE facts that a FLAC, AIFF or Ogg file
/// does not have, and making them optional would weaken what WavAudio promises its readers. The
/// sample side has the same shape (one <c>float[]</c> per channel, <see cref="SampleRate"/>,
/// <see cref="FrameCount"/>, <see cref="IsTruncated"/>, <see cref="NonFiniteSampleCount"/>), so an
/// analyzer can take either.
/// </para>
/// <para>Threading: an immutable result once returned, except the sample arrays themselves, which the caller owns.</para>
/// </remarks>
public sealed class DecodedAudio
{
    /// <summary>The header: rate, channels, declared length, format.</summary>
    public required AudioFileInfo Info { get; init; }

    /// <summary>One array per channel, each <see cref="FrameCount"/> long.</summary>
    public required float[][] Channels { get; init; }

    /// <summary>True when the file was shorter than its header declared (only possible with <see cref="AudioFileReadOptions.AllowTruncated"/>).</summary>
    public required bool IsTruncated { get; init; }

    /// <summary>NaN and infinite samples found (replaced by 0 or kept, as <see cref="AudioFileReadOptions.NonFiniteSamples"/> said).</summary>
    public required long NonFiniteSampleCount { get; init; }

    /// <summary>Frames per second.</summary>
    public int SampleRate => Info.SampleRate;

    /// <summary>Number of channels.</summary>
    public int ChannelCount => Channels.Length;

    /// <summary>Frames (samples per channel) decoded.</summary>
    public int FrameCount => Channels.Length == 0 ? 0 : Channels[0].Length;

    /// <summary>Length in seconds of what was decoded.</summary>
    public double DurationSeconds => (double)FrameCount / SampleRate;

    /// <summary>Container and encoding: "WAV PCM 16", "FLAC PCM 24".</summary>
    public string FormatName => Info.FormatName;
}
