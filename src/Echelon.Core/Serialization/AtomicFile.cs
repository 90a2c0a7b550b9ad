namespace Echelon.Core.Serialization;

/// <summary>
/// Replaces a file atomically: a temporary file in the same folder, flushed to disk, renamed over the target
/// (rename(2) on Unix, MoveFileEx on Windows, atomic on one volume). A crash leaves the old file or the new one, never
/// a torn one. Used by every file Echelon rewrites in place: parameter files, session manifests, the studio's
/// self-signed certificate.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> in one step.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="content">Its whole new content.</param>
    /// <param name="unixCreateMode">
    /// On Unix, the permissions the file is created with (e.g. owner read and write only for a private key); null for
    /// the process's default. Ignored on Windows.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="path"/> names a root, not a file.</exception>
    /// <exception cref="IOException">The folder is missing or the write or rename failed (the old file is untouched).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or the file may not be written.</exception>
    public static void Write(string path, ReadOnlySpan<byte> content, UnixFileMode? unixCreateMode = null)
    {
        string target = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(target)
            ?? throw new ArgumentException($"'{path}' names a root, not a file.", nameof(path));
        string temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (unixCreateMode is { } mode && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        bool renamed = false;
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
            renamed = true;
        }
        finally
        {
            if (!renamed)
            {
                TryDelete(temporary);
            }
        }
    }

    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original failure is the one worth reporting; a stray temporary file is harmless.
        }
    }
}
