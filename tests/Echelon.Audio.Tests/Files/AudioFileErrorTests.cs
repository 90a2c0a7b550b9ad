using Echelon.Audio.Files;
using Echelon.Testing;

namespace Echelon.Audio.Tests.Files;

/// <summary>
/// Every bad input gives its own <see cref="AudioFileError"/> and a message that says what is wrong and what is allowed.
/// Most need libsndfile; the checks made before it is loaded (path, options) and the missing-library message do not.
/// </summary>
public sealed class AudioFileErrorTests
{
    private const ushort Pcm = 1;
    private const ushort IeeeFloat = 3;

    [Fact]
    public void Read_MissingFile_IsNotFound()
    {
        using var dir = new TempDirectory();
        var path = dir.File("nothing-here.wav");

        var e = Assert.Throws<AudioFileException>(() => AudioFileReader.Read(path));

        Assert.Equal(AudioFileError.NotFound, e.Kind);
        Assert.Equal(path, e.Path);
        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains("no such file", e.Message, StringComparison.Ordinal);
        Assert.Null(e.Frame);
    }

    [Fact]
    public void Read_Folder_IsNotFound()
    {
        using var dir = new TempDirectory();

        var e = Assert.Throws<AudioFileException>(() => AudioFileReader.Read(dir.Path));

        Assert.Equal(AudioFileError.NotFound, e.Kind);
        Assert.Contains("folder", e.Message, StringComparison.Ordinal);
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_EmptyFile_IsEmptyAndListsTheReadableFormats()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("empty.wav");

        var e = Assert.Throws<AudioFileException>(() => AudioFileReader.Read(path));

        Assert.Equal(AudioFileError.Empty, e.Kind);
        Assert.Contains("0 bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains("(.wav)", e.Message, StringComparison.Ordinal);
        Assert.Contains("(.flac)", e.Message, StringComparison.Ordinal);
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_TextFile_IsUnsupportedFormatNamingWhatLibsndfileSaidAndWhatItReads()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("notes.wav", "this is a text file", "not audio at all");

        var e = Assert.Throws<AudioFileException>(() => AudioFileReader.Read(path));

        Assert.Equal(AudioFileError.UnsupportedFormat, e.Kind);
        Assert.Contains("libsndfile", e.Message, StringComparison.Ordinal);
        Assert.Contains(" says \"", e.Message, StringComparison.Ordinal);
        Assert.Contains("(.wav)", e.Message, StringComparison.Ordinal);
        Assert.Contains("(.flac)", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(.raw)", e.Message, StringComparison.Ordinal); // headerless data cannot be recognised
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_WavWhoseDataChunkDeclaresMoreThanIsThere_IsTruncatedAtTheLastWholeFrame()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cut.wav");
        var present = WavBytes.Int16s([.. Enumerable.Range(0, 100).Select(i => (short)(i * 100))]); // 50 stereo frames
        File.WriteAllBytes(path, WavBytes.Riff(WavBytes.Fmt(Pcm, 2, 44_100, 16), WavBytes.Chunk("data", present, declaredSize: 1000)));

        var e = Assert.Throws<AudioFileException>(() => AudioFileReader.Read(path));

        Assert.Equal(AudioFileError.Truncated, e.Kind);
        Assert.Equal(50, e.Frame);
        Assert.Contains("data = 1000 bytes but the file holds 200", e.Message, StringComparison.Ordinal);
        Assert.Contains("ends at frame 50", e.Message, StringComparison.Ordinal);
        Assert.Contains("AllowTruncated", e.Message, StringComparison.Ordinal);
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_TruncatedWavAllowed_ReturnsTheFramesPresent()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cut.wav");
        var present = WavBytes.Int16s([.. Enumerable.Range(0, 100).Select(i => (short)(i * 100))]);
        File.WriteAllBytes(path, WavBytes.Riff(WavBytes.Fmt(Pcm, 2, 44_100, 16), WavBytes.Chunk("data", present, declaredSize: 1000)));

        var audio = AudioFileReader.Read(path, new AudioFileReadOptions { AllowTruncated = true });

        Assert.True(audio.IsTruncated);
        Assert.Equal(50, audio.FrameCount);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i * 200 / 32768f), audio.Channels[0]);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => ((i * 200) + 100) / 32768f), audio.Channels[1]);
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_RealWavCutInHalf_IsTruncatedWhereTheBytesEnd()
    {
        using var dir = new TempDirectory();
        var path = dir.File("half.wav");
        var bytes = File.ReadAllBytes(SharedAudioData.MonoWav);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var expectedFrames = ((bytes.Length / 2) - 44) / 2; // 44-byte header, 2 bytes a frame

        var e = Assert.Throws<AudioFileException>(() => AudioFileReader.Read(path));
        var allowed = AudioFileReader.Read(path, new AudioFileReadOptions { AllowTruncated = true });

        Assert.Equal(AudioFileError.Truncated, e.Kind);
        Assert.Equal(expectedFrames, e.Frame);
        Assert.True(allowed.IsTruncated);
        Assert.Equal(expectedFrames, allowed.FrameCount);
        Assert.Equal(AudioFileReader.Read(SharedAudioData.MonoWav).Channels[0][..expectedFrames], allowed.Channels[0]);
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Open_TruncatedWavAllowed_SaysSoBeforeReading()
    {
        using var dir = new TempDirectory();
        var path = dir.File("half.wav");
        var bytes = File.ReadAllBytes(SharedAudioData.MonoWav);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        using var reader = AudioFileReader.Open(path, new AudioFileReadOptions { AllowTruncated = true });

        Assert.True(reader.IsTruncated);
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_FlacCutInHalf_IsTruncatedAndTheFramesBeforeTheCutAreTheOriginals()
    {
        using var dir = new TempDirectory();
        var path = dir.File("half.flac");
        var bytes = File.ReadAllBytes(SharedAudioData.StereoFlac);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var full = AudioFileReader.Read(SharedAudioData.StereoFlac);

        var e = Assert.Throws<AudioFileException>(() => AudioFileReader.Read(path));
        var allowed = AudioFileReader.Read(path, new AudioFileReadOptions { AllowTruncated = true });

        Assert.Equal(AudioFileError.Truncated, e.Kind);
        Assert.Contains("declares 182919 frames", e.Message, StringComparison.Ordinal);
        Assert.InRange(e.Frame!.Value, 1, 182_918);
        Assert.True(allowed.IsTruncated);
        Assert.Equal(e.Frame, allowed.FrameCount);
        for (var c = 0; c < 2; c++)
        {
            Assert.Equal(full.Channels[c][..allowed.FrameCount], allowed.Channels[c]);
        }
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void ReadFrames_FlacCutInHalf_ReturnsEveryFrameBeforeTheCutThenThrows()
    {
        using var dir = new TempDirectory();
        var path = dir.File("half.flac");
        var bytes = File.ReadAllBytes(SharedAudioData.StereoFlac);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var buffer = new float[1000 * 2];

        using var reader = AudioFileReader.Open(path);
        long returned = 0;
        void ReadToTheEnd()
        {
            int got;
            while ((got = reader.ReadFrames(buffer)) > 0)
            {
                returned += got;
            }
        }

        var e = Assert.Throws<AudioFileException>(ReadToTheEnd);

        Assert.Equal(AudioFileError.Truncated, e.Kind);
        Assert.Equal(returned, e.Frame);
        Assert.Equal(returned, reader.FramesRead);
        Assert.Same(e, Assert.Throws<AudioFileException>(() => reader.ReadFrames(buffer))); // it stays failed
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_FloatWavWithNaN_IsRejectedNamingTheFrameAndChannel()
    {
        var path = FloatWav(out var dir, 0.5f, -0.5f, 0.25f, 0.1f, 0.2f, float.NaN, float.PositiveInfinity, 0f);
        using (dir)
        {
            var e = Assert.Throws<AudioFileException>(() => AudioFileReader.Read(path));

            Assert.Equal(AudioFileError.NonFiniteSample, e.Kind);
            Assert.Equal(2, e.Frame);
            Assert.Equal(1, e.Channel);
            Assert.Contains("frame 2", e.Message, StringComparison.Ordinal);
            Assert.Contains("channel 1 is NaN", e.Message, StringComparison.Ordinal);
            Assert.Contains("ReplaceWithZero or Keep", e.Message, StringComparison.Ordinal);
        }
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_FloatWavWithNegativeInfinityFirst_NamesFrameZero()
    {
        var path = FloatWav(out var dir, float.NegativeInfinity, 0f);
        using (dir)
        {
            var e = Assert.Throws<AudioFileException>(() => AudioFileReader.Read(path));

            Assert.Equal(0, e.Frame);
            Assert.Equal(0, e.Channel);
            Assert.Contains("-infinity", e.Message, StringComparison.Ordinal);
        }
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_FloatWavWithNaN_ReplacedByZeroAndCounted()
    {
        var path = FloatWav(out var dir, 0.5f, -0.5f, 0.25f, 0.1f, 0.2f, float.NaN, float.PositiveInfinity, 0f);
        using (dir)
        {
            var audio = AudioFileReader.Read(path, new AudioFileReadOptions { NonFiniteSamples = NonFiniteSamplePolicy.ReplaceWithZero });

            Assert.Equal(2, audio.NonFiniteSampleCount);
            Assert.Equal([0.5f, 0.25f, 0.2f, 0f], audio.Channels[0]);
            Assert.Equal([-0.5f, 0.1f, 0f, 0f], audio.Channels[1]);
        }
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_FloatWavWithNaN_KeptAndCounted()
    {
        var path = FloatWav(out var dir, 0.5f, -0.5f, 0.25f, 0.1f, 0.2f, float.NaN, float.PositiveInfinity, 0f);
        using (dir)
        {
            var audio = AudioFileReader.Read(path, new AudioFileReadOptions { NonFiniteSamples = NonFiniteSamplePolicy.Keep });

            Assert.Equal(2, audio.NonFiniteSampleCount);
            Assert.True(float.IsNaN(audio.Channels[1][2]));
            Assert.Equal(float.PositiveInfinity, audio.Channels[0][3]);
        }
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_ZeroChannels_IsInvalidHeaderSayingWhatIsAllowed()
    {
        var e = ReadBadFmt(channels: 0, rate: 44_100);

        Assert.Equal(AudioFileError.InvalidHeader, e.Kind);
        Assert.Contains("A readable header has 1 to 64 channels", e.Message, StringComparison.Ordinal);
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_ZeroSampleRate_IsInvalidHeaderNamingTheSampleRate()
    {
        var e = ReadBadFmt(channels: 1, rate: 0);

        Assert.Equal(AudioFileError.InvalidHeader, e.Kind);
        Assert.Contains("sample rate below 1 Hz", e.Message, StringComparison.Ordinal);
        Assert.Contains("a sample rate of 1 to 768000 Hz", e.Message, StringComparison.Ordinal);
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_HundredChannels_IsInvalidHeaderUnlessTheLimitIsRaised()
    {
        var e = ReadBadFmt(channels: 100, rate: 44_100);
        var raised = ReadFmt(channels: 100, rate: 44_100, new AudioFileReadOptions { MaxChannels = 128 });

        Assert.Equal(AudioFileError.InvalidHeader, e.Kind);
        Assert.Contains("100 channels; allowed 1 to 64 (AudioFileReadOptions.MaxChannels)", e.Message, StringComparison.Ordinal);
        Assert.Equal(100, raised.ChannelCount);
        Assert.Equal(2, raised.FrameCount);
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_TwoThousandChannels_IsInvalidHeaderEvenForLibsndfile()
    {
        var e = ReadBadFmt(channels: 2000, rate: 44_100, new AudioFileReadOptions { MaxChannels = 4096 });

        Assert.Equal(AudioFileError.InvalidHeader, e.Kind);
        Assert.Contains("libsndfile", e.Message, StringComparison.Ordinal);
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_MegahertzSampleRate_IsInvalidHeaderUnlessTheLimitIsRaised()
    {
        var e = ReadBadFmt(channels: 1, rate: 1_000_000);
        var raised = ReadFmt(channels: 1, rate: 1_000_000, new AudioFileReadOptions { MaxSampleRate = 2_000_000 });

        Assert.Equal(AudioFileError.InvalidHeader, e.Kind);
        Assert.Contains("sample rate 1000000 Hz; allowed 1 to 768000 Hz", e.Message, StringComparison.Ordinal);
        Assert.Equal(1_000_000, raised.SampleRate);
    }

    [Fact]
    public void Load_NoLibsndfile_SaysHowToInstallIt()
    {
        var e = Assert.Throws<AudioFileException>(() => SndFileLibrary.Load(["echelon-no-such-sndfile", "libechelon-missing.so.9"], "take.flac"));

        Assert.Equal(AudioFileError.LibraryMissing, e.Kind);
        Assert.Equal("take.flac", e.Path);
        Assert.Contains("echelon-no-such-sndfile, libechelon-missing.so.9", e.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install libsndfile1", e.Message, StringComparison.Ordinal);
        Assert.Contains("brew install libsndfile", e.Message, StringComparison.Ordinal);
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Load_DefaultCandidates_FindsTheInstalledLibrary()
    {
        Assert.NotEqual(0, SndFileLibrary.Load(SndFileLibrary.DefaultCandidates, "any.wav"));
        Assert.StartsWith("libsndfile", SndFileLibrary.Version, StringComparison.Ordinal);
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void ReadFrames_BufferNotWholeFrames_Throws()
    {
        using var reader = AudioFileReader.Open(SharedAudioData.StereoFlac);

        Assert.Throws<ArgumentException>("interleaved", () => reader.ReadFrames(new float[5]));
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void ReadFrames_AfterDispose_Throws()
    {
        var reader = AudioFileReader.Open(SharedAudioData.StereoFlac);
        reader.Dispose();

        Assert.Throws<ObjectDisposedException>(() => reader.ReadFrames(new float[2]));
        reader.Dispose(); // twice is fine
    }

    [Fact]
    public void Open_BadOptions_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AudioFileReader.Open(SharedAudioData.MonoWav, new AudioFileReadOptions { MaxChannels = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => AudioFileReader.Open(SharedAudioData.MonoWav, new AudioFileReadOptions { MaxSampleRate = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => AudioFileReader.Open(SharedAudioData.MonoWav, new AudioFileReadOptions { NonFiniteSamples = (NonFiniteSamplePolicy)9 }));
        Assert.Throws<ArgumentException>(() => AudioFileReader.Open(""));
    }

    /// <summary>A stereo IEEE-float WAV holding <paramref name="interleaved"/>, built by hand so it can hold NaN.</summary>
    private static string FloatWav(out TempDirectory dir, params float[] interleaved)
    {
        dir = new TempDirectory();
        var path = dir.File("float.wav");
        File.WriteAllBytes(path, WavBytes.Riff(WavBytes.Fmt(IeeeFloat, 2, 44_100, 32), WavBytes.Chunk("data", WavBytes.Floats(interleaved))));
        return path;
    }

    private static AudioFileException ReadBadFmt(ushort channels, uint rate, AudioFileReadOptions? options = null) =>
        Assert.Throws<AudioFileException>(() => ReadFmt(channels, rate, options));

    /// <summary>A 16-bit WAV whose fmt chunk declares <paramref name="channels"/> and <paramref name="rate"/>, with two frames of silence (one when 0 channels).</summary>
    private static DecodedAudio ReadFmt(ushort channels, uint rate, AudioFileReadOptions? options = null)
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.wav");
        var frameBytes = Math.Max(1, (int)channels) * 2;
        var fmt = WavBytes.Chunk("fmt ", WavBytes.FmtBody(Pcm, channels, rate, 16, blockAlign: (ushort)frameBytes));
        File.WriteAllBytes(path, WavBytes.Riff(fmt, WavBytes.Chunk("data", new byte[2 * frameBytes])));
        return AudioFileReader.Read(path, options);
    }
}
