using System.Net;
using Echelon.Protocols.Osc;
using Echelon.Protocols.Osc.Transport;
using Echelon.Testing;

namespace Echelon.Protocols.Tests.Osc.Transport;

/// <summary>What every <see cref="OscReceiver"/> promises, run against each transport.</summary>
public abstract class OscReceiverContractTests
{
    protected abstract OscReceiver CreateReceiver(OscReceiverOptions? options = null);

    /// <summary>A way to send packets to <paramref name="receiver"/>; disposed by the test.</summary>
    protected abstract IDisposable Connect(OscReceiver receiver, out Action<byte[]> send);

    [Fact]
    public void PortZero_BindsAFreePort()
    {
        using OscReceiver receiver = CreateReceiver();
        Assert.InRange(receiver.LocalEndPoint.Port, 1, 65535);
    }

    [Fact]
    public void Packets_ArriveWholeAndInOrder()
    {
        using OscReceiver receiver = CreateReceiver();
        using IDisposable link = Connect(receiver, out Action<byte[]> send);
        for (int i = 0; i < 100; i++)
        {
            send(new OscMessage("/n", i, new string('x', i)).ToArray());
        }

        byte[] buffer = new byte[1024];
        for (int i = 0; i < 100; i++)
        {
            Assert.True(receiver.WaitToRead(TimeSpan.FromSeconds(20)), $"packet {i} did not arrive");
            Assert.True(receiver.TryRead(buffer, out int length));
            Assert.Equal(new OscMessage("/n", i, new string('x', i)), OscPacket.Decode(buffer.AsSpan(0, length), OscDecodeOptions.Strict));
        }

        Assert.Equal(100, receiver.ReceivedCount);
        Assert.Equal(0, receiver.DroppedCount);
        Assert.False(receiver.TryRead(buffer, out _));
    }

    [Fact]
    public void FullQueue_DropsNewPacketsAndCountsThem()
    {
        using OscReceiver receiver = CreateReceiver(new OscReceiverOptions { Capacity = 4 });
        using IDisposable link = Connect(receiver, out Action<byte[]> send);
        for (int i = 0; i < 20; i++)
        {
            send(new OscMessage("/n", i).ToArray());
        }

        Eventually.True(() => receiver.ReceivedCount == 20, "20 packets");
        Assert.Equal(16, receiver.DroppedCount);
        Assert.Equal(4, receiver.PendingCount);
        var dispatcher = new OscDispatcher();
        var seen = new List<int>();
        dispatcher.Add("/n", (m, _) => seen.Add(m.ReadInt32()));
        Assert.Equal(4, receiver.DispatchPending(dispatcher));
        Assert.Equal([0, 1, 2, 3], seen);
    }

    [Fact]
    public void OversizePackets_AreDroppedAndCounted()
    {
        using OscReceiver receiver = CreateReceiver(new OscReceiverOptions { MaxPacketSize = 64 });
        using IDisposable link = Connect(receiver, out Action<byte[]> send);
        send(new OscMessage("/big", new byte[100]).ToArray());
        send(new OscMessage("/small", 1).ToArray());
        Eventually.True(() => receiver.ReceivedCount == 2, "2 packets");
        Assert.Equal(1, receiver.OversizeCount);
        Assert.Equal(1, receiver.PendingCount);
    }

    [Fact]
    public void ShortReadBuffer_ThrowsAndKeepsThePacket()
    {
        using OscReceiver receiver = CreateReceiver();
        using IDisposable link = Connect(receiver, out Action<byte[]> send);
        byte[] packet = new OscMessage("/abcdefgh", 1, 2, 3).ToArray();
        send(packet);
        Assert.True(receiver.WaitToRead(TimeSpan.FromSeconds(20)));
        OscBufferTooSmallException e = Assert.Throws<OscBufferTooSmallException>(() => receiver.TryRead(new byte[8], out _));
        Assert.Equal(packet.Length, e.Required);
        Assert.True(receiver.TryRead(new byte[64], out int length));
        Assert.Equal(packet.Length, length);
    }

