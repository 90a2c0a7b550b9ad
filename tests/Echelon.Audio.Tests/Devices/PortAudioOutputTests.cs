using Echelon.Audio.Devices;
using Echelon.Audio.Tests.Devices.Infrastructure;
using Xunit.Abstractions;

namespace Echelon.Audio.Tests.Devices;

/// <summary>
/// PortAudioOutput: loading, listing and refusing (this file); against a JACK server on the dummy driver
/// (<c>.Jack.cs</c>); and losing that server (<c>.ServerLoss.cs</c>, run last by <see cref="RunsLastOrderer"/>:
/// afterwards PortAudio cannot reach JACK again in this process). One class, so that the order holds: xunit orders
/// the tests within a class, not the classes within a collection.
/// </summary>
[Collection(PortAudioGroup.Name)]
[TestCaseOrderer(RunsLastOrderer.TypeName, RunsLastOrderer.AssemblyName)]
public sealed partial class PortAudioOutputTests(JackForPortAudio jack, ITestOutputHelper log)
{
    private static readonly AudioOutputOptions s_jack = new() { HostApi = "JACK", DeviceName = "system" };
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(20);

    [Fact]
    public void Load_NoCandidateLoads_SaysHowToInstallPortAudio()
    {
        var e = Assert.Throws<AudioDeviceException>(() => PortAudioLibrary.Load(["libportaudio-echelon-missing.so.9"]));
        Assert.Equal(AudioDeviceError.LibraryMissing, e.Kind);
        Assert.Contains("libportaudio-echelon-missing.so.9", e.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install libportaudio2", e.Message, StringComparison.Ordinal);
        Assert.Contains("brew install portaudio", e.Message, StringComparison.Ordinal);
        Assert.Contains("--audio none", e.Message, StringComparison.Ordinal);
    }

    [PeerFact("libportaudio")]
    [Trait("Peer", "libportaudio")]
    public void ListDevices_GivesNamesHostApisAndChannels_AndLeavesPortAudioTerminated()
    {
        Assert.Equal(0, PortAudioLibrary.Users);
        IReadOnlyList<AudioDeviceInfo> devices = PortAudioOutput.ListDevices();
        foreach (AudioDeviceInfo d in devices)
        {
            log.WriteLine(d.ToString());
            Assert.False(string.IsNullOrEmpty(d.Name));
            Assert.False(string.IsNullOrEmpty(d.HostApi));
            Assert.True(d.MaxOutputChannels > 0);
            Assert.True(d.DefaultSampleRate > 0);
        }

        Assert.True(devices.Count(d => d.IsDefaultOutput) <= 1);
        Assert.Equal(0, PortAudioLibrary.Users);
    }

    [PeerFact("libportaudio")]
    [Trait("Peer", "libportaudio")]
    public void Open_NoSuchDevice_ListsTheDevicesThereAre()
    {
        var e = Assert.Throws<AudioDeviceException>(() => new PortAudioOutput(new AudioOutputOptions { DeviceName = "no-such-device-echelon" }));
        log.WriteLine(e.Message);
        Assert.Equal(AudioDeviceError.DeviceNotFound, e.Kind);
        Assert.Contains("no output device named like 'no-such-device-echelon'", e.Message, StringComparison.Ordinal);
        Assert.Contains("--audio none", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, PortAudioLibrary.Users);
    }

    [PeerFact("libportaudio")]
    [Trait("Peer", "libportaudio")]
    public void Open_NoSuchHostApi_SaysSo()
    {
        var e = Assert.Throws<AudioDeviceException>(() => new PortAudioOutput(new AudioOutputOptions { HostApi = "no-such-host-api" }));
        Assert.Equal(AudioDeviceError.DeviceNotFound, e.Kind);
        Assert.Contains("on a host API named like 'no-such-host-api'", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, PortAudioLibrary.Users);
    }
}
