using Echelon.Audio.Dsp;
using Xunit.Abstractions;

namespace Echelon.Audio.Tests.Dsp;

public sealed class LookaheadLimiterTests(ITestOutputHelper output)
{
    private const int Rate = DspTestKit.SampleRate;

    /// <summary>−0.1 dBFS as an exact double: 0.98855…</summary>
    private static readonly double s_ceiling = Math.Pow(10, -0.1 / 20);

    public static TheoryData<string> Torture() => ["noise+20dB", "square-bursts", "spikes", "full-scale-steps"];

    [Theory]
    [MemberData(nameof(Torture))]
    public void NoSample_EverExceedsTheCeiling(string signal)
    {
        (float[] left, float[] right) = Make(signal);
        var limiter = new LookaheadLimiter();
        limiter.Prepare(Rate);

        for (int offset = 0; offset < left.Length; offset += 128)
        {
            int n = Math.Min(128, left.Length - offset);
            limiter.Process(left.AsSpan(offset, n), right.AsSpan(offset, n));
        }

        double max = Math.Max(DspTestKit.Peak(left), DspTestKit.Peak(right));
        output.WriteLine($"{signal}: max |output| {max:R} (ceiling {s_ceiling:R}), final-clamp interventions {limiter.ClampedSamples}");
        Assert.True(max <= s_ceiling, $"{signal}: {max:R} > {s_ceiling:R}");
        Assert.Equal(0, limiter.ClampedSamples);
        DspTestKit.AssertClean(left, "left");
        DspTestKit.AssertClean(right, "right");
    }

    [Fact]
    public void QuietSignal_PassesUnchanged_AfterTheLookahead()
    {
        var limiter = new LookaheadLimiter();
        limiter.Prepare(Rate);
        int latency = limiter.LatencySamples;
        float[] input = DspTestKit.Sine(Rate, 440, 0.1); // −20 dBFS
        float[] left = (float[])input.Clone();
        float[] right = (float[])input.Clone();

        limiter.Process(left, right);

        Assert.Equal(144, latency); // 3 ms at 48 kHz
        for (int i = 0; i < input.Length; i++)
        {
            float expected = i < latency ? 0 : input[i - latency];
            Assert.True(Math.Abs(left[i] - expected) <= 1e-6, $"sample {i}: {left[i]} vs {expected}");
            Assert.Equal(left[i], right[i]);
        }

        Assert.Equal(0, limiter.GainReductionDb);
    }

    [Fact]
    public void LoudSine_IsLimitedJustUnderTheCeiling_AndThenRecoversFully()
    {
        var limiter = new LookaheadLimiter { ReleaseSeconds = 0.05 };
        limiter.Prepare(Rate);
        float[] left = DspTestKit.Sine(3 * Rate, 100, 4);
        float[] quiet = DspTestKit.Sine(2 * Rate, 100, 0.5);
        quiet.CopyTo(left, Rate);
        float[] right = (float[])left.Clone();

        limiter.Process(left, right);

        // During the loud second (+12 dBFS) the peaks sit just under the ceiling, not far below it.
        double loudPeak = DspTestKit.Peak(left.AsSpan(Rate / 2, Rate / 2));
        Assert.InRange(loudPeak, 0.95, s_ceiling);

        // The gain recovers with the 50 ms release: within 1e−6 after 0.75 s, bit-exact once settled.
        int latency = limiter.LatencySamples;
        for (int i = Rate + (3 * Rate / 4); i < 3 * Rate; i++)
        {
            Assert.True(Math.Abs(left[i] - quiet[i - Rate - latency]) <= 1e-6, $"sample {i}");
        }

        DspTestKit.AssertBitIdentical(quiet.AsSpan(Rate - latency, Rate / 2), left.AsSpan(2 * Rate, Rate / 2), "after recovery");
        Assert.Equal(0, limiter.GainReductionDb);
    }

    [Fact]
    public void NonFiniteInput_IsReplacedAndCounted()
    {
        var limiter = new LookaheadLimiter();
        limiter.Prepare(Rate);
        float[] left = DspTestKit.Sine(1000, 440, 0.5);
        float[] right = DspTestKit.Sine(1000, 440, 0.5);
        left[100] = float.NaN;
        right[200] = float.PositiveInfinity;
        left[300] = float.NegativeInfinity;

        limiter.Process(left, right);

        Assert.Equal(3, limiter.NonFiniteSamples);
        DspTestKit.AssertClean(left);
        DspTestKit.AssertClean(right);
    }

