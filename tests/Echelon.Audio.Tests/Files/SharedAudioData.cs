namespace Echelon.Audio.Tests.Files;

/// <summary>
/// Finds the shared audio files (<c>shared/data/beat_onset/madmom</c>, a sibling of the repository
/// root) by walking up from the test binaries, as the OSC tests find their vectors; CI always has
/// them, so a missing folder fails with where it looked.
/// </summary>
internal static class SharedAudioData
{
    private static readonly Lazy<string> s_root = new(Locate);

    /// <summary>madmom's <c>sample.wav</c>: mono, 44.1 kHz, 16-bit, 123 481 frames.</summary>
    public static string MonoWav => PathOf("sample.wav");

    /// <summary>madmom's <c>stereo_sample.flac</c>: stereo, 44.1 kHz, 16-bit, 182 919 frames.</summary>
    public static string StereoFlac => PathOf("stereo_sample.flac");

    private static string PathOf(string name)
    {
        var file = Path.Combine(s_root.Value, name);
        return File.Exists(file) ? file : throw new FileNotFoundException($"The shared data folder has no beat_onset/madmom/{name}.", file);
    }

    private static string Locate()
    {
        var looked = new List<string>();
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "beat_onset", "madmom");
            looked.Add(candidate);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "The shared audio files (shared/data/beat_onset/madmom next to the repository root) were not found. Looked in:"
            + Environment.NewLine + string.Join(Environment.NewLine, looked));
    }
}
