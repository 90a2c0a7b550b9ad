using Echelon.Audio.Dsp;

namespace Echelon.Audio.Tests.Dsp;

public sealed class NoiseGeneratorTests
{
    private const int Rate = DspTestKit.SampleRate;

    [Fact]
    public void SameSeed_GivesTheSameSamples_AndResetRestartsThem()
    {
        float[] a = Render(NoiseColor.White, 7, 1000);
        float[] b = Render(NoiseColor.White, 7, 1000);
        float[] c = Render(NoiseColor.White, 8, 1000);

        DspTestKit.AssertBitIdentical(a, b, "same seed");
        Assert.NotEqual(a, c);

        var noise = new NoiseGenerator { Seed = 7 };
        noise.Prepare(Rate);
        var first = new float[100];
        noise.Render(first);
        noise.Reset();
        var again = new float[100];
        noise.Render(again);
        DspTestKit.AssertBitIdentical(first, again, "after reset");
    }

    [Fact]
    public void SeedZero_StillProducesNoise()
    {
        float[] x = Render(NoiseColor.White, 0, 1000);

        Assert.True(DspTestKit.Rms(x) > 0.5);
    }

    [Fact]
    public void White_IsUniformAndFlat()
    {
        float[] x = Render(NoiseColor.White, 42, 1 << 17);

        double mean = x.Average();
        Assert.True(Math.Abs(mean) < 0.01, $"mean {mean}");
        Assert.InRange(DspTestKit.Rms(x), (1 / Math.Sqrt(3)) * 0.99, (1 / Math.Sqrt(3)) * 1.01);
        Assert.All(x, v => Assert.InRange(v, -1f, 1f));
        double[] power = DspTestKit.PowerSpectrum(x, out double binHz);
        Assert.InRange(DspTestKit.EnergyFraction(power, binHz, 0, 12_000), 0.48, 0.52);
    }

    [Fact]
    public void Pink_FallsThreeDecibelsPerOctave()
    {
        float[] x = Render(NoiseColor.Pink, 42, 1 << 18);
        double[] power = DspTestKit.PowerSpectrum(x, out double binHz);

        // Mean power density in third-octave bands two octaves apart: −6 dB each step (±1 dB).
        double[] centres = [125, 500, 2000, 8000];
        double[] density = centres.Select(f => BandDensity(power, binHz, f)).ToArray();
        for (int i = 1; i < density.Length; i++)
        {
            double slope = 10 * Math.Log10(density[i] / density[i - 1]);
            Assert.InRange(slope, -7, -5);
        }

        Assert.True(DspTestKit.Peak(x) < 1.5);
        DspTestKit.AssertClean(x);
    }

    [Theory]
    [InlineData(NoiseColor.White)]
    [InlineData(NoiseColor.Pink)]
    public void BlockRendering_IsBitIdenticalToTicking(NoiseColor color)
    {
        const int total = 9000;
        var reference = new float[total];
        var r = new NoiseGenerator { Color = color, Seed = 3 };
        r.Prepare(Rate);
        for (int i = 0; i < total; i++)
        {
            reference[i] = r.Tick();
        }

        foreach (int blockSize in DspTestKit.SizesWithWhole(total))
        {
            var actual = new float[total];
            var noise = new NoiseGenerator { Color = color, Seed = 3 };
            noise.Prepare(Rate);
            DspTestKit.Drive(total, blockSize, [], _ => { }, (offset, length) => noise.Render(actual.AsSpan(offset, length)));
            DspTestKit.AssertBitIdentical(reference, actual, $"{color}, blocks of {blockSize}");
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(7L)]
    [InlineData(1000L)]
    [InlineData(123_457L)]
    [InlineData(4_294_967_295L)]
    public void Skip_LeavesTheSequenceWhereDrawingWould(long count)
    {
        var skipped = new NoiseGenerator { Seed = 77 };
        var drawn = new NoiseGenerator { Seed = 77 };
        skipped.Prepare(DspTestKit.SampleRate);
        drawn.Prepare(DspTestKit.SampleRate);

        skipped.Skip(count);

        // xorshift32's period is 2³² − 1, so skipping a whole period skips nothing.
        for (long i = 0; i < count % uint.MaxValue; i++)
        {
            drawn.NextWhite();
        }

        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(drawn.NextWhite(), skipped.NextWhite());
        }
    }

    [Fact]
    public void Render_AfterWarmUp_AllocatesNothing()
    {
        var noise = new NoiseGenerator { Color = NoiseColor.Pink };
        noise.Prepare(Rate);
        var block = new float[128];

        Assert.Equal(0, DspTestKit.AllocatedBytes(() =>
        {
            noise.Render(block);
            noise.Tick();
        }));
    }

    [Fact]
    public void BadParameters_Throw()
    {
        var noise = new NoiseGenerator();
        Assert.Equal("Color", Assert.Throws<ArgumentOutOfRangeException>(() => noise.Color = (NoiseColor)5).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => noise.Prepare(0));
        Assert.Throws<InvalidOperationException>(() => noise.Tick());
    }

    private static double BandDensity(double[] power, double binHz, double centre)
    {
        double low = centre / Math.Pow(2, 1.0 / 6);
        double high = centre * Math.Pow(2, 1.0 / 6);
        double sum = 0;
        int count = 0;
        for (int k = (int)Math.Ceiling(low / binHz); k * binHz < high; k++)
        {
            sum += power[k];
            count++;
        }

        return sum / count;
    }

    private static float[] Render(NoiseColor color, uint seed, int length)
    {
        var noise = new NoiseGenerator { Color = color, Seed = seed };
        noise.Prepare(Rate);
        var x = new float[length];
        noise.Render(x);
        return x;
    }
}
