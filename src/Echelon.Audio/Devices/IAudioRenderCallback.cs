namespace Echelon.Audio.Devices;

/// <summary>What an audio output calls for every block: the engine's render graph fills the two channels.</summary>
/// <remarks>
/// Called on the audio thread (a device's callback thread, or the null device's clock thread), one block at a time,
/// never two at once, and never after <see cref="IAudioOutput.Stop"/> has returned. An implementation must not
/// allocate, lock, log, await or touch files (DESIGN.md §2). The spans are the output's preallocated buffers,
/// <see cref="AudioClockInfo.FrameCount"/> long, holding old data on entry: write every frame. An exception is caught
/// by the output, which plays that block as silence and counts it (<see cref="IAudioOutput.RenderFaults"/>); it never
/// reaches the device's native code. The thread that calls may change (a fallback moves the clock to the null
/// device), with a full memory barrier between the last call on the old thread and the first on the new one.
/// </remarks>
public interface IAudioRenderCallback
{
    /// <summary>Renders one block into <paramref name="left"/> and <paramref name="right"/>.</summary>
    void Render(Span<float> left, Span<float> right, in AudioClockInfo info);
}
