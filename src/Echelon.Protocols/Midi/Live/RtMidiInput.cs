namespace Echelon.Protocols.Midi.Live;

/// <summary>
/// A live MIDI input through RtMidi: open a virtual port that other programs send to, or connect to
/// one of their outputs; then poll the messages that arrived (RtMidi queues them on its own thread).
/// </summary>
/// <example>
/// <code>
/// using var input = RtMidiInput.Create("echelon", RtMidiApi.UnixJack);
/// input.OpenPort("keyboard");                 // or input.OpenVirtualPort("in")
/// var handler = new MyHandler();              // a struct implementing IMidiMessageHandler
/// input.Poll(ref handler);                    // once per control frame
/// </code>
/// </example>
/// <remarks>
/// <para>Polling rather than RtMidi's callback: the callback runs on the driver's thread, where managed
/// code must not allocate or block; polling hands messages to the caller's thread (the control
/// thread), which is where Echelon wants them.</para>
/// <para>By default RtMidi drops SysEx, timing clock and active sensing; <see cref="Create"/> keeps
/// SysEx and clock (Echelon follows external clock) and drops active sensing; see <see cref="IgnoreTypes"/>.</para>
/// <para>Threading: create and open off the real-time threads; then one thread at a time may poll.
/// Polling never throws and never allocates; messages too long for the buffer are dropped and counted.</para>
/// </remarks>
public sealed unsafe class RtMidiInput : IDisposable
{
    /// <summary>Default capacity of RtMidi's queue, in messages.</summary>
    public const int DefaultQueueSize = 1024;

    private readonly RtMidiDevice _device;
    private readonly byte[] _buffer;
    private readonly MidiMessageParser _parser;
    private long _dropped;

    private RtMidiInput(RtMidiDevice device, int maxMessageLength)
    {
        _device = device;
        _buffer = new byte[maxMessageLength];
        _parser = new MidiMessageParser(maxMessageLength);
    }

    /// <summary>The back end in use.</summary>
    public RtMidiApi Api => _device.CurrentApi;

    /// <summary>True once a port is open.</summary>
    public bool IsOpen => _device.IsOpen;

    /// <summary>The name of the port opened on this side, or null.</summary>
    public string? PortName => _device.PortName;

    /// <summary>The sources this input can connect to (other programs' outputs).</summary>
    public IReadOnlyList<string> PortNames => _device.GetPortNames();

    /// <summary>Messages dropped because they were longer than the buffer.</summary>
    public long DroppedMessages => Interlocked.Read(ref _dropped);

    /// <summary>Creates an input client named <paramref name="clientName"/> on <paramref name="api"/>.</summary>
    /// <param name="clientName">The client name other programs see.</param>
    /// <param name="api">The back end.</param>
    /// <param name="queueSize">RtMidi's queue capacity in messages (older ones are lost when it is full).</param>
    /// <param name="maxMessageLength">The longest message kept (SysEx included), bytes.</param>
    /// <exception cref="MidiPortException">RtMidi is missing, or the back end cannot be used (for JACK: no server).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public static RtMidiInput Create(string clientName, RtMidiApi api = RtMidiApi.Unspecified, int queueSize = DefaultQueueSize, int maxMessageLength = 4096)
    {
        if (queueSize is < 1 or > 1 << 20)
        {
            MidiThrow.OutOfRange(nameof(queueSize), queueSize, "the queue size must be in [1, 1048576] messages");
        }

        if (maxMessageLength is < 3 or > 1 << 20)
        {
            MidiThrow.OutOfRange(nameof(maxMessageLength), maxMessageLength, "the longest message must be in [3, 1048576] bytes");
        }

        var input = new RtMidiInput(RtMidiDevice.Create(RtMidiLibrary.Default, input: true, api, clientName, (uint)queueSize), maxMessageLength);
        input.IgnoreTypes(systemExclusive: false, timing: false, activeSensing: true);
        return input;
    }

    /// <summary>Chooses which kinds of message RtMidi drops before they reach the queue.</summary>
    public void IgnoreTypes(bool systemExclusive, bool timing, bool activeSensing) =>
        _device.Library.InIgnoreTypes(_device.Wrapper, systemExclusive ? (byte)1 : (byte)0, timing ? (byte)1 : (byte)0, activeSensing ? (byte)1 : (byte)0);

    /// <summary>Opens a port named <paramref name="portName"/> that other programs can send to.</summary>
    /// <exception cref="MidiPortException">The back end refused.</exception>
    /// <exception cref="InvalidOperationException">A port is already open.</exception>
    public void OpenVirtualPort(string portName) => _device.OpenVirtual(portName);

    /// <summary>Opens a port and connects source <paramref name="index"/> of <see cref="PortNames"/> to it.</summary>
    /// <exception cref="MidiPortException">There is no such source, or the back end refused.</exception>
    public void OpenPort(int index, string portName = "in") => _device.Open(index, portName);

    /// <summary>Opens a port and connects the first source whose name contains <paramref name="nameContains"/> to it.</summary>
    /// <exception cref="MidiPortException">No source matches (the message lists them), or the back end refused.</exception>
    public void OpenPort(string nameContains, string portName = "in") => _device.Open(nameContains, portName);

    /// <summary>Closes the port (the client stays).</summary>
    public void ClosePort() => _device.Close();

    /// <summary>
    /// Takes the next queued message, if any: its bytes into <paramref name="destination"/> and the
    /// seconds since the previous message (RtMidi's delta time). False when the queue is empty.
    /// </summary>
    public bool TryReceive(Span<byte> destination, out int length, out double deltaSeconds)
    {
        var wrapper = _device.Wrapper;
        while (true)
        {
            nuint size = (nuint)destination.Length;
            fixed (byte* d = destination)
            {
                deltaSeconds = _device.Library.InGetMessage(wrapper, d, &size);
            }

            if (size == 0)
            {
                length = 0;
                return false;
            }

            if (size <= (nuint)destination.Length)
            {
                length = (int)size;
                return true;
            }

            // RtMidi has dequeued a message it could not copy: it is lost; count it and go on.
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>
    /// Delivers every queued message (at most <paramref name="maxMessages"/>) to <paramref name="handler"/>
    /// and returns how many were taken from the queue.
    /// </summary>
    public int Poll<THandler>(ref THandler handler, int maxMessages = int.MaxValue)
        where THandler : IMidiMessageHandler
    {
        int count = 0;
        while (count < maxMessages && TryReceive(_buffer, out int length, out _))
        {
            // Each queued message is complete; the parser turns bytes into a message or a SysEx span.
            _parser.Reset();
            _parser.Parse(new ReadOnlySpan<byte>(_buffer, 0, length), ref handler);
            count++;
        }

        return count;
    }

    /// <summary>Closes the port and frees the client.</summary>
    public void Dispose() => _device.Dispose();
}
