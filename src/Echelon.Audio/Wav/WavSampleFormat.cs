namespace Echelon.Audio.Wav;

/// <summary>The sample encodings <see cref="WavWriter"/> can write.</summary>
public enum WavSampleFormat
{
    /// <summary>Signed 16-bit integer PCM (plain <c>WAVE_FORMAT_PCM</c> header for mono and stereo).</summary>
    Pcm16,

    /// <summary>Signed 24-bit integer PCM, packed in 3 bytes (<c>WAVE_FORMAT_EXTENSIBLE</c> header).</summary>
    Pcm24,

    /// <summary>IEEE 754 32-bit float, nominal range [-1, 1] (<c>WAVE_FORMAT_EXTENSIBLE</c> header and a <c>fact</c> chunk).</summary>
    IeeeFloat32,
}
