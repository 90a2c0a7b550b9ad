using System.Collections.Concurrent;
using System.Diagnostics;

namespace Echelon.Testing.Peers;

/// <summary>
/// A real program left running while a test talks to it (a server such as liblo's <c>oscdump</c>):
/// started with redirected output, its stdout and stderr collected line by line, killed (with its
/// children) on dispose. The test waits for the lines it expects with <see cref="WaitForLine"/>.
/// </summary>
public sealed class PeerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly SemaphoreSlim _lines = new(0);

    private PeerProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The command line, for failure messages.</summary>
    public string CommandLine { get; private init; } = "";

    /// <summary>The operating system's id for the process (to signal it: SIGSTOP a server to freeze it, say).</summary>
    public int ProcessId => _process.Id;

    /// <summary>True while the program runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Every stdout line so far.</summary>
    public IReadOnlyList<string> StandardOutput => [.. _stdout];

    /// <summary>Every stderr line so far.</summary>
    public IReadOnlyList<string> StandardError => [.. _stderr];

    /// <summary>Starts <paramref name="tool"/> with <paramref name="arguments"/> (no shell).</summary>
    /// <exception cref="InvalidOperationException">The tool is missing.</exception>
    public static PeerProcess Start(PeerTool tool, params string[] arguments) => Start(tool, null, arguments);

    /// <summary>Starts <paramref name="tool"/> with extra environment variables (a JACK server's name, …).</summary>
    /// <exception cref="InvalidOperationException">The tool is missing.</exception>
    public static PeerProcess Start(PeerTool tool, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(tool);
        if (tool.Path is null)
        {
            throw new InvalidOperationException(tool.MissingMessage);
        }

        return StartProgram(tool.Path, tool.Name, arguments, environment);
    }

    /// <summary>Starts any program (our own executable, say) the same way: <paramref name="name"/> is for messages.</summary>
    public static PeerProcess StartProgram(string fileName, string name, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        string[] args = [.. arguments];
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach ((string variable, string value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[variable] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var peer = new PeerProcess(process) { CommandLine = name + " " + string.Join(' ', args) };
        process.OutputDataReceived += (_, e) => peer.Add(peer._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => peer.Add(peer._stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>
    /// Waits until a stdout (or, with <paramref name="stderr"/>, stderr) line satisfies
    /// <paramref name="match"/> and returns it; null when <paramref name="timeout"/> passes or the program exits first.
    /// </summary>
    public string? WaitForLine(Func<string, bool> match, TimeSpan timeout, bool stderr = false)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            string? found = (stderr ? _stderr : _stdout).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            TimeSpan left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero || (_process.HasExited && !_lines.Wait(50)))
            {
                return null;
            }

            _lines.Wait(left < TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>
    /// Waits for the program to exit by itself and for its output to be read; returns the exit code,
    /// or null when <paramref name="timeout"/> passes first.
    /// </summary>
    public int? WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return null;
        }

        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>
    /// Asks the program to stop with SIGTERM (a JACK server or client then leaves JACK's registry cleanly)
    /// and waits up to <paramref name="timeout"/>; true when it exited. On Windows it is killed instead.
    /// </summary>
    public bool Terminate(TimeSpan timeout)
    {
        try
        {
            if (_process.HasExited)
            {
                return true;
            }

            if (OperatingSystem.IsWindows())
            {
                _process.Kill(entireProcessTree: true);
            }
            else
            {
                using Process? kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false });
                kill?.WaitForExit(5_000);
            }

            return _process.WaitForExit(timeout);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return _process.HasExited;
        }
    }

    /// <summary>Stops the program: SIGTERM first (two seconds to exit), then a kill of it and its children.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited && !Terminate(TimeSpan.FromSeconds(2)))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _process.Dispose();
        _lines.Dispose();
    }

    private void Add(ConcurrentQueue<string> queue, string? line)
    {
        if (line is null)
        {
            return;
        }

        queue.Enqueue(line);
        try
        {
            _lines.Release();
        }
        catch (ObjectDisposedException)
        {
            // Output that arrives while the test is disposing the process.
        }
    }
}
