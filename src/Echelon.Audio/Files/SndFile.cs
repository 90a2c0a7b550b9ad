using System.Runtime.InteropServices;

namespace Echelon.Audio.Files;

/// <summary>
/// The part of libsndfile's C API (<c>sndfile.h</c>, stable since 1.0.x) that reading needs, bound
/// by the portable name <c>sndfile</c>; <see cref="SndFileLibrary"/> resolves that name to the
/// installed library (libsndfile.so.1, libsndfile.1.dylib, sndfile.dll).
/// </summary>
/// <remarks>
/// Strings libsndfile returns (<c>sf_strerror</c>, <c>sf_version_string</c>, format names) are
/// static or owned by the library, so they come back as pointers and are copied, never freed.
/// <c>sf_open</c> takes the path as UTF-8, which is what Linux and macOS file systems use; on
/// Windows libsndfile reads it in the ANSI code page (its <c>sf_wchar_open</c> is not bound here).
/// </remarks>
internal static unsafe partial class SndFile
{
    /// <summary>The name every import uses; the assembly's import resolver maps it to a real file.</summary>
    public const string LibraryName = "sndfile";

    /// <summary><c>SFM_READ</c>.</summary>
    public const int ModeRead = 0x10;

    /// <summary><c>SFC_GET_LOG_INFO</c>: the text log libsndfile wrote while parsing the header.</summary>
    public const int CommandGetLogInfo = 0x1001;

    /// <summary><c>SFC_GET_FORMAT_MAJOR_COUNT</c>: how many containers this build knows.</summary>
    public const int CommandGetFormatMajorCount = 0x1030;

    /// <summary><c>SFC_GET_FORMAT_MAJOR</c>: the name and extension of container number <c>format</c>.</summary>
    public const int CommandGetFormatMajor = 0x1031;

    /// <summary><c>SF_FORMAT_TYPEMASK</c>: the container bits of <see cref="Info.Format"/>.</summary>
    public const int FormatTypeMask = 0x0FFF_0000;

    /// <summary><c>SF_FORMAT_SUBMASK</c>: the encoding bits of <see cref="Info.Format"/>.</summary>
    public const int FormatSubMask = 0x0000_FFFF;

    /// <summary><c>SF_FORMAT_RAW</c>: headerless samples, which cannot be recognised, only declared.</summary>
    public const int FormatRaw = 0x04_0000;

    /// <summary><c>SF_ERR_UNRECOGNISED_FORMAT</c> (one of the five public, stable error numbers).</summary>
    public const int ErrorUnrecognisedFormat = 1;

    /// <summary><c>SF_ERR_SYSTEM</c>: the operating system refused (permission, I/O error).</summary>
    public const int ErrorSystem = 2;

    /// <summary><c>SF_ERR_UNSUPPORTED_ENCODING</c>: a known container holding an encoding this build cannot decode.</summary>
    public const int ErrorUnsupportedEncoding = 4;

    /// <summary><c>SF_COUNT_MAX</c>: the frame count libsndfile reports when the length is unknown (a FLAC stream without a total).</summary>
    public const long CountMax = long.MaxValue;

    /// <summary>Opens <paramref name="path"/>; an invalid handle on failure (then ask <see cref="LastOpenError"/>).</summary>
    [LibraryImport(LibraryName, EntryPoint = "sf_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial SndFileHandle Open(string path, int mode, Info* info);

    /// <summary>Reads up to <paramref name="frames"/> interleaved frames as float, integers scaled to [-1, 1).</summary>
    [LibraryImport(LibraryName, EntryPoint = "sf_readf_float")]
    public static partial long ReadFramesFloat(SndFileHandle file, float* destination, long frames);

    /// <summary>The error number of the last operation on <paramref name="file"/>.</summary>
    [LibraryImport(LibraryName, EntryPoint = "sf_error")]
    public static partial int Error(SndFileHandle file);

    /// <summary>The description of the last error on <paramref name="file"/> (a static string).</summary>
    [LibraryImport(LibraryName, EntryPoint = "sf_strerror")]
    public static partial nint ErrorText(SndFileHandle file);

    /// <summary><c>sf_command</c> on an open file.</summary>
    [LibraryImport(LibraryName, EntryPoint = "sf_command")]
    public static partial int Command(SndFileHandle file, int command, void* data, int size);

    /// <summary><c>sf_command</c> with a null file: questions about the library itself.</summary>
    [LibraryImport(LibraryName, EntryPoint = "sf_command")]
    public static partial int Command(nint file, int command, void* data, int size);

    /// <summary>Closes a file opened by <see cref="Open"/>.</summary>
    [LibraryImport(LibraryName, EntryPoint = "sf_close")]
    public static partial int Close(nint file);

    /// <summary>"libsndfile-1.2.0" and the like (a static string).</summary>
    [LibraryImport(LibraryName, EntryPoint = "sf_version_string")]
    public static partial nint VersionString();

    [LibraryImport(LibraryName, EntryPoint = "sf_error")]
    private static partial int ErrorOfNull(nint file);

    [LibraryImport(LibraryName, EntryPoint = "sf_strerror")]
    private static partial nint ErrorTextOfNull(nint file);

    /// <summary>
    /// The error of the last failed <see cref="Open"/>: number and text. libsndfile keeps it in one
    /// global, so the caller must hold the same lock around the open and this call.
    /// </summary>
    public static (int Code, string Text) LastOpenError() =>
        (ErrorOfNull(0), Marshal.PtrToStringUTF8(ErrorTextOfNull(0)) ?? "(no description)");

    /// <summary>The description of the last error on an open file.</summary>
    public static string ErrorTextOf(SndFileHandle file) => Marshal.PtrToStringUTF8(ErrorText(file)) ?? "(no description)";

    /// <summary><c>SF_INFO</c>: what <c>sf_open</c> learnt from the header.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Info
    {
        /// <summary><c>sf_count_t frames</c> (64-bit).</summary>
        public long Frames;

        /// <summary>Frames per second.</summary>
        public int SampleRate;

        /// <summary>Channels per frame.</summary>
        public int Channels;

        /// <summary>Container | encoding | endianness bits.</summary>
        public int Format;

        /// <summary>Sections (1 for every format read here).</summary>
        public int Sections;

        /// <summary>Nonzero when the file can seek.</summary>
        public int Seekable;
    }

    /// <summary><c>SF_FORMAT_INFO</c>: a format code with its name and usual extension (both static strings).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct FormatInfo
    {
        /// <summary>In: the index asked for; out: the format code.</summary>
        public int Format;

        /// <summary><c>const char *name</c>.</summary>
        public nint Name;

        /// <summary><c>const char *extension</c>.</summary>
        public nint Extension;
    }
}
