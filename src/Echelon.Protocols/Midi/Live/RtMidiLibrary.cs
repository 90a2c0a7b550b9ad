using System.Runtime.InteropServices;

namespace Echelon.Protocols.Midi.Live;

/// <summary>
/// The RtMidi C API (rtmidi_c.h, RtMidi 4–6) bound through function pointers from a library found by
/// its portable name. Function pointers rather than <c>[DllImport]</c>: no assembly-wide import
/// resolver is needed (the assembly has only one, and the OSC transports may want it), a missing
/// library becomes one clear <see cref="MidiPortException"/> instead of a
/// <see cref="DllNotFoundException"/> at the first call, and calls are plain indirect calls (no marshalling stubs).
/// </summary>
internal sealed unsafe class RtMidiLibrary
{
    /// <summary>Names tried in order: the portable name first (librtmidi.so, librtmidi.dylib, rtmidi.dll), then the versioned sonames the runtime packages install.</summary>
    internal static readonly string[] DefaultCandidates =
        ["rtmidi", "librtmidi.so.7", "librtmidi.so.6", "librtmidi.so.5", "librtmidi.so.4", "librtmidi.7.dylib", "librtmidi.6.dylib", "librtmidi.dylib", "rtmidi.dll", "librtmidi.dll"];

    private static readonly Lazy<RtMidiLibrary> s_default = new(() => Load(DefaultCandidates), LazyThreadSafetyMode.ExecutionAndPublication);

    private RtMidiLibrary(nint handle, string name)
    {
        Name = name;
        ApiName = (delegate* unmanaged[Cdecl]<int, byte*>)Export(handle, "rtmidi_api_name");
        OpenPort = (delegate* unmanaged[Cdecl]<Wrapper*, uint, byte*, void>)Export(handle, "rtmidi_open_port");
        OpenVirtualPort = (delegate* unmanaged[Cdecl]<Wrapper*, byte*, void>)Export(handle, "rtmidi_open_virtual_port");
        ClosePort = (delegate* unmanaged[Cdecl]<Wrapper*, void>)Export(handle, "rtmidi_close_port");
        GetPortCount = (delegate* unmanaged[Cdecl]<Wrapper*, uint>)Export(handle, "rtmidi_get_port_count");
        GetPortName = (delegate* unmanaged[Cdecl]<Wrapper*, uint, byte*, int*, int>)Export(handle, "rtmidi_get_port_name");
        InCreate = (delegate* unmanaged[Cdecl]<int, byte*, uint, Wrapper*>)Export(handle, "rtmidi_in_create");
        InFree = (delegate* unmanaged[Cdecl]<Wrapper*, void>)Export(handle, "rtmidi_in_free");
        InGetCurrentApi = (delegate* unmanaged[Cdecl]<Wrapper*, int>)Export(handle, "rtmidi_in_get_current_api");
        InIgnoreTypes = (delegate* unmanaged[Cdecl]<Wrapper*, byte, byte, byte, void>)Export(handle, "rtmidi_in_ignore_types");
        InGetMessage = (delegate* unmanaged[Cdecl]<Wrapper*, byte*, nuint*, double>)Export(handle, "rtmidi_in_get_message");
        OutCreate = (delegate* unmanaged[Cdecl]<int, byte*, Wrapper*>)Export(handle, "rtmidi_out_create");
        OutFree = (delegate* unmanaged[Cdecl]<Wrapper*, void>)Export(handle, "rtmidi_out_free");
        OutGetCurrentApi = (delegate* unmanaged[Cdecl]<Wrapper*, int>)Export(handle, "rtmidi_out_get_current_api");
        OutSendMessage = (delegate* unmanaged[Cdecl]<Wrapper*, byte*, int, int>)Export(handle, "rtmidi_out_send_message");
    }

    public string Name { get; }

    public delegate* unmanaged[Cdecl]<int, byte*> ApiName { get; }

    public delegate* unmanaged[Cdecl]<Wrapper*, uint, byte*, void> OpenPort { get; }

    public delegate* unmanaged[Cdecl]<Wrapper*, byte*, void> OpenVirtualPort { get; }

