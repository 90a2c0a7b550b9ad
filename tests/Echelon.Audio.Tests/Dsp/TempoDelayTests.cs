using Echelon.Audio.Dsp;

namespace Echelon.Audio.Tests.Dsp;

public sealed class TempoDelayTests
{
    private const int Rate = DspTestKit.SampleRate;

    [Fact]
    public void Echoes_PingPongAtTheBeatTime()
    {
        // Half a beat at 120 BPM is 0.25 s = 12,000 samples.
        TempoDelay delay = Create(bpm: 120, beats: 0.5, feedback: 0.5, mix: 1, damping: 0);
        var left = new float[40_000];
        var right = new float[40_000];
        left[0] = 1;
        right[0] = 1;

        delay.Process(left, right);

        Assert.Equal(1f, left[12_000]);
        Assert.Equal(0f, right[12_000]);
        Assert.Equal(0.5f, right[24_000]);
        Assert.Equal(0f, left[24_000]);
        Assert.Equal(0.25f, left[36_000]);
        Assert.Equal(3, left.Count(v => v != 0) + right.Count(v => v != 0));
    }

    [Fact]
    public void LongestTime_TwoBeatsAt40Bpm_Fits()
    {
        TempoDelay delay = Create(bpm: 40, beats: 2, feedback: 0, mix: 1, damping: 0);
        var left = new float[3 * Rate + 10];
        var right = new float[left.Length];
        left[0] = 1;
        right[0] = 1;

        delay.Process(left, right);

        Assert.Equal(1f, left[3 * Rate]);
        Assert.Equal(1, left.Count(v => v != 0));
    }

    [Fact]
    public void TempoChange_GlidesInsteadOfJumping()
    {
        TempoDelay delay = Create(bpm: 120, beats: 1, feedback: 0.6, mix: 0.5, damping: 0.2);
        float[] left = DspTestKit.Sine(3 * Rate, 220, 0.5);
        float[] right = DspTestKit.Sine(3 * Rate, 220, 0.5);
        delay.Process(left.AsSpan(0, Rate), right.AsSpan(0, Rate));
        double before = delay.DelaySamples;

        delay.Bpm = 90;
        double previous = before;
        for (int i = Rate; i < 3 * Rate; i += 48)
        {
            delay.Process(left.AsSpan(i, 48), right.AsSpan(i, 48));
            Assert.True(delay.DelaySamples >= previous);
            Assert.True(delay.DelaySamples - previous <= 48 * 0.25, "the read head moves at most a quarter sample per sample");
            previous = delay.DelaySamples;
        }

        Assert.Equal(Rate / 2.0, before, 6);
        Assert.Equal(Rate * 60.0 / 90, delay.DelaySamples);
        DspTestKit.AssertClean(left);
    }

    [Fact]
    public void HighFeedback_StaysBoundedAndFadesToExactSilence()
    {
        TempoDelay delay = Create(bpm: 200, beats: 0.0625, feedback: 0.95, mix: 1, damping: 0);
        float[] left = DspTestKit.Noise(60 * Rate, 1, 1);
        float[] right = DspTestKit.Noise(60 * Rate, 1, 2);
        left.AsSpan(Rate).Clear();
        right.AsSpan(Rate).Clear();

        for (int offset = 0; offset < left.Length; offset += 4096)
        {
            int n = Math.Min(4096, left.Length - offset);
            delay.Process(left.AsSpan(offset, n), right.AsSpan(offset, n));
        }

        DspTestKit.AssertClean(left, "left");
        DspTestKit.AssertClean(right, "right");
        Assert.True(DspTestKit.Peak(left) < 20);
        Assert.All(left.AsSpan(left.Length - 1000).ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void BlockProcessing_IsBitIdenticalToTicking()
    {
        const int total = 30_000;
        int[] events = [9000, 17_001];
        float[] inLeft = DspTestKit.Noise(total, 0.5, 7);
        float[] inRight = DspTestKit.Noise(total, 0.5, 8);

        static void OnEvent(TempoDelay d, int e)
        {
            d.Bpm = e == 0 ? 175 : 61;
            d.Beats = e == 0 ? 0.25 : 0.375;
        }

        var refLeft = (float[])inLeft.Clone();
        var refRight = (float[])inRight.Clone();
        TempoDelay r = Create(120, 0.5, 0.7, 0.5, 0.4);
        DspTestKit.Drive(total, 1, events, e => OnEvent(r, e), (offset, length) =>
        {
            if (length > 0)
            {
                r.Tick(ref refLeft[offset], ref refRight[offset]);
            }
        });

        foreach (int blockSize in DspTestKit.SizesWithWhole(total))
        {
            var left = (float[])inLeft.Clone();
            var right = (float[])inRight.Clone();
            TempoDelay delay = Create(120, 0.5, 0.7, 0.5, 0.4);
            DspTestKit.Drive(total, blockSize, events, e => OnEvent(delay, e), (offset, length) => delay.Process(left.AsSpan(offset, length), right.AsSpan(offset, length)));
            DspTestKit.AssertBitIdentical(refLeft, left, $"left, blocks of {blockSize}");
            DspTestKit.AssertBitIdentical(refRight, right, $"right, blocks of {blockSize}");
        }

        DspTestKit.AssertClean(refLeft);
    }

    [Fact]
    public void Process_AfterWarmUp_AllocatesNothing()
    {
        TempoDelay delay = Create(120, 0.75, 0.4, 0.3, 0.3);
        float[] left = DspTestKit.Noise(128, 0.5, 1);
        float[] right = DspTestKit.Noise(128, 0.5, 2);
        int i = 0;

        // Warm up over two whole cycles of the tempo changes the measured loop makes, so no path is first reached while measuring.
        Assert.Equal(0, DspTestKit.AllocatedBytes(
            () =>
            {
                delay.Bpm = 100 + (i++ % 50);
                delay.Process(left, right);
            },
            warmUp: 100));
    }

    [Fact]
    public void BadParameters_ThrowNamingTheRange()
    {
        var delay = new TempoDelay();
        var bpm = Assert.Throws<ArgumentOutOfRangeException>(() => delay.Bpm = 300);
        Assert.Equal("Bpm", bpm.ParamName);
        Assert.Contains("[40, 200]", bpm.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => delay.Feedback = 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => delay.Beats = 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => delay.Mix = -1);
    }

    private static TempoDelay Create(double bpm, double beats, double feedback, double mix, double damping)
    {
        var delay = new TempoDelay { Bpm = bpm, Beats = beats, Feedback = feedback, Mix = mix, Damping = damping };
        delay.Prepare(Rate);
        return delay;
    }
}
