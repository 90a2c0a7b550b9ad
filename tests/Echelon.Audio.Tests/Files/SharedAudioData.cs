namespace Echelon.Audio.Tests.Files;

/// <summary>
/// The shared audio files (<c>shared/data/beat_onset/madmom</c>), found through <see cref="Echelon.Testing.SharedData"/>.
/// </summary>
internal static class SharedAudioData
{
    /// <summary>madmom's <c>sample.wav</c>: mono, 44.1 kHz, 16-bit, 123 481 frames.</summary>
    public static string MonoWav => PathOf("sample.wav");

    /// <summary>madmom's <c>stereo_sample.flac</c>: stereo, 44.1 kHz, 16-bit, 182 919 frames.</summary>
    public static string StereoFlac => PathOf("stereo_sample.flac");

    private static string PathOf(string name) => Echelon.Testing.SharedData.File("beat_onset", "madmom", name);
}
