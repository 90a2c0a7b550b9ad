using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Echelon.Testing.Peers;

/// <summary>
/// liblo's <c>oscdump -L</c> (../shared/PEERS.md) running on a free port, ready before the test sends:
/// over UDP a probe message is sent until oscdump prints it; over TCP the port is polled until it
/// accepts. Its lines come back split into the time tag and the rest (address, type tags, values).
/// </summary>
public sealed class OscDumpPeer : IDisposable
{
    private const string Probe = "/echelon/probe";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(20);

    // "/echelon/probe" padded to 16 bytes, then the type tag string "," padded to 4: a message with no arguments.
    private static readonly byte[] s_probe = [.. "/echelon/probe\0\0"u8, .. ",\0\0\0"u8];

    private OscDumpPeer(PeerProcess process, int port)
    {
        Process = process;
        Port = port;
    }

    /// <summary>The running oscdump.</summary>
    public PeerProcess Process { get; }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>Starts <c>oscdump -L PORT</c> on a free UDP port.</summary>
    public static OscDumpPeer StartUdp()
    {
        for (int attempt = 0; ; attempt++)
        {
            int port = FreePort.Udp();
            PeerProcess process = PeerProcess.Start(PeerTool.Get("oscdump"), "-L", port.ToString(CultureInfo.InvariantCulture));
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            var target = new IPEndPoint(IPAddress.Loopback, port);
            for (int i = 0; i < 200 && process.IsRunning; i++)
            {
                probe.SendTo(s_probe, target);
                if (process.WaitForLine(l => l.Contains(Probe, StringComparison.Ordinal), TimeSpan.FromMilliseconds(50)) is not null)
                {
                    return new OscDumpPeer(process, port);
                }
            }

            Retry(process, attempt, "UDP");
        }
    }

    /// <summary>Starts <c>oscdump -L osc.tcp://:PORT</c> on a free TCP port.</summary>
    public static OscDumpPeer StartTcp()
    {
        for (int attempt = 0; ; attempt++)
        {
            int port = FreePort.Tcp();
            PeerProcess process = PeerProcess.Start(PeerTool.Get("oscdump"), "-L", "osc.tcp://:" + port.ToString(CultureInfo.InvariantCulture));
            for (int i = 0; i < 200 && process.IsRunning; i++)
            {
                try
                {
                    using var client = new TcpClient();
                    client.Connect(IPAddress.Loopback, port);
                    return new OscDumpPeer(process, port);
                }
                catch (SocketException)
                {
                    Thread.Sleep(50);
                }
            }

            Retry(process, attempt, "TCP");
        }
    }

    /// <summary>The line whose address is <paramref name="address"/>, split into its time tag and the rest.</summary>
    /// <exception cref="InvalidOperationException">No such line came within 20 s.</exception>
    public (string Time, string Text) Line(string address)
    {
        string? line = Process.WaitForLine(l => l.Split(' ') is [_, var a, ..] && a == address, s_wait)
            ?? throw new InvalidOperationException($"oscdump printed no line for {address}; stdout: {string.Join(" | ", Process.StandardOutput)}; stderr: {string.Join(" | ", Process.StandardError)}");
        int space = line.IndexOf(' ', StringComparison.Ordinal);
        return (line[..space], line[(space + 1)..]);
    }

    /// <summary>The stderr line that mentions <paramref name="text"/>, or null after 20 s.</summary>
    public string? ErrorLine(string text) => Process.WaitForLine(l => l.Contains(text, StringComparison.Ordinal), s_wait, stderr: true);

    /// <summary>Stops oscdump.</summary>
    public void Dispose() => Process.Dispose();

    private static void Retry(PeerProcess process, int attempt, string transport)
    {
        string why = string.Join(" | ", process.StandardError);
        process.Dispose();
        if (attempt == 4)
        {
            throw new InvalidOperationException($"oscdump did not start on a free {transport} port: {why}");
        }
    }
}
