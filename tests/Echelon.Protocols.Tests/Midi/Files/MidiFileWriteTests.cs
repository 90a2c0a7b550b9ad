using Echelon.Protocols.Midi;
using Echelon.Protocols.Midi.Files;
using Echelon.Protocols.Tests.Midi.Infrastructure;

namespace Echelon.Protocols.Tests.Midi.Files;

public sealed class MidiFileWriteTests
{
    public static TheoryData<string> ReadableVectors()
    {
        var data = new TheoryData<string>();
        foreach (string file in MidiTestData.AllMidiFiles())
        {
            try
            {
                StandardMidiFile.Read(file);
                data.Add(Path.GetRelativePath(MidiTestData.Root, file));
            }
            catch (MidiFileFormatException)
            {
                // the rejected jazz-soft files have their own tests
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReadableVectors))]
    public void EveryReadableVector_WritesAndReadsBackEqual_WithAndWithoutRunningStatus(string relative)
    {
        var original = StandardMidiFile.Read(MidiTestData.PathOf(relative));
        foreach (bool running in new[] { true, false })
        {
            byte[] bytes = original.ToArray(new MidiFileWriteOptions { UseRunningStatus = running });
            var again = StandardMidiFile.Parse(bytes, MidiFileReadOptions.Strict with { SingleTrackFormatWithSeveralTracks = MidiFileErrorPolicy.Tolerate });
            Assert.Equal(original.Format, again.Format);
            Assert.Equal(original.Division, again.Division);
            Assert.Equal(original.Tracks.Count, again.Tracks.Count);
            for (int t = 0; t < original.Tracks.Count; t++)
            {
                var expected = original.Tracks[t].Events.ToList();
                if (expected.Count == 0 || !expected[^1].IsEndOfTrack)
                {
                    expected.Add(MidiFileEvent.EndOfTrack(original.Tracks[t].EndTick));
                }

                Assert.Equal(expected, again.Tracks[t].Events);
            }

            Assert.Equal(bytes, again.ToArray(new MidiFileWriteOptions { UseRunningStatus = running }));
        }
    }

    [Fact]
    public void RunningStatus_MakesFilesSmaller_AndIsCancelledByMeta()
    {
        var track = new MidiTrack(
        [
            MidiFileEvent.FromMessage(0, MidiMessage.NoteOn(new MidiChannel(0), new SevenBit(60), new SevenBit(100))),
            MidiFileEvent.FromMessage(10, MidiMessage.NoteOn(new MidiChannel(0), new SevenBit(60), new SevenBit(0))),
            MidiFileEvent.Text(10, MidiMetaType.Marker, "m"),
            MidiFileEvent.FromMessage(20, MidiMessage.NoteOn(new MidiChannel(0), new SevenBit(62), new SevenBit(100))),
        ]);
        var smf = new StandardMidiFile(MidiFileFormat.SingleTrack, MidiTimeDivision.Metrical(96), [track]);
        string body = Convert.ToHexString(smf.ToArray()[22..]);
        Assert.Equal("00903C64" + "0A3C00" + "00FF06016D" + "0A903E64" + "00FF2F00", body);
        string plain = Convert.ToHexString(smf.ToArray(new MidiFileWriteOptions { UseRunningStatus = false })[22..]);
        Assert.Equal("00903C64" + "0A903C00" + "00FF06016D" + "0A903E64" + "00FF2F00", plain);
        Assert.Equal("4D54726B00000014", Convert.ToHexString(smf.ToArray()[14..22])); // MTrk, 20 bytes
    }

    [Fact]
    public void Header_IsWrittenAsSpecified()
    {
        var smf = new StandardMidiFile(MidiFileFormat.MultiTrack, MidiTimeDivision.Smpte(25, 40), [new MidiTrack([]), new MidiTrack([])]);
        Assert.Equal("4D546864" + "00000006" + "0001" + "0002" + "E728", Convert.ToHexString(smf.ToArray()[..14]));
        var back = StandardMidiFile.Parse(smf.ToArray());
        Assert.True(back.Division.IsSmpte);
        Assert.Equal(1000.0 / 1000, back.TempoMap.ToSeconds(1000), 1e-15);
    }

    [Fact]
    public void TooLongGap_ThrowsNamingTheTrack()
    {
        var track = new MidiTrack([MidiFileEvent.FromMessage(0x10000000, MidiMessage.TuneRequest)]);
        var smf = new StandardMidiFile(MidiFileFormat.MultiTrack, MidiTimeDivision.Default, [track]);
        var e = Assert.Throws<InvalidOperationException>(() => smf.ToArray());
        Assert.Contains("track 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Construction_ChecksTheRules()
    {
        Assert.Throws<ArgumentException>(() => new StandardMidiFile(MidiFileFormat.SingleTrack, MidiTimeDivision.Default, []));
        Assert.Throws<ArgumentException>(() => new StandardMidiFile(MidiFileFormat.MultiTrack, default, []));
        Assert.Throws<ArgumentException>(() => new MidiTrack([MidiFileEvent.TrackName(5, "a"), MidiFileEvent.TrackName(4, "b")]));
        Assert.Throws<ArgumentException>(() => new MidiTrack([MidiFileEvent.EndOfTrack(0), MidiFileEvent.TrackName(4, "b")]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiFileEvent.TrackName(-1, "a"));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiFileEvent.Meta(0, (MidiMetaType)0x80, []));
        Assert.Throws<ArgumentException>(() => MidiFileEvent.FromMessage(0, default));
    }

    [Fact]
    public void ReadStream_NonSeekable_AndSizeLimit()
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(MidiTestData.ToneJs, "beat.mid"));
        using (var pipe = new NonSeekable(bytes))
        {
            Assert.Equal(StandardMidiFile.Parse(bytes).GetNotes(), StandardMidiFile.Read(pipe).GetNotes());
        }

        var limited = MidiFileReadOptions.Default with { MaxFileBytes = 1000 };
        using (var pipe = new NonSeekable(bytes))
        {
            Assert.Contains("MaxFileBytes", Assert.Throws<MidiFileFormatException>(() => StandardMidiFile.Read(pipe, limited)).Problem, StringComparison.Ordinal);
        }

        using var seekable = new MemoryStream(bytes);
        Assert.Throws<MidiFileFormatException>(() => StandardMidiFile.Read(seekable, limited, "beat.mid"));
    }

    [Fact]
    public void WritePath_ThenReadPath()
    {
        using var dir = new TempDirectory();
        var smf = StandardMidiFile.Read(Path.Combine(MidiTestData.ToneJs, "bach/bach_846.mid"));
        string path = dir.File("copy.mid");
        smf.Write(path);
        Assert.Equal(smf.GetNotes(), StandardMidiFile.Read(path).GetNotes());
        Assert.Equal(smf.DurationSeconds, StandardMidiFile.Read(path).DurationSeconds);
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
