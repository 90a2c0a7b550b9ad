namespace Echelon.Audio.Devices;

/// <summary>Why an audio device could not be used, so a caller can act on it without parsing the message.</summary>
public enum AudioDeviceError
{
    /// <summary>The native audio library (PortAudio) is not installed. The message says how to install it; <c>--audio none</c> runs without it.</summary>
    LibraryMissing,

    /// <summary>The audio library is installed but would not start (<c>Pa_Initialize</c> failed). Retrying rarely helps.</summary>
    InitializeFailed,

    /// <summary>No device matches the options. The message lists the devices there are; pick one by name.</summary>
    DeviceNotFound,

    /// <summary>The device refused the format (sample rate, channels, block size) or is busy. The message carries the library's words.</summary>
    OpenFailed,

    /// <summary>The device opened but would not start. It may have gone away; open it again or fall back to no device.</summary>
    StartFailed,
}
