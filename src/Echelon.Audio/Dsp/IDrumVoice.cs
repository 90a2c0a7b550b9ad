namespace Echelon.Audio.Dsp;

/// <summary>A one-shot drum voice: triggered, then rendered (added into the output) until it ends.</summary>
/// <remarks>Audio-thread safe after <c>Prepare</c>: no allocation, locks or exceptions.</remarks>
public interface IDrumVoice
{
    /// <summary>True while the voice is sounding.</summary>
    bool IsActive { get; }

    /// <summary>Adds the next <c>output.Length</c> samples into <paramref name="output"/>.</summary>
    void Render(Span<float> output);
}
