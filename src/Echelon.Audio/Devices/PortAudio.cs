using System.Runtime.InteropServices;

namespace Echelon.Audio.Devices;

/// <summary>
/// The part of PortAudio's C API (<c>portaudio.h</c>, V19) that callback output needs, bound by the portable name
/// <c>portaudio</c>; <see cref="PortAudioLibrary"/> resolves that name to the installed library (Debian
/// <c>libportaudio.so.2</c>, Homebrew <c>libportaudio.2.dylib</c>, a Windows <c>portaudio.dll</c>).
/// </summary>
/// <remarks>
/// <c>unsigned long</c> (sample formats, flags, frame counts) is 64 bits on Linux and macOS and 32 on Windows, so it
/// crosses as <see cref="CULong"/>. Strings PortAudio returns (device and host API names, error texts) are owned by
/// the library and valid until <c>Pa_Terminate</c>; they are copied at once and never freed. PortAudio is not
/// thread-safe for initialisation, enumeration, opening and closing: <see cref="PortAudioLibrary"/> serialises those.
/// </remarks>
internal static unsafe partial class PortAudio
{
    /// <summary>The name every import uses; the assembly's import resolver maps it to a real file.</summary>
    public const string LibraryName = "portaudio";

    /// <summary><c>paNoError</c>.</summary>
    public const int NoError = 0;

    /// <summary><c>paNoDevice</c>.</summary>
    public const int NoDevice = -1;

    /// <summary><c>paUnanticipatedHostError</c>: the host API failed; <see cref="GetLastHostErrorInfo"/> says how.</summary>
    public const int UnanticipatedHostError = -9999;

    /// <summary><c>paFloat32</c>: 32-bit float samples, ±1.0 full scale.</summary>
    public const uint SampleFormatFloat32 = 0x0000_0001;

    /// <summary><c>paNoFlag</c>: PortAudio clips and dithers when it converts our floats to a device's integers.</summary>
    public const uint StreamFlagsNone = 0;

    /// <summary><c>paOutputUnderflow</c>: the device played a gap because an earlier callback was late.</summary>
    public const uint OutputUnderflow = 0x0000_0004;

    /// <summary><c>paOutputOverflow</c>: output was discarded because the device could not take it.</summary>
    public const uint OutputOverflow = 0x0000_0008;

    /// <summary><c>paPrimingOutput</c>: the callback fills buffers before the stream starts (not a gap).</summary>
    public const uint PrimingOutput = 0x0000_0010;

    /// <summary><c>paContinue</c>: keep calling back.</summary>
    public const int Continue = 0;

    /// <summary><c>paJACK</c>, the host API type id of JACK.</summary>
    public const int HostApiJack = 12;

    [LibraryImport(LibraryName, EntryPoint = "Pa_Initialize")]
    public static partial int Initialize();

    [LibraryImport(LibraryName, EntryPoint = "Pa_Terminate")]
    public static partial int Terminate();

    /// <summary>A static description of <paramref name="error"/>.</summary>
    [LibraryImport(LibraryName, EntryPoint = "Pa_GetErrorText")]
    public static partial nint GetErrorText(int error);

    /// <summary>"PortAudio V19.6.0-devel, revision 396fe4b6699ae929d3a685b3ef8a7e97396139a4" and the like.</summary>
    [LibraryImport(LibraryName, EntryPoint = "Pa_GetVersionText")]
    public static partial nint GetVersionText();

    [LibraryImport(LibraryName, EntryPoint = "Pa_GetHostApiCount")]
    public static partial int GetHostApiCount();

    [LibraryImport(LibraryName, EntryPoint = "Pa_GetHostApiInfo")]
    public static partial HostApiInfo* GetHostApiInfo(int hostApi);

    [LibraryImport(LibraryName, EntryPoint = "Pa_GetDeviceCount")]
    public static partial int GetDeviceCount();

    [LibraryImport(LibraryName, EntryPoint = "Pa_GetDefaultOutputDevice")]
    public static partial int GetDefaultOutputDevice();

    [LibraryImport(LibraryName, EntryPoint = "Pa_GetDeviceInfo")]
    public static partial DeviceInfo* GetDeviceInfo(int device);

