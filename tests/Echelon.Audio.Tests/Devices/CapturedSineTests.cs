using Echelon.Audio.Tests.Devices.Infrastructure;

namespace Echelon.Audio.Tests.Devices;

/// <summary>The measures the JACK capture test relies on, on signals whose answers are known.</summary>
public sealed class CapturedSineTests
{
    private static float[] Sine(int length, double hz, float amplitude) =>
        [.. Enumerable.Range(0, length).Select(n => amplitude * (float)Math.Sin(2 * Math.PI * hz * n / 48_000))];

    [Fact]
    public void CleanSine_HasItsFrequencyAndLevel_AndNoBreaks()
    {
        float[] x = Sine(48_000, 1000, 0.5f);
        Assert.Equal(1000, CapturedSine.Frequency(x, 48_000), 0.01);
        Assert.Equal(0.5 / Math.Sqrt(2), CapturedSine.Rms(x), 1e-4);
        Assert.Equal(0, CapturedSine.Breaks(Sine(48_000, 1500, 0.5f)));
    }

    [Fact]
    public void SilentBlock_IsOneBreak()
    {
        float[] x = Sine(48_000, 1000, 0.5f);
        Array.Clear(x, 10_000, 128);
        Assert.Equal(1, CapturedSine.Breaks(x));
    }

    [Theory]
    [InlineData(-128)] // a block played twice
    [InlineData(128)] // a block skipped
    public void RepeatedOrDroppedBlock_IsOneBreak(int shift)
    {
        // What a device plays when the clock repeats or skips a block at sample 20 000.
        float[] x = [.. Enumerable.Range(0, 48_000).Select(n => 0.5f * (float)Math.Sin(2 * Math.PI * 1000 * (n < 20_000 ? n : n + shift) / 48_000))];
        Assert.Equal(1, CapturedSine.Breaks(x));
    }
}
