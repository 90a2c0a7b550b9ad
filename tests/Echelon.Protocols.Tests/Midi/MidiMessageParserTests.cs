using Echelon.Protocols.Midi;
using Echelon.Protocols.Tests.Midi.Infrastructure;
using Echelon.Testing;

namespace Echelon.Protocols.Tests.Midi;

/// <summary>The streaming parser; the first group ports mido's tests/test_parser.py.</summary>
public sealed class MidiMessageParserTests
{
    [Fact]
    public void Mido_Parse_NoteOn() =>
        Assert.Equal(["NoteOn ch 1 note=76 velocity=32"], CollectingHandler.Parse(0x90, 0x4C, 0x20).Log);

    [Fact]
    public void Mido_StrayDataBytes_AreIgnoredAndCounted()
    {
        var parser = new MidiMessageParser();
        Assert.Empty(CollectingHandler.Parse(parser, 0x20, 0x30).Log);
        Assert.Equal(2, parser.StrayDataBytes);
    }

    [Fact]
    public void Mido_StrayStatusBytes_GiveNothing()
    {
        var parser = new MidiMessageParser();
        Assert.Empty(CollectingHandler.Parse(parser, 0x90, 0x90, 0xF0).Log);
        Assert.Equal(2, parser.InterruptedMessages); // each 90 cut short by the next status
    }

    [Fact]
    public void Mido_ParseChannel()
    {
        var h = CollectingHandler.Parse(0x90, 0, 0, 0x92, 0, 0);
        Assert.Equal([0, 2], h.Messages.Select(m => m.Channel.Value));
    }

    [Fact]
    public void Mido_OneByteMessages_DoNotWaitForData() =>
        Assert.Equal(["TuneRequest"], CollectingHandler.Parse(0xF6).Log);

    [Fact]
    public void Mido_UndefinedMessagesAndLoneEox_AreIgnored()
    {
        var parser = new MidiMessageParser();
        Assert.Empty(CollectingHandler.Parse(parser, 0xF4, 0xF5, 0xF7, 0xF9, 0xFD).Log);
        Assert.Equal(5, parser.UndefinedStatusBytes);
    }

    [Fact]
    public void Mido_RealTimeInsideSystemExclusive_IsDeliveredFirst() =>
        Assert.Equal(["Continue", "SysEx 0000"], CollectingHandler.Parse(0xF0, 0, 0xFB, 0, 0xF7).Log);

    [Fact]
    public void Mido_UndefinedRealTimeInsideSystemExclusive_IsIgnored() =>
        Assert.Equal(["SysEx 0000"], CollectingHandler.Parse(0xF0, 0, 0xF9, 0xFD, 0, 0xF7).Log);

    [Fact]
    public void Mido_AsciiText_GivesNothing() =>
        Assert.Empty(CollectingHandler.Parse("7 bit ASCII should not produce any messages"u8.ToArray()).Log);

    [Fact]
    public void Mido_RandomBytes_NeverThrow_AndEveryMessageIsWellFormed()
    {
        var rng = new Random(20240611);
        var bytes = new byte[10_000];
        rng.NextBytes(bytes);
        var h = CollectingHandler.Parse(bytes);
        Assert.NotEmpty(h.Messages);
        Span<byte> buffer = stackalloc byte[3];
        foreach (var m in h.Messages)
        {
            int n = MidiMessageEncoder.Write(m, buffer);
            Assert.True(MidiMessage.TryRead(buffer[..n], out var again));
            Assert.Equal(m, again);
        }
    }

    [Fact]
    public void RunningStatus_RepeatsTheLastChannelStatus()
    {
        var h = CollectingHandler.Parse(0x90, 60, 100, 62, 100, 60, 0, 0xC1, 5, 6);
        Assert.Equal(
            ["NoteOn ch 1 note=60 velocity=100", "NoteOn ch 1 note=62 velocity=100", "NoteOn ch 1 note=60 velocity=0",
             "ProgramChange ch 2 program=5", "ProgramChange ch 2 program=6"],
            h.Log);
    }

