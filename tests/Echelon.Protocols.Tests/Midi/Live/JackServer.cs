using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Echelon.Protocols.Tests.Midi.Live;

/// <summary>
/// A private JACK server on the dummy driver (PEERS.md), never autostarted, stopped by its process id.
/// The name goes into the native environment (setenv), because libjack inside RtMidi reads
/// JACK_DEFAULT_SERVER with getenv, which .NET's Environment does not change on Unix.
/// </summary>
/// <remarks>
/// JACK keeps at most 8 servers in a registry shared by every user of the machine (/dev/shm/jack-shm-registry)
/// and reclaims a dead server's entry only when a server of the same name starts again. So the name is
/// fixed (a crashed run's entry is reused, never leaked) and the server is stopped with SIGTERM, which
/// lets it unregister; SIGKILL (Process.Kill) would leave its entry behind for good.
/// </remarks>
public sealed partial class JackServer : IDisposable
{
    private readonly object _gate = new();
    private Process? _server;
    private FileStream? _lease;

    public string Name { get; } = "echelon-midi-tests";

    /// <summary>Starts the server once; later calls return at once.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_server is not null)
            {
                return;
            }

            // One JACK server at a time across the test processes (Echelon.Testing's lease).
            _lease = JackLease.Acquire();
            SetBoth("JACK_NO_START_SERVER", "1");
            SetBoth("JACK_DEFAULT_SERVER", Name);
            var info = new ProcessStartInfo(PeerTool.Get("jackd").Path!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string a in new[] { "-n", Name, "-d", "dummy", "-r", "48000", "-p", "128" })
            {
                info.ArgumentList.Add(a);
            }

            _server = Process.Start(info) ?? throw new InvalidOperationException("jackd did not start.");
            var said = new System.Text.StringBuilder();
            _server.OutputDataReceived += (_, e) => { lock (said) { said.AppendLine(e.Data); } };
            _server.ErrorDataReceived += (_, e) => { lock (said) { said.AppendLine(e.Data); } };
            _server.BeginOutputReadLine();
            _server.BeginErrorReadLine();
            try
            {
                PeerTool.Get("jack_wait").Run(["-w", "-t", "10"], TimeSpan.FromSeconds(20));
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                string output;
                lock (said)
                {
                    output = said.ToString();
                }

                throw new InvalidOperationException(
                    $"the JACK server '{Name}' did not come up. jackd said: {output.Trim()}" +
                    (output.Contains("Too many servers", StringComparison.Ordinal)
                        ? " — JACK's machine-wide registry (/dev/shm/jack-shm-registry, 8 entries) is full of servers that were killed with SIGKILL; a dead entry is reclaimed only when a server of the same name starts again."
                        : ""),
                    e);
            }
        }
    }

    /// <summary>Starts a JACK tool in the background on this server (killed by the caller).</summary>
    public static Process StartTool(string tool, params string[] arguments)
    {
        // jack_connect and jack_lsp come with jackd2 but are not in the harness list: found next to jackd.
        string path = (PeerTool.KnownTools.ContainsKey(tool) ? PeerTool.Get(tool).Path : null)
            ?? Path.Combine(Path.GetDirectoryName(PeerTool.Get("jackd").Path!)!, tool);
        var info = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start.");
    }

    /// <summary>Runs a JACK tool that sits next to jackd (jack_connect, jack_lsp) and returns its output.</summary>
    public static string RunSibling(string tool, params string[] arguments)
    {
        using var process = StartTool(tool, arguments);
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        if (!process.WaitForExit(10_000))
        {
            process.Kill();
            throw new TimeoutException($"{tool} did not finish.");
        }

        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {output}");
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_server is { HasExited: false })
            {
                if (OperatingSystem.IsWindows() || SendSignal(_server.Id, SigTerm) != 0 || !_server.WaitForExit(5000))
                {
                    _server.Kill();
                    _server.WaitForExit(5000);
                }
            }

            _server?.Dispose();
            _server = null;
            _lease?.Dispose();
            _lease = null;
        }
    }

    private static void SetBoth(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (!OperatingSystem.IsWindows() && SetNative(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed.");
        }
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSignal(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetNative(string name, string value, int overwrite);
}
