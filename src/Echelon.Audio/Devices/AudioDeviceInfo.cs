namespace Echelon.Audio.Devices;

/// <summary>An output device as the audio library lists it (<see cref="PortAudioOutput.ListDevices"/>).</summary>
/// <param name="Index">The library's index for it, valid until the device list changes.</param>
/// <param name="Name">The device's name ("system" for a JACK server's sound card, "default", "USB Audio").</param>
/// <param name="HostApi">The host API that offers it ("JACK Audio Connection Kit", "ALSA", "Windows WASAPI", "Core Audio").</param>
/// <param name="MaxOutputChannels">How many output channels it has.</param>
/// <param name="DefaultSampleRate">Its default rate, Hz (a JACK server's only rate).</param>
/// <param name="DefaultLowOutputLatency">The latency it suggests for interactive use.</param>
/// <param name="IsDefaultOutput">True for the system's default output device.</param>
public sealed record AudioDeviceInfo(
    int Index,
    string Name,
    string HostApi,
    int MaxOutputChannels,
    double DefaultSampleRate,
    TimeSpan DefaultLowOutputLatency,
    bool IsDefaultOutput)
{
    /// <summary>"[3] JACK Audio Connection Kit: system (2 out, 48000 Hz)".</summary>
    public override string ToString() =>
        $"[{Index}] {HostApi}: {Name} ({MaxOutputChannels} out, {DefaultSampleRate:0} Hz){(IsDefaultOutput ? " default" : "")}";
}
