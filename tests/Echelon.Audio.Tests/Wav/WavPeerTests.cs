using Echelon.Audio.Wav;

namespace Echelon.Audio.Tests.Wav;

/// <summary>
/// Our reader against files written by sox and ffmpeg, checked sample by sample against the tool's
/// own decode to raw float; and sox reading the files our writer makes.
/// </summary>
public sealed class WavPeerTests
{
    [PeerFact("sox")]
    [Trait("Peer", "sox")]
    public void Read_SoxSine24BitStereo_HasTheRightShape()
    {
        using var dir = new TempDirectory();
        var path = dir.File("out.wav");
        PeerTool.Get("sox").Run("-n", "-r", "48000", "-b", "24", "-c", "2", path, "synth", "0.1", "sine", "440");

        var audio = WavReader.Read(path);

        Assert.Equal(48_000, audio.SampleRate);
        Assert.Equal(2, audio.ChannelCount);
        Assert.Equal(4800, audio.FrameCount);
        Assert.Equal(24, audio.BitsPerSample);
        Assert.True(audio.IsExtensible);
        Assert.Contains("fact", audio.SkippedChunks);
        Assert.Equal(audio.Channels[0], audio.Channels[1]);
        Assert.Equal(43, CountRisingZeroCrossings(audio.Channels[0])); // 44 cycles of 440 Hz in 0.1 s; the first starts at sample 0
        Assert.InRange(audio.Channels[0].Max(), 0.999f, 1f);
    }

    [PeerTheory("sox")]
    [Trait("Peer", "sox")]
    [InlineData("unsigned-integer", 8, 1)]
    [InlineData("signed-integer", 16, 2)]
    [InlineData("signed-integer", 24, 1)]
    [InlineData("signed-integer", 24, 2)]
    [InlineData("signed-integer", 32, 2)]
    [InlineData("floating-point", 32, 2)]
    [InlineData("floating-point", 64, 1)]
    [InlineData("signed-integer", 16, 6)]
    public void Read_SoxFile_MatchesSoxsOwnDecode(string encoding, int bits, int channels)
    {
        using var dir = new TempDirectory();
        var path = dir.File("in.wav");
        var raw = dir.File("ref.f32");
        var sox = PeerTool.Get("sox");
        var synth = new List<string> { "-n", "-r", "44100", "-e", encoding, "-b", bits.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", channels.ToString(System.Globalization.CultureInfo.InvariantCulture), path, "synth", "0.05" };
        for (var c = 0; c < channels; c++)
        {
            synth.AddRange(["sine", (220 * (c + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        synth.AddRange(["gain", "-1"]);
        sox.Run(synth);
        sox.Run("-D", path, "-t", "raw", "-e", "floating-point", "-b", "32", raw); // -D: no dither on the way out

        var audio = WavReader.Read(path);

        AssertMatchesRaw(audio, raw, tolerance: bits > 24 ? 1e-7 : 0);
        Assert.Equal(44_100, audio.SampleRate);
        Assert.Equal(channels, audio.ChannelCount);
        Assert.Equal(2205, audio.FrameCount);
        Assert.Equal(bits, audio.BitsPerSample);
    }

    [PeerTheory("ffmpeg")]
    [Trait("Peer", "ffmpeg")]
    [InlineData("pcm_u8", 1)]
    [InlineData("pcm_s16le", 2)]
    [InlineData("pcm_s24le", 2)]
    [InlineData("pcm_s32le", 1)]
    [InlineData("pcm_f32le", 2)]
    [InlineData("pcm_f64le", 2)]
    public void Read_FfmpegFile_MatchesFfmpegsOwnDecode(string codec, int channels)
    {
        using var dir = new TempDirectory();
        var path = dir.File("in.wav");
        var raw = dir.File("ref.f32");
        var ffmpeg = PeerTool.Get("ffmpeg");
        ffmpeg.Run("-nostdin", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=0.1:sample_rate=48000",
            "-af", "volume=0.7", "-ac", channels.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:a", codec, path);
        ffmpeg.Run("-nostdin", "-v", "error", "-i", path, "-f", "f32le", "-c:a", "pcm_f32le", raw);

        var audio = WavReader.Read(path);

        AssertMatchesRaw(audio, raw, tolerance: 1e-7);
        Assert.Equal(48_000, audio.SampleRate);
        Assert.Equal(4800, audio.FrameCount);
        Assert.Contains("LIST", audio.SkippedChunks); // ffmpeg tags its files with LIST/INFO/ISFT
    }

    [PeerTheory("sox")]
    [Trait("Peer", "sox")]
    [InlineData(WavSampleFormat.Pcm16, 1)]
    [InlineData(WavSampleFormat.Pcm16, 2)]
    [InlineData(WavSampleFormat.Pcm24, 2)]
    [InlineData(WavSampleFormat.Pcm24, 3)]
    [InlineData(WavSampleFormat.IeeeFloat32, 2)]
    [InlineData(WavSampleFormat.IeeeFloat32, 4)]
    public void SoxReadsOurFile_AsWeDo(WavSampleFormat format, int channels)
    {
        using var dir = new TempDirectory();
        var path = dir.File("ours.wav");
        var raw = dir.File("sox.f32");
        var interleaved = WavWriterTests.Noise(3001 * channels, seed: 41, amplitude: 0.9f);
        using (var writer = WavWriter.Create(path, new WavWriterOptions { SampleRate = 32_000, Channels = channels, Format = format }))
        {
            writer.WriteInterleaved(interleaved);
        }

        var sox = PeerTool.Get("sox");
        var info = sox.Run("--i", path).StandardOutput;
        sox.Run("-D", path, "-t", "raw", "-e", "floating-point", "-b", "32", raw);

        Assert.Contains($"Channels       : {channels}", info, StringComparison.Ordinal);
        Assert.Contains("Sample Rate    : 32000", info, StringComparison.Ordinal);
        Assert.Contains("3001 samples", info, StringComparison.Ordinal);

        // sox carries samples as 32-bit integers inside, so a float file comes back within one
        // float ulp near full scale (2^-24 ≈ 6e-8); integer files come back exactly.
        AssertMatchesRaw(WavReader.Read(path), raw, tolerance: format == WavSampleFormat.IeeeFloat32 ? 6e-8 : 0);
    }

    private static void AssertMatchesRaw(WavAudio audio, string rawF32Path, double tolerance)
    {
        var bytes = File.ReadAllBytes(rawF32Path);
        var reference = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, reference, 0, reference.Length * 4);
        Assert.Equal(reference.Length, audio.FrameCount * audio.ChannelCount);

        var worst = 0.0;
        for (var i = 0; i < audio.FrameCount; i++)
        {
            for (var c = 0; c < audio.ChannelCount; c++)
            {
                worst = Math.Max(worst, Math.Abs(audio.Channels[c][i] - (double)reference[(i * audio.ChannelCount) + c]));
            }
        }

        Assert.True(worst <= tolerance, $"largest difference from the peer's decode: {worst:E3} (allowed {tolerance:E1})");
    }

    private static int CountRisingZeroCrossings(float[] x)
    {
        var n = 0;
        for (var i = 1; i < x.Length; i++)
        {
            if (x[i - 1] < 0 && x[i] >= 0)
            {
                n++;
            }
        }

        return n;
    }
}
