using System.Numerics.Tensors;
using Echelon.Audio.Dsp;

namespace Echelon.Audio.Tests.Dsp;

public sealed class StereoMixerTests
{
    private const int Rate = DspTestKit.SampleRate;

    [Fact]
    public void Pan_IsEqualPower_AndHardPanSilencesTheOtherSide()
    {
        foreach (float pan in new[] { -1f, -0.5f, 0f, 0.3f, 1f })
        {
            StereoMixer mixer = Create(1);
            mixer.SetPan(0, pan);
            mixer.Reset();
            mixer.Tick([1f], out float left, out float right);

            Assert.Equal(1, (left * left) + (right * right), 6);
            if (pan == -1)
            {
                Assert.Equal(0f, right);
            }

            if (pan == 1)
            {
                Assert.Equal(0f, left);
            }

            if (pan == 0)
            {
                Assert.Equal(Math.Sqrt(0.5), left, 6);
                Assert.Equal(left, right);
            }
        }
    }

    [Fact]
    public void Channels_AreSummedWithTheirGains()
    {
        StereoMixer mixer = Create(3);
        mixer.SetGain(0, 0.5f);
        mixer.SetPan(0, -1);
        mixer.SetGain(1, 2f);
        mixer.SetPan(1, 1);
        mixer.SetGain(2, 1f);
        mixer.Reset();
        float[][] inputs = [[1f, 1f], [0.25f, 0.25f], [0.1f, -0.1f]];
        var left = new float[2];
        var right = new float[2];

        mixer.Process(inputs, left, right);

        double c = Math.Sqrt(0.5);
        Assert.Equal(0.5 + (0.1 * c), left[0], 6);
        Assert.Equal(0.5 + (0.1 * c), right[0], 6);
        Assert.Equal(0.5 - (0.1 * c), left[1], 6);
    }

    [Fact]
    public void Mute_FadesOutSmoothly_AndThenIgnoresTheChannel()
    {
        StereoMixer mixer = Create(2);
        float[][] inputs = [new float[Rate / 10], new float[Rate / 10]];
        Array.Fill(inputs[0], 1f);
        var left = new float[Rate / 10];
        var right = new float[Rate / 10];

        mixer.SetMute(0, true);
        Assert.True(mixer.IsMuted(0));
        mixer.Process(inputs, left, right);

        Assert.True(left[0] > 0.6, "the fade starts from the old gain");
        Assert.True(left[1] < left[0], "and moves at once");
        int silentFrom = Array.IndexOf(left, 0f);
        Assert.InRange(silentFrom, 1, Rate / 12); // 5 ms time constant: below 1e−6 after ≈ 14 of them

        inputs[0][10] = float.NaN;
        mixer.Process(inputs, left, right);
        Assert.All(left, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void SimdBlocks_AreBitIdenticalToTheScalarTick()
    {
        const int total = 10_000;
        const int channels = 5;
        int[] events = [2000, 2001, 6500];
        var inputs = new float[channels][];
        for (int c = 0; c < channels; c++)
        {
            inputs[c] = DspTestKit.Noise(total, 0.5, c + 1);
        }

        static void OnEvent(StereoMixer m, int e)
        {
            m.SetGain(e % channels, 0.3f + e);
            m.SetPan((e + 2) % channels, -0.7f);
            m.SetMute(3, e == 1);
        }

        var refLeft = new float[total];
        var refRight = new float[total];
        StereoMixer r = Create(channels);
        var frame = new float[channels];
        DspTestKit.Drive(total, 1, events, e => OnEvent(r, e), (offset, length) =>
        {
            if (length > 0)
            {
                for (int c = 0; c < channels; c++)
                {
                    frame[c] = inputs[c][offset];
                }

                r.Tick(frame, out refLeft[offset], out refRight[offset]);
            }
        });

        foreach (int blockSize in DspTestKit.SizesWithWhole(total))
        {
            var left = new float[total];
            var right = new float[total];
            var views = new float[channels][];
            StereoMixer mixer = Create(channels);
            DspTestKit.Drive(total, blockSize, events, e => OnEvent(mixer, e), (offset, length) =>
            {
                for (int c = 0; c < channels; c++)
                {
                    views[c] = inputs[c][offset..(offset + length)];
                }

                mixer.Process(views, left.AsSpan(offset, length), right.AsSpan(offset, length));
            });
            DspTestKit.AssertBitIdentical(refLeft, left, $"left, blocks of {blockSize}");
            DspTestKit.AssertBitIdentical(refRight, right, $"right, blocks of {blockSize}");
        }

        DspTestKit.AssertClean(refLeft);
    }

    [Fact]
    public void TensorPrimitivesMultiplyAdd_IsNotFused()
    {
        // The mixer's bit-identity with its scalar reference rests on this: x·g + a rounded twice.
        float[] x = DspTestKit.Noise(1000, 1, 9);
        float[] a = DspTestKit.Noise(1000, 1, 10);
        var simd = new float[1000];
        const float g = 0.7071068f;

        TensorPrimitives.MultiplyAdd(x, g, a, simd);

        for (int i = 0; i < x.Length; i++)
        {
            float product = x[i] * g;
            Assert.Equal(BitConverter.SingleToInt32Bits(product + a[i]), BitConverter.SingleToInt32Bits(simd[i]));
        }
    }

    [Fact]
    public void Process_AfterWarmUp_AllocatesNothing()
    {
        StereoMixer mixer = Create(8);
        var inputs = new float[8][];
        for (int c = 0; c < 8; c++)
        {
            inputs[c] = DspTestKit.Noise(128, 0.5, c);
        }

        var left = new float[128];
        var right = new float[128];
        int i = 0;

        Assert.Equal(0, DspTestKit.AllocatedBytes(() =>
        {
            mixer.SetPan(i % 8, (i % 3) - 1);
            mixer.SetMute((i + 1) % 8, i++ % 2 == 0);
            mixer.Process(inputs, left, right);
            mixer.Process(inputs, [], []);
        }));
    }

    [Fact]
    public void BadParameters_ThrowNamingTheRange()
    {
        var mixer = new StereoMixer(2);

        var gain = Assert.Throws<ArgumentOutOfRangeException>(() => mixer.SetGain(0, 5));
        Assert.Equal("gain", gain.ParamName);
        Assert.Contains("[0, 4]", gain.Message, StringComparison.Ordinal);
        Assert.Equal("pan", Assert.Throws<ArgumentOutOfRangeException>(() => mixer.SetPan(1, -2)).ParamName);
        Assert.Equal("channel", Assert.Throws<ArgumentOutOfRangeException>(() => mixer.SetMute(2, true)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new StereoMixer(0));
    }

    private static StereoMixer Create(int channels)
    {
        var mixer = new StereoMixer(channels);
        mixer.Prepare(Rate);
        return mixer;
    }
}
