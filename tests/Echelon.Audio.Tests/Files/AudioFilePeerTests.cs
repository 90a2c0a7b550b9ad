using System.Globalization;
using Echelon.Audio.Files;
using Echelon.Audio.Wav;

namespace Echelon.Audio.Tests.Files;

/// <summary>
/// libsndfile's decode against sox's and ffmpeg's (each converts the FLAC to a float WAV, which our
/// own <see cref="WavReader"/> reads), and files of other containers, made by sox and cut short.
/// </summary>
public sealed class AudioFilePeerTests
{
    [PeerFact("sox", "libsndfile")]
    [Trait("Peer", "sox")]
    [Trait("Peer", "libsndfile")]
    public void Read_MadmomStereoFlac_EqualsSoxsDecode()
    {
        using var dir = new TempDirectory();
        var reference = dir.File("sox.wav");
        PeerTool.Get("sox").Run("-D", SharedAudioData.StereoFlac, "-e", "floating-point", "-b", "32", reference);

        AssertSameSamples(WavReader.Read(reference), AudioFileReader.Read(SharedAudioData.StereoFlac));
    }

    [PeerFact("ffmpeg", "libsndfile")]
    [Trait("Peer", "ffmpeg")]
    [Trait("Peer", "libsndfile")]
    public void Read_MadmomStereoFlac_EqualsFfmpegsDecode()
    {
        using var dir = new TempDirectory();
        var reference = dir.File("ffmpeg.wav");
        PeerTool.Get("ffmpeg").Run("-nostdin", "-v", "error", "-i", SharedAudioData.StereoFlac, "-c:a", "pcm_f32le", reference);

        AssertSameSamples(WavReader.Read(reference), AudioFileReader.Read(SharedAudioData.StereoFlac));
    }

    [PeerTheory("sox", "libsndfile")]
    [Trait("Peer", "sox")]
    [Trait("Peer", "libsndfile")]
    [InlineData("flac", 24, "FLAC PCM 24")]
    [InlineData("aiff", 16, "AIFF PCM 16")]
    [InlineData("au", 16, "AU PCM 16")]
    [InlineData("w64", 24, "W64 PCM 24")]
    [InlineData("wav", 24, "WAV PCM 24")]
    public void Read_SoxFileCutInHalf_IsTruncatedAndKeepsTheFramesBeforeTheCut(string container, int bits, string formatName)
    {
        using var dir = new TempDirectory();
        var whole = dir.File("whole." + container);
        var cut = dir.File("cut." + container);
        PeerTool.Get("sox").Run("-n", "-r", "44100", "-c", "2", "-b", bits.ToString(CultureInfo.InvariantCulture), whole,
            "synth", "0.5", "sine", "440", "sine", "660", "gain", "-3");
        var bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        var full = AudioFileReader.Read(whole);
        var e = Assert.Throws<AudioFileException>(() => AudioFileReader.Read(cut));
        var allowed = AudioFileReader.Read(cut, new AudioFileReadOptions { AllowTruncated = true });

        Assert.Equal(formatName, full.FormatName);
        Assert.Equal(22_050, full.FrameCount);
        Assert.Equal(AudioFileError.Truncated, e.Kind);
        Assert.InRange(e.Frame!.Value, 1, 22_049);
        Assert.True(allowed.IsTruncated);
        Assert.Equal(e.Frame, allowed.FrameCount);
        for (var c = 0; c < 2; c++)
        {
            Assert.Equal(full.Channels[c][..allowed.FrameCount], allowed.Channels[c]);
        }
    }

    [PeerFact("ffmpeg", "libsndfile")]
    [Trait("Peer", "ffmpeg")]
    [Trait("Peer", "libsndfile")]
    public void Read_Rf64CutInHalf_IsTruncated()
    {
        using var dir = new TempDirectory();
        var whole = dir.File("whole.wav");
        var cut = dir.File("cut.wav");
        PeerTool.Get("ffmpeg").Run("-nostdin", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=0.5:sample_rate=44100",
            "-c:a", "pcm_s16le", "-rf64", "always", whole);
        var bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<AudioFileException>(() => AudioFileReader.Read(cut));

        Assert.Equal("RF64 PCM 16", AudioFileReader.Read(whole).FormatName);
        Assert.Equal(AudioFileError.Truncated, e.Kind);
        Assert.InRange(e.Frame!.Value, 1, 22_049);
    }

    /// <summary>
    /// Equal sample for sample. A 16-bit FLAC holds integers, and all three decoders divide by 32768,
    /// which is exact in float, so no tolerance is needed; should one ever round differently the
    /// failure names the worst difference in 16-bit steps.
    /// </summary>
    private static void AssertSameSamples(WavAudio reference, DecodedAudio decoded)
    {
        Assert.Equal(reference.SampleRate, decoded.SampleRate);
        Assert.Equal(reference.ChannelCount, decoded.ChannelCount);
        Assert.Equal(reference.FrameCount, decoded.FrameCount);
        var worst = 0.0;
        var differing = 0;
        for (var c = 0; c < decoded.ChannelCount; c++)
        {
            for (var i = 0; i < decoded.FrameCount; i++)
            {
                var d = Math.Abs(reference.Channels[c][i] - (double)decoded.Channels[c][i]);
                worst = Math.Max(worst, d);
                differing += d > 0 ? 1 : 0;
            }
        }

        Assert.True(differing == 0, $"{differing} samples differ, by up to {worst * 32768:0.###} 16-bit steps.");
    }
}
