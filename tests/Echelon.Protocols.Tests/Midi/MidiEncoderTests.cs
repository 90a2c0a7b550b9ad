using Echelon.Protocols.Midi;
using Echelon.Protocols.Tests.Midi.Infrastructure;
using Echelon.Testing;

namespace Echelon.Protocols.Tests.Midi;

public sealed class MidiEncoderTests
{
    [Fact]
    public void RunningStatus_OmitsRepeatedChannelStatus()
    {
        var encoder = new MidiRunningStatusEncoder();
        var ch = new MidiChannel(0);
        var buffer = new byte[16];
        int n = 0;
        n += encoder.Write(MidiMessage.NoteOn(ch, new SevenBit(60), new SevenBit(100)), buffer.AsSpan(n));
        n += encoder.Write(MidiMessage.NoteOn(ch, new SevenBit(64), new SevenBit(100)), buffer.AsSpan(n));
        n += encoder.Write(MidiMessage.TimingClock, buffer.AsSpan(n)); // real time: keeps running status
        n += encoder.Write(MidiMessage.NoteOn(ch, new SevenBit(60), new SevenBit(0)), buffer.AsSpan(n));
        Assert.Equal("903C64" + "4064" + "F8" + "3C00", Convert.ToHexString(buffer, 0, n));
        Assert.Equal(0x90, encoder.RunningStatus);
    }

    [Fact]
    public void RunningStatus_IsCancelledBySystemCommonAndSystemExclusive()
    {
        var encoder = new MidiRunningStatusEncoder();
        var ch = new MidiChannel(0);
        var on = MidiMessage.NoteOn(ch, new SevenBit(60), new SevenBit(100));
        var buffer = new byte[32];
        int n = 0;
        n += encoder.Write(on, buffer.AsSpan(n));
        n += encoder.Write(MidiMessage.SongSelect(new SevenBit(1)), buffer.AsSpan(n));
        n += encoder.Write(on, buffer.AsSpan(n));
        n += encoder.WriteSystemExclusive([0x7D], buffer.AsSpan(n));
        n += encoder.Write(on, buffer.AsSpan(n));
        encoder.Reset();
        n += encoder.Write(on, buffer.AsSpan(n));
        Assert.Equal("903C64" + "F301" + "903C64" + "F07DF7" + "903C64" + "903C64", Convert.ToHexString(buffer, 0, n));
    }

    [Fact]
    public void TooSmallDestination_WritesNothing_AndThrowsOnWrite()
    {
        var encoder = new MidiRunningStatusEncoder();
        var on = MidiMessage.NoteOn(new MidiChannel(0), new SevenBit(60), new SevenBit(100));
        var small = new byte[2];
        Assert.False(encoder.TryWrite(on, small, out int written));
        Assert.Equal(0, written);
        Assert.Equal(0, encoder.RunningStatus);
        Assert.Equal([0, 0], small);
        var e = Assert.Throws<ArgumentException>(() => MidiMessageEncoder.Write(on, new byte[2]));
        Assert.Contains("needs 3", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MidiMessageEncoder.Write(default, new byte[3]));
        Assert.Throws<ArgumentException>(() => MidiMessageEncoder.WriteSystemExclusive([0x80], new byte[8]));
        Assert.Throws<ArgumentException>(() => MidiMessageEncoder.WriteSystemExclusive([1, 2], new byte[3]));
    }

    /// <summary>
    /// Reference twin: encoding with running status plus real-time bytes anywhere, then parsing,
    /// gives back exactly the sequence, for 20 seeds × 500 messages.
    /// </summary>
    [Fact]
    public void EncodeThenParse_RandomStreams_RoundTrip()
    {
        for (int seed = 1; seed <= 20; seed++)
        {
            byte[] bytes = MidiTestStreams.Mixed(seed, 500, out var expected);
            var parser = new MidiMessageParser();
            var h = CollectingHandler.Parse(parser, bytes);
            Assert.Equal(expected, h.Log);
            Assert.Equal(0, parser.StrayDataBytes + parser.InterruptedMessages + parser.UndefinedStatusBytes);
        }
    }

    [Fact]
    public void RunningStatus_SavesBytesOnARunOfNotes()
    {
        var encoder = new MidiRunningStatusEncoder();
        var buffer = new byte[3 * 100];
        int n = 0;
        for (int i = 0; i < 100; i++)
        {
            n += encoder.Write(MidiMessage.NoteOn(new MidiChannel(4), new SevenBit(i), new SevenBit(i % 2 == 0 ? 90 : 0)), buffer.AsSpan(n));
        }

        Assert.Equal(3 + (99 * 2), n);
    }

    [Fact]
    public void Encoders_AllocateNothing()
    {
        var encoder = new MidiRunningStatusEncoder();
        var messages = new MidiMessage[256];
        var rng = new Random(5);
        for (int i = 0; i < messages.Length; i++)
        {
            messages[i] = MidiTestStreams.RandomMessage(rng);
        }

        var buffer = new byte[4096];
        int Run()
        {
            int n = 0;
            foreach (var m in messages)
            {
                n += encoder.Write(m, buffer.AsSpan(n));
                n += MidiMessageEncoder.Write(m, buffer.AsSpan(n));
            }

            n += encoder.WriteSystemExclusive(buffer.AsSpan(0, 0), buffer.AsSpan(n));
            return n;
        }

        int total = 0;
        Assert.Equal(0, AllocationProbe.SteadyStateBytes(() => total = Run(), warmUp: 1, iterations: 1));
        Assert.True(total > 256 * 3);
    }
}
