using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using Echelon.Protocols.Osc;
using Echelon.Protocols.Osc.Transport;

namespace Echelon.Protocols.Tests.Osc.Peers;

/// <summary>
/// Our codec against liblo 0.31 (../shared/PEERS.md), both ways: what we encode, oscdump prints as
/// expected; what oscsend sends, we decode to the same values and the same bytes we would write; what
/// liblo rejects, strict decoding rejects too.
/// </summary>
[Trait("Peer", "liblo")]
public sealed class LibloInteropTests
{
    private static readonly OscMessage s_everyLibloType = new(
        "/t/all", 42, -5_000_000_000L, 2.5f, 3.25, "hi there", OscValue.Symbol("sym"), 'A', new OscMidi(0, 0x90, 0x40, 0x60),
        true, false, OscValue.Nil, OscValue.Infinitum, new byte[] { 1, 0, 0xff }, new OscTimeTag(0xdeadbeef, 0x80000000));

    [PeerFact("oscdump")]
    public void OurEncoder_ToOscdump_PrintsEveryTypeLibloSupports()
    {
        using OscDumpPeer dump = OscDumpPeer.StartUdp();
        using var sender = new OscUdpSender(new IPEndPoint(IPAddress.Loopback, dump.Port));
        sender.Send(s_everyLibloType);
        sender.Send(new OscMessage("/t/ints", -1, 0, int.MaxValue, int.MinValue));
        sender.Send(new OscMessage("/t/empty"));
        sender.Send(new OscMessage("/t/blobs", Array.Empty<byte>(), Enumerable.Range(0, 12).Select(i => (byte)i).ToArray(), new byte[13]));
        sender.Send(new OscMessage("/t/utf8", "héllo wörld"));

        Assert.Equal("/t/all ihfdsScmTFNIbt 42 -5000000000 2.500000 3.250000 \"hi there\" 'sym 'A' MIDI [0x00 0x90 0x40 0x60] #T #F Nil Infinitum [3b 0x1 00 0xff] deadbeef.80000000", dump.Line("/t/all").Text);
        Assert.Equal("/t/ints iiii -1 0 2147483647 -2147483648", dump.Line("/t/ints").Text);
        Assert.Equal("/t/empty ", dump.Line("/t/empty").Text);
        Assert.Equal("/t/blobs bbb [0b ] [12b 00 0x1 0x2 0x3 0x4 0x5 0x6 0x7 0x8 0x9 0xa 0xb] [13 byte blob]", dump.Line("/t/blobs").Text);
        Assert.Equal("/t/utf8 s \"héllo wörld\"", dump.Line("/t/utf8").Text);
        Assert.Equal(dump.Line("/t/all").Text, s_everyLibloType.ToString());
    }

