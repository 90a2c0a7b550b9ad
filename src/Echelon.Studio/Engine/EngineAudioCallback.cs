using Echelon.Audio.Devices;

namespace Echelon.Studio.Engine;

/// <summary>The audio device's callback: each block the device asks for is rendered by the engine.</summary>
/// <remarks>Audio thread; allocates nothing.</remarks>
public sealed class EngineAudioCallback(StudioEngine engine) : IAudioRenderCallback
{
    /// <inheritdoc/>
    public void Render(Span<float> left, Span<float> right, in AudioClockInfo info) => engine.Render(left, right, info.HostTimestamp);
}
