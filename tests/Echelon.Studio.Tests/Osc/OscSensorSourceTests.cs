using System.Globalization;
using System.Net;
using System.Numerics;
using Echelon.Motion.Frames;
using Echelon.Protocols.Osc;
using Echelon.Protocols.Osc.Transport;
using Echelon.Studio.Osc;

namespace Echelon.Studio.Tests.Osc;

public sealed class OscSensorSourceTests
{
    [Fact]
    public void Frames_FromUdpPacketsAndBundles_InOrder_CountingWhatCannotBeUsed()
    {
        using var source = new OscSensorSource(0, TimeSpan.FromSeconds(10));
        using var sender = new OscUdpSender(new IPEndPoint(IPAddress.Loopback, source.Port));
        sender.Send(new OscMessage("/accxyz", 0f, 0f, 1f));
        sender.Send(new OscBundle(OscTimeTag.Immediate, new OscMessage("/echelon/imu/a", 1f, 2f, 3f), new OscMessage("/echelon/imu/b", 4f, 5f, 6f)));
        sender.Send(new OscMessage("/1/fader1", 0.5f));
        sender.Send(new OscMessage("/accxyz", float.NaN, 0f, 0f));
        sender.Send([1, 2, 3]);
        sender.Send(new OscMessage("/echelon/imu/a", 7f, 8f, 9f));

        var frames = new List<SensorFrame>();
        while (frames.Count < 4 && source.TryRead(out SensorFrame? frame))
        {
            frames.Add(frame);
        }

        Assert.Equal(["touchosc", "a", "b", "a"], frames.Select(f => f.DeviceId));
        Assert.Equal(new Vector3(7, 8, 9), ((ImuFrame)frames[3]).Acceleration);
        Assert.True(frames.Zip(frames.Skip(1)).All(p => p.First.HostTimeNs <= p.Second.HostTimeNs));
        Assert.Equal(1, source.UnknownMessages);
        Assert.Equal(1, source.RejectedFrames);
        Assert.Equal(1, source.MalformedPackets);
        Assert.Equal(["a", "b", "touchosc"], source.Devices.Select(d => d.Id).Order());
        Assert.StartsWith("osc:", source.Name, StringComparison.Ordinal);

        source.Stop();
        Assert.False(source.TryRead(out _));
    }

    [Fact]
    public void Duration_EndsTheSource()
    {
        using var source = new OscSensorSource(0, TimeSpan.FromMilliseconds(200));
        Assert.False(source.TryRead(out SensorFrame? frame));
        Assert.Null(frame);
    }

    [PeerFact("oscsend")]
    [Trait("Peer", "oscsend")]
    public void Liblo_OscSend_TouchOscAccelerometer_BecomesAFrame()
    {
        using var source = new OscSensorSource(0, TimeSpan.FromSeconds(10));
        PeerTool.Get("oscsend").Run(["localhost", source.Port.ToString(CultureInfo.InvariantCulture), "/accxyz", "fff", "0.5", "-0.25", "1"]);
        Assert.True(source.TryRead(out SensorFrame? frame));
        ImuFrame imu = Assert.IsType<ImuFrame>(frame);
        Assert.Equal(new Vector3(0.5f, -0.25f, 1f) * OscSensorDecoder.StandardGravity, imu.Acceleration);
    }
}
