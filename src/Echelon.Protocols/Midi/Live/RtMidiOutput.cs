namespace Echelon.Protocols.Midi.Live;

/// <summary>
/// A live MIDI output through RtMidi (CoreMIDI, ALSA, JACK, Windows MM): open a virtual port that
/// other programs connect to, or connect to one of theirs; then send messages, SysEx and clock.
/// </summary>
/// <example>
/// <code>
/// using var output = RtMidiOutput.Create("echelon", RtMidiApi.UnixJack);
/// output.OpenVirtualPort("out");                       // or output.OpenPort("midi-monitor:input");
/// output.TrySend(MidiMessage.NoteOn(new MidiChannel(0), new SevenBit(60), new SevenBit(100)));
/// </code>
/// </example>
/// <remarks>
/// <para>The native library is found by its portable name (librtmidi.so / .dylib / rtmidi.dll, then the
/// versioned sonames); when it is missing, <see cref="Create"/> throws <see cref="MidiPortException"/>
/// saying which package to install.</para>
/// <para>Threading: create and open off the real-time threads; then one thread at a time may send.
/// Sending never throws and never allocates: a failure is counted in <see cref="SendFailures"/> and
/// described by <see cref="LastError"/>. With JACK a send writes to RtMidi's ring buffer and the event
/// leaves at the next period boundary (up to one period of jitter, PEERS.md).</para>
/// </remarks>
public sealed unsafe class RtMidiOutput : IDisposable
{
    private readonly RtMidiDevice _device;
    private long _sendFailures;

    private RtMidiOutput(RtMidiDevice device)
    {
        _device = device;
    }

    /// <summary>The back end in use.</summary>
    public RtMidiApi Api => _device.CurrentApi;

    /// <summary>True once a port is open.</summary>
    public bool IsOpen => _device.IsOpen;

    /// <summary>The name of the port opened on this side, or null.</summary>
    public string? PortName => _device.PortName;

    /// <summary>Sends that failed (no port open, the back end refused); read from any thread.</summary>
    public long SendFailures => Interlocked.Read(ref _sendFailures);

    /// <summary>What the last failed send reported, or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>The destinations this output can connect to (other programs' inputs).</summary>
    public IReadOnlyList<string> PortNames => _device.GetPortNames();

    /// <summary>Creates an output client named <paramref name="clientName"/> on <paramref name="api"/>.</summary>
    /// <exception cref="MidiPortException">RtMidi is missing, or the back end cannot be used (for JACK: no server).</exception>
    public static RtMidiOutput Create(string clientName, RtMidiApi api = RtMidiApi.Unspecified) =>
        new(RtMidiDevice.Create(RtMidiLibrary.Default, input: false, api, clientName, 0));

    /// <summary>Opens a port named <paramref name="portName"/> that other programs can connect to.</summary>
    /// <exception cref="MidiPortException">The back end refused.</exception>
    /// <exception cref="InvalidOperationException">A port is already open.</exception>
    public void OpenVirtualPort(string portName) => _device.OpenVirtual(portName);

    /// <summary>Opens a port and connects it to destination <paramref name="index"/> of <see cref="PortNames"/>.</summary>
    /// <exception cref="MidiPortException">There is no such destination, or the back end refused.</exception>
    public void OpenPort(int index, string portName = "out") => _device.Open(index, portName);

    /// <summary>Opens a port and connects it to the first destination whose name contains <paramref name="nameContains"/>.</summary>
    /// <exception cref="MidiPortException">No destination matches (the message lists them), or the back end refused.</exception>
    public void OpenPort(string nameContains, string portName = "out") => _device.Open(nameContains, portName);

    /// <summary>Closes the port (the client stays; a port can be opened again).</summary>
    public void ClosePort() => _device.Close();

    /// <summary>Sends one short message. False (counted) when it could not be sent.</summary>
    public bool TrySend(MidiMessage message)
    {
        byte* bytes = stackalloc byte[3];
        int length = MidiMessageEncoder.TryWrite(message, new Span<byte>(bytes, 3), out int written) ? written : 0;
        return length > 0 ? SendRaw(bytes, length) : Fail("a default MidiMessage is not a message");
    }

    /// <summary>Sends a system exclusive message (F0 <paramref name="payload"/> F7). False (counted) when it could not be sent.</summary>
    public bool TrySendSystemExclusive(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > 65536 || payload.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0)
        {
            return Fail("a system exclusive payload must be at most 65536 bytes, each below 0x80");
        }

        byte* bytes = stackalloc byte[payload.Length + 2];
        int length = MidiMessageEncoder.WriteSystemExclusive(payload, new Span<byte>(bytes, payload.Length + 2));
        return SendRaw(bytes, length);
    }

    /// <summary>Closes the port and frees the client.</summary>
    public void Dispose() => _device.Dispose();

    private bool SendRaw(byte* bytes, int length)
    {
        var wrapper = _device.Wrapper;
        if (!_device.IsOpen)
        {
            return Fail("no port is open");
        }

        int result = _device.Library.OutSendMessage(wrapper, bytes, length);
        return result == 0 && wrapper->Ok != 0 || Fail(RtMidiLibrary.ErrorOf(wrapper));
    }

    private bool Fail(string error)
    {
        Interlocked.Increment(ref _sendFailures);
        LastError = error;
        return false;
    }
}
