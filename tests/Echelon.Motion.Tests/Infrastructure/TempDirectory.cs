namespace Echelon.Motion.Tests.Infrastructure;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "echelon-motion-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="lines"/> (joined with \n, trailing newline) to a file in the folder and returns its path.</summary>
    public string Write(string name, params string[] lines)
    {
        string file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, lines.Length == 0 ? string.Empty : string.Join('\n', lines) + "\n");
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing test because of it is not.
        }
    }
}
