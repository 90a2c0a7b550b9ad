using Echelon.Protocols.Osc;
using Echelon.Protocols.Osc.Transport;
using Echelon.Protocols.Tests.Osc.Infrastructure;

namespace Echelon.Protocols.Tests.Osc.Transport;

public sealed class OscTcpFrameDecoderTests
{
    private static byte[] Framed(byte[] packet) => [(byte)(packet.Length >> 24), (byte)(packet.Length >> 16), (byte)(packet.Length >> 8), (byte)packet.Length, .. packet];

    [Fact]
    public void PythonOscTcp10Stream_InAnyChunking_GivesTheSameFrames()
    {
        // python-osc's TCP 1.0 tests send LEN_X + X; the three datagrams one after another.
        byte[][] packets =
        [
            PythonBytes.Constant("test_osc_tcp_server.py", "_SIMPLE_MSG_NO_PARAMS"),
            PythonBytes.Constant("test_osc_tcp_server.py", "_SIMPLE_PARAM_INT_MSG"),
            PythonBytes.Constant("test_osc_tcp_server.py", "_SIMPLE_PARAM_INT_9"),
        ];
        byte[] stream = [.. packets.SelectMany(Framed)];
        Assert.Equal([0, 0, 0, 8], stream[..4]);
        var random = new Random(3);
        for (int trial = 0; trial < 200; trial++)
        {
            var decoder = new OscTcpFrameDecoder(1024);
            var frames = new List<byte[]>();
            int at = 0;
            while (at < stream.Length)
            {
                int n = Math.Min(stream.Length - at, random.Next(1, 12));
                Assert.True(decoder.Feed(stream.AsSpan(at, n), f => frames.Add(f.ToArray())));
                at += n;
            }

            Assert.Equal(packets, frames);
        }

        Assert.Equal(9, OscMessage.Decode(packets[2]).Arguments[0].AsInt32());
    }

    [Fact]
    public void OversizeFrame_IsSkippedAndCounted_AndTheNextFrameStillComes()
    {
        var decoder = new OscTcpFrameDecoder(16);
        var frames = new List<byte[]>();
        byte[] big = new OscMessage("/big", new byte[40]).ToArray();
        byte[] small = new OscMessage("/s").ToArray();
        Assert.True(decoder.Feed([.. Framed(big), .. Framed(small)], f => frames.Add(f.ToArray())));
        Assert.Equal(1, decoder.OversizeFrames);
        Assert.Equal([small], frames);
    }

    [Fact]
    public void NegativeSize_BreaksTheStream()
    {
        var decoder = new OscTcpFrameDecoder(16);
        Assert.False(decoder.Feed([0x80, 0, 0, 0, 1, 2, 3], _ => Assert.Fail("no frame")));
        Assert.True(decoder.IsBroken);
        Assert.False(decoder.Feed([0, 0, 0, 0], _ => Assert.Fail("no frame")));
    }

    [Fact]
    public void ZeroSizeFrame_IsAnEmptyFrame()
    {
        var decoder = new OscTcpFrameDecoder(16);
        int empty = 0;
        Assert.True(decoder.Feed([0, 0, 0, 0, 0, 0], f => empty += f.IsEmpty ? 1 : 100));
        Assert.Equal(1, empty);
        Assert.True(decoder.Feed([0, 0], f => empty += f.IsEmpty ? 1 : 100));
        Assert.Equal(2, empty);
    }
}
