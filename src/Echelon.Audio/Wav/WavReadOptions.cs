namespace Echelon.Audio.Wav;

/// <summary>Policies for reading a WAV file (STYLE habit 13: a policy per failure mode).</summary>
public sealed record WavReadOptions
{
    /// <summary>The defaults: a truncated data chunk is an error; non-finite samples are kept and counted.</summary>
    public static WavReadOptions Default { get; } = new();

    /// <summary>
    /// When true, a data chunk with fewer bytes than its header declares (a file cut short, as a
    /// killed recorder leaves it) returns the complete frames present and reports the shortfall in
    /// <see cref="WavAudio.IsTruncated"/>, <see cref="WavAudio.DeclaredDataBytes"/> and
    /// <see cref="WavAudio.DataBytes"/>; a partial last frame is dropped. When false (the default)
    /// it is a <see cref="WavFormatException"/> naming the expected and actual byte counts.
    /// </summary>
    public bool AllowTruncated { get; init; }

    /// <summary>
    /// When true, NaN and infinite samples of a float file are returned as 0 (they are still
    /// counted in <see cref="WavAudio.NonFiniteSampleCount"/>). When false (the default) they are
    /// returned as stored, so a checker sees exactly what the file holds.
    /// </summary>
    public bool ReplaceNonFinite { get; init; }
}
