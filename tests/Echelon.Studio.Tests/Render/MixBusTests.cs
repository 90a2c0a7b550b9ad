using Echelon.Studio.Render;

namespace Echelon.Studio.Tests.Render;

public sealed class MixBusTests
{
    private const int Rate = 48_000;

    [Theory]
    [InlineData(90)]
    [InlineData(120)]
    [InlineData(150)]
    public void SentClick_EchoesOneBeatLater_PingPong_AtTheSendLevel(double bpm)
    {
        int beat = (int)Math.Round(Rate * 60 / bpm);
        int total = (3 * beat) + 4096;
        var (left, right) = Run(bpm, total, send: true);
        var bus = new MixBus();
        bus.Prepare(Rate, 256, bpm);
        int latency = bus.LatencySamples;

        // The dry mix is silent: everything heard is the echo (through reverb and limiter).
        // First repeat: one beat after the click, on the left (the ping-pong starts from the left line).
        int first = latency + beat;
        Assert.True(Math.Abs(left[first]) > 0.5 * MixBus.EchoSend, $"left at one beat: {left[first]}");
        Assert.True(Math.Abs(left[first]) > 4 * Math.Abs(right[first]), $"first echo is left: L {left[first]}, R {right[first]}");

        // Second repeat: two beats after, on the right, quieter (feedback 0.35, darker).
        int second = latency + (2 * beat);
        double peakRight = MaxAbs(right.AsSpan(second - 2, 8));
        Assert.True(peakRight > 0.1 * MixBus.EchoSend && peakRight < 0.5 * MixBus.EchoSend, $"right at two beats: {peakRight}");

        // Nothing before the first repeat but reverb of nothing: silence.
        Assert.Equal(0, MaxAbs(left.AsSpan(0, first - 2)));
    }

    [Fact]
    public void WithoutSend_OnlyReverbAndLimiter()
    {
        var (left, _) = Run(120, 48_000, send: false);
        Assert.Equal(0, MaxAbs(left));
    }

    [Fact]
    public void BlockSizes_GiveIdenticalOutput()
    {
        var (reference, _) = Run(120, 30_000, send: true, block: 1, mixClick: true);
        foreach (int block in new[] { 7, 128, 256 })
        {
            var (left, _) = Run(120, 30_000, send: true, block: block, mixClick: true);
            Assert.Equal(reference, left);
        }
    }

    [Fact]
    public void LoudInput_NeverPassesTheCeiling()
    {
        var bus = new MixBus();
        bus.Prepare(Rate, 128, 120);
        var left = new float[128];
        var right = new float[128];
        float ceiling = (float)Math.Pow(10, -0.1 / 20);
        for (int b = 0; b < 400; b++)
        {
            for (int i = 0; i < 128; i++)
            {
                left[i] = 3 * MathF.Sin(0.05f * ((b * 128) + i));
                right[i] = -left[i];
            }

            bus.Process(left, right, left, right);
            Assert.True(MaxAbs(left) <= ceiling && MaxAbs(right) <= ceiling, $"block {b}: {MaxAbs(left)}");
        }
    }

    private static (float[] Left, float[] Right) Run(double bpm, int total, bool send, int block = 256, bool mixClick = false)
    {
        var bus = new MixBus();
        bus.Prepare(Rate, 256, bpm);
        var left = new float[total];
        var right = new float[total];
        var sendLeft = new float[total];
        var sendRight = new float[total];
        if (send)
        {
            sendLeft[0] = 1;
            sendRight[0] = 1;
        }

        if (mixClick)
        {
            left[100] = 0.5f;
            right[100] = 0.5f;
        }

        for (int start = 0; start < total; start += block)
        {
            int n = Math.Min(block, total - start);
            bus.Process(left.AsSpan(start, n), right.AsSpan(start, n), sendLeft.AsSpan(start, n), sendRight.AsSpan(start, n));
        }

        return (left, right);
    }

    private static float MaxAbs(ReadOnlySpan<float> x)
    {
        float m = 0;
        foreach (float v in x)
        {
            m = Math.Max(m, Math.Abs(v));
        }

        return m;
    }
}
