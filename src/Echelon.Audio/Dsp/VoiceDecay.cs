namespace Echelon.Audio.Dsp;

/// <summary>The exponential decay shared by the drum voices.</summary>
/// <remarks>
/// A voice's stated length is where it stops. Its envelope is 70 dB down there, so it has passed −60 dB
/// at 6/7 (86 %) of the length, and cutting the remaining −70 dB tail to exact zero is inaudible.
/// </remarks>
internal static class VoiceDecay
{
    /// <summary>Level of the envelope at the end of the voice, in dB.</summary>
    public const double EndLevelDb = -70;

    /// <summary>Per-sample multiplier that falls <see cref="EndLevelDb"/> over <paramref name="seconds"/>.</summary>
    public static double Multiplier(double seconds, int sampleRate) =>
        Math.Pow(10, EndLevelDb / 20 / (seconds * sampleRate));
}
