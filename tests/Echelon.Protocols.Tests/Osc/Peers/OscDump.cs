using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Echelon.Protocols.Osc;
using Echelon.Protocols.Osc.Transport;

namespace Echelon.Protocols.Tests.Osc.Peers;

/// <summary>
/// liblo's <c>oscdump -L</c> running on a free port, ready before the test sends (a probe message is
/// sent until oscdump prints it). Lines come back as "time tag" and "the rest" (address, type tags, values).
/// </summary>
internal sealed class OscDump : IDisposable
{
    private const string Probe = "/echelon/probe";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(20);

    private OscDump(PeerProcess process, int port)
    {
        Process = process;
        Port = port;
    }

    public PeerProcess Process { get; }

    public int Port { get; }

    public static OscDump StartUdp()
    {
        for (int attempt = 0; ; attempt++)
        {
            int port = FreePort.Udp();
            PeerProcess process = PeerProcess.Start(PeerTool.Get("oscdump"), "-L", port.ToString(CultureInfo.InvariantCulture));
            using var probe = new OscUdpSender(new IPEndPoint(IPAddress.Loopback, port));
            byte[] bytes = new OscMessage(Probe).ToArray();
            for (int i = 0; i < 200 && process.IsRunning; i++)
            {
                probe.Send(bytes);
                if (process.WaitForLine(l => l.Contains(Probe, StringComparison.Ordinal), TimeSpan.FromMilliseconds(50)) is not null)
                {
                    return new OscDump(process, port);
                }
            }

            string why = string.Join(" | ", process.StandardError);
            process.Dispose();
            if (attempt == 4)
            {
                throw new InvalidOperationException($"oscdump did not start on a free UDP port: {why}");
            }
        }
    }

    public static OscDump StartTcp()
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
                    return new OscDump(process, port);
                }
                catch (SocketException)
                {
                    Thread.Sleep(50);
                }
            }

            string why = string.Join(" | ", process.StandardError);
            process.Dispose();
            if (attempt == 4)
            {
                throw new InvalidOperationException($"oscdump did not start on a free TCP port: {why}");
            }
        }
    }

    /// <summary>The line whose address is <paramref name="address"/>, split into its time tag and the rest.</summary>
    public (string Time, string Text) Line(string address)
    {
        string? line = Process.WaitForLine(l => l.Split(' ') is [_, var a, ..] && a == address, s_wait)
            ?? throw new InvalidOperationException($"oscdump printed no line for {address}; stdout: {string.Join(" | ", Process.StandardOutput)}; stderr: {string.Join(" | ", Process.StandardError)}");
        int space = line.IndexOf(' ', StringComparison.Ordinal);
        return (line[..space], line[(space + 1)..]);
    }

    /// <summary>The stderr line that mentions <paramref name="text"/>.</summary>
    public string? ErrorLine(string text) => Process.WaitForLine(l => l.Contains(text, StringComparison.Ordinal), s_wait, stderr: true);

    public void Dispose() => Process.Dispose();
}
