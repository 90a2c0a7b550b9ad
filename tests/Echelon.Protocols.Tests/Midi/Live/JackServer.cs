using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Echelon.Protocols.Tests.Midi.Live;

/// <summary>
/// The JACK server the RtMidi tests share: <see cref="Echelon.Testing.Peers.JackServer"/> (the dummy driver, a fixed
/// name, one server at a time across test processes, stopped with SIGTERM so JACK's registry never leaks), with
/// its name also put into this process's native environment (setenv), because libjack inside RtMidi reads
/// JACK_DEFAULT_SERVER with getenv, which .NET's Environment does not change on Unix.
/// </summary>
public sealed partial class JackServer : IDisposable
{
    private readonly object _gate = new();
    private Echelon.Testing.Peers.JackServer? _server;

    /// <summary>Starts the server once; later calls return at once.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_server is not null)
            {
                return;
            }

            _server = Echelon.Testing.Peers.JackServer.Start();
            foreach ((string name, string value) in _server.Environment)
            {
                SetBoth(name, value);
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
            _server?.Dispose();
            _server = null;
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

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetNative(string name, string value, int overwrite);
}
