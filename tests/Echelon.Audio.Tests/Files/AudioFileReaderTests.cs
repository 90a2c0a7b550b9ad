using Echelon.Audio.Files;
using Echelon.Audio.Tests.Wav;
using Echelon.Audio.Wav;
using Echelon.Testing;

namespace Echelon.Audio.Tests.Files;

/// <summary>Real files read whole and block by block, against our own WAV reader and writer (libsndfile needed: skipped with an install hint where it is missing).</summary>
public sealed class AudioFileReaderTests
{
    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_MadmomMonoWav_HasItsShape()
    {
        var audio = AudioFileReader.Read(SharedAudioData.MonoWav);

        Assert.Equal(44_100, audio.SampleRate);
        Assert.Equal(1, audio.ChannelCount);
        Assert.Equal(123_481, audio.FrameCount);
        Assert.Equal(123_481, audio.Info.FrameCount);
        Assert.Equal("WAV PCM 16", audio.FormatName);
        Assert.Equal(123_481 / 44_100.0, audio.DurationSeconds, 12);
        Assert.False(audio.IsTruncated);
        Assert.Equal(0, audio.NonFiniteSampleCount);
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_MadmomMonoWav_EqualsOurWavReaderSampleForSample()
    {
        var ours = WavReader.Read(SharedAudioData.MonoWav);

        var theirs = AudioFileReader.Read(SharedAudioData.MonoWav);

        Assert.Equal(ours.Channels[0], theirs.Channels[0]);
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Read_MadmomStereoFlac_HasItsShapeAndSixteenBitSamples()
    {
        var audio = AudioFileReader.Read(SharedAudioData.StereoFlac);

        Assert.Equal(44_100, audio.SampleRate);
        Assert.Equal(2, audio.ChannelCount);
        Assert.Equal(182_919, audio.FrameCount);
        Assert.Equal(182_919, audio.Info.FrameCount);
        Assert.Equal("FLAC PCM 16", audio.FormatName);
        Assert.Equal("FLAC", audio.Info.Container);
        Assert.Equal("PCM 16", audio.Info.Encoding);
        Assert.NotEqual(audio.Channels[0], audio.Channels[1]);

        // Every sample is a 16-bit code scaled by 1/32768, and the file is not silence.
        var offGrid = 0;
        var peak = 0f;
        foreach (var channel in audio.Channels)
        {
            foreach (var s in channel)
            {
                var code = s * 32768f;
                offGrid += code != MathF.Round(code) || code < -32768 || code > 32767 ? 1 : 0;
                peak = Math.Max(peak, Math.Abs(s));
            }
        }

        Assert.Equal(0, offGrid);
        Assert.InRange(peak, 0.1f, 1f);
    }

    [PeerTheory("libsndfile")]
    [Trait("Peer", "libsndfile")]
    [InlineData(WavSampleFormat.Pcm16, 1, "WAV PCM 16")]
    [InlineData(WavSampleFormat.Pcm16, 2, "WAV PCM 16")]
    [InlineData(WavSampleFormat.Pcm24, 2, "WAV PCM 24")]
    [InlineData(WavSampleFormat.IeeeFloat32, 3, "WAV FLOAT 32")]
    [InlineData(WavSampleFormat.Pcm16, 6, "WAV PCM 16")]
    public void Read_FileOurWavWriterWrote_EqualsOurWavReader(WavSampleFormat format, int channels, string formatName)
    {
        using var dir = new TempDirectory();
        var path = dir.File("ours.wav");
        const int frames = 5003;
        var interleaved = WavWriterTests.Noise(frames * channels, seed: 19, amplitude: 0.9f);
        using (var writer = WavWriter.Create(path, new WavWriterOptions { SampleRate = 48_000, Channels = channels, Format = format }))
        {
            writer.WriteInterleaved(interleaved);
        }

        var ours = WavReader.Read(path);
        var theirs = AudioFileReader.Read(path);

        Assert.Equal(formatName, theirs.FormatName);
        Assert.Equal(48_000, theirs.SampleRate);
        Assert.Equal(channels, theirs.ChannelCount);
        Assert.Equal(frames, theirs.FrameCount);
        for (var c = 0; c < channels; c++)
        {
            Assert.Equal(ours.Channels[c], theirs.Channels[c]);
        }

        if (format == WavSampleFormat.IeeeFloat32)
        {
            for (var c = 0; c < channels; c++)
            {
                Assert.Equal(Enumerable.Range(0, frames).Select(i => interleaved[(i * channels) + c]), theirs.Channels[c]);
            }
        }
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void Open_MadmomStereoFlac_ReportsTheHeaderBeforeDecoding()
    {
        using var reader = AudioFileReader.Open(SharedAudioData.StereoFlac);

        Assert.Equal(44_100, reader.Info.SampleRate);
        Assert.Equal(2, reader.Info.ChannelCount);
        Assert.Equal(182_919, reader.Info.FrameCount);
        Assert.Equal(182_919 / 44_100.0, reader.Info.DurationSeconds!.Value, 12);
        Assert.Equal("FLAC PCM 16", reader.Info.FormatName);
        Assert.Equal(SharedAudioData.StereoFlac, reader.Info.Path);
        Assert.Equal(0, reader.FramesRead);
    }

    [PeerTheory("libsndfile")]
    [Trait("Peer", "libsndfile")]
    [InlineData("mono wav")]
    [InlineData("stereo flac")]
    public void ReadFrames_InOddBlockSizes_EqualsTheWholeFileRead(string which)
    {
        var path = which == "mono wav" ? SharedAudioData.MonoWav : SharedAudioData.StereoFlac;
        var whole = AudioFileReader.Read(path);
        var channels = whole.ChannelCount;
        int[] sizes = [1, 7, 1000, 4097, 3, 65_539, 0, 127];
        var buffer = new float[sizes.Max() * channels];
        var planar = Enumerable.Range(0, channels).Select(_ => new List<float>()).ToArray();

        using var reader = AudioFileReader.Open(path);
        var calls = 0;
        while (true)
        {
            var size = sizes[calls++ % sizes.Length];
            var got = reader.ReadFrames(buffer.AsSpan(0, size * channels));
            Assert.InRange(got, 0, size);
            if (got == 0 && size > 0)
            {
                break;
            }

            for (var i = 0; i < got; i++)
            {
                for (var c = 0; c < channels; c++)
                {
                    planar[c].Add(buffer[(i * channels) + c]);
                }
            }
        }

        Assert.Equal(whole.FrameCount, reader.FramesRead);
        Assert.Equal(0, reader.ReadFrames(buffer)); // the end stays the end
        Assert.False(reader.IsTruncated);
        for (var c = 0; c < channels; c++)
        {
            Assert.Equal(whole.Channels[c], planar[c]);
        }
    }

    [PeerFact("libsndfile")]
    [Trait("Peer", "libsndfile")]
    public void ReadFrames_EmptySpan_ReadsNothing()
    {
        using var reader = AudioFileReader.Open(SharedAudioData.StereoFlac);

        Assert.Equal(0, reader.ReadFrames(Span<float>.Empty));
        Assert.Equal(0, reader.FramesRead);
    }

    [PeerTheory("libsndfile")]
    [Trait("Peer", "libsndfile")]
    [InlineData("flac")]
    [InlineData("float wav")]
    public void ReadFrames_WhenWarm_AllocatesNothing(string which)
    {
        using var dir = new TempDirectory();
        var path = SharedAudioData.StereoFlac;
        if (which == "float wav")
        {
            // Float data takes the non-finite check; integer FLAC skips it.
            path = dir.File("float.wav");
            using var writer = WavWriter.Create(path, new WavWriterOptions { SampleRate = 44_100, Channels = 2, Format = WavSampleFormat.IeeeFloat32 });
            writer.WriteInterleaved(WavWriterTests.Noise(100_000 * 2, seed: 5, amplitude: 0.5f));
        }

        using var reader = AudioFileReader.Open(path);
        var buffer = new float[64 * 2];
        var calls = 0;
        var got = 0L;

        var bytes = AllocationProbe.SteadyStateBytes(() =>
        {
            calls++;
            got += reader.ReadFrames(buffer);
        });

        Assert.Equal(0, bytes);
        Assert.Equal(64L * calls, got); // every call decoded a full block: the probe measured real reads
        Assert.InRange(calls, 220, 620);
    }
}
