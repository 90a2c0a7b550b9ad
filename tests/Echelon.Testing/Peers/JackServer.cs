using System.Diagnostics;

namespace Echelon.Testing.Peers;

/// <summary>
/// A private JACK server on the dummy driver (48 kHz, 128-frame periods, wall-clock speed, no sound
/// card), as ../shared/PEERS.md runs it: a unique name so parallel tests never meet, never autostarted.
/// Start clients with <see cref="Environment"/> so they find it; dispose to kill it.
/// </summary>
public sealed class JackServer : IDisposable
{
    private readonly PeerProcess _jackd;

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

    /// <summary>What a client's environment needs to find this server and never start another.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Starts the server and waits (up to 10 s) until clients can connect.</summary>
    /// <exception cref="InvalidOperationException">jackd is missing, or the server did not come up; the message carries its output.</exception>
    public static JackServer Start(int sampleRate = 48_000, int period = 128)
    {
        string name = $"echelon-test-{System.Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["JACK_NO_START_SERVER"] = "1", ["JACK_DEFAULT_SERVER"] = name };
        PeerProcess jackd = PeerProcess.Start(PeerTool.Get("jackd"), env, "-n", name, "-d", "dummy", "-r", sampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-p", period.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var server = new JackServer(name, jackd);
        PeerTool wait = PeerTool.Get("jack_wait");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            using PeerProcess probe = PeerProcess.Start(wait, env, "-c");
            if (probe.WaitForLine(l => l.Contains("running", StringComparison.Ordinal), TimeSpan.FromSeconds(2)) is { } line && !line.Contains("not", StringComparison.Ordinal))
            {
                return server;
            }

            if (!jackd.IsRunning)
            {
                break;
            }

            Thread.Sleep(100);
        }

        string output = string.Join('\n', jackd.StandardOutput.Concat(jackd.StandardError));
        server.Dispose();
        throw new InvalidOperationException($"jackd -n {name} -d dummy did not come up: {output}");
    }

    /// <summary>Kills the server.</summary>
    public void Dispose() => _jackd.Dispose();
}
