using System.Globalization;

namespace Echelon.Cli.Tests.Infrastructure;

/// <summary>
/// The real <c>echelon</c> executable left running (<c>echelon osc dump --port 0 …</c>): started, its
/// chosen port read from the "listening on … port N" line it prints on stderr, killed on dispose.
/// </summary>
internal sealed class EchelonServer : IDisposable
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(120);

    private EchelonServer(PeerProcess process, int port)
    {
        Process = process;
        Port = port;
    }

    public PeerProcess Process { get; }

    public int Port { get; }

    public static EchelonServer Start(params string[] arguments)
    {
        PeerProcess process = PeerProcess.StartProgram("dotnet", "echelon", [Path.Combine(AppContext.BaseDirectory, "echelon.dll"), .. arguments]);
        string? line = process.WaitForLine(l => l.StartsWith("listening on ", StringComparison.Ordinal), s_wait, stderr: true);
        if (line is null)
        {
            string why = string.Join(" | ", process.StandardError);
            process.Dispose();
            throw new InvalidOperationException($"echelon {string.Join(' ', arguments)} did not start listening: {why}");
        }

        return new EchelonServer(process, int.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>Waits for the program to end by itself and returns its exit code.</summary>
    public int WaitForExit() => Process.WaitForExit(s_wait) ?? throw new InvalidOperationException($"{Process.CommandLine} did not exit within {s_wait.TotalSeconds} s.");

    public void Dispose() => Process.Dispose();
}