    [Fact]
    public void RealTime_BetweenDataBytes_IsDeliveredAndKeepsRunningStatus()
    {
        var h = CollectingHandler.Parse(0x90, 0xF8, 60, 0xFA, 100, 62, 0xFC, 101);
        Assert.Equal(
            ["TimingClock", "Start", "NoteOn ch 1 note=60 velocity=100", "Stop", "NoteOn ch 1 note=62 velocity=101"],
            h.Log);
    }

    [Fact]
    public void SystemCommon_CancelsRunningStatus()
    {
        var parser = new MidiMessageParser();
        var h = CollectingHandler.Parse(parser, 0x90, 60, 100, 0xF3, 2, 61, 100);
        Assert.Equal(["NoteOn ch 1 note=60 velocity=100", "SongSelect 2"], h.Log);
        Assert.Equal(2, parser.StrayDataBytes);
    }

    [Fact]
    public void SystemExclusive_CancelsRunningStatus()
    {
        var parser = new MidiMessageParser();
        var h = CollectingHandler.Parse(parser, 0x90, 60, 100, 0xF0, 0x7E, 0x7F, 0x06, 0x01, 0xF7, 61, 100);
        Assert.Equal(["NoteOn ch 1 note=60 velocity=100", "SysEx 7E7F0601"], h.Log);
        Assert.Equal(2, parser.StrayDataBytes);
    }

    [Fact]
    public void SystemExclusive_InterruptedByStatus_IsDroppedAndTheStatusStarts()
    {
        var parser = new MidiMessageParser();
        var h = CollectingHandler.Parse(parser, 0xF0, 1, 2, 0x90, 60, 1);
        Assert.Equal(["NoteOn ch 1 note=60 velocity=1"], h.Log);
        Assert.Equal(1, parser.InterruptedMessages);
    }

    [Fact]
    public void SystemExclusive_LongerThanTheLimit_IsDroppedAndCounted()
    {
        var parser = new MidiMessageParser(maxSystemExclusiveLength: 3);
        var h = CollectingHandler.Parse(parser, 0xF0, 1, 2, 3, 0xF7, 0xF0, 1, 2, 3, 4, 0xF7, 0xF8);
        Assert.Equal(["SysEx 010203", "TimingClock"], h.Log);
        Assert.Equal(1, parser.OversizedSystemExclusive);
    }

    [Fact]
    public void MessageSplitAcrossChunks_IsTheSameAsWhole()
    {
        byte[] bytes = [0xB0, 7, 100, 10, 64, 0xF0, 0x43, 0x10, 0xF8, 0x4C, 0xF7, 0xE3, 0x00, 0x40, 0x7F, 0x7F, 0xF2, 0x10, 0x20];
        var whole = CollectingHandler.Parse(bytes).Log;
        Assert.Equal(7, whole.Count);

        var parser = new MidiMessageParser();
        var pieces = new CollectingHandler();
        foreach (byte b in bytes)
        {
            parser.Parse([b], ref pieces);
        }

        Assert.Equal(whole, pieces.Log);
    }

    [Fact]
    public void Reset_ForgetsPartialMessageAndRunningStatus()
    {
        var parser = new MidiMessageParser();
        var h = new CollectingHandler();
        parser.Parse([0x90, 60], ref h);
        parser.Reset();
        parser.Parse([100, 0x80, 60, 0], ref h);
        Assert.Equal(["NoteOff ch 1 note=60 velocity=0"], h.Log);
        Assert.Equal(1, parser.StrayDataBytes);
    }

    [Fact]
    public void Parse_WithStructHandler_AllocatesNothing()
    {
        byte[] bytes = MidiTestStreams.Mixed(seed: 7, messages: 2000, out _);
        var parser = new MidiMessageParser();
        var handler = new CountingHandler();
        parser.Parse(bytes, ref handler); // warm up
        handler = default;

        int parses = 0;
        long allocated = AllocationProbe.SteadyStateBytes(
            () =>
            {
                parser.Parse(bytes, ref handler);
                parses++;
            },
            warmUp: 0,
            iterations: 1);

        Assert.Equal(0, allocated);
        Assert.True(parses >= 1);
        Assert.True(handler.Messages > 2000 * parses);
    }
}
