using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Echelon.Cli.Osc;
using Echelon.Protocols.Osc;
using Echelon.Protocols.Osc.Transport;
using static Echelon.Cli.Commands.CommandErrors;

namespace Echelon.Cli.Commands;

/// <summary><c>echelon osc …</c>: send and dump OSC packets, interoperating with liblo's oscsend and oscdump.</summary>
internal static class OscCommand
{
    /// <summary>Builds the <c>osc</c> command with its subcommands.</summary>
    public static Command Create() => new("osc", "Send and dump Open Sound Control messages (OSC 1.0 with the 1.1 types), like liblo's oscsend and oscdump.")
    {
        CreateSend(),
        CreateDump(),
        OscSensorsCommand.Create(),
    };

    private static Command CreateSend()
    {
        var target = new Argument<string>("TARGET") { Description = "HOST:PORT to send to, e.g. localhost:9000 or [::1]:57120." };
        var address = new Argument<string>("ADDRESS") { Description = "The OSC address (pattern), starting with '/'." };
        var rest = new Argument<string[]>("TYPETAGS VALUES") { Description = "Type tags (e.g. ifs), then one value per tag: " + OscArgumentParser.ValueForms + ".", Arity = ArgumentArity.ZeroOrMore };
        var tcp = new Option<bool>("--tcp") { Description = "Send over TCP with OSC 1.0 length-prefix framing instead of UDP." };
        var bundleAt = new Option<double?>("--bundle-at") { Description = "Wrap the message in a bundle due SECONDS from now (0–86400)." };
        var command = new Command("send", "Send one OSC message (optionally in a timed bundle). Values are typed as oscsend types them.")
        {
            target, address, rest, tcp, bundleAt,
        };
        command.SetAction(parse =>
        {
            if (!OscEndPoints.TrySplit(parse.GetValue(target), out string? host, out int port, out string? problem))
            {
                return Fail($"TARGET: {problem}");
            }

            string path = parse.GetValue(address) ?? "";
            if (!path.StartsWith('/') || path.Contains('\0', StringComparison.Ordinal))
            {
                return Fail($"ADDRESS: '{path}' is not an OSC address; it starts with '/' (e.g. /synth/freq).");
            }

            string[] tokens = parse.GetValue(rest) ?? [];
            string tags = tokens.Length > 0 ? tokens[0] : "";
            if (!OscArgumentParser.TryParse(tags, tokens.Skip(1).ToArray(), TimeProvider.System, out List<OscValue>? arguments, out problem))
            {
                return Fail(problem);
            }

            double? at = parse.GetValue(bundleAt);
            if (at is { } s && !(s is >= 0 and <= 86400))
            {
                return Fail($"bundle-at: {s.ToString(CultureInfo.InvariantCulture)} is out of range; allowed 0–86400 seconds from now.");
            }

            OscPacket packet = new OscMessage(path, arguments);
            if (at is { } seconds)
            {
                packet = new OscBundle(OscTimeTag.Now().AddSeconds(seconds), packet);
            }

            IPEndPoint endPoint;
            try
            {
                endPoint = OscEndPoints.Resolve(host, port);
            }
            catch (SocketException e)
            {
                return Fail($"TARGET: host '{host}' does not resolve ({e.Message}).");
            }

            try
            {
                if (parse.GetValue(tcp))
                {
                    using var sender = new OscTcpSender(endPoint);
                    sender.Send(packet);
                }
                else
                {
                    using var sender = new OscUdpSender(endPoint);
                    sender.Send(packet);
                }
            }
            catch (Exception e) when (e is SocketException or ArgumentException)
            {
                Console.Error.WriteLine($"error: could not send to {endPoint}: {e.Message}");
                return 1;
            }

            return 0;
        });
        return command;
    }