    [Fact]
    public void DispatchPending_CountsMalformedPacketsInTheDispatcher_AndAllocatesNothing()
    {
        using OscReceiver receiver = CreateReceiver(new OscReceiverOptions { Capacity = 1024 });
        using IDisposable link = Connect(receiver, out Action<byte[]> send);
        var dispatcher = new OscDispatcher();
        long sum = 0;
        dispatcher.Add("/v", (m, _) => sum += m.ReadInt32());
        byte[] good = new OscMessage("/v", 1).ToArray();
        for (int i = 0; i < 300; i++)
        {
            send(i % 3 == 2 ? "bad!"u8.ToArray() : good);
        }

        Eventually.True(() => receiver.ReceivedCount == 300, "300 packets");
        long before = GC.GetAllocatedBytesForCurrentThread();
        int taken = receiver.DispatchPending(dispatcher);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(300, taken);
        Assert.Equal(200, sum);
        Assert.Equal(100, dispatcher.MalformedCount);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void WaitToRead_TimesOutWhenNothingComes()
    {
        using OscReceiver receiver = CreateReceiver();
        Assert.False(receiver.WaitToRead(TimeSpan.FromMilliseconds(1)));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => receiver.WaitToRead(TimeSpan.FromSeconds(20), cancelled.Token));
    }

    [Fact]
    public void Dispose_StopsAndFreesThePort()
    {
        OscReceiver receiver = CreateReceiver();
        int port = receiver.LocalEndPoint.Port;
        receiver.Dispose();
        receiver.Dispose();
        using OscReceiver again = CreateReceiverAt(port);
        Assert.Equal(port, again.LocalEndPoint.Port);
    }

    protected abstract OscReceiver CreateReceiverAt(int port);
}

public sealed class OscUdpReceiverContractTests : OscReceiverContractTests
{
    protected override OscReceiver CreateReceiver(OscReceiverOptions? options = null) => new OscUdpReceiver(new IPEndPoint(IPAddress.Loopback, 0), options);

    protected override OscReceiver CreateReceiverAt(int port) => new OscUdpReceiver(new IPEndPoint(IPAddress.Loopback, port));

    protected override IDisposable Connect(OscReceiver receiver, out Action<byte[]> send)
    {
        var sender = new OscUdpSender(new IPEndPoint(IPAddress.Loopback, receiver.LocalEndPoint.Port));
        send = bytes =>
        {
            sender.Send(bytes);
            // Loopback UDP does not drop, but a burst can outrun the receiving thread's first wake-up.
            Thread.Yield();
        };
        return sender;
    }

    [Fact]
    public void Sender_RejectsPacketsLargerThanADatagram()
    {
        using var sender = new OscUdpSender(new IPEndPoint(IPAddress.Loopback, 9));
        Assert.Throws<ArgumentException>(() => sender.Send(new byte[OscUdpSender.MaxPacketSize + 1]));
        sender.Send(new OscMessage("/x"));
        Assert.Equal(1, sender.SentCount);
    }
}

public sealed class OscTcpReceiverContractTests : OscReceiverContractTests
{
    protected override OscReceiver CreateReceiver(OscReceiverOptions? options = null) => new OscTcpReceiver(new IPEndPoint(IPAddress.Loopback, 0), options);

    protected override OscReceiver CreateReceiverAt(int port) => new OscTcpReceiver(new IPEndPoint(IPAddress.Loopback, port));

    protected override IDisposable Connect(OscReceiver receiver, out Action<byte[]> send)
    {
        var sender = new OscTcpSender(new IPEndPoint(IPAddress.Loopback, receiver.LocalEndPoint.Port));
        send = bytes => sender.Send(bytes);
        return sender;
    }

    [Fact]
    public void NegativeFrameSize_ClosesThatConnection_OthersGoOn()
    {
        using var receiver = new OscTcpReceiver(new IPEndPoint(IPAddress.Loopback, 0));
        using (var raw = new System.Net.Sockets.TcpClient())
        {
            raw.Connect(IPAddress.Loopback, receiver.LocalEndPoint.Port);
            raw.GetStream().Write([0xff, 0xff, 0xff, 0xfc, 1, 2, 3, 4]);
            Eventually.True(() => receiver.FramingErrorCount == 1, "the framing error");
        }

        using var sender = new OscTcpSender(new IPEndPoint(IPAddress.Loopback, receiver.LocalEndPoint.Port));
        sender.Send(new OscMessage("/after"));
        Assert.True(receiver.WaitToRead(TimeSpan.FromSeconds(20)));
        Assert.Equal(2, receiver.ConnectionCount);
    }
}
