namespace Echelon.Protocols.Tests.Osc.Infrastructure;

/// <summary>
/// Finds the shared OSC test vectors (<c>shared/data/osc_midi</c>, a sibling of the repository root)
/// through <see cref="Echelon.Testing.SharedData"/>.
/// </summary>
internal static class OscData
{
    /// <summary>The <c>shared/data/osc_midi</c> folder.</summary>
    public static string Root => Echelon.Testing.SharedData.Folder("osc_midi");

    /// <summary>The full path of a file under <c>shared/data/osc_midi</c>; throws when it is missing.</summary>
    public static string PathOf(string relative)
    {
        string file = Path.Combine(Root, relative);
        return File.Exists(file) ? file : throw new FileNotFoundException($"The shared data folder has no osc_midi/{relative}.", file);
    }

    /// <summary>The text of a vector file.</summary>
    public static string Read(string relative) => File.ReadAllText(PathOf(relative));
}