    public delegate* unmanaged[Cdecl]<Wrapper*, void> ClosePort { get; }

    public delegate* unmanaged[Cdecl]<Wrapper*, uint> GetPortCount { get; }

    public delegate* unmanaged[Cdecl]<Wrapper*, uint, byte*, int*, int> GetPortName { get; }

    public delegate* unmanaged[Cdecl]<int, byte*, uint, Wrapper*> InCreate { get; }

    public delegate* unmanaged[Cdecl]<Wrapper*, void> InFree { get; }

    public delegate* unmanaged[Cdecl]<Wrapper*, int> InGetCurrentApi { get; }

    public delegate* unmanaged[Cdecl]<Wrapper*, byte, byte, byte, void> InIgnoreTypes { get; }

    public delegate* unmanaged[Cdecl]<Wrapper*, byte*, nuint*, double> InGetMessage { get; }

    public delegate* unmanaged[Cdecl]<int, byte*, Wrapper*> OutCreate { get; }

    public delegate* unmanaged[Cdecl]<Wrapper*, void> OutFree { get; }

    public delegate* unmanaged[Cdecl]<Wrapper*, int> OutGetCurrentApi { get; }

    public delegate* unmanaged[Cdecl]<Wrapper*, byte*, int, int> OutSendMessage { get; }

    /// <summary>The library, loaded once per process.</summary>
    /// <exception cref="MidiPortException">No RtMidi library could be loaded.</exception>
    public static RtMidiLibrary Default => s_default.Value;

    /// <summary>Loads the first of <paramref name="candidates"/> that exists and exports the C API.</summary>
    /// <exception cref="MidiPortException">None could be loaded; the message names them and the packages that provide RtMidi.</exception>
    internal static RtMidiLibrary Load(IReadOnlyList<string> candidates)
    {
        foreach (string name in candidates)
        {
            if (NativeLibrary.TryLoad(name, typeof(RtMidiLibrary).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.AssemblyDirectory, out nint handle) ||
                NativeLibrary.TryLoad(name, out handle))
            {
                if (NativeLibrary.TryGetExport(handle, "rtmidi_out_create", out _))
                {
                    return new RtMidiLibrary(handle, name);
                }
            }
        }

        throw new MidiPortException(
            $"the RtMidi library could not be loaded (tried {string.Join(", ", candidates)}). Live MIDI needs RtMidi 4 or later: " +
            "on Debian/Ubuntu 'apt-get install librtmidi6' (or librtmidi-dev), on macOS 'brew install rtmidi', on Windows put rtmidi.dll next to the program.");
    }

    /// <summary>The name RtMidi gives <paramref name="api"/> ("jack", "alsa", …).</summary>
    public string NameOf(RtMidiApi api) => Marshal.PtrToStringUTF8((nint)ApiName((int)api)) ?? api.ToString();

    /// <summary>Throws when the last call on <paramref name="wrapper"/> failed.</summary>
    public static void ThrowIfFailed(Wrapper* wrapper, string what)
    {
        if (wrapper->Ok == 0)
        {
            throw new MidiPortException($"{what}: {ErrorOf(wrapper)}");
        }
    }

    /// <summary>
    /// What to say about the last failure on <paramref name="wrapper"/>. RtMidi 5's C API stores
    /// <c>msg</c> as the <c>what()</c> of an exception that is destroyed before the call returns, so
    /// the pointer dangles and is never read; RtMidi's own error handler has printed the text on
    /// standard error.
    /// </summary>
    public static string ErrorOf(Wrapper* wrapper) =>
        wrapper->Ok == 0 ? "RtMidi reported an error (its description is on standard error)" : "no error";

    private static nint Export(nint handle, string name) =>
        NativeLibrary.TryGetExport(handle, name, out nint address)
            ? address
            : throw new MidiPortException($"the RtMidi library lacks '{name}'; RtMidi 4 or later is needed.");

    /// <summary><c>struct RtMidiWrapper</c>: the C++ object, user data, whether the last call succeeded, and its error message.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Wrapper
    {
        public nint Pointer;
        public nint Data;
        public byte Ok;
        public nint Message;
    }
}
