using Echelon.Audio.Wav;

namespace Echelon.Audio.Tests.Wav;

public sealed class WavRoundTripTests
{
    private static WavAudio RoundTrip(WavSampleFormat format, float[][] planar, bool dither = false)
    {
        var channels = planar.Length;
        var frames = planar[0].Length;
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, new WavWriterOptions { SampleRate = 44_100, Channels = channels, Format = format, Dither = dither }, leaveOpen: true))
        {
            switch (channels)
            {
                case 1:
                    writer.Write(planar[0]);
                    break;
                case 2:
                    writer.Write(planar[0], planar[1]);
                    break;
                default:
                    var interleaved = new float[frames * channels];
                    for (var i = 0; i < frames; i++)
                    {
                        for (var c = 0; c < channels; c++)
                        {
                            interleaved[(i * channels) + c] = planar[c][i];
                        }
                    }

                    writer.WriteInterleaved(interleaved);
                    break;
            }
        }

        stream.Position = 0;
        var audio = WavReader.Read(stream);
        Assert.Equal(44_100, audio.SampleRate);
        Assert.Equal(channels, audio.ChannelCount);
        Assert.Equal(frames, audio.FrameCount);
        Assert.False(audio.IsTruncated);
        return audio;
    }

    private static float[][] Signal(int channels, int frames, ulong seed) =>
        Enumerable.Range(0, channels).Select(c => WavWriterTests.Noise(frames, seed + (ulong)c)).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Float32_RoundTrip_IsBitExact(int channels)
    {
        var planar = Signal(channels, 12_345, seed: 17);
        planar[0][0] = 1e-42f;       // subnormal
        planar[0][1] = -0f;          // negative zero
        planar[0][2] = 3.5f;         // float is not clipped
        planar[0][3] = float.Epsilon;

        var audio = RoundTrip(WavSampleFormat.IeeeFloat32, planar);

        for (var c = 0; c < channels; c++)
        {
            Assert.Equal(
                planar[c].Select(BitConverter.SingleToInt32Bits),
                audio.Channels[c].Select(BitConverter.SingleToInt32Bits));
        }

        Assert.Equal(2, audio.SubnormalSampleCount);
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16, 16, 1)]
    [InlineData(WavSampleFormat.Pcm16, 16, 2)]
    [InlineData(WavSampleFormat.Pcm24, 24, 2)]
    [InlineData(WavSampleFormat.Pcm24, 24, 3)]
    public void Integer_RoundTrip_IsWithinHalfAnLsbAndNeverMoreThanOne(WavSampleFormat format, int bits, int channels)
    {
        var lsb = 1.0 / (1 << (bits - 1));
        var planar = Signal(channels, 20_000, seed: 23);
        planar[0][0] = 1f;   // +full scale saturates one code below: exactly 1 LSB off
        planar[0][1] = -1f;
        planar[0][2] = (float)(0.5 * lsb); // a tie: rounds to even (0)

        var audio = RoundTrip(format, planar);

        for (var c = 0; c < channels; c++)
        {
            for (var i = 0; i < planar[c].Length; i++)
            {
                var error = Math.Abs(audio.Channels[c][i] - (double)planar[c][i]) / lsb;
                Assert.True(error <= 1.0, $"channel {c} frame {i}: {planar[c][i]} read back {audio.Channels[c][i]}, {error} LSB");
                if (planar[c][i] < 1f)
                {
                    Assert.True(error <= 0.5 + 1e-9, $"channel {c} frame {i}: {error} LSB");
                }
            }
        }

        Assert.Equal(1 - lsb, audio.Channels[0][0], 1e-12);
        Assert.Equal(-1f, audio.Channels[0][1]);
        Assert.Equal(0f, audio.Channels[0][2]);
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16)]
    [InlineData(WavSampleFormat.Pcm24)]
    public void Integer_ReadThenWrite_IsIdempotentToTheByte(WavSampleFormat format)
    {
        // Codes read as code / 2^(bits-1) are written back as the same code: re-saving never drifts.
        var first = RoundTrip(format, Signal(2, 5000, seed: 31));
        var second = RoundTrip(format, first.Channels);

        Assert.Equal(first.Channels[0], second.Channels[0]);
        Assert.Equal(first.Channels[1], second.Channels[1]);
    }

    [Fact]
    public void Pcm24_Dithered_RoundTrip_IsWithinOneAndAHalfLsb()
    {
        const double lsb = 1.0 / (1 << 23);
        var planar = Signal(2, 20_000, seed: 37);

        var audio = RoundTrip(WavSampleFormat.Pcm24, planar, dither: true);

        for (var i = 0; i < planar[0].Length; i++)
        {
            Assert.InRange(Math.Abs(audio.Channels[0][i] - (double)planar[0][i]) / lsb, 0, 1.5);
        }
    }

    [Fact]
    public void File_WriteThenRead_ThroughCreate()
    {
        using var dir = new TempDirectory();
        var path = dir.File("x.wav");
        using (var writer = WavWriter.Create(path, new WavWriterOptions { Channels = 1, Format = WavSampleFormat.IeeeFloat32 }))
        {
            writer.Write([0.125f, -0.25f]);
        }

        var audio = WavReader.Read(path);
        Assert.Equal([0.125f, -0.25f], audio.Channels[0]);
        Assert.Equal(48_000, audio.SampleRate);
        Assert.Equal(["fact"], audio.SkippedChunks);
    }
}
