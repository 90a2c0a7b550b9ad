using System.Diagnostics;
using System.Net.Sockets;
using System.Net.WebSockets;
using Echelon.Studio.Tests.Infrastructure;
using Echelon.Studio.Tests.Web.Infrastructure;
using Echelon.Studio.Web;
using Echelon.Testing;

namespace Echelon.Studio.Tests.Web;

[Collection(RealTimeTests.Name)]
public sealed class AudioSocketTests
{
    /// <summary>
    /// The "gap-free PCM for 30 s", as a test (it takes 30 s): a writer thread at real-time pace, one
    /// ClientWebSocket on the real host; every packet continues the previous one and none is flagged.
    /// </summary>
    [Fact]
    public async Task Listener_ReceivesGapFreePcm_For30Seconds_AtRealTimePace()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using BroadcastWriter writer = BroadcastWriter.Sine(rig.Audio, speed: 1);
        using ClientWebSocket socket = await rig.ConnectAsync("/ws/audio");

        var clock = Stopwatch.StartNew();
        long? next = null;
        long frames = 0;
        int packets = 0;
        double sumSquares = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            SocketClient.Message message = await socket.ReceiveAsync();
            Assert.Equal(WebSocketMessageType.Binary, message.Type);
            Assert.True(PcmPacket.TryReadHeader(message.Data, out PcmPacketHeader header, out string? problem), problem);
            Assert.Equal((StudioHostRig.SampleRate, 2), (header.SampleRate, header.Channels));
            Assert.False(header.Discontinuity, $"packet {packets} is flagged as after a gap");
            if (next is { } expected)
            {
                Assert.Equal(expected, header.Sequence);
            }

            next = header.Sequence + header.Frames;
            frames += header.Frames;
            packets++;
            for (int i = PcmPacket.HeaderBytes; i < message.Data.Length; i += 4)
            {
                double s = BitConverter.ToInt16(message.Data, i) / 32767.0;
                sumSquares += s * s;
            }
        }

        // About 30 s of sound, all of it there, at the sine's level (0.5 peak: RMS 0.354).
        Assert.InRange(frames, 25 * StudioHostRig.SampleRate, 31 * StudioHostRig.SampleRate);
        Assert.InRange(Math.Sqrt(sumSquares / frames), 0.33, 0.37);
        Assert.Equal(0, rig.Audio.Gaps);
        Console.WriteLine($"/ws/audio 30 s: {packets} packets, {frames} frames, 0 gaps");
    }

    [Fact]
    public async Task SlowListener_SkipsAhead_WithItsGapCounted_AndTheWriterNeverWaits()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync();
        using var handler = new SocketsHttpHandler { ConnectCallback = SmallReceiveBuffer };
        using var invoker = new HttpMessageInvoker(handler);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(rig.WebSocketUri("/ws/audio"), invoker, CancellationToken.None);
        await Eventually.TrueAsync(() => rig.Audio.Readers == 1);
        Assert.Equal(0, rig.Audio.FramesWritten);

        // 80 s of audio at 40 × real time while this listener reads nothing: far more than the ring (1.4 s) and
        // every socket buffer on the way hold. The writer finishing while nobody reads is the proof it never waits.
        const long total = 80L * StudioHostRig.SampleRate;
        using (BroadcastWriter writer = BroadcastWriter.Ramp(rig.Audio, speed: 40, totalFrames: total))
        {
            Assert.True(writer.Join(TimeSpan.FromSeconds(60)), "the writer was held up by a listener that does not read");
        }

        // The listener joined before the first frame, so its cursor began at frame 0: a skip before its very first
        // packet is a jump from 0.
        long written = rig.Audio.FramesWritten;
        long? next = 0;
        long jumps = 0;
        int flagged = 0;
        while (next != written)
        {
            SocketClient.Message message = await socket.ReceiveAsync();
            Assert.True(PcmPacket.TryReadHeader(message.Data, out PcmPacketHeader header, out string? problem), problem);
            if (next is { } expected && header.Sequence != expected)
            {
                Assert.True(header.Sequence > expected);
                Assert.True(header.Discontinuity, "a skip must be flagged");
                jumps += header.Sequence - expected;
            }

            flagged += header.Discontinuity ? 1 : 0;
            Assert.Equal(BroadcastWriter.RampSample(header.Sequence), BitConverter.ToInt16(message.Data, PcmPacket.HeaderBytes));
            next = header.Sequence + header.Frames;
        }

        Assert.True(rig.Audio.Gaps >= 1);
        Assert.Equal(rig.Audio.Gaps, flagged);
        Assert.Equal(rig.Audio.GapFrames, jumps);
        Console.WriteLine($"slow listener: {rig.Audio.Gaps} gaps, {rig.Audio.GapFrames} frames skipped of {written}");
    }

    [Fact]
    public async Task ListenersPastTheLimit_AreRefusedWithTryAgainLater()
    {
        await using StudioHostRig rig = await StudioHostRig.StartAsync(new StudioWebHostOptions { AudioClientLimit = 2 });
        using ClientWebSocket first = await rig.ConnectAsync("/ws/audio");
        using ClientWebSocket second = await rig.ConnectAsync("/ws/audio");
        await Eventually.TrueAsync(() => rig.Audio.Readers == 2);

        using ClientWebSocket third = await rig.ConnectAsync("/ws/audio");
        SocketClient.Message close = await third.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Close, close.Type);
        Assert.Equal(1013, (int)third.CloseStatus!.Value);
        Assert.Contains("listener limit 2", third.CloseStatusDescription, StringComparison.Ordinal);
        Assert.Equal(1, rig.Audio.ReadersRefused);

        // A listener leaving frees its place.
        await first.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        await Eventually.TrueAsync(() => rig.Audio.Readers == 1);
        using ClientWebSocket fourth = await rig.ConnectAsync("/ws/audio");
        await Eventually.TrueAsync(() => rig.Audio.Readers == 2);
        Assert.Equal(1, rig.Audio.ReadersRefused);
    }

    [Fact]
    public async Task StoppingTheHost_ClosesListenersWithGoingAway()
    {
        StudioHostRig rig = await StudioHostRig.StartAsync();
        using ClientWebSocket socket = await rig.ConnectAsync("/ws/audio");
        await Eventually.TrueAsync(() => rig.Audio.Readers == 1);
        var clock = Stopwatch.StartNew();
        Task<SocketClient.Message> closing = socket.ReceiveAsync(TimeSpan.FromSeconds(20));
        await rig.DisposeAsync();
        Assert.Equal(WebSocketMessageType.Close, (await closing).Type);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
        Assert.Equal("studio stopping", socket.CloseStatusDescription);
        Assert.Equal(0, rig.Audio.Readers);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"stopping took {clock.Elapsed}: open sockets held the host");
    }

    private static async ValueTask<Stream> SmallReceiveBuffer(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        // A small, fixed receive window (setting it turns Linux's autotuning off), so the slow listener's backlog
        // stays in the server's ring instead of in this client's kernel buffer.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 4096 };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
