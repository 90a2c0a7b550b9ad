namespace Echelon.Studio.Engine;

/// <summary>
/// Receives every finished output block on the audio thread (the browser stream's ring, a capture): it must copy
/// what it needs and return at once, allocating nothing, taking no lock and never blocking.
/// </summary>
public interface IAudioBlockSink
{
    /// <summary>One finished stereo block.</summary>
    void Write(ReadOnlySpan<float> left, ReadOnlySpan<float> right);
}
