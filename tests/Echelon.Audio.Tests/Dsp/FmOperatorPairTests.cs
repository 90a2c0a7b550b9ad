using Echelon.Audio.Dsp;

namespace Echelon.Audio.Tests.Dsp;

public sealed class FmOperatorPairTests
{
    private const int Rate = DspTestKit.SampleRate;

    [Fact]
    public void IndexZero_IsThePlainCarrier()
    {
        var fm = new FmOperatorPair { Frequency = 440, Ratio = 2, Index = 0 };
        fm.Prepare(Rate);

        for (int n = 0; n < 2000; n++)
        {
            double expected = Math.Sin(2 * Math.PI * 440 * n / Rate);
            Assert.True(Math.Abs(fm.Tick() - expected) < 1e-6, $"sample {n}");
        }
    }

    [Fact]
    public void Sidebands_HaveBesselAmplitudes()
    {
        // Carrier 1 kHz, modulator 370 Hz, index 1.5: components at 1000 ± 370n with amplitude |J_n(1.5)|.
        const double carrier = 1000;
        const double ratio = 0.37;
        const double index = 1.5;
        var fm = new FmOperatorPair { Frequency = carrier, Ratio = ratio, Index = index };
        fm.Prepare(Rate);
        var x = new float[Rate];
        fm.Render(x);

        for (int n = -2; n <= 3; n++)
        {
            double f = carrier + (n * carrier * ratio);
            double expected = Math.Abs(BesselJ(Math.Abs(n), index));
            Assert.Equal(expected, DspTestKit.Amplitude(x, f), 3);
        }

        DspTestKit.AssertClean(x);
    }

    [Fact]
    public void BlockRendering_IsBitIdenticalToTicking()
    {
        const int total = 9000;
        int[] events = [2000, 5001];

        FmOperatorPair Create()
        {
            var fm = new FmOperatorPair { Frequency = 330, Ratio = 3.5, Index = 4 };
            fm.Prepare(Rate);
            return fm;
        }

        static void OnEvent(FmOperatorPair fm, int e)
        {
            fm.Index = e == 0 ? 0.5 : 12;
            fm.Ratio = e == 0 ? 1 : 0.5;
        }

        var reference = new float[total];
        FmOperatorPair r = Create();
        DspTestKit.Drive(total, 1, events, e => OnEvent(r, e), (offset, length) =>
        {
            if (length > 0)
            {
                reference[offset] = r.Tick();
            }
        });

        foreach (int blockSize in DspTestKit.SizesWithWhole(total))
        {
            var actual = new float[total];
            FmOperatorPair fm = Create();
            DspTestKit.Drive(total, blockSize, events, e => OnEvent(fm, e), (offset, length) => fm.Render(actual.AsSpan(offset, length)));
            DspTestKit.AssertBitIdentical(reference, actual, $"blocks of {blockSize}");
        }

        DspTestKit.AssertClean(reference);
    }

    [Fact]
    public void Render_AfterWarmUp_AllocatesNothing()
    {
        var fm = new FmOperatorPair();
        fm.Prepare(Rate);
        var block = new float[128];

        Assert.Equal(0, DspTestKit.AllocatedBytes(() =>
        {
            fm.Index = 2;
            fm.Render(block);
            fm.Tick();
        }));
    }

    [Fact]
    public void BadParameters_ThrowNamingTheParameter()
    {
        var fm = new FmOperatorPair();
        fm.Prepare(Rate);

        Assert.Equal("Ratio", Assert.Throws<ArgumentOutOfRangeException>(() => fm.Ratio = 0).ParamName);
        Assert.Equal("Index", Assert.Throws<ArgumentOutOfRangeException>(() => fm.Index = -1).ParamName);
        Assert.Equal("Frequency", Assert.Throws<ArgumentOutOfRangeException>(() => fm.Frequency = 30_000).ParamName);
    }

    /// <summary>Bessel function of the first kind by its power series (fine for small arguments).</summary>
    private static double BesselJ(int n, double x)
    {
        double sum = 0;
        double factorialM = 1;
        for (int m = 0; m < 30; m++)
        {
            if (m > 0)
            {
                factorialM *= m;
            }

            double factorialMn = factorialM;
            for (int k = m + 1; k <= m + n; k++)
            {
                factorialMn *= k;
            }

            sum += (m % 2 == 0 ? 1 : -1) * Math.Pow(x / 2, (2 * m) + n) / (factorialM * factorialMn);
        }

        return sum;
    }
}
