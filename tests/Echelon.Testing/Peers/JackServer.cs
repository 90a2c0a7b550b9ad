using System.Diagnostics;
using System.Globalization;

namespace Echelon.Testing.Peers;

/// <summary>
/// A private JACK server on the dummy driver (48 kHz, 128-frame periods, wall-clock speed, no sound
/// card), as ../shared/PEERS.md runs it: a unique name so parallel tests never meet, never autostarted.
/// Start clients with <see cref="Environment"/> so they find it; dispose to kill it.
/// </summary>
public sealed class JackServer : IDisposable
{
    /// <summary>
    /// The one name these servers use. JACK keeps at most 8 servers in a machine-wide registry and reclaims a
    /// dead server's entry only when a server of the same name starts again, so a fixed name never leaks one.
    /// </summary>
    public const string FixedName = "echelon-tests";

    private static readonly Lock s_starting = new();
    private readonly PeerProcess _jackd;

    private FileStream? _lease;

    private JackServer(string name, PeerProcess jackd)
    {
        Name = name;
        _jackd = jackd;
        Environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["JACK_NO_START_SERVER"] = "1",
            ["JACK_DEFAULT_SERVER"] = name,
        };
    }

    /// <summary>The server's name.</summary>
    public string Name { get; }

    /// <summary>jackd's process id.</summary>
    public int ProcessId => _jackd.ProcessId;

    /// <summary>What a client's environment needs to find this server and never start another.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Starts the server and waits until clients can connect.</summary>
    /// <remarks>
    /// Test assemblies run in parallel and JACK servers on one machine share a small registry, so one server at
    /// a time runs for the tests: each holds <see cref="JackLease"/> from start to dispose, is named
    /// <see cref="FixedName"/>, and is stopped with SIGTERM; a failed start is retried up to five times.
    /// </remarks>
    /// <exception cref="InvalidOperationException">jackd is missing, or the server never came up; the message carries its output.</exception>
    public static JackServer Start(int sampleRate = 48_000, int period = 128)
    {
        lock (s_starting)
        {
            FileStream lease = JackLease.Acquire();
            string output = string.Empty;
            for (int attempt = 1; attempt <= 5; attempt++)
            {
                string name = FixedName;
                var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["JACK_NO_START_SERVER"] = "1", ["JACK_DEFAULT_SERVER"] = name };
                PeerProcess jackd = PeerProcess.Start(
                    PeerTool.Get("jackd"), env, "-n", name, "-d", "dummy", "-r", sampleRate.ToString(CultureInfo.InvariantCulture), "-p", period.ToString(CultureInfo.InvariantCulture));
                var server = new JackServer(name, jackd);
                if (WaitUntilRunning(jackd, env))
                {
                    server._lease = lease;
                    return server;
                }

                output = string.Join('\n', jackd.StandardOutput.Concat(jackd.StandardError));
                server.Dispose();
                Thread.Sleep(Random.Shared.Next(200, 800));
            }

            lease.Dispose();
            throw new InvalidOperationException($"jackd -d dummy did not come up in five attempts: {output}");
        }
    }

    /// <summary>Stops the server with SIGTERM (so it leaves JACK's registry) and lets the next one start.</summary>
    public void Dispose()
    {
        _jackd.Terminate(TimeSpan.FromSeconds(5));
        _jackd.Dispose();
        _lease?.Dispose();
        _lease = null;
    }

    private static bool WaitUntilRunning(PeerProcess jackd, Dictionary<string, string> env)
    {
        PeerTool wait = PeerTool.Get("jack_wait");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(5) && jackd.IsRunning)
        {
            using PeerProcess probe = PeerProcess.Start(wait, env, "-c");
            if (probe.WaitForLine(l => l.Contains("running", StringComparison.Ordinal), TimeSpan.FromSeconds(2)) is { } line && !line.Contains("not", StringComparison.Ordinal))
            {
                return true;
            }

            Thread.Sleep(100);
        }

        return false;
    }
}
