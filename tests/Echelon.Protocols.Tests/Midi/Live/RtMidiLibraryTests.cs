using Echelon.Protocols.Midi.Live;

namespace Echelon.Protocols.Tests.Midi.Live;

public sealed class RtMidiLibraryTests
{
    [Fact]
    public void MissingLibrary_ThrowsMidiPortException_NamingWhatWasTriedAndWhatToInstall()
    {
        var e = Assert.Throws<MidiPortException>(() => RtMidiLibrary.Load(["no-such-rtmidi", "libno-such-rtmidi.so.9"]));
        Assert.Contains("no-such-rtmidi, libno-such-rtmidi.so.9", e.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install librtmidi6", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PortableNames_ComeFirst() =>
        Assert.Equal("rtmidi", RtMidiLibrary.DefaultCandidates[0]);
}
