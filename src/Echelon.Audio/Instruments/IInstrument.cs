namespace Echelon.Audio.Instruments;

/// <summary>
/// A polyphonic instrument: notes start with <see cref="NoteOn"/> (which schedules its own release
/// <c>durationSamples</c> later, sample-accurately) and <see cref="Render"/> adds the instrument's
/// stereo output into the two buffers.
/// </summary>
/// <remarks>
/// Lifecycle: <see cref="Prepare"/> allocates; <see cref="NoteOn"/> and <see cref="Render"/> are
/// audio-thread safe (no allocation, locks or exceptions) for any block length up to the prepared
/// maximum, zero included; <see cref="Reset"/> silences everything. Output is bit-identical whatever
/// the block sizes, as long as notes start at the same samples.
/// </remarks>
public interface IInstrument
{
    /// <summary>Allocates voices and buffers.</summary>
    void Prepare(int sampleRate, int maxBlock);

    /// <summary>Starts a note now (at the next sample rendered).</summary>
    void NoteOn(byte pitch, float velocity, long durationSamples);

    /// <summary>Adds the next <c>left.Length</c> samples into <paramref name="left"/> and <paramref name="right"/>.</summary>
    void Render(Span<float> left, Span<float> right);

    /// <summary>Silences every voice and clears all state.</summary>
    void Reset();
}
