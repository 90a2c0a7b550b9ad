namespace Echelon.Studio.Configuration;

/// <summary>The <c>audio</c> section: the output device and the block render format.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record AudioSettings
{
    /// <summary>The default <see cref="SampleRate"/>: 48 kHz.</summary>
    public const int DefaultSampleRate = 48_000;

    /// <summary>The default <see cref="BlockSize"/>: 128 frames, 2.7 ms at 48 kHz.</summary>
    public const int DefaultBlockSize = 128;

    /// <summary><c>output</c>: <c>portaudio</c> or <c>none</c> (the command line's <c>--audio</c> overrides it).</summary>
    public AudioOutput Output { get; init; } = AudioOutput.PortAudio;

    /// <summary><c>device</c>: the output device's name (or a part of it), or null for the system's default output.</summary>
    public string? Device { get; init; }

    /// <summary><c>sample_rate</c>: frames per second, 8000–192000.</summary>
    public int SampleRate { get; init; } = DefaultSampleRate;

    /// <summary><c>block_size</c>: frames per render block, 16–4096.</summary>
    public int BlockSize { get; init; } = DefaultBlockSize;

    /// <summary>
    /// <c>latency_ms</c>: the output latency to ask the device for, 1–500 ms, or null for the device's own low-latency
    /// default.
    /// </summary>
    public double? LatencyMs { get; init; }
}
