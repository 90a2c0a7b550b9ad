using System.Diagnostics;

namespace Echelon.Audio.Devices;

/// <summary>
/// Where a block sits on the audio clock: the sample position of its first frame, how many frames it has, the rate,
/// and when the output asked for it on this process's <see cref="Stopwatch"/> clock.
/// </summary>
/// <remarks>
/// The sample position is the engine's clock (DESIGN.md §2: live, time is the device's sample count): it starts where
/// <see cref="IAudioOutput.Start"/> says and grows by exactly <see cref="FrameCount"/> per block, also across a switch
/// to the null device (<see cref="FallbackAudioOutput"/>). The host timestamp relates it to wall time for logs and
/// for sensor frames stamped on the same clock. A value type passed by reference: nothing to allocate.
/// </remarks>
public readonly struct AudioClockInfo
{
    /// <summary>Describes one block.</summary>
    /// <param name="samplePosition">Sample position of the block's first frame.</param>
    /// <param name="frameCount">Frames in the block.</param>
    /// <param name="sampleRate">Frames per second.</param>
    /// <param name="hostTimestamp"><see cref="Stopwatch.GetTimestamp"/> when the output asked for the block.</param>
    public AudioClockInfo(long samplePosition, int frameCount, int sampleRate, long hostTimestamp)
    {
        SamplePosition = samplePosition;
        FrameCount = frameCount;
        SampleRate = sampleRate;
        HostTimestamp = hostTimestamp;
    }

    /// <summary>Sample position of the block's first frame.</summary>
    public long SamplePosition { get; }

    /// <summary>Frames in the block (the output's block size).</summary>
    public int FrameCount { get; }

    /// <summary>Frames per second.</summary>
    public int SampleRate { get; }

    /// <summary>
    /// <see cref="Stopwatch.GetTimestamp"/> when the output asked for the block: a device's callback entry, or the
    /// null device's scheduled time for the block.
    /// </summary>
    public long HostTimestamp { get; }

    /// <summary>The block's start in seconds on the sample clock.</summary>
    public double Seconds => (double)SamplePosition / SampleRate;
}
