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

    /// <summary>Writes <paramref name="lines"/> (each ended by '\n') to <paramref name="name"/> in the folder and returns its path.</summary>
    public string Write(string name, params string[] lines)
    {
        string file = File(name);
        System.IO.File.WriteAllText(file, lines.Length == 0 ? string.Empty : string.Join('\n', lines) + "\n");
        return file;
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="name"/> in the folder and returns its path.</summary>
    public string WriteBytes(string name, byte[] bytes)
    {
        string file = File(name);
        System.IO.File.WriteAllBytes(file, bytes);
        return file;
    }

    /// <summary>Deletes the folder and what is in it.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A peer or child process still holding a file must not fail the test; the OS cleans temp later.
        }
    }
}
