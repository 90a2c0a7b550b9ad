using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Echelon.Audio.Tests.Devices.Infrastructure;

/// <summary>
/// The JACK server the PortAudio tests play into: <see cref="JackServer"/> (dummy driver at 48 kHz in 128-frame
/// periods, one server at a time across test processes), its name also put into this process's native environment,
/// because PortAudio's JACK host API connects (through libjack's getenv) at <c>Pa_Initialize</c>, and .NET's
/// Environment does not change the native environment on Unix. PortAudio must therefore initialise after
/// <see cref="Start"/>: the tests hold no PortAudio output across tests, so each initialises afresh.
/// </summary>
public sealed partial class JackForPortAudio : IDisposable
{
    private readonly Lock _gate = new();
    private JackServer? _server;

    /// <summary>The running server, started if need be (again after <see cref="Kill"/>).</summary>
    public JackServer Start()
    {
        lock (_gate)
        {
            if (_server is not null)
            {
                return _server;
            }

            _server = JackServer.Start();
            foreach ((string name, string value) in _server.Environment)
            {
                Environment.SetEnvironmentVariable(name, value);
                if (!OperatingSystem.IsWindows() && SetNative(name, value, 1) != 0)
                {
                    throw new InvalidOperationException($"setenv({name}) failed.");
                }
            }

            return _server;
        }
    }

    /// <summary>Stops the server as a crash of the audio server would look to its clients (SIGTERM: jackd tells them it is going).</summary>
    public void Kill()
    {
        lock (_gate)
        {
            _server?.Dispose();
            _server = null;
        }
    }

    /// <summary>Freezes (SIGSTOP) or thaws (SIGCONT) the running server: its clients stop being called back, as under a hung driver.</summary>
    public void Signal(bool freeze)
    {
        lock (_gate)
        {
            int pid = (_server ?? throw new InvalidOperationException("no JACK server is running")).ProcessId;
            using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { freeze ? "-STOP" : "-CONT", pid.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })
                ?? throw new InvalidOperationException("could not run kill");
            kill.WaitForExit(5_000);
            if (kill.ExitCode != 0)
            {
                throw new InvalidOperationException($"kill {(freeze ? "-STOP" : "-CONT")} {pid} exited with {kill.ExitCode}");
            }
        }
    }

    public void Dispose() => Kill();

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetNative(string name, string value, int overwrite);
}
