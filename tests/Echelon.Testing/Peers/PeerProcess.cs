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

    /// <summary>True while the program runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Every stdout line so far.</summary>
    public IReadOnlyList<string> StandardOutput => [.. _stdout];

    /// <summary>Every stderr line so far.</summary>
    public IReadOnlyList<string> StandardError => [.. _stderr];

    /// <summary>Starts <paramref name="tool"/> with <paramref name="arguments"/> (no shell).</summary>
    /// <exception cref="InvalidOperationException">The tool is missing.</exception>
    public static PeerProcess Start(PeerTool tool, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(tool);
        if (tool.Path is null)
        {
            throw new InvalidOperationException(tool.MissingMessage);
        }

        return StartProgram(tool.Path, tool.Name, arguments);
    }

    /// <summary>Starts any program (our own executable, say) the same way: <paramref name="name"/> is for messages.</summary>
    public static PeerProcess StartProgram(string fileName, string name, IEnumerable<string> arguments)
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

    /// <summary>Kills the program and its children.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
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