    [PeerFact("oscdump")]
    public void FloatsAndDoubles_PrintAsOscdumpPrintsThem_ForRandomBitPatterns()
    {
        var random = new Random(11);
        var messages = new List<OscMessage>();
        for (int i = 0; i < 100; i++)
        {
            float f = BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue));
            double d = i % 2 == 0 ? BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)) : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 30));
            messages.Add(new OscMessage("/t/num" + i.ToString(CultureInfo.InvariantCulture), f, d));
        }

        messages.Add(new OscMessage("/t/special", -0.0f, float.PositiveInfinity, float.NegativeInfinity, BitConverter.Int32BitsToSingle(0x7fc00000), float.NaN, float.Epsilon, 0.5e-6f, 1.5e-6f, 2.5e-6));
        using OscDumpPeer dump = OscDumpPeer.StartUdp();
        using var sender = new OscUdpSender(new IPEndPoint(IPAddress.Loopback, dump.Port));
        foreach (OscMessage m in messages)
        {
            sender.Send(m);
            Thread.Yield();
        }

        foreach (OscMessage m in messages)
        {
            Assert.Equal(dump.Line(m.Address).Text, m.ToString());
        }
    }

    [PeerFact("oscdump")]
    public void FutureBundle_IsPrintedWithItsTimeTag_NestedBundlesFlattened()
    {
        OscTimeTag due = OscTimeTag.Now().AddSeconds(0.3);
        var bundle = new OscBundle(due, new OscMessage("/b/one", 1), new OscBundle(due, new OscMessage("/b/two", "x"), new OscMessage("/b/three", 3f)));
        using OscDumpPeer dump = OscDumpPeer.StartUdp();
        using var sender = new OscUdpSender(new IPEndPoint(IPAddress.Loopback, dump.Port));
        sender.Send(bundle);
        Assert.Equal((due.ToString(), "/b/one i 1"), dump.Line("/b/one"));
        Assert.Equal((due.ToString(), "/b/two s \"x\""), dump.Line("/b/two"));
        Assert.Equal((due.ToString(), "/b/three f 3.000000"), dump.Line("/b/three"));
    }

    public static TheoryData<string, byte[]> LibloRejects => new()
    {
        { "trailing bytes", [.. new OscMessage("/bad", 1).ToArray(), .. "abcd"u8] },
        { "non-zero padding after the address", "/pad\0xyz,i\0\0\0\0\0\x02"u8.ToArray() },
        { "no type tag string", "/nott\0\0\0"u8.ToArray() },
        { "non-zero blob padding", [.. "/b\0\0,b\0\0"u8, 0, 0, 0, 3, 1, 2, 3, 0xff] },
        { "a truncated int32", "/trunc\0\0,i\0\0\0\0"u8.ToArray() },
        { "an unknown type tag", [.. "/x\0\0,x\0\0"u8, 0, 0, 0, 1] },
        { "an unterminated string", "/s\0\0,s\0\0abcd"u8.ToArray() },
        { "a bundle element with bytes after its message", [.. "#bundle\0"u8, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 16, .. new OscMessage("/in", 9).ToArray()[..12], 0, 0, 0, 0] },
        { "a bundle with bytes after its last element", [.. new OscBundle(OscTimeTag.Immediate, new OscMessage("/in", 9)).ToArray(), 0, 0] },
        { "a bundle element overrunning the packet", [.. "#bundle\0"u8, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 40, .. new OscMessage("/in", 9).ToArray()] },
    };

    [PeerTheory("oscdump")]
    [MemberData(nameof(LibloRejects))]
    public void WhatLibloRejects_StrictDecodingRejects(string what, byte[] packet)
    {
        Assert.False(OscPacket.TryValidate(packet, OscDecodeOptions.Strict, out OscDecodeError error), $"strict decoding accepted {what}");
        using OscDumpPeer dump = OscDumpPeer.StartUdp();
        using var sender = new OscUdpSender(new IPEndPoint(IPAddress.Loopback, dump.Port));
        sender.Send(packet);
        sender.Send(new OscMessage("/sentinel"));
        dump.Line("/sentinel");
        Assert.True(dump.ErrorLine("liblo server error") is not null, $"liblo accepted {what} ({error})");
        Assert.DoesNotContain(dump.Process.StandardOutput, l => l.Contains(" /bad", StringComparison.Ordinal) || l.Contains(" /in ", StringComparison.Ordinal) || l.Contains(" /trunc", StringComparison.Ordinal));
    }

    [PeerFact("oscdump")]
    public void ColoursAndArrays_AreValidOsc_ThatLibloRejects()
    {
        // Documented in PEERS.md: liblo 0.31 has no 'r' and no arrays. Our decoder accepts both, even strictly.
        byte[] colour = new OscMessage("/colour", new OscRgba(1, 2, 3, 4)).ToArray();
        byte[] array = new OscMessage("/array", OscValue.Array(1, 2)).ToArray();
        OscPacket.Validate(colour, OscDecodeOptions.Strict);
        OscPacket.Validate(array, OscDecodeOptions.Strict);
        using OscDumpPeer dump = OscDumpPeer.StartUdp();
        using var sender = new OscUdpSender(new IPEndPoint(IPAddress.Loopback, dump.Port));
        sender.Send(colour);
        sender.Send(array);
        Assert.NotNull(dump.ErrorLine("in path /colour"));
        Assert.NotNull(dump.ErrorLine("in path /array"));
    }

    [PeerFact("oscsend")]
    public void Oscsend_ToOurReceiver_DecodesEveryTypeItSends()
    {
        using var receiver = new OscUdpReceiver(new IPEndPoint(IPAddress.Loopback, 0));
        string port = receiver.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture);
        PeerTool.Get("oscsend").Run("127.0.0.1", port, "/from/liblo", "ihfdsScmTFNI", "7", "-5000000000", "2.5", "3.25", "hi there", "sym", "A", "00904060");
        PeerTool.Get("oscsend").Run("127.0.0.1", port, "/from/liblo/bare");
        Assert.True(receiver.WaitToRead(TimeSpan.FromSeconds(20)));
        byte[] buffer = new byte[1024];
        Assert.True(receiver.TryRead(buffer, out int length));
        var expected = new OscMessage("/from/liblo", 7, -5_000_000_000L, 2.5f, 3.25, "hi there", OscValue.Symbol("sym"), 'A', new OscMidi(0, 0x90, 0x40, 0x60), true, false, OscValue.Nil, OscValue.Infinitum);
        Assert.Equal(expected, OscPacket.Decode(buffer.AsSpan(0, length), OscDecodeOptions.Strict));
        Assert.True(receiver.WaitToRead(TimeSpan.FromSeconds(20)));
        Assert.True(receiver.TryRead(buffer, out length));
        Assert.Equal(new OscMessage("/from/liblo/bare"), OscPacket.Decode(buffer.AsSpan(0, length), OscDecodeOptions.Strict));
    }

    [PeerTheory("oscsend")]
    [InlineData("/f", "f", "440")]
    [InlineData("/foo", "iisff", "1000", "-1", "hello", "1.234", "5.678")]
    [InlineData("/a/b/c", "")]
    [InlineData("/types", "ihfdsScmTFNI", "-2147483648", "9223372036854775807", "-0.5", "1e-300", "", "S", "z", "ff7f0001")]
    [InlineData("/utf8/é", "s", "naïve")]
    public void OscsendBytes_EqualOurEncodersBytes(string address, string types, params string[] values)
    {
        using var temp = new TempDirectory();
        string file = temp.File("packet.osc");
        PeerTool.Get("oscsend").Run(["file://" + file, address, types, .. values]);
        byte[] liblo = File.ReadAllBytes(file);
        OscMessage decoded = OscMessage.Decode(liblo, OscDecodeOptions.Strict);
        Assert.Equal(address, decoded.Address);
        Assert.Equal(types, decoded.TypeTags);
        Assert.Equal(liblo, decoded.ToArray());
        if (address == "/foo")
        {
            Assert.Equal(liblo, new OscMessage("/foo", 1000, -1, "hello", 1.234f, 5.678f).ToArray());
        }

        if (address == "/types")
        {
            Assert.Equal(new OscMidi(0xff, 0x7f, 0x00, 0x01), decoded.Arguments[7].AsMidi());
            Assert.Equal(1e-300, decoded.Arguments[3].AsDouble());
            Assert.Equal(string.Empty, decoded.Arguments[4].AsString());
        }
    }

    [PeerFact("oscsend")]
    public void OscsendOverTcp_ToOurTcpReceiver()
    {
        using var receiver = new OscTcpReceiver(new IPEndPoint(IPAddress.Loopback, 0));
        string url = "osc.tcp://127.0.0.1:" + receiver.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture);
        PeerTool.Get("oscsend").Run(url, "/tcp/from/liblo", "is", "7", "framed");
        Assert.True(receiver.WaitToRead(TimeSpan.FromSeconds(20)));
        byte[] buffer = new byte[256];
        Assert.True(receiver.TryRead(buffer, out int length));
        Assert.Equal(new OscMessage("/tcp/from/liblo", 7, "framed"), OscPacket.Decode(buffer.AsSpan(0, length), OscDecodeOptions.Strict));
    }

    [PeerFact("oscdump")]
    public void OurTcpSender_ToOscdumpOverTcp()
    {
        using OscDumpPeer dump = OscDumpPeer.StartTcp();
        using var sender = new OscTcpSender(new IPEndPoint(IPAddress.Loopback, dump.Port));
        sender.Send(new OscMessage("/tcp/one", 1));
        sender.Send(new OscBundle(OscTimeTag.Immediate, new OscMessage("/tcp/two", "x"), new OscMessage("/tcp/three", 3.5)));
        Assert.Equal("/tcp/one i 1", dump.Line("/tcp/one").Text);
        Assert.Equal("/tcp/two s \"x\"", dump.Line("/tcp/two").Text);
        Assert.Equal("/tcp/three d 3.500000", dump.Line("/tcp/three").Text);
    }

    [Fact]
    public void LibloRejectsData_IsWhatItSays()
    {
        // Guards the theory data above: each packet is broken in the way its name says, and only that way.
        foreach (object[] row in LibloRejects)
        {
            byte[] packet = (byte[])row[1];
            Assert.False(OscPacket.TryValidate(packet, OscDecodeOptions.Strict, out _), (string)row[0]);
        }

        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian("/pad\0xyz,i\0\0\0\0\0\x02"u8[12..]));
        Assert.True(OscPacket.TryValidate("/pad\0xyz,i\0\0\0\0\0\x02"u8, OscDecodeOptions.Lenient, out _));
    }
}
