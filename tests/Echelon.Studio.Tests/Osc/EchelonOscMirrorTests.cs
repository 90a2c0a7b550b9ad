using System.Net;
using Echelon.Protocols.Osc;
using Echelon.Protocols.Osc.Transport;
using Echelon.Studio.Osc;

namespace Echelon.Studio.Tests.Osc;

public sealed class EchelonOscMirrorTests
{
    [Fact]
    public void Mirror_SendsEachMessage_AndWekinatorOutputsToTheirOwnPort()
    {
        using var target = new OscUdpReceiver(0);
        using var wekinator = new OscUdpReceiver(0);
        using var mirror = new EchelonOscMirror(target.LocalEndPoint, wekinator.LocalEndPoint);
        mirror.Latent([0.5f, -1f, 2f]);
        mirror.Phase(1.5f, 0.9f);
        mirror.Beat(17, 120f);
        mirror.Coupling(0.25f);
        mirror.Gesture("spin", 0.8f);
        mirror.WekinatorOutputs([0.1f, 0.2f]);

        OscMessage[] received = [.. Receive(target, 5)];
        Assert.Equal(new OscMessage("/echelon/latent", 0.5f, -1f, 2f), received[0]);
        Assert.Equal(new OscMessage("/echelon/phase", 1.5f, 0.9f), received[1]);
        Assert.Equal(new OscMessage("/echelon/beat", 17, 120f), received[2]);
        Assert.Equal(new OscMessage("/echelon/coupling", 0.25f), received[3]);
        Assert.Equal(new OscMessage("/echelon/gesture", "spin", 0.8f), received[4]);
        Assert.Equal(new OscMessage("/wek/outputs", 0.1f, 0.2f), Assert.Single(Receive(wekinator, 1)));
        Assert.Equal(5, mirror.Sent);
    }

    [Fact]
    public void Mirror_AfterWarmUp_AllocatesNothing()
    {
        using var target = new OscUdpReceiver(0);
        using var mirror = new EchelonOscMirror(target.LocalEndPoint, new IPEndPoint(IPAddress.Loopback, target.LocalEndPoint.Port));
        float[] latent = new float[64];
        void Frame()
        {
            mirror.Latent(latent);
            mirror.Phase(1f, 1f);
            mirror.Beat(1, 100f);
            mirror.Coupling(0.5f);
            mirror.Gesture("still", 1f);
            mirror.WekinatorOutputs(latent.AsSpan(0, 8));
        }

        Assert.Equal(0, Echelon.Testing.AllocationProbe.SteadyStateBytes(Frame, warmUp: 50));
    }

    [Fact]
    public void Latent_LongerThanTheLimit_IsRefused()
    {
        using var target = new OscUdpReceiver(0);
        using var mirror = new EchelonOscMirror(target.LocalEndPoint);
        Assert.Throws<ArgumentOutOfRangeException>(() => mirror.Latent(new float[EchelonOscMirror.MaxLatent + 1]));
    }

    [PeerFact("oscdump")]
    [Trait("Peer", "oscdump")]
    public void Liblo_OscDump_ReadsTheMirror()
    {
        using OscDumpPeer dump = OscDumpPeer.StartUdp();
        using var mirror = new EchelonOscMirror(new IPEndPoint(IPAddress.Loopback, dump.Port));
        mirror.Phase(3.25f, 0.5f);
        mirror.Gesture("wave", 1f);
        Assert.Equal("/echelon/phase ff 3.250000 0.500000", dump.Line("/echelon/phase").Text);
        Assert.Equal("/echelon/gesture sf \"wave\" 1.000000", dump.Line("/echelon/gesture").Text);
    }

    private static List<OscMessage> Receive(OscReceiver receiver, int count)
    {
        var messages = new List<OscMessage>();
        var buffer = new byte[65536];
        while (messages.Count < count && receiver.WaitToRead(TimeSpan.FromSeconds(5)))
        {
            while (receiver.TryRead(buffer, out int length))
            {
                messages.Add(OscMessage.Decode(buffer.AsSpan(0, length)));
            }
        }

        return messages;
    }
}