    [Fact]
    public void BlockProcessing_IsBitIdenticalToTicking()
    {
        const int total = 24_000;
        int[] events = [8000, 16_001];
        (float[] inLeft, float[] inRight) = Make("square-bursts");
        inLeft = inLeft[..total];
        inRight = inRight[..total];

        static void OnEvent(LookaheadLimiter l, int e)
        {
            l.CeilingDb = e == 0 ? -6 : -0.1;
            l.ReleaseSeconds = e == 0 ? 0.01 : 0.3;
        }

        var refLeft = (float[])inLeft.Clone();
        var refRight = (float[])inRight.Clone();
        LookaheadLimiter r = new();
        r.Prepare(Rate);
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
            var limiter = new LookaheadLimiter();
            limiter.Prepare(Rate);
            DspTestKit.Drive(total, blockSize, events, e => OnEvent(limiter, e), (offset, length) => limiter.Process(left.AsSpan(offset, length), right.AsSpan(offset, length)));
            DspTestKit.AssertBitIdentical(refLeft, left, $"left, blocks of {blockSize}");
            DspTestKit.AssertBitIdentical(refRight, right, $"right, blocks of {blockSize}");
        }
    }

    [Fact]
    public void QuietStretchesAndLoudBursts_BlockProcessingIsBitIdenticalToTicking()
    {
        // Mostly quiet noise (the fast path: nothing to limit), with rare loud bursts, a NaN, and ceiling changes
        // inside a quiet stretch and just after a burst, so the block path leaves and re-enters its fast path.
        const int total = 3 * Rate;
        int[] events = [Rate / 2, (5 * Rate / 4) + 100, 2 * Rate];
        float[] inLeft = DspTestKit.Noise(total, 0.5, 21);
        float[] inRight = DspTestKit.Noise(total, 0.5, 22);
        for (int start = Rate / 4; start < total; start += 3 * Rate / 4)
        {
            for (int i = start; i < start + 480; i++)
            {
                inLeft[i] *= 6;
            }
        }

        inRight[Rate + 12_345] = float.NaN;

        static void OnEvent(LookaheadLimiter l, int e) => l.CeilingDb = e == 1 ? -9 : -0.1;

        var refLeft = (float[])inLeft.Clone();
        var refRight = (float[])inRight.Clone();
        LookaheadLimiter r = new();
        r.Prepare(Rate);
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
            var limiter = new LookaheadLimiter();
            limiter.Prepare(Rate);
            DspTestKit.Drive(total, blockSize, events, e => OnEvent(limiter, e), (offset, length) => limiter.Process(left.AsSpan(offset, length), right.AsSpan(offset, length)));
            DspTestKit.AssertBitIdentical(refLeft, left, $"left, blocks of {blockSize}");
            DspTestKit.AssertBitIdentical(refRight, right, $"right, blocks of {blockSize}");
            Assert.Equal(r.NonFiniteSamples, limiter.NonFiniteSamples);
            Assert.Equal(r.ClampedSamples, limiter.ClampedSamples);
        }

        DspTestKit.AssertClean(refLeft);
        Assert.True(DspTestKit.Peak(refLeft) <= r.Ceiling);
    }

    [Fact]
    public void Process_AfterWarmUp_AllocatesNothing()
    {
        var limiter = new LookaheadLimiter();
        limiter.Prepare(Rate, 0.005);
        float[] left = DspTestKit.Noise(128, 3, 1);
        float[] right = DspTestKit.Noise(128, 3, 2);

        Assert.Equal(0, DspTestKit.AllocatedBytes(() =>
        {
            limiter.Process(left, right);
            limiter.Process([], []);
            _ = limiter.GainReductionDb;
        }));
    }

    [Fact]
    public void BadParameters_ThrowNamingTheRange()
    {
        var limiter = new LookaheadLimiter();

        var ceiling = Assert.Throws<ArgumentOutOfRangeException>(() => limiter.CeilingDb = 1);
        Assert.Equal("CeilingDb", ceiling.ParamName);
        Assert.Contains("[-24, 0]", ceiling.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => limiter.ReleaseSeconds = 0);
        Assert.Equal("lookaheadSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => limiter.Prepare(Rate, 0.1)).ParamName);
        Assert.True(limiter.Ceiling <= s_ceiling);
    }

    private static (float[] Left, float[] Right) Make(string signal)
    {
        int length = 4 * Rate;
        switch (signal)
        {
            case "noise+20dB":
                return (DspTestKit.Noise(length, 10, 1), DspTestKit.Noise(length, 10, 2));
            case "square-bursts":
            {
                // 50 ms bursts of a ±4 square at 110 Hz (one channel inverted), 100 ms apart.
                var l = new float[length];
                var r = new float[length];
                for (int i = 0; i < length; i++)
                {
                    bool on = i % (Rate * 3 / 20) < Rate / 20;
                    float v = on ? (i * 110 / (Rate / 2) % 2 == 0 ? 4f : -4f) : 0;
                    l[i] = v;
                    r[i] = -0.5f * v;
                }

                return (l, r);
            }

            case "spikes":
            {
                // A −20 dBFS sine with single-sample spikes of 100 (+40 dBFS) every 997 samples.
                float[] l = DspTestKit.Sine(length, 220, 0.1);
                float[] r = (float[])l.Clone();
                for (int i = 500; i < length; i += 997)
                {
                    (i % 2 == 0 ? l : r)[i] = i % 3 == 0 ? -100 : 100;
                }

                return (l, r);
            }

            default:
            {
                // Alternating full-scale and +6 dB plateaus: steps in both directions every 10 ms.
                var l = new float[length];
                for (int i = 0; i < length; i++)
                {
                    l[i] = (i / 480) % 2 == 0 ? 1f : -2f;
                }

                return (l, (float[])l.Clone());
            }
        }
    }
}
