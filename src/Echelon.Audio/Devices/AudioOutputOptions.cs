namespace Echelon.Audio.Devices;

/// <summary>
/// How to open an audio output: format, block size and which device. The defaults are DESIGN.md §2's: 128-frame blocks
/// at 48 kHz, stereo, the system's default output device.
/// </summary>
/// <remarks>Immutable; <see cref="Validate"/> names the first bad setting and what is allowed.</remarks>
public sealed record AudioOutputOptions
{
    /// <summary>Frames per second, 8 000–384 000. Default 48 000. A JACK server's own rate must match.</summary>
    public int SampleRate { get; init; } = 48_000;

    /// <summary>Frames per render callback, 16–4096. Default 128 (2.7 ms at 48 kHz).</summary>
    public int BlockSize { get; init; } = 128;

    /// <summary>
    /// Device channels to open, 1–32. Default 2. The engine renders stereo: one channel gets the mean of left and
    /// right, more than two get left and right on the first two and silence on the rest.
    /// </summary>
    public int Channels { get; init; } = 2;

    /// <summary>
    /// Part of the output device's name, any case ("system", "USB"); null for the host API's default output device.
    /// <see cref="PortAudioOutput.ListDevices"/> lists the names.
    /// </summary>
    public string? DeviceName { get; init; }

    /// <summary>Part of the host API's name, any case ("JACK", "ALSA", "WASAPI", "Core Audio"); null for any.</summary>
    public string? HostApi { get; init; }

    /// <summary>
    /// Output latency to ask the device for, 0 (exclusive) to 1 s; null for the device's default low latency. The
    /// device may round it up; <see cref="PortAudioOutput.OutputLatency"/> says what it gave.
    /// </summary>
    public TimeSpan? SuggestedLatency { get; init; }

    /// <summary>
    /// How long a running device may go without asking for a block before it counts as lost, 10 ms–10 s. Default
    /// 500 ms: over a hundred blocks at the defaults, so a slow machine's hiccup is not a lost device.
    /// </summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The duration of one block.</summary>
    public TimeSpan BlockDuration => TimeSpan.FromSeconds((double)BlockSize / SampleRate);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range and the allowed range.</summary>
    /// <returns>These options, for chaining.</returns>
    public AudioOutputOptions Validate()
    {
        Range(SampleRate, 8_000, 384_000, nameof(SampleRate), "Hz");
        Range(BlockSize, 16, 4096, nameof(BlockSize), "frames");
        Range(Channels, 1, 32, nameof(Channels), "channels");
        if (DeviceName is { } device && string.IsNullOrWhiteSpace(device))
        {
            throw new ArgumentOutOfRangeException(nameof(DeviceName), device, $"{nameof(DeviceName)} must be part of a device's name, or null for the default device");
        }

        if (HostApi is { } api && string.IsNullOrWhiteSpace(api))
        {
            throw new ArgumentOutOfRangeException(nameof(HostApi), api, $"{nameof(HostApi)} must be part of a host API's name, or null for any");
        }

        if (SuggestedLatency is { } latency && !(latency > TimeSpan.Zero && latency <= TimeSpan.FromSeconds(1)))
        {
            throw new ArgumentOutOfRangeException(nameof(SuggestedLatency), latency, $"{nameof(SuggestedLatency)} must be more than 0 and at most 1 s, or null for the device's default");
        }

        if (!(StallTimeout >= TimeSpan.FromMilliseconds(10) && StallTimeout <= TimeSpan.FromSeconds(10)))
        {
            throw new ArgumentOutOfRangeException(nameof(StallTimeout), StallTimeout, $"{nameof(StallTimeout)} must be from 10 ms to 10 s");
        }

        return this;
    }

    private static void Range(int value, int min, int max, string name, string unit)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be from {min} to {max} {unit}");
        }
    }
}
