using Echelon.Audio.Analysis;
using Echelon.Audio.Tests.Peers;
using Echelon.Testing;

namespace Echelon.Audio.Tests.Analysis;

public sealed class RealFftTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(64)]
    [InlineData(1024)]
    [InlineData(4096)]
    public void Forward_EqualsAPlainDoublePrecisionDft(int size)
    {
        float[] x = RandomBlock(size, (ulong)size);
        var fft = new RealFft(size);
        var re = new float[fft.Bins];
        var im = new float[fft.Bins];
        fft.Forward(x, re, im);

        double energy = x.Sum(v => (double)v * v);
        double tolerance = 2e-6 * Math.Sqrt(energy * size) * Math.Log2(size);
        for (int k = 0; k <= size / 2; k++)
        {
            double sr = 0, si = 0;
            for (int n = 0; n < size; n++)
            {
                double angle = -2 * Math.PI * k * n / size;
                sr += x[n] * Math.Cos(angle);
                si += x[n] * Math.Sin(angle);
            }

            Assert.True(Math.Abs(re[k] - sr) < tolerance, $"bin {k} real: {re[k]} vs {sr}");
            Assert.True(Math.Abs(im[k] - si) < tolerance, $"bin {k} imaginary: {im[k]} vs {si}");
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(32)]
    [InlineData(2048)]
    public void Inverse_UndoesForward(int size)
    {
        float[] x = RandomBlock(size, 99);
        var fft = new RealFft(size);
        var re = new float[fft.Bins];
        var im = new float[fft.Bins];
        var back = new float[size];
        fft.Forward(x, re, im);
        fft.Inverse(re, im, back);
        for (int n = 0; n < size; n++)
        {
            Assert.Equal(x[n], back[n], 1e-5f);
        }
    }

    [Fact]
    public void Sine_PutsItsEnergyInItsBin()
    {
        const int size = 256;
        var fft = new RealFft(size);
        var x = new float[size];
        for (int n = 0; n < size; n++)
        {
            x[n] = (float)Math.Cos(2 * Math.PI * 10 * n / size);
        }

        var re = new float[fft.Bins];
        var im = new float[fft.Bins];
        fft.Forward(x, re, im);
        Assert.Equal(size / 2.0, re[10], 1e-3);
        Assert.Equal(0, re[11], 1e-3);
        Assert.Equal(0, re[0], 1e-3);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(100)]
    [InlineData(131072)]
    public void Size_MustBeAPowerOfTwoInRange(int size)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => new RealFft(size));
        Assert.Contains("power of two", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongLengths_NameTheArgumentAndTheSizeNeeded()
    {
        var fft = new RealFft(16);
        ArgumentException e = Assert.Throws<ArgumentException>(() => fft.Forward(new float[15], new float[9], new float[9]));
        Assert.Contains("exactly 16", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => fft.Inverse(new float[9], new float[8], new float[16]));
        Assert.Equal("imaginary", e.ParamName);
    }

    [Fact]
    public void Transforms_AllocateNothing()
    {
        var fft = new RealFft(1024);
        float[] x = RandomBlock(1024, 5);
        var re = new float[fft.Bins];
        var im = new float[fft.Bins];
        var back = new float[1024];
        Assert.Equal(0, AllocationProbe.SteadyStateBytes(() =>
        {
            fft.Forward(x, re, im);
            fft.Inverse(re, im, back);
        }));
    }

    internal static float[] RandomBlock(int size, ulong seed)
    {
        var rng = new TestRandom(seed);
        var x = new float[size];
        for (int i = 0; i < size; i++)
        {
            x[i] = (float)rng.NextSigned();
        }

        return x;
    }
}
