namespace Echelon.Protocols.Midi;

/// <summary>
/// Turns a MIDI 1.0 byte stream (a serial port, a USB or network transport, a device callback) into
/// messages, one chunk at a time: a message may be split across any number of chunks.
/// </summary>
/// <remarks>
/// <para>Rules from the MIDI 1.0 Detailed Specification:</para>
/// <list type="bullet">
/// <item>Running status: after a channel message, further data bytes repeat its status. System
/// exclusive and system common messages cancel it; real-time messages do not.</item>
/// <item>Real-time bytes (F8–FF) may appear anywhere, even between the data bytes of another
/// message or inside system exclusive; each is delivered at once and changes nothing else.</item>
/// <item>System exclusive ends with F7. Any other status byte (not real-time) ends it too early: it is
/// dropped and counted in <see cref="InterruptedMessages"/>, and the new status byte is used.</item>
/// </list>
/// <para>Nothing throws on bad input; every problem is dropped and counted so a live input keeps
/// running: <see cref="StrayDataBytes"/>, <see cref="InterruptedMessages"/>,
/// <see cref="UndefinedStatusBytes"/>, <see cref="OversizedSystemExclusive"/>.</para>
/// <para>Threading: one parser per input stream, used by one thread at a time. After construction
/// <see cref="Parse{THandler}"/> never allocates.</para>
/// </remarks>
public sealed class MidiMessageParser
{
    /// <summary>Largest system exclusive payload kept by default (bytes between F0 and F7).</summary>
    public const int DefaultMaxSystemExclusiveLength = 4096;

    private readonly byte[] _sysEx;

    // The status the next data bytes belong to (running status for channel messages), 0 when none.
    private byte _status;
    private int _expected;
    private int _received;
    private byte _data1;

    // True from a status byte until its message completes (a running status alone is not partial).
    private bool _partial;
    private bool _inSysEx;
    private int _sysExLength;
    private bool _sysExOverflow;

    /// <summary>Creates a parser.</summary>
    /// <param name="maxSystemExclusiveLength">The longest system exclusive payload kept; longer ones are dropped and counted.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSystemExclusiveLength"/> is negative or above 16 MiB.</exception>
    public MidiMessageParser(int maxSystemExclusiveLength = DefaultMaxSystemExclusiveLength)
    {
        if (maxSystemExclusiveLength is < 0 or > 16 << 20)
        {
            MidiThrow.OutOfRange(nameof(maxSystemExclusiveLength), maxSystemExclusiveLength, "the system exclusive limit must be in [0, 16777216] bytes");
        }

        _sysEx = new byte[maxSystemExclusiveLength];
    }

    /// <summary>Data bytes that belonged to no message (no running status in effect), dropped.</summary>
    public long StrayDataBytes { get; private set; }

    /// <summary>Messages cut short by a status byte before their last data byte or F7, dropped.</summary>
    public long InterruptedMessages { get; private set; }

    /// <summary>Undefined status bytes (F4, F5, F9, FD) and EOX bytes (F7) outside system exclusive, ignored.</summary>
    public long UndefinedStatusBytes { get; private set; }

    /// <summary>System exclusive messages longer than the limit, dropped.</summary>
    public long OversizedSystemExclusive { get; private set; }

    /// <summary>The longest system exclusive payload kept.</summary>
    public int MaxSystemExclusiveLength => _sysEx.Length;

    /// <summary>Forgets any partial message and the running status (the counters stay).</summary>
    public void Reset()
    {
        _status = 0;
        _expected = 0;
        _received = 0;
        _partial = false;
        _inSysEx = false;
        _sysExLength = 0;
        _sysExOverflow = false;
    }

    /// <summary>Parses <paramref name="bytes"/>, delivering each message to <paramref name="handler"/> as it completes.</summary>
    /// <typeparam name="THandler">Prefer a struct: the calls are then specialized and inlined.</typeparam>
    public void Parse<THandler>(ReadOnlySpan<byte> bytes, ref THandler handler)
        where THandler : IMidiMessageHandler
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (b < 0x80)
            {
                Data(b, ref handler);
            }
            else if (b >= 0xF8)
            {
                if (b is 0xF9 or 0xFD)
                {
                    UndefinedStatusBytes++;
                }
                else
                {
                    handler.OnMessage(MidiMessage.FromTrusted(b, 0, 0));
                }
            }
            else
            {
                Status(b, ref handler);
            }
        }
    }

    private void Data<THandler>(byte b, ref THandler handler)
        where THandler : IMidiMessageHandler
    {
        if (_inSysEx)
        {
            if (_sysExLength < _sysEx.Length)
            {
                _sysEx[_sysExLength++] = b;
            }
            else
            {
                _sysExOverflow = true;
            }

            return;
        }

        if (_status == 0)
        {
            StrayDataBytes++;
            return;
        }

        _partial = true;
        if (_received == 0)
        {
            _data1 = b;
            _received = 1;
            if (_expected == 1)
            {
                Complete(_data1, 0, ref handler);
            }

            return;
        }

        Complete(_data1, b, ref handler);
    }

    private void Complete<THandler>(byte data1, byte data2, ref THandler handler)
        where THandler : IMidiMessageHandler
    {
        var message = MidiMessage.FromTrusted(_status, data1, data2);
        _received = 0;
        _partial = false;
        if (_status >= 0xF0)
        {
            // System common messages do not run: a data byte after one is stray.
            _status = 0;
        }

        handler.OnMessage(message);
    }

    private void Status<THandler>(byte b, ref THandler handler)
        where THandler : IMidiMessageHandler
    {
        if (_inSysEx)
        {
            _inSysEx = false;
            if (b == 0xF7)
            {
                if (_sysExOverflow)
                {
                    OversizedSystemExclusive++;
                }
                else
                {
                    handler.OnSystemExclusive(new ReadOnlySpan<byte>(_sysEx, 0, _sysExLength));
                }

                return;
            }

            InterruptedMessages++;
        }
        else if (_partial)
        {
            // A status byte in the middle of a message: the partial message is lost.
            InterruptedMessages++;
        }

        _received = 0;
        _partial = false;
        if (b < 0xF0)
        {
            _status = b;
            _expected = MidiStatus.DataLength(b);
            _partial = true;
            return;
        }

        // System exclusive and system common cancel running status.
        _status = 0;
        switch (b)
        {
            case 0xF0:
                _inSysEx = true;
                _sysExLength = 0;
                _sysExOverflow = false;
                return;
            case 0xF7:
            case 0xF4:
            case 0xF5:
                UndefinedStatusBytes++;
                return;
            case 0xF6:
                handler.OnMessage(MidiMessage.TuneRequest);
                return;
            default:
                // F1, F2, F3: wait for their data bytes.
                _status = b;
                _expected = MidiStatus.DataLength(b);
                _partial = true;
                return;
        }
    }
}
