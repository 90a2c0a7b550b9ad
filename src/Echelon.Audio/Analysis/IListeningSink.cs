namespace Echelon.Audio.Analysis;

/// <summary>
/// Receives what <see cref="ListeningAnalyzer"/> hears, synchronously, from inside
/// <see cref="ListeningAnalyzer.Process"/>. Times are input time in seconds from the first sample: the moment the
/// event happened in the sound, not when it was reported (that is later by the analyzer's stated latency).
/// </summary>
/// <remarks>Threading: called on the thread that calls Process; on a real-time thread an implementation must not allocate, lock or block.</remarks>
public interface IListeningSink
{
    /// <summary>One analysis frame's features, every hop.</summary>
    void OnFrame(in ListeningFrame frame);

    /// <summary>An onset at <paramref name="seconds"/> with its onset-function value.</summary>
    void OnOnset(double seconds, float strength);

    /// <summary>A beat at <paramref name="seconds"/>, and the tempo it was predicted with.</summary>
    void OnBeat(double seconds, double tempoBpm);

    /// <summary>
    /// The pitch of frame <paramref name="index"/> of a uniform series: it describes the input at
    /// index × hop / sample rate seconds. Indices start at 0 and never skip.
    /// </summary>
    void OnPitch(long index, in PitchEstimate estimate);
}