    private static Command CreateDump()
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (0–65535; 0 lets the system choose, and the port is printed on stderr).", Required = true };
        var count = new Option<int?>("--count") { Description = "Exit after printing this many messages (1 or more)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per message: time, address, types, args." };
        var tcp = new Option<bool>("--tcp") { Description = "Listen for TCP connections (OSC 1.0 length-prefix framing) instead of UDP datagrams." };
        var strict = new Option<bool>("--strict") { Description = "Reject what OSC 1.0 forbids (what liblo rejects) instead of reading sloppy senders leniently." };
        var timeout = new Option<double?>("--timeout") { Description = "Stop after this many seconds (0.1–86400); with --count, exit 1 when fewer messages came." };
        var command = new Command(
            "dump",
            "Print every OSC message received, one per line: as oscdump does (TIMETAG ADDRESS TYPES VALUES; a bundle's messages carry its time tag and print when they arrive), or as JSON lines. Bad packets are reported on stderr and skipped.")
        {
            port, count, json, tcp, strict, timeout,
        };
        command.SetAction((parse, cancellation) =>
        {
            int p = parse.GetValue(port);
            if (p is < 0 or > IPEndPoint.MaxPort)
            {
                return Task.FromResult(Fail($"port: {p} is out of range; allowed 0–65535."));
            }

            int? wanted = parse.GetValue(count);
            if (wanted is < 1)
            {
                return Task.FromResult(Fail($"count: {wanted} is out of range; allowed 1 or more."));
            }

            double? limit = parse.GetValue(timeout);
            if (limit is { } l && !(l is >= 0.1 and <= 86400))
            {
                return Task.FromResult(Fail($"timeout: {l.ToString(CultureInfo.InvariantCulture)} is out of range; allowed 0.1–86400 seconds."));
            }

            var options = new OscReceiverOptions { Capacity = 1024, MaxPacketSize = 65536 };
            OscReceiver receiver;
            try
            {
                receiver = parse.GetValue(tcp) ? new OscTcpReceiver(p, options) : new OscUdpReceiver(p, options);
            }
            catch (SocketException e)
            {
                return Task.FromResult(Fail($"port: cannot listen on {p} ({e.Message}); choose a free port, or 0."));
            }

            using (receiver)
            {
                Console.Error.WriteLine($"listening on {(parse.GetValue(tcp) ? "tcp" : "udp")} port {receiver.LocalEndPoint.Port}");
                return Task.FromResult(Dump(receiver, parse.GetValue(strict) ? OscDecodeOptions.Strict : OscDecodeOptions.Lenient, parse.GetValue(json), wanted, limit, cancellation));
            }
        });
        return command;
    }

    private static int Dump(OscReceiver receiver, OscDecodeOptions options, bool json, int? wanted, double? limit, CancellationToken cancellation)
    {
        DateTime deadline = limit is { } l ? DateTime.UtcNow.AddSeconds(l) : DateTime.MaxValue;
        byte[] buffer = new byte[receiver.Options.MaxPacketSize];
        int printed = 0;
        try
        {
            while (wanted is null || printed < wanted)
            {
                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    break;
                }

                if (!receiver.WaitToRead(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), cancellation) || !receiver.TryRead(buffer, out int length))
                {
                    continue;
                }

                if (!OscPacket.TryDecode(buffer.AsSpan(0, length), options, out OscPacket? packet, out OscDecodeError error))
                {
                    Console.Error.WriteLine($"error: bad packet of {length} bytes: {error}");
                    continue;
                }

                foreach (OscTimedMessage m in packet.EnumerateMessages())
                {
                    bool inBundle = packet is OscBundle;
                    Console.Out.WriteLine(json
                        ? OscJson.Line(m.Message, inBundle ? m.TimeTag : null)
                        : (m.TimeTag.IsImmediate ? OscTimeTag.Now() : m.TimeTag) + " " + m.Message);
                    printed++;
                    if (printed == wanted)
                    {
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            return 0;
        }

        if (wanted is { } n && printed < n)
        {
            Console.Error.WriteLine($"error: timed out after {limit?.ToString(CultureInfo.InvariantCulture)} s with {printed} of {n} messages.");
            return 1;
        }

        return 0;
    }
}
