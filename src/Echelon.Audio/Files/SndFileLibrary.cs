using System.Runtime.InteropServices;

namespace Echelon.Audio.Files;

/// <summary>
/// Finds libsndfile for <see cref="SndFile"/>'s imports: the assembly's <c>DllImport</c> resolver
/// (<see cref="NativeLibraryResolver"/>) maps the portable name <c>sndfile</c> to the first of
/// <see cref="DefaultCandidates"/> that loads and exports <c>sf_open</c>. A missing library is one <see cref="AudioFileException"/>
/// (<see cref="AudioFileError.LibraryMissing"/>) that says how to install it, raised before the first
/// call instead of a <see cref="DllNotFoundException"/> from inside it.
/// </summary>
/// <remarks>
/// A resolver is per assembly and can be set once: <see cref="NativeLibraryResolver"/> is
/// Echelon.Audio's only one and asks <see cref="ResolveLoaded"/> for this library.
/// Threading: any thread; loading happens once under a lock.
/// </remarks>
internal static class SndFileLibrary
{
    /// <summary>
    /// Names tried in order: the portable name (libsndfile.so, libsndfile.dylib, sndfile.dll where a
    /// development package or a bundled copy provides it), then the names the runtime packages
    /// install: Debian's <c>libsndfile1</c>, Homebrew's <c>libsndfile</c>, and the two Windows builds.
    /// </summary>
    internal static readonly string[] DefaultCandidates =
        ["sndfile", "libsndfile.so.1", "libsndfile.1.dylib", "sndfile.dll", "libsndfile-1.dll"];

    private static readonly Lock s_gate = new();
    private static readonly bool s_resolverInstalled = NativeLibraryResolver.EnsureInstalled();
    private static nint s_handle;
    private static string? s_version;
    private static IReadOnlyList<string>? s_formats;

    /// <summary>Libsndfile's own version string ("libsndfile-1.2.0"), once loaded.</summary>
    public static string Version
    {
        get
        {
            lock (s_gate)
            {
                return s_version ??= Marshal.PtrToStringUTF8(SndFile.VersionString()) ?? "libsndfile";
            }
        }
    }

    /// <summary>
    /// The containers this build of libsndfile recognises, as "name (.ext)" (RAW left out: a file
    /// without a header cannot be recognised, only declared). Asked of the library, so a newer
    /// libsndfile with MP3 or Opus lists them.
    /// </summary>
    public static unsafe IReadOnlyList<string> Formats
    {
        get
        {
            lock (s_gate)
            {
                if (s_formats is not null)
                {
                    return s_formats;
                }

                var count = 0;
                if (SndFile.Command(0, SndFile.CommandGetFormatMajorCount, &count, sizeof(int)) != 0)
                {
                    count = 0;
                }
                var formats = new List<string>(count);
                for (var i = 0; i < count; i++)
                {
                    var info = new SndFile.FormatInfo { Format = i };
                    if (SndFile.Command(0, SndFile.CommandGetFormatMajor, &info, sizeof(SndFile.FormatInfo)) != 0 ||
                        (info.Format & SndFile.FormatTypeMask) == SndFile.FormatRaw)
                    {
                        continue;
                    }

                    formats.Add($"{Marshal.PtrToStringUTF8(info.Name)} (.{Marshal.PtrToStringUTF8(info.Extension)})");
                }

                return s_formats = formats;
            }
        }
    }

    /// <summary>Loads libsndfile if it is not yet loaded.</summary>
    /// <param name="path">The audio file being opened, for the exception.</param>
    /// <exception cref="AudioFileException">No candidate loads (<see cref="AudioFileError.LibraryMissing"/>).</exception>
    public static void EnsureLoaded(string path)
    {
        _ = s_resolverInstalled;
        lock (s_gate)
        {
            if (s_handle == 0)
            {
                s_handle = Load(DefaultCandidates, path);
            }
        }
    }

    /// <summary>
    /// Loads the first of <paramref name="candidates"/> that exists and exports <c>sf_open</c>. The
    /// seam the tests use to see the message a machine without libsndfile gets.
    /// </summary>
    /// <exception cref="AudioFileException">None loads; the message names them and how to install libsndfile.</exception>
    internal static nint Load(IReadOnlyList<string> candidates, string path)
    {
        if (TryLoad(candidates, out var handle))
        {
            return handle;
        }

        throw new AudioFileException(path, AudioFileError.LibraryMissing,
            $"audio files are read through libsndfile, which could not be loaded (tried {string.Join(", ", candidates)}). " +
            "Install it: Debian/Ubuntu 'apt-get install libsndfile1', macOS 'brew install libsndfile', " +
            "Windows: put sndfile.dll from libsndfile's releases next to the program.");
    }

    private static bool TryLoad(IReadOnlyList<string> candidates, out nint handle)
    {
        foreach (var name in candidates)
        {
            if (NativeLibrary.TryLoad(name, typeof(SndFileLibrary).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.AssemblyDirectory, out handle) ||
                NativeLibrary.TryLoad(name, out handle))
            {
                if (NativeLibrary.TryGetExport(handle, "sf_open", out _))
                {
                    return true;
                }

                NativeLibrary.Free(handle);
            }
        }

        handle = 0;
        return false;
    }

    /// <summary>The loaded library for the resolver (loading it if need be); 0 when none loads.</summary>
    internal static nint ResolveLoaded()
    {
        lock (s_gate)
        {
            if (s_handle == 0 && TryLoad(DefaultCandidates, out var handle))
            {
                s_handle = handle;
            }

            return s_handle;
        }
    }
}
