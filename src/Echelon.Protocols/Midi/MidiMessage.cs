using System.Globalization;
using System.Runtime.CompilerServices;

namespace Echelon.Protocols.Midi;

/// <summary>
/// One short MIDI 1.0 message (1–3 bytes): a channel voice or mode message, a system common message
/// or a system real-time message. System exclusive is variable-length and travels as bytes
/// (<see cref="IMidiMessageHandler.OnSystemExclusive"/>, <see cref="MidiMessageEncoder.WriteSystemExclusive"/>).
/// </summary>
/// <remarks>
/// A 4-byte value type: building, comparing and encoding one never allocates. The factories take
/// the range-checked types (<see cref="MidiChannel"/>, <see cref="SevenBit"/>, <see cref="FourteenBit"/>),
/// so a message built here is always well formed. Immutable; safe to share between threads.
/// </remarks>
public readonly struct MidiMessage : IEquatable<MidiMessage>
{
    private readonly byte _status;
    private readonly byte _data1;
    private readonly byte _data2;

    private MidiMessage(byte status, byte data1, byte data2)
    {
        _status = status;
        _data1 = data1;
        _data2 = data2;
    }

    /// <summary>Timing clock (F8), sent 24 times per quarter note.</summary>
    public static MidiMessage TimingClock => new(0xF8, 0, 0);

    /// <summary>Start (FA): play from the beginning of the song.</summary>
    public static MidiMessage Start => new(0xFA, 0, 0);

    /// <summary>Continue (FB): play from the current song position.</summary>
    public static MidiMessage Continue => new(0xFB, 0, 0);

    /// <summary>Stop (FC).</summary>
    public static MidiMessage Stop => new(0xFC, 0, 0);

    /// <summary>Active sensing (FE).</summary>
    public static MidiMessage ActiveSensing => new(0xFE, 0, 0);

    /// <summary>System reset (FF).</summary>
    public static MidiMessage SystemReset => new(0xFF, 0, 0);

    /// <summary>Tune request (F6).</summary>
    public static MidiMessage TuneRequest => new(0xF6, 0, 0);

    /// <summary>The status byte (for channel messages, kind | channel); 0 for a default value.</summary>
    public byte Status => _status;

    /// <summary>The first data byte (0 when the message has none).</summary>
    public byte Data1 => _data1;

    /// <summary>The second data byte (0 when the message has fewer than two).</summary>
    public byte Data2 => _data2;

    /// <summary>What the message is.</summary>
    public MidiMessageKind Kind => _status < 0xF0 ? (MidiMessageKind)(_status & 0xF0) : (MidiMessageKind)_status;

    /// <summary>True for channel voice and mode messages (status 80–EF).</summary>
    public bool IsChannelMessage => _status is >= 0x80 and < 0xF0;

    /// <summary>True for system real-time messages (status F8–FF), which may appear between any two bytes.</summary>
    public bool IsRealTime => _status >= 0xF8;

    /// <summary>Bytes on the wire without running status: 1, 2 or 3 (0 for a default value).</summary>
    public int Length => _status == 0 ? 0 : MidiStatus.DataLength(_status) + 1;

    /// <summary>The channel of a channel message.</summary>
    /// <exception cref="InvalidOperationException">The message is not a channel message.</exception>
    public MidiChannel Channel
    {
        get
        {
            if (!IsChannelMessage)
            {
                MidiThrow.NotA("a channel message", Kind);
            }

            return new MidiChannel(_status & 0x0F);
        }
    }

    /// <summary>The note number of a note on, note off or polyphonic pressure message (data byte 1).</summary>
    public SevenBit Note => new(_data1);

    /// <summary>The velocity of a note on or note off (data byte 2).</summary>
    public SevenBit Velocity => new(_data2);

    /// <summary>The controller number of a control change (data byte 1).</summary>
    public SevenBit Controller => new(_data1);

    /// <summary>The controller value of a control change (data byte 2).</summary>
    public SevenBit ControllerValue => new(_data2);

    /// <summary>The program of a program change (data byte 1).</summary>
    public SevenBit Program => new(_data1);

    /// <summary>The pressure of a channel pressure (data byte 1) or polyphonic pressure (data byte 2) message.</summary>
    public SevenBit Pressure => new(Kind == MidiMessageKind.ChannelPressure ? _data1 : _data2);

    /// <summary>The 14-bit value of a pitch bend or song position (data 1 = LSB, data 2 = MSB).</summary>
    public FourteenBit Value14 => new(_data1 | (_data2 << 7));

    /// <summary>True for a note on with velocity above 0 (a note on with velocity 0 is a note off).</summary>
    public bool IsNoteStart => Kind == MidiMessageKind.NoteOn && _data2 != 0;

    /// <summary>True for a note off, or a note on with velocity 0.</summary>
    public bool IsNoteEnd => Kind == MidiMessageKind.NoteOff || (Kind == MidiMessageKind.NoteOn && _data2 == 0);

    /// <summary>Note on (9n).</summary>
    public static MidiMessage NoteOn(MidiChannel channel, SevenBit note, SevenBit velocity) =>
        new((byte)(0x90 | channel.Value), (byte)note.Value, (byte)velocity.Value);

    /// <summary>Note off (8n), release velocity 64 unless given (the specification's default when none is sensed).</summary>
    public static MidiMessage NoteOff(MidiChannel channel, SevenBit note, SevenBit velocity) =>
        new((byte)(0x80 | channel.Value), (byte)note.Value, (byte)velocity.Value);

    /// <summary>Note off (8n) with release velocity 64.</summary>
    public static MidiMessage NoteOff(MidiChannel channel, SevenBit note) => NoteOff(channel, note, new SevenBit(64));

    /// <summary>Polyphonic key pressure (An).</summary>
    public static MidiMessage PolyphonicPressure(MidiChannel channel, SevenBit note, SevenBit pressure) =>
        new((byte)(0xA0 | channel.Value), (byte)note.Value, (byte)pressure.Value);

    /// <summary>Control change (Bn). Controllers 120–127 are the channel mode messages.</summary>
    public static MidiMessage ControlChange(MidiChannel channel, SevenBit controller, SevenBit value) =>
        new((byte)(0xB0 | channel.Value), (byte)controller.Value, (byte)value.Value);

    /// <summary>Program change (Cn).</summary>
    public static MidiMessage ProgramChange(MidiChannel channel, SevenBit program) =>
        new((byte)(0xC0 | channel.Value), (byte)program.Value, 0);

    /// <summary>Channel pressure (Dn).</summary>
    public static MidiMessage ChannelPressure(MidiChannel channel, SevenBit pressure) =>
        new((byte)(0xD0 | channel.Value), (byte)pressure.Value, 0);

    /// <summary>Pitch bend (En), 14 bits with 8192 at rest.</summary>
    public static MidiMessage PitchBend(MidiChannel channel, FourteenBit value) =>
        new((byte)(0xE0 | channel.Value), (byte)value.Lsb.Value, (byte)value.Msb.Value);

    /// <summary>MIDI time code quarter frame (F1): message type in bits 4–6, value in bits 0–3.</summary>
    public static MidiMessage TimeCodeQuarterFrame(SevenBit data) => new(0xF1, (byte)data.Value, 0);

    /// <summary>Song position pointer (F2), in MIDI beats (1 beat = 6 clocks = a sixteenth note).</summary>
    public static MidiMessage SongPosition(FourteenBit beats) => new(0xF2, (byte)beats.Lsb.Value, (byte)beats.Msb.Value);

    /// <summary>Song select (F3).</summary>
    public static MidiMessage SongSelect(SevenBit song) => new(0xF3, (byte)song.Value, 0);

    /// <summary>
    /// The two control changes of a 14-bit controller (MIDI 1.0 §4, "Control Change"): the MSB on
    /// <paramref name="controller"/> (0–31), then the LSB on <paramref name="controller"/> + 32.
    /// Send them in this order: a receiver resets its LSB to 0 when an MSB arrives.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="controller"/> is above 31.</exception>
    public static (MidiMessage Msb, MidiMessage Lsb) ControlChange14(MidiChannel channel, SevenBit controller, FourteenBit value)
    {
        if (controller.Value > 31)
        {
            MidiThrow.OutOfRange(nameof(controller), controller.Value, "a 14-bit controller (its MSB number) must be in [0, 31]");
        }

        return (ControlChange(channel, controller, value.Msb), ControlChange(channel, new SevenBit(controller.Value + 32), value.Lsb));
    }

    /// <summary>
    /// Reads one complete short message (status first, no running status). System exclusive,
    /// undefined status bytes (F4, F5, F9, FD), a lone F7, a missing or surplus data byte, or a data
    /// byte ≥ 0x80 give false.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out MidiMessage message)
    {
        message = default;
        if (bytes.IsEmpty)
        {
            return false;
        }

        byte status = bytes[0];
        int dataLength = MidiStatus.DataLength(status);
        if (status < 0x80 || status == 0xF0 || dataLength < 0 || bytes.Length != dataLength + 1)
        {
            return false;
        }

        byte d1 = dataLength > 0 ? bytes[1] : (byte)0;
        byte d2 = dataLength > 1 ? bytes[2] : (byte)0;
        if ((d1 | d2) >= 0x80)
        {
            return false;
        }

        message = new MidiMessage(status, d1, d2);
        return true;
    }

    /// <summary>Reads one complete short message; see <see cref="TryRead"/>.</summary>
    /// <exception cref="ArgumentException">The bytes are not exactly one well-formed short message.</exception>
    public static MidiMessage Read(ReadOnlySpan<byte> bytes) =>
        TryRead(bytes, out var message)
            ? message
            : throw new ArgumentException($"[{Convert.ToHexString(bytes)}] is not one complete short MIDI message.", nameof(bytes));

    /// <summary>
    /// Builds a message from a status byte and data bytes that the caller has checked (parsers).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static MidiMessage FromTrusted(byte status, byte data1, byte data2) => new(status, data1, data2);

    /// <inheritdoc />
    public bool Equals(MidiMessage other) => _status == other._status && _data1 == other._data1 && _data2 == other._data2;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MidiMessage other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _status | (_data1 << 8) | (_data2 << 16);

    /// <summary>True when both messages have the same bytes.</summary>
    public static bool operator ==(MidiMessage left, MidiMessage right) => left.Equals(right);

    /// <summary>True when the messages differ in any byte.</summary>
    public static bool operator !=(MidiMessage left, MidiMessage right) => !left.Equals(right);

    /// <summary>A readable form, e.g. "NoteOn ch 1 note=60 velocity=100".</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        return Kind switch
        {
            MidiMessageKind.None => "None",
            MidiMessageKind.NoteOn or MidiMessageKind.NoteOff =>
                string.Create(c, $"{Kind} {Channel} note={_data1} velocity={_data2}"),
            MidiMessageKind.PolyphonicPressure => string.Create(c, $"{Kind} {Channel} note={_data1} pressure={_data2}"),
            MidiMessageKind.ControlChange => string.Create(c, $"{Kind} {Channel} controller={_data1} value={_data2}"),
            MidiMessageKind.ProgramChange => string.Create(c, $"{Kind} {Channel} program={_data1}"),
            MidiMessageKind.ChannelPressure => string.Create(c, $"{Kind} {Channel} pressure={_data1}"),
            MidiMessageKind.PitchBend => string.Create(c, $"{Kind} {Channel} value={Value14.Value}"),
            MidiMessageKind.SongPosition => string.Create(c, $"{Kind} beats={Value14.Value}"),
            MidiMessageKind.TimeCodeQuarterFrame or MidiMessageKind.SongSelect => string.Create(c, $"{Kind} {_data1}"),
            _ => Kind.ToString(),
        };
    }
}
