using Echelon.Audio.Render;
using Echelon.Audio.Tests.Dsp;

namespace Echelon.Audio.Tests.Render;

public sealed class StereoDcBlockerTests
{
    private const int Rate = DspTestKit.SampleRate;

    [Fact]
    public void Process_MatchesTheOneSampleRecursion()
    {
        // Noise riding on a DC offset, through the eight-step form and through y = x − x₁ + R·y₁ in double.
        float[] left = DspTestKit.Noise(Rate, 0.5, 1);
        float[] right = DspTestKit.Noise(Rate, 0.5, 2);
        for (int i = 0; i < left.Length; i++)
        {
            left[i] += 0.4f;
            right[i] -= 0.3f;
        }

        double[] expectedLeft = OneSampleRecursion(left);
        double[] expectedRight = OneSampleRecursion(right);
        var blocker = new StereoDcBlocker(Rate);
        blocker.Process(left, right);

        for (int i = 0; i < left.Length; i++)
        {
            Assert.True(Math.Abs(left[i] - expectedLeft[i]) < 2e-6, $"left {i}: {left[i]} vs {expectedLeft[i]}");
            Assert.True(Math.Abs(right[i] - expectedRight[i]) < 2e-6, $"right {i}: {right[i]} vs {expectedRight[i]}");
        }
    }

    [Fact]
    public void ConstantInput_DecaysToExactSilence_WithoutSubnormals()
    {
        var left = new float[10 * Rate];
        var right = new float[10 * Rate];
        left.AsSpan().Fill(0.5f);
        right.AsSpan(0, Rate).Fill(-1f);
        var blocker = new StereoDcBlocker(Rate);

        blocker.Process(left, right);

        DspTestKit.AssertClean(left);
        DspTestKit.AssertClean(right);
        Assert.True(Math.Abs(left[Rate / 2]) < 1e-3, $"{left[Rate / 2]}");
        Assert.Equal(0f, left[^1]);
        Assert.Equal(0f, right[^1]);
    }

    [Fact]
    public void BlockProcessing_IsBitIdenticalToTicking()
    {
        const int total = 12_000;
        float[] inLeft = DspTestKit.Noise(total, 0.8, 3);
        float[] inRight = DspTestKit.Noise(total, 0.8, 4);

        var refLeft = (float[])inLeft.Clone();
        var refRight = (float[])inRight.Clone();
        var reference = new StereoDcBlocker(Rate);
        for (int i = 0; i < total; i++)
        {
            reference.Tick(ref refLeft[i], ref refRight[i]);
        }

        foreach (int blockSize in DspTestKit.SizesWithWhole(total))
        {
            var left = (float[])inLeft.Clone();
            var right = (float[])inRight.Clone();
            var blocker = new StereoDcBlocker(Rate);
            DspTestKit.Drive(total, blockSize, [], _ => { }, (offset, length) => blocker.Process(left.AsSpan(offset, length), right.AsSpan(offset, length)));
            DspTestKit.AssertBitIdentical(refLeft, left, $"left, blocks of {blockSize}");
            DspTestKit.AssertBitIdentical(refRight, right, $"right, blocks of {blockSize}");
        }
    }

    [Fact]
    public void Process_AfterWarmUp_AllocatesNothing()
    {
        var blocker = new StereoDcBlocker(Rate);
        float[] left = DspTestKit.Noise(128, 0.5, 5);
        float[] right = DspTestKit.Noise(128, 0.5, 6);
        float l = 0.1f;
        float r = 0.2f;

        Assert.Equal(0, DspTestKit.AllocatedBytes(() =>
        {
            blocker.Process(left, right);
            blocker.Process([], []);
            blocker.Tick(ref l, ref r);
        }));
    }

    private static double[] OneSampleRecursion(float[] x)
    {
        double r = 1.0 - (2.0 * Math.PI * 20.0 / Rate);
        var y = new double[x.Length];
        double x1 = 0;
        double y1 = 0;
        for (int i = 0; i < x.Length; i++)
        {
            y1 = x[i] - x1 + (r * y1);
            x1 = x[i];
            y[i] = y1;
        }

        return y;
    }
}
