using Echelon.Protocols.Midi;

namespace Echelon.Protocols.Tests.Midi;

public sealed class ControlChange14ReceiverTests
{
    [Fact]
    public void MsbThenLsb_JoinsTheValue_AndRoundTripsEveryValueOnAController()
    {
        var receiver = new ControlChange14Receiver();
        var ch = new MidiChannel(3);
        for (int v = 0; v <= FourteenBit.MaxValue; v += 7)
        {
            var (msb, lsb) = MidiMessage.ControlChange14(ch, new SevenBit(1), new FourteenBit(v));
            Assert.True(receiver.TryReceive(msb, out var c1, out var n1, out var coarse));
            Assert.Equal(v & ~0x7F, coarse.Value); // an MSB resets the LSB to 0
            Assert.True(receiver.TryReceive(lsb, out var c2, out var n2, out var fine));
            Assert.Equal(v, fine.Value);
            Assert.Equal((ch, 1, ch, 1), (c1, n1.Value, c2, n2.Value));
        }
    }

    [Fact]
    public void LsbAlone_RefinesTheLastMsb_PerChannelAndController()
    {
        var receiver = new ControlChange14Receiver();
        var a = new MidiChannel(0);
        var b = new MidiChannel(1);
        receiver.TryReceive(MidiMessage.ControlChange(a, new SevenBit(7), new SevenBit(100)), out _, out _, out _);
        receiver.TryReceive(MidiMessage.ControlChange(b, new SevenBit(7), new SevenBit(3)), out _, out _, out _);
        Assert.True(receiver.TryReceive(MidiMessage.ControlChange(a, new SevenBit(39), new SevenBit(5)), out _, out var number, out var value));
        Assert.Equal(7, number.Value);
        Assert.Equal((100 << 7) | 5, value.Value);
        Assert.True(receiver.TryReceive(MidiMessage.ControlChange(b, new SevenBit(39), new SevenBit(6)), out _, out _, out value));
        Assert.Equal((3 << 7) | 6, value.Value);
        receiver.Reset();
        Assert.True(receiver.TryReceive(MidiMessage.ControlChange(a, new SevenBit(39), new SevenBit(5)), out _, out _, out value));
        Assert.Equal(5, value.Value);
    }

    [Fact]
    public void OtherMessages_AreNotHighResolutionControllers()
    {
        var receiver = new ControlChange14Receiver();
        var ch = new MidiChannel(0);
        Assert.False(receiver.TryReceive(MidiMessage.ControlChange(ch, new SevenBit(64), new SevenBit(127)), out _, out _, out _));
        Assert.False(receiver.TryReceive(MidiMessage.NoteOn(ch, new SevenBit(7), new SevenBit(1)), out _, out _, out _));
        Assert.False(receiver.TryReceive(MidiMessage.TimingClock, out _, out _, out _));
    }
}
