namespace Echelon.Audio.Wav;

/// <summary>What <see cref="WavWriter"/> writes: rate, channel count, encoding and dither.</summary>
public sealed record WavWriterOptions
{
    /// <summary>Frames per second, 1 to 768 000 (default 48 000).</summary>
    public int SampleRate { get; init; } = 48_000;

    /// <summary>Channels, 1 to 64 (default 2).</summary>
    public int Channels { get; init; } = 2;

    /// <summary>The sample encoding (default <see cref="WavSampleFormat.Pcm24"/>).</summary>
    public WavSampleFormat Format { get; init; } = WavSampleFormat.Pcm24;

    /// <summary>
    /// When true, integer formats add triangular (TPDF) dither of ±1 LSB peak before rounding, which
    /// turns quantisation distortion into a constant noise floor. Off by default so that the same
    /// input always gives the same bytes; when on, the noise comes from <see cref="DitherSeed"/> and
    /// is still reproducible. Ignored for <see cref="WavSampleFormat.IeeeFloat32"/>.
    /// </summary>
    public bool Dither { get; init; }

    /// <summary>Seed of the dither noise (any value; 0 is remapped internally).</summary>
    public ulong DitherSeed { get; init; } = 0x9E37_79B9_7F4A_7C15;
}
