using System.Reflection;
using System.Runtime.InteropServices;
using Echelon.Audio.Devices;
using Echelon.Audio.Files;

namespace Echelon.Audio;

/// <summary>
/// Echelon.Audio's one <c>DllImport</c> resolver: it maps each portable library name the imports use to the file its
/// owner loaded: <c>sndfile</c> to <see cref="SndFileLibrary"/>'s libsndfile, <c>portaudio</c> to
/// <see cref="PortAudioLibrary"/>'s PortAudio. Other names get the runtime's default search.
/// </summary>
/// <remarks>
/// A resolver is per assembly and can be set once, so every native library of this assembly joins this one rather
/// than installing its own. Threading: any thread; installing happens once (static initialisation).
/// </remarks>
internal static class NativeLibraryResolver
{
    private static readonly bool s_installed = Install();

    /// <summary>Installs the resolver if it is not yet installed; true once it is.</summary>
    public static bool EnsureInstalled() => s_installed;

    private static bool Install()
    {
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);
        return true;
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) => libraryName switch
    {
        SndFile.LibraryName => SndFileLibrary.ResolveLoaded(),
        PortAudio.LibraryName => PortAudioLibrary.ResolveLoaded(),
        _ => 0,
    };
}
