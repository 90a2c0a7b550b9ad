using Echelon.Protocols.Midi;

namespace Echelon.Protocols.Tests.Midi;

/// <summary>Message construction, reading and writing; byte vectors from mido's tests/messages (test_decode.py, test_encode.py).</summary>
public sealed class MidiMessageTests
{
    private static readonly MidiChannel s_ch2 = new(2);

    [Fact]
    public void Factories_ProduceTheSpecifiedBytes()
    {
        Assert.Equal("923C64", Hex(MidiMessage.NoteOn(s_ch2, new SevenBit(60), new SevenBit(100))));
        Assert.Equal("823C40", Hex(MidiMessage.NoteOff(s_ch2, new SevenBit(60))));
        Assert.Equal("A23C20", Hex(MidiMessage.PolyphonicPressure(s_ch2, new SevenBit(60), new SevenBit(32))));
        Assert.Equal("B2077F", Hex(MidiMessage.ControlChange(s_ch2, new SevenBit(7), new SevenBit(127))));
        Assert.Equal("C205", Hex(MidiMessage.ProgramChange(s_ch2, new SevenBit(5))));
        Assert.Equal("D211", Hex(MidiMessage.ChannelPressure(s_ch2, new SevenBit(17))));
        // Pitch bend: LSB first. 0x2001 = MSB 0x40, LSB 0x01.
        Assert.Equal("E20140", Hex(MidiMessage.PitchBend(s_ch2, new FourteenBit(0x2001))));
        Assert.Equal("E20040", Hex(MidiMessage.PitchBend(s_ch2, FourteenBit.Center)));
        Assert.Equal("F135", Hex(MidiMessage.TimeCodeQuarterFrame(new SevenBit(0x35))));
        Assert.Equal("F27F7F", Hex(MidiMessage.SongPosition(new FourteenBit(16383))));
        Assert.Equal("F303", Hex(MidiMessage.SongSelect(new SevenBit(3))));
        Assert.Equal("F6", Hex(MidiMessage.TuneRequest));
        Assert.Equal("F8", Hex(MidiMessage.TimingClock));
        Assert.Equal("FA", Hex(MidiMessage.Start));
        Assert.Equal("FB", Hex(MidiMessage.Continue));
        Assert.Equal("FC", Hex(MidiMessage.Stop));
        Assert.Equal("FE", Hex(MidiMessage.ActiveSensing));
        Assert.Equal("FF", Hex(MidiMessage.SystemReset));
    }

    [Fact]
    public void Accessors_ReadBackTheFields()
    {
        var bend = MidiMessage.PitchBend(new MidiChannel(15), new FourteenBit(12345));
        Assert.Equal(MidiMessageKind.PitchBend, bend.Kind);
        Assert.Equal(15, bend.Channel.Value);
        Assert.Equal(12345, bend.Value14.Value);
        Assert.Equal(3, bend.Length);

        var cc = MidiMessage.ControlChange(new MidiChannel(0), new SevenBit(74), new SevenBit(9));
        Assert.Equal(74, cc.Controller.Value);
        Assert.Equal(9, cc.ControllerValue.Value);
        Assert.Equal(17, MidiMessage.ChannelPressure(s_ch2, new SevenBit(17)).Pressure.Value);
        Assert.Equal(32, MidiMessage.PolyphonicPressure(s_ch2, new SevenBit(60), new SevenBit(32)).Pressure.Value);

        var off = MidiMessage.NoteOn(s_ch2, new SevenBit(60), new SevenBit(0));
        Assert.True(off.IsNoteEnd);
        Assert.False(off.IsNoteStart);
        Assert.True(MidiMessage.TimingClock.IsRealTime);
        Assert.False(MidiMessage.TimingClock.IsChannelMessage);
        Assert.Throws<InvalidOperationException>(() => MidiMessage.Start.Channel);
        Assert.Equal("NoteOn ch 3 note=60 velocity=0", off.ToString());
    }

    [Fact]
    public void ControlChange14_SendsMsbThenLsbOnControllerPlus32()
    {
        var (msb, lsb) = MidiMessage.ControlChange14(new MidiChannel(1), new SevenBit(7), new FourteenBit(0x1FFF));
        Assert.Equal("B1073F", Hex(msb));
        Assert.Equal("B1277F", Hex(lsb));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiMessage.ControlChange14(new MidiChannel(1), new SevenBit(32), new FourteenBit(1)));
    }

    // mido test_decode.py: test_channel.
    [Fact]
    public void Read_Mido_Channel() => Assert.Equal(1, MidiMessage.Read([0x91, 0x00, 0x00]).Channel.Value);

    // mido test_decode.py: zero bytes, too few, too many, invalid status, sysex (travels outside MidiMessage).
    [Theory]
    [InlineData("")]
    [InlineData("90")]
    [InlineData("90000000")]
    [InlineData("00")]
    [InlineData("F0001200")]
    [InlineData("F0")]
    [InlineData("F00102F7")]
    [InlineData("F4")]
    [InlineData("F7")]
    [InlineData("9080FF")]
    public void TryRead_RejectsWhatMidoRejects(string hex)
    {
        Assert.False(MidiMessage.TryRead(Convert.FromHexString(hex), out _));
        Assert.Throws<ArgumentException>(() => MidiMessage.Read(Convert.FromHexString(hex)));
    }

    // mido test_encode.py: encode(decode(bytes)) == bytes for every status byte on every channel,
    // with distinct data bytes so a swap would show.
    [Fact]
    public void ReadThenWrite_EveryStatusByte_ReturnsTheSameBytes()
    {
        byte[] data = [1, 2, 3];
        int checkedCount = 0;
        Span<byte> written = stackalloc byte[3];
        for (int status = 0x80; status <= 0xFF; status++)
        {
            if (status is 0xF0 or 0xF7 or 0xF4 or 0xF5 or 0xF9 or 0xFD)
            {
                continue;
            }

            int length = status < 0xF0 ? ((status & 0xE0) == 0xC0 ? 2 : 3) : status switch { 0xF1 or 0xF3 => 2, 0xF2 => 3, _ => 1 };
            byte[] bytes = [(byte)status, .. data.AsSpan(0, length - 1)];
            var message = MidiMessage.Read(bytes);
            int n = MidiMessageEncoder.Write(message, written);
            Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(written[..n]));
            checkedCount++;
        }

        Assert.Equal(128 - 16 + 10, checkedCount); // 112 channel statuses + 10 defined system ones
    }

    [Fact]
    public void Equality_IsByBytes()
    {
        var a = MidiMessage.NoteOn(s_ch2, new SevenBit(60), new SevenBit(100));
        var b = MidiMessage.Read([0x92, 60, 100]);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, MidiMessage.NoteOn(s_ch2, new SevenBit(60), new SevenBit(101)));
    }

    private static string Hex(MidiMessage message)
    {
        Span<byte> buffer = stackalloc byte[3];
        return Convert.ToHexString(buffer[..MidiMessageEncoder.Write(message, buffer)]);
    }
}
