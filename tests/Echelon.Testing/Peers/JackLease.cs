using System.Diagnostics;

namespace Echelon.Testing.Peers;

/// <summary>
/// The right to run a JACK server for tests: an exclusive lock on one file in the temp folder, held from a
/// server's start until it has stopped. Test assemblies run in parallel, and two JACK servers starting at
/// once can both fail; with the lease, every test process takes its turn.
/// </summary>
public static class JackLease
{
    /// <summary>The lock file.</summary>
    public static string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "echelon-jack-tests.lock");

    /// <summary>Waits (up to <paramref name="timeout"/>, two minutes when null) for the lease; dispose the stream to give it back.</summary>
    /// <exception cref="TimeoutException">Another process held it for too long.</exception>
    public static FileStream Acquire(TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? TimeSpan.FromMinutes(2);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < limit)
            {
                Thread.Sleep(50);
            }
            catch (IOException e)
            {
                throw new TimeoutException($"another test process held the JACK lease ({Path}) for more than {limit.TotalSeconds:0} s.", e);
            }
        }
    }
}
