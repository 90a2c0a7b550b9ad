using System.Text;

namespace Echelon.Protocols.Midi.Live;

/// <summary>What RtMidi inputs and outputs share: the native object, its ports, open and close, free.</summary>
internal sealed unsafe class RtMidiDevice : IDisposable
{
    private readonly RtMidiLibrary _library;
    private readonly bool _isInput;
    private RtMidiLibrary.Wrapper* _wrapper;

    private RtMidiDevice(RtMidiLibrary library, RtMidiLibrary.Wrapper* wrapper, bool isInput)
    {
        _library = library;
        _wrapper = wrapper;
        _isInput = isInput;
    }

    public RtMidiLibrary Library => _library;

    public RtMidiLibrary.Wrapper* Wrapper
    {
        get
        {
            ObjectDisposedException.ThrowIf(_wrapper == null, this);
            return _wrapper;
        }
    }

    public bool IsOpen { get; private set; }

    public string? PortName { get; private set; }

    public static RtMidiDevice Create(RtMidiLibrary library, bool input, RtMidiApi api, string clientName, uint queueSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientName);
        byte[] name = Utf8(clientName);
        RtMidiLibrary.Wrapper* wrapper;
        fixed (byte* n = name)
        {
            wrapper = input ? library.InCreate((int)api, n, queueSize) : library.OutCreate((int)api, n);
        }

        if (wrapper == null)
        {
            throw new MidiPortException($"RtMidi could not create a MIDI {(input ? "input" : "output")} client '{clientName}'.");
        }

        var device = new RtMidiDevice(library, wrapper, input);
        if (wrapper->Ok == 0 || wrapper->Pointer == 0)
        {
            string error = RtMidiLibrary.ErrorOf(wrapper);
            device.Dispose();
            throw new MidiPortException(
                $"RtMidi could not create a MIDI {(input ? "input" : "output")} client '{clientName}' on the {library.NameOf(api)} back end: {error}. " +
                (api == RtMidiApi.UnixJack ? "Is a JACK server running (jackd), and does JACK_DEFAULT_SERVER name it?" : "Is the back end available on this machine?"));
        }

        return device;
    }

    public RtMidiApi CurrentApi => (RtMidiApi)(_isInput ? _library.InGetCurrentApi(Wrapper) : _library.OutGetCurrentApi(Wrapper));

    public IReadOnlyList<string> GetPortNames()
    {
        var wrapper = Wrapper;
        uint count = _library.GetPortCount(wrapper);
        var names = new List<string>((int)Math.Min(count, 1024u));
        for (uint i = 0; i < count; i++)
        {
            int length = 0;
            if (_library.GetPortName(wrapper, i, null, &length) < 0 || length <= 0)
            {
                continue;
            }

            byte[] buffer = new byte[length];
            fixed (byte* b = buffer)
            {
                _library.GetPortName(wrapper, i, b, &length);
            }

            int end = Array.IndexOf(buffer, (byte)0);
            names.Add(Encoding.UTF8.GetString(buffer, 0, end >= 0 ? end : buffer.Length));
        }

        return names;
    }

    public void OpenVirtual(string portName)
    {
        ArgumentException.ThrowIfNullOrEmpty(portName);
        ThrowIfOpen();
        fixed (byte* n = Utf8(portName))
        {
            _library.OpenVirtualPort(Wrapper, n);
        }

        RtMidiLibrary.ThrowIfFailed(_wrapper, $"RtMidi could not open the virtual port '{portName}'");
        IsOpen = true;
        PortName = portName;
    }

    public void Open(int index, string portName)
    {
        ArgumentException.ThrowIfNullOrEmpty(portName);
        ThrowIfOpen();
        var names = GetPortNames();
        if ((uint)index >= (uint)names.Count)
        {
            throw new MidiPortException($"there is no MIDI port {index}; the ports are: {Describe(names)}.");
        }

        fixed (byte* n = Utf8(portName))
        {
            _library.OpenPort(Wrapper, (uint)index, n);
        }

        RtMidiLibrary.ThrowIfFailed(_wrapper, $"RtMidi could not open port {index} ('{names[index]}')");
        IsOpen = true;
        PortName = portName;
    }

    public void Open(string nameContains, string portName)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameContains);
        var names = GetPortNames();
        int index = -1;
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i].Contains(nameContains, StringComparison.Ordinal))
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            throw new MidiPortException($"no MIDI port name contains '{nameContains}'; the ports are: {Describe(names)}.");
        }

        Open(index, portName);
    }

    public void Close()
    {
        if (_wrapper != null && IsOpen)
        {
            _library.ClosePort(_wrapper);
            IsOpen = false;
        }
    }

    public void Dispose()
    {
        if (_wrapper == null)
        {
            return;
        }

        Close();
        if (_isInput)
        {
            _library.InFree(_wrapper);
        }
        else
        {
            _library.OutFree(_wrapper);
        }

        _wrapper = null;
    }

    private void ThrowIfOpen()
    {
        if (IsOpen)
        {
            throw new InvalidOperationException($"the port is already open as '{PortName}'; close it first.");
        }
    }

    private static string Describe(IReadOnlyList<string> names) =>
        names.Count == 0 ? "(none)" : string.Join(", ", names.Select((n, i) => $"{i}: '{n}'"));

    private static byte[] Utf8(string text) => [.. Encoding.UTF8.GetBytes(text), 0];
}
