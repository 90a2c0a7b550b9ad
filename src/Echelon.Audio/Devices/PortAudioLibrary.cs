using System.Runtime.InteropServices;

namespace Echelon.Audio.Devices;

/// <summary>
/// Loads PortAudio for <see cref="PortAudio"/>'s imports and keeps it initialised while anything uses it:
/// <see cref="Acquire"/> calls <c>Pa_Initialize</c> for the first user, <see cref="Release"/> calls
/// <c>Pa_Terminate</c> after the last, and every call that touches PortAudio's global state runs under
/// <see cref="Gate"/>.
/// </summary>
/// <remarks>
/// <para>
/// Why reference-counted by hand when PortAudio counts too: host APIs take their device lists at
/// <c>Pa_Initialize</c> (JACK's lists the clients running then), so a device that appears later is seen only after
/// the count returns to 0 and PortAudio initialises again; counting here makes that moment ours to know.
/// </para>
/// <para>Threading: any thread but the audio thread (it takes a lock).</para>
/// </remarks>
internal static class PortAudioLibrary
{
    /// <summary>
    /// Names tried in order: the portable name (libportaudio.so, libportaudio.dylib, portaudio.dll where a development
    /// package or a bundled copy provides it), then what the runtime packages install: Debian's <c>libportaudio2</c>,
    /// Homebrew's <c>portaudio</c>, and the two Windows builds' usual names.
    /// </summary>
    internal static IReadOnlyList<string> DefaultCandidates { get; } =
        ["portaudio", "libportaudio.so.2", "libportaudio.2.dylib", "portaudio.dll", "libportaudio-2.dll", "portaudio_x64.dll"];

    private static readonly bool s_resolverInstalled = NativeLibraryResolver.EnsureInstalled();
    private static nint s_handle;
    private static int s_users;

    /// <summary>The lock every PortAudio call outside the audio callback holds.</summary>
    public static Lock Gate { get; } = new();

    /// <summary>How many users hold PortAudio initialised now (for tests).</summary>
    public static int Users
    {
        get
        {
            lock (Gate)
            {
                return s_users;
            }
        }
    }

    /// <summary>Loads the library if need be and initialises PortAudio for one more user.</summary>
    /// <exception cref="AudioDeviceException">The library is missing (<see cref="AudioDeviceError.LibraryMissing"/>) or <c>Pa_Initialize</c> failed.</exception>
    public static void Acquire()
    {
        _ = s_resolverInstalled;
        lock (Gate)
        {
            if (s_handle == 0)
            {
                s_handle = Load(DefaultCandidates);
            }

            if (s_users == 0)
            {
                int error = PortAudio.Initialize();
                if (error != PortAudio.NoError)
                {
                    throw new AudioDeviceException(AudioDeviceError.InitializeFailed, $"Pa_Initialize failed: {PortAudio.ErrorText(error)}.");
                }
            }

            s_users++;
        }
    }

    /// <summary>Gives back one user's hold; the last one terminates PortAudio.</summary>
    public static void Release()
    {
        lock (Gate)
        {
            if (s_users == 0)
            {
                return;
            }

            if (--s_users == 0)
            {
                _ = PortAudio.Terminate();
            }
        }
    }

    /// <summary>
    /// Loads the first of <paramref name="candidates"/> that exists and exports <c>Pa_Initialize</c>. The seam the
    /// tests use to see the message a machine without PortAudio gets.
    /// </summary>
    /// <exception cref="AudioDeviceException">None loads; the message names them and how to install PortAudio.</exception>
    internal static nint Load(IReadOnlyList<string> candidates)
    {
        if (TryLoad(candidates, out var handle))
        {
            return handle;
        }

        throw new AudioDeviceException(AudioDeviceError.LibraryMissing,
            $"audio output goes through PortAudio, which could not be loaded (tried {string.Join(", ", candidates)}). " +
            "Install it: Debian/Ubuntu 'apt-get install libportaudio2', macOS 'brew install portaudio', " +
            "Windows: put portaudio.dll next to the program. Or run without a device: --audio none.");
    }

    /// <summary>The loaded library for the resolver (loading it if need be); 0 when none loads.</summary>
    internal static nint ResolveLoaded()
    {
        lock (Gate)
        {
            if (s_handle == 0 && TryLoad(DefaultCandidates, out var handle))
            {
                s_handle = handle;
            }

            return s_handle;
        }
    }

    /// <summary>
    /// The name PortAudio's JACK client got from the server ("PortAudio", or "PortAudio-01" when that was taken), or
    /// null where this PortAudio has no JACK host API or JACK is not running. Call while holding an <see cref="Acquire"/>.
    /// </summary>
    internal static unsafe string? JackClientName()
    {
        lock (Gate)
        {
            if (s_handle == 0 || s_users == 0 || !NativeLibrary.TryGetExport(s_handle, "PaJack_GetClientName", out nint export))
            {
                return null;
            }

            byte* name = null;
            int error = ((delegate* unmanaged[Cdecl]<byte**, int>)export)(&name);
            return error == PortAudio.NoError && name is not null ? Marshal.PtrToStringUTF8((nint)name) : null;
        }
    }

    private static bool TryLoad(IReadOnlyList<string> candidates, out nint handle)
    {
        foreach (string name in candidates)
        {
            if (NativeLibrary.TryLoad(name, typeof(PortAudioLibrary).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.AssemblyDirectory, out handle) ||
                NativeLibrary.TryLoad(name, out handle))
            {
                if (NativeLibrary.TryGetExport(handle, "Pa_Initialize", out _))
                {
                    return true;
                }

                NativeLibrary.Free(handle);
            }
        }

        handle = 0;
        return false;
    }
}
