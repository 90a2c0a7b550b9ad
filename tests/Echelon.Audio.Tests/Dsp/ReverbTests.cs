using Echelon.Audio.Dsp;
using Xunit.Abstractions;

namespace Echelon.Audio.Tests.Dsp;

public sealed class ReverbTests(ITestOutputHelper output)
{
    private const int Rate = DspTestKit.SampleRate;

    [Fact]
    public void ImpulseResponse_TailDecays()
    {
        Reverb reverb = Create(mix: 1, room: 0.5, damping: 0.5);
        var left = new float[5 * Rate];
        var right = new float[5 * Rate];
        left[0] = 1;
        right[0] = 1;

        reverb.Process(left, right);

        // RMS per 250 ms window falls window after window once the tail has built up (after 0.25 s).
        double first = DspTestKit.Rms(left.AsSpan(0, Rate / 4));
        double previous = double.PositiveInfinity;
        for (int w = 1; w < 20; w++)
        {
            double rms = DspTestKit.Rms(left.AsSpan(w * Rate / 4, Rate / 4));
            Assert.True(rms < previous, $"window {w}: {rms} after {previous}");
            previous = rms;
        }

        double at4s = DspTestKit.Db(DspTestKit.Rms(left.AsSpan(4 * Rate, Rate / 4)) / first);
        output.WriteLine($"room 0.5: tail at 4 s is {at4s:F1} dB below the first 250 ms");
        Assert.True(at4s < -60, $"tail at 4 s only {at4s:F1} dB down");
        Assert.NotEqual(left, right);
        DspTestKit.AssertClean(left, "left");
        DspTestKit.AssertClean(right, "right");
    }

    [Fact]
    public void LongTailsAfterLoudInput_NeverGoSubnormal_AndEndInExactSilence()
    {
        Reverb reverb = Create(mix: 0.5, room: 0.7, damping: 0);
        float[] left = DspTestKit.Noise(40 * Rate, 1, 1);
        float[] right = DspTestKit.Noise(40 * Rate, 1, 2);
        left.AsSpan(Rate).Clear();
        right.AsSpan(Rate).Clear();

        for (int offset = 0; offset < left.Length; offset += 480)
        {
            reverb.Process(left.AsSpan(offset, 480), right.AsSpan(offset, 480));
        }

        DspTestKit.AssertClean(left, "left");
        DspTestKit.AssertClean(right, "right");
        Assert.All(left.AsSpan(left.Length - Rate).ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void MixZero_PassesTheInputUnchanged()
    {
        Reverb reverb = Create(mix: 0, room: 0.9, damping: 0.2);
        float[] left = DspTestKit.Noise(10_000, 0.5, 3);
        float[] right = DspTestKit.Noise(10_000, 0.5, 4);
        float[] l0 = (float[])left.Clone();
        float[] r0 = (float[])right.Clone();

        reverb.Process(left, right);

        DspTestKit.AssertBitIdentical(l0, left, "left");
        DspTestKit.AssertBitIdentical(r0, right, "right");
    }

    [Fact]
    public void BlockProcessing_IsBitIdenticalToTicking()
    {
        const int total = 20_000;
        int[] events = [7000, 13_001];
        float[] inLeft = DspTestKit.Noise(total, 0.5, 7);
        float[] inRight = DspTestKit.Noise(total, 0.5, 8);
        inLeft.AsSpan(3000).Clear();
        inRight.AsSpan(3000).Clear();

        static void OnEvent(Reverb r, int e)
        {
            r.RoomSize = e == 0 ? 0.95 : 0.2;
            r.Damping = e == 0 ? 0.1 : 0.9;
            r.Width = 0.5;
        }

        var refLeft = (float[])inLeft.Clone();
        var refRight = (float[])inRight.Clone();
        Reverb r = Create(0.4, 0.6, 0.4);
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
            Reverb reverb = Create(0.4, 0.6, 0.4);
            DspTestKit.Drive(total, blockSize, events, e => OnEvent(reverb, e), (offset, length) => reverb.Process(left.AsSpan(offset, length), right.AsSpan(offset, length)));
            DspTestKit.AssertBitIdentical(refLeft, left, $"left, blocks of {blockSize}");
            DspTestKit.AssertBitIdentical(refRight, right, $"right, blocks of {blockSize}");
        }
    }

    [Fact]
    public void Process_AfterWarmUp_AllocatesNothing()
    {
        Reverb reverb = Create(0.3, 0.5, 0.5);
        float[] left = DspTestKit.Noise(128, 0.5, 1);
        float[] right = DspTestKit.Noise(128, 0.5, 2);

        Assert.Equal(0, DspTestKit.AllocatedBytes(() =>
        {
            reverb.RoomSize = 0.6;
            reverb.Process(left, right);
            reverb.Process([], []);
        }));
    }

    [Fact]
    public void BadParameters_ThrowNamingTheRange()
    {
        var reverb = new Reverb();
        var mix = Assert.Throws<ArgumentOutOfRangeException>(() => reverb.Mix = 2);
        Assert.Equal("Mix", mix.ParamName);
        Assert.Contains("[0, 1]", mix.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => reverb.RoomSize = -0.1);
        Assert.Throws<ArgumentOutOfRangeException>(() => reverb.Damping = double.NaN);
        Assert.Throws<InvalidOperationException>(() => reverb.Process(new float[4], new float[4]));
    }

    private static Reverb Create(double mix, double room, double damping)
    {
        var reverb = new Reverb { Mix = mix, RoomSize = room, Damping = damping };
        reverb.Prepare(Rate);
        return reverb;
    }
}
