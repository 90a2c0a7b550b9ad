namespace Echelon.Audio.Files;

/// <summary>Policies and limits for reading an audio file (STYLE habit 13: a policy per failure mode).</summary>
public sealed record AudioFileReadOptions
{
    /// <summary>The defaults: a truncated file and a non-finite sample are errors; at most 64 channels and 768 kHz.</summary>
    public static AudioFileReadOptions Default { get; } = new();

    /// <summary>
    /// When true, a file shorter than its header declares (a recorder killed mid-take) returns the
    /// frames present and says so in <see cref="AudioFileBlockReader.IsTruncated"/> and
    /// <see cref="DecodedAudio.IsTruncated"/>. When false (the default) it is an
    /// <see cref="AudioFileException"/> (<see cref="AudioFileError.Truncated"/>) naming the frame where the data ends.
    /// </summary>
    public bool AllowTruncated { get; init; }

    /// <summary>What to do with NaN and infinite samples; <see cref="NonFiniteSamplePolicy.Reject"/> by default.</summary>
    public NonFiniteSamplePolicy NonFiniteSamples { get; init; } = NonFiniteSamplePolicy.Reject;

    /// <summary>
    /// The most channels a file may declare (default 64, the most <see cref="Wav.WavWriter"/>
    /// writes). Libsndfile itself accepts up to 1024; a header claiming hundreds is more often
    /// damage than a recording, and every channel costs memory per block.
    /// </summary>
    public int MaxChannels { get; init; } = 64;

    /// <summary>The highest sample rate accepted, in Hz (default 768 000, the most <see cref="Wav.WavWriter"/> writes).</summary>
    public int MaxSampleRate { get; init; } = 768_000;
}
