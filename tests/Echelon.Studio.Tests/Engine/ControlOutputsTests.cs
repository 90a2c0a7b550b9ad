using System.Net;
using Echelon.Motion.Synthetic;
using Echelon.Protocols.Midi;
using Echelon.Protocols.Osc;
using Echelon.Protocols.Osc.Transport;
using Echelon.Studio.Engine;
using Echelon.Studio.Configuration;
using Echelon.Testing;

namespace Echelon.Studio.Tests.Engine;

public sealed class ControlOutputsTests
{
    [Fact]
    public void Mirror_MappingsAndMidi_ReachTheirPeers()
    {
        ControlMapping[] mappings =
        [
            .. StudioConfiguration.DefaultMappings,
            new ControlMapping { Source = MappingSource.Coupling, Target = MappingTarget.Osc("/rig/coupling"), Input = new MappingRange(0, 1), Output = new MappingRange(0, 10) },
            new ControlMapping { Source = MappingSource.Phase, Target = MappingTarget.MidiCc(3, 74) },
        ];
        using var engine = new StudioEngine(new EngineOptions
        {
            Mappings = mappings,
            Sources = [() => new SyntheticDancer(new SyntheticDancerOptions { Seconds = 60 })],
        });
        using var receiver = new OscUdpReceiver(new IPEndPoint(IPAddress.Loopback, 0), new OscReceiverOptions { Capacity = 4096 });
        var midi = new List<MidiMessage>();
        using var outputs = new ControlOutputs(engine, () => engine.Mappings, receiver.LocalEndPoint, midi: m =>
        {
            midi.Add(m);
            return true;
        });

        for (int step = 0; step < 50; step++)
        {
            engine.RunFor(0.1);
            outputs.Step();
        }

        var seen = new Dictionary<string, List<OscMessage>>(StringComparer.Ordinal);
        var buffer = new byte[8192];
        Eventually.True(() => receiver.ReceivedCount >= outputs.OscSent, "every OSC message sent is received");
        while (receiver.TryRead(buffer, out int length))
        {
            var message = (OscMessage)OscPacket.Decode(buffer.AsSpan(0, length), OscDecodeOptions.Strict);
            seen.TryAdd(message.Address, []);
            seen[message.Address].Add(message);
        }

        Assert.Equal(64, seen["/echelon/latent"][^1].Arguments.Count);
        Assert.All(seen["/echelon/phase"], m => Assert.InRange(m.Arguments[1].AsFloat32(), 0f, 1f));
        Assert.InRange(seen["/echelon/beat"].Count, 8, 11); // 5 s at 120 BPM
        Assert.True(outputs.Beats >= 8);
        Assert.Contains("/echelon/coupling", seen.Keys);
        Assert.All(seen["/rig/coupling"], m => Assert.InRange(m.Arguments[0].AsFloat32(), 0f, 10f));

        Assert.NotEmpty(midi);
        Assert.All(midi, m =>
        {
            Assert.Equal(MidiMessageKind.ControlChange, m.Kind);
            Assert.Equal(2, m.Channel.Value);
            Assert.Equal(74, m.Data1);
        });
        Assert.Equal(midi.Count, midi.Zip(midi.Skip(1)).Count(p => p.First.Data2 != p.Second.Data2) + 1); // sent only on change
    }
}
