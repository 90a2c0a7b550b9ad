namespace Echelon.Protocols.Tests.Midi.Infrastructure;

/// <summary>
/// Finds the MIDI test vectors in the project's shared data (<c>shared/data/osc_midi</c>, a sibling
/// of the repository root) through <see cref="Echelon.Testing.SharedData"/>.
/// </summary>
public static class MidiTestData
{
    /// <summary>The <c>shared/data/osc_midi</c> folder.</summary>
    public static string Root => Echelon.Testing.SharedData.Folder("osc_midi");

    /// <summary>The jazz-soft edge-case files.</summary>
    public static string JazzSoft => Path.Combine(Root, "jazz-soft-test-midi-files", "midi");

    /// <summary>The Tone.js test files with pretty_midi note lists.</summary>
    public static string ToneJs => Path.Combine(Root, "tonejs-midi-tests");

    /// <summary>The full path of <paramref name="relative"/> under <c>osc_midi</c>; throws when missing.</summary>
    public static string PathOf(string relative)
    {
        string file = Path.Combine(Root, relative);
        return File.Exists(file) ? file : throw new FileNotFoundException($"The shared data has no osc_midi/{relative}.", file);
    }

    /// <summary>Every .mid file under <c>osc_midi</c> (the seeds for fuzzing), sorted.</summary>
    public static IReadOnlyList<string> AllMidiFiles() =>
        [.. Directory.EnumerateFiles(Root, "*.mid", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