    [LibraryImport(LibraryName, EntryPoint = "Pa_GetLastHostErrorInfo")]
    public static partial HostErrorInfo* GetLastHostErrorInfo();

    /// <summary>Opens a callback stream; <paramref name="callback"/> runs on the host's audio thread.</summary>
    [LibraryImport(LibraryName, EntryPoint = "Pa_OpenStream")]
    public static partial int OpenStream(
        nint* stream,
        StreamParameters* inputParameters,
        StreamParameters* outputParameters,
        double sampleRate,
        CULong framesPerBuffer,
        CULong streamFlags,
        delegate* unmanaged[Cdecl]<void*, float*, CULong, CallbackTimeInfo*, CULong, nint, int> callback,
        nint userData);

    [LibraryImport(LibraryName, EntryPoint = "Pa_CloseStream")]
    public static partial int CloseStream(nint stream);

    [LibraryImport(LibraryName, EntryPoint = "Pa_StartStream")]
    public static partial int StartStream(nint stream);

    /// <summary>Stops after the buffers queued have played.</summary>
    [LibraryImport(LibraryName, EntryPoint = "Pa_StopStream")]
    public static partial int StopStream(nint stream);

    /// <summary>Stops at once, dropping what is queued.</summary>
    [LibraryImport(LibraryName, EntryPoint = "Pa_AbortStream")]
    public static partial int AbortStream(nint stream);

    /// <summary>1 while the callback is being called, 0 when it is not, a negative error otherwise.</summary>
    [LibraryImport(LibraryName, EntryPoint = "Pa_IsStreamActive")]
    public static partial int IsStreamActive(nint stream);

    [LibraryImport(LibraryName, EntryPoint = "Pa_GetStreamInfo")]
    public static partial StreamInfo* GetStreamInfo(nint stream);

    /// <summary>The text of <paramref name="error"/>, with the host API's own words for <see cref="UnanticipatedHostError"/>.</summary>
    public static string ErrorText(int error)
    {
        string text = Marshal.PtrToStringUTF8(GetErrorText(error)) ?? $"PortAudio error {error}";
        if (error == UnanticipatedHostError)
        {
            HostErrorInfo* host = GetLastHostErrorInfo();
            if (host is not null && host->ErrorText != 0)
            {
                text += $" ({Marshal.PtrToStringUTF8(host->ErrorText)}, host error {host->ErrorCode.Value})";
            }
        }

        return $"{text} [{error}]";
    }

    /// <summary><c>PaHostApiInfo</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct HostApiInfo
    {
        public int StructVersion;
        public int Type;
        public nint Name;
        public int DeviceCount;
        public int DefaultInputDevice;
        public int DefaultOutputDevice;
    }

    /// <summary><c>PaDeviceInfo</c> (struct version 2).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct DeviceInfo
    {
        public int StructVersion;
        public nint Name;
        public int HostApi;
        public int MaxInputChannels;
        public int MaxOutputChannels;
        public double DefaultLowInputLatency;
        public double DefaultLowOutputLatency;
        public double DefaultHighInputLatency;
        public double DefaultHighOutputLatency;
        public double DefaultSampleRate;
    }

    /// <summary><c>PaStreamParameters</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct StreamParameters
    {
        public int Device;
        public int ChannelCount;
        public CULong SampleFormat;
        public double SuggestedLatency;
        public nint HostApiSpecificStreamInfo;
    }

    /// <summary><c>PaStreamInfo</c>: what an open stream really got.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct StreamInfo
    {
        public int StructVersion;
        public double InputLatency;
        public double OutputLatency;
        public double SampleRate;
    }

    /// <summary><c>PaStreamCallbackTimeInfo</c>: seconds on the stream's clock (origin unspecified).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct CallbackTimeInfo
    {
        public double InputBufferAdcTime;
        public double CurrentTime;
        public double OutputBufferDacTime;
    }

    /// <summary><c>PaHostErrorInfo</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct HostErrorInfo
    {
        public int HostApiType;
        public CLong ErrorCode;
        public nint ErrorText;
    }
}
