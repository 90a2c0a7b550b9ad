namespace Echelon.Testing.Peers;

/// <summary>A fresh folder under the system temp folder, deleted on dispose (files for peers to read).</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("echelon-test-").FullName;
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>A path for <paramref name="name"/> inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Deletes the folder and what is in it.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A peer still holding a file open must not fail the test; the OS cleans temp later.
        }
    }
}
