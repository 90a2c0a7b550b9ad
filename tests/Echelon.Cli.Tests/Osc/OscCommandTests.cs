using System.Globalization;
using System.Net;
using System.Text.Json;
using Echelon.Cli.Tests.Infrastructure;
using Echelon.Protocols.Osc;
using Echelon.Protocols.Osc.Transport;

namespace Echelon.Cli.Tests.Osc;

/// <summary><c>echelon osc send</c> and <c>echelon osc dump</c>, run as a user runs them.</summary>
public sealed class OscCommandTests
{
    [Theory]
    [InlineData(new[] { "localhost", "/a" }, "TARGET: 'localhost' is not HOST:PORT")]
    [InlineData(new[] { "localhost:70000", "/a" }, "TARGET: port '70000' is not a port; allowed 1–65535")]
    [InlineData(new[] { "localhost:9", "a" }, "ADDRESS: 'a' is not an OSC address; it starts with '/'")]
    [InlineData(new[] { "localhost:9", "/a", "q" }, "TYPETAGS: 'q' (position 1 of 'q') is not a type tag; allowed: i f s b h d t T F N I c m r S [ ]")]
    [InlineData(new[] { "localhost:9", "/a", "if", "1" }, "VALUES: type tags 'if' take 2 value(s); got 1.")]
    [InlineData(new[] { "localhost:9", "/a", "i", "1.5" }, "VALUES: value 1 ('1.5') for type tag 'i' is not int32")]
    [InlineData(new[] { "localhost:9", "/a", "--bundle-at", "-1" }, "bundle-at: -1 is out of range; allowed 0–86400")]
    [InlineData(new[] { "no-such-host.invalid:9", "/a" }, "TARGET: host 'no-such-host.invalid' does not resolve")]
    public void Send_BadInput_Exits2NamingTheArgument(string[] arguments, string words)
    {
        (int code, string stdout, string stderr) = EchelonProcess.Run(["osc", "send", .. arguments]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(words, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--port", "70000" }, "port: 70000 is out of range; allowed 0–65535")]
    [InlineData(new[] { "--port", "0", "--count", "0" }, "count: 0 is out of range; allowed 1 or more")]
    [InlineData(new[] { "--port", "0", "--timeout", "0" }, "timeout: 0 is out of range; allowed 0.1–86400")]
    public void Dump_BadInput_Exits2NamingTheOption(string[] arguments, string words)
    {
        (int code, _, string stderr) = EchelonProcess.Run(["osc", "dump", .. arguments]);
        Assert.Equal(2, code);
        Assert.Contains(words, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Send_EveryType_ArrivesAsTyped()
    {
        using var receiver = new OscUdpReceiver(new IPEndPoint(IPAddress.Loopback, 0));
        string target = "127.0.0.1:" + receiver.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture);
        (int code, _, string stderr) = EchelonProcess.Run("osc", "send", target, "/cli/all", "ihfdsScmTFNIb[it]r", "-7", "-5000000000", "2.5", "3.25", "hi there", "sym", "A", "00904060", "01ff", "3", "deadbeef.80000000", "11223344");
        Assert.True(code == 0, stderr);
        OscMessage m = Receive(receiver);
        var expected = new OscMessage(
            "/cli/all", -7, -5_000_000_000L, 2.5f, 3.25, "hi there", OscValue.Symbol("sym"), 'A', new OscMidi(0, 0x90, 0x40, 0x60), true, false, OscValue.Nil, OscValue.Infinitum,
            new byte[] { 1, 0xff }, OscValue.Array(3, new OscTimeTag(0xdeadbeef, 0x80000000)), new OscRgba(0x11, 0x22, 0x33, 0x44));
        Assert.Equal(expected, m);
    }

    [Fact]
    public void Send_BundleAt_WrapsTheMessageInABundleDueThatFarAhead()
    {
        using var receiver = new OscUdpReceiver(new IPEndPoint(IPAddress.Loopback, 0));
        OscTimeTag before = OscTimeTag.Now();
        (int code, _, string stderr) = EchelonProcess.Run("osc", "send", "--bundle-at", "30", "127.0.0.1:" + receiver.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture), "/later", "s", "x");
        Assert.True(code == 0, stderr);
        OscTimeTag after = OscTimeTag.Now();
        Assert.True(receiver.WaitToRead(TimeSpan.FromSeconds(60)));
        byte[] buffer = new byte[256];
        Assert.True(receiver.TryRead(buffer, out int length));
        OscBundle bundle = OscBundle.Decode(buffer.AsSpan(0, length), OscDecodeOptions.Strict);
        Assert.Equal(new OscMessage("/later", "x"), Assert.Single(bundle.Elements));
        Assert.InRange(bundle.TimeTag.Value, before.AddSeconds(30).Value, after.AddSeconds(30).Value);
    }

    [Fact]
    public void Send_Tcp_UsesLengthPrefixFraming()
    {
        using var receiver = new OscTcpReceiver(new IPEndPoint(IPAddress.Loopback, 0));
        (int code, _, string stderr) = EchelonProcess.Run("osc", "send", "--tcp", "127.0.0.1:" + receiver.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture), "/tcp", "i", "5");
        Assert.True(code == 0, stderr);
        Assert.Equal(new OscMessage("/tcp", 5), Receive(receiver));
    }

    [Fact]
    public void Send_TcpToNobody_Exits1()
    {
        (int code, _, string stderr) = EchelonProcess.Run("osc", "send", "--tcp", "127.0.0.1:" + FreePort.Tcp().ToString(CultureInfo.InvariantCulture), "/tcp");
        Assert.Equal(1, code);
        Assert.Contains("could not send to 127.0.0.1:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Dump_Json_PrintsOneLinePerMessage_AndReportsBadPackets()
    {
        using EchelonServer dump = EchelonServer.Start("osc", "dump", "--port", "0", "--count", "3", "--json", "--timeout", "120");
        using var sender = new OscUdpSender(new IPEndPoint(IPAddress.Loopback, dump.Port));
        var time = new OscTimeTag(0xe0000000, 0x80000000);
        sender.Send(new OscMessage("/one", 1, "a"));
        sender.Send("not osc"u8);
        sender.Send(new OscBundle(time, new OscMessage("/two", 2.5f), new OscBundle(time, new OscMessage("/three", new byte[] { 9 }))));
        Assert.Equal(0, dump.WaitForExit());
        string[] lines = [.. dump.Process.StandardOutput];
        Assert.Equal(3, lines.Length);
        using (JsonDocument one = JsonDocument.Parse(lines[0]))
        {
            Assert.Equal(JsonValueKind.Null, one.RootElement.GetProperty("time").ValueKind);
            Assert.Equal("/one", one.RootElement.GetProperty("address").GetString());
            Assert.Equal("is", one.RootElement.GetProperty("types").GetString());
            Assert.Equal("[1,\"a\"]", one.RootElement.GetProperty("args").GetRawText());
        }

        Assert.Equal("{\"time\":\"e0000000.80000000\",\"address\":\"/two\",\"types\":\"f\",\"args\":[2.5]}", lines[1]);
        Assert.Equal("{\"time\":\"e0000000.80000000\",\"address\":\"/three\",\"types\":\"b\",\"args\":[\"09\"]}", lines[2]);
        Assert.Contains(dump.Process.StandardError, l => l.StartsWith("error: bad packet of 7 bytes: offset 0:", StringComparison.Ordinal));
    }

    [Fact]
    public void Dump_Text_PrintsAsOscdump_AndStrictRejectsSloppyPackets()
    {
        using EchelonServer dump = EchelonServer.Start("osc", "dump", "--port", "0", "--count", "2", "--strict", "--timeout", "120");
        using var sender = new OscUdpSender(new IPEndPoint(IPAddress.Loopback, dump.Port));
        sender.Send("/SYNC\0\0\0"u8);
        sender.Send(new OscBundle(new OscTimeTag(0xe0000000, 1u), new OscMessage("/t", 1, 2.5f, "x", true)));
        sender.Send(new OscMessage("/u"));
        Assert.Equal(0, dump.WaitForExit());
        Assert.Equal(["e0000000.00000001 /t ifsT 1 2.500000 \"x\" #T", "/u "], dump.Process.StandardOutput.Select((l, i) => i == 0 ? l : l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
        Assert.Contains(dump.Process.StandardError, l => l.Contains("without a type tag string", StringComparison.Ordinal));
    }

    [Fact]
    public void Dump_Tcp_ReadsFramedPackets()
    {
        using EchelonServer dump = EchelonServer.Start("osc", "dump", "--tcp", "--port", "0", "--count", "2", "--json", "--timeout", "120");
        using (var sender = new OscTcpSender(new IPEndPoint(IPAddress.Loopback, dump.Port)))
        {
            sender.Send(new OscMessage("/a", 1));
            sender.Send(new OscMessage("/b", 2));
        }

        Assert.Equal(0, dump.WaitForExit());
        Assert.Equal(["/a", "/b"], dump.Process.StandardOutput.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("address").GetString()));
    }

    [Fact]
    public void Dump_Timeout_WithTooFewMessages_Exits1()
    {
        using EchelonServer dump = EchelonServer.Start("osc", "dump", "--port", "0", "--count", "1", "--timeout", "0.5");
        Assert.Equal(1, dump.WaitForExit());
        Assert.Contains(dump.Process.StandardError, l => l.Contains("timed out after 0.5 s with 0 of 1 messages", StringComparison.Ordinal));
    }

    private static OscMessage Receive(OscReceiver receiver)
    {
        Assert.True(receiver.WaitToRead(TimeSpan.FromSeconds(60)), "nothing arrived");
        byte[] buffer = new byte[1024];
        Assert.True(receiver.TryRead(buffer, out int length));
        return OscMessage.Decode(buffer.AsSpan(0, length), OscDecodeOptions.Strict);
    }
}
