namespace Echelon.Audio.Devices;

/// <summary>
/// An audio device could not be opened or started: <see cref="Kind"/> says which failure it is and the message what
/// to do (install the library, pick another device, change the format).
/// </summary>
/// <remarks>
/// Thrown only from the calls that open and start a device, on the caller's thread. A device lost while it runs is
/// never thrown: the output's <see cref="IAudioOutput.State"/> turns <see cref="AudioOutputState.Failed"/> and
/// <see cref="IAudioOutput.Failed"/> is raised.
/// </remarks>
public sealed class AudioDeviceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Which failure it is.</param>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public AudioDeviceException(AudioDeviceError kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    /// <summary>Creates the exception with a generic message (prefer the detailed constructor).</summary>
    public AudioDeviceException()
        : this(AudioDeviceError.OpenFailed, "the audio device could not be opened")
    {
    }

    /// <summary>Creates the exception with a message only (prefer the detailed constructor).</summary>
    public AudioDeviceException(string message)
        : this(AudioDeviceError.OpenFailed, message)
    {
    }

    /// <summary>Creates the exception with a message and cause (prefer the detailed constructor).</summary>
    public AudioDeviceException(string message, Exception inner)
        : this(AudioDeviceError.OpenFailed, message, inner)
    {
    }

    /// <summary>Which failure it is.</summary>
    public AudioDeviceError Kind { get; }
}
