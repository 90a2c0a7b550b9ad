using Echelon.Audio.Dsp;
using Xunit.Abstractions;

namespace Echelon.Audio.Tests.Dsp;

public sealed class VectorStateVariableFilterTests(ITestOutputHelper output)
{
    private const int Rate = DspTestKit.SampleRate;

    public static TheoryData<FilterMode, double> ModesAndResonances()
    {
        var data = new TheoryData<FilterMode, double>();
        foreach (FilterMode mode in Enum.GetValues<FilterMode>())
        {
            foreach (double q in new[] { 0.5, Math.Sqrt(0.5), 1.1, 4.0, 10.0 })
            {
                data.Add(mode, q);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModesAndResonances))]
    public void Process_MatchesTheDoublePrecisionFilter_WithinFloatRounding(FilterMode mode, double q)
    {
        // A full-scale saw sweeping the harmonics through the filter, at cutoffs across the audio band.
        float[] input = new float[Rate / 4];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = (float)((2 * ((i * 110.0 / Rate) % 1)) - 1);
        }

        double worst = 0;
        foreach (double cutoff in new[] { 20.0, 100.0, 250.0, 1000.0, 5000.0, 15_000.0, 20_000.0 })
        {
            var reference = new StateVariableFilter { Mode = mode, Cutoff = cutoff, Resonance = q };
            var fast = new VectorStateVariableFilter { Mode = mode, Cutoff = cutoff, Resonance = q };
            reference.Prepare(Rate);
            fast.Prepare(Rate);
            float[] expected = (float[])input.Clone();
            float[] actual = (float[])input.Clone();
            reference.Process(expected);
            fast.Process(actual);
            DspTestKit.AssertClean(actual);
            double peak = Math.Max(1, DspTestKit.Peak(expected));
            for (int i = 0; i < input.Length; i++)
            {
                worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]) / peak);
            }
        }

        output.WriteLine($"{mode} Q={q}: largest difference {worst:E2} of the larger of 1 and the peak");
        Assert.True(worst < 5e-6, $"{mode} Q={q}: {worst:E2}");
    }

    [Fact]
    public void CutoffNextToNyquistAndHighResonance_StayStable()
    {
        var filter = new VectorStateVariableFilter { Mode = FilterMode.LowPass, Cutoff = 23_999.9, Resonance = 50 };
        filter.Prepare(Rate);
        float[] x = DspTestKit.Noise(Rate, 1, 11);

        for (int block = 0; block < x.Length / 480; block++)
        {
            filter.Cutoff = block % 2 == 0 ? 23_999.9 : 20;
            filter.Resonance = block % 3 == 0 ? 50 : 0.05;
            filter.Process(x.AsSpan(block * 480, 480));
        }

        DspTestKit.AssertClean(x);
        Assert.True(DspTestKit.Peak(x) < 200, $"peak {DspTestKit.Peak(x)}");
    }

    [Fact]
    public void DecayingTail_NeverGoesSubnormal_AndReachesExactZero()
    {
        var filter = new VectorStateVariableFilter { Mode = FilterMode.BandPass, Cutoff = 50, Resonance = 20 };
        filter.Prepare(Rate);
        var x = new float[20 * Rate];
        x[0] = 1;

        filter.Process(x);

        DspTestKit.AssertClean(x);
        Assert.Equal(0f, x[^1]);
    }

    [Fact]
    public void BlockProcessing_IsBitIdenticalToTicking()
    {
        const int total = 12_000;
        int[] events = [3000, 6001, 9002];
        float[] input = DspTestKit.Noise(total, 0.8, 5);

        VectorStateVariableFilter Create()
        {
            var f = new VectorStateVariableFilter { Mode = FilterMode.LowPass, Cutoff = 800, Resonance = 3 };
            f.Prepare(Rate);
            return f;
        }

        static void OnEvent(VectorStateVariableFilter f, int e)
        {
            f.Mode = (FilterMode)((e + 1) % 4);
            f.Cutoff = 200 + (e * 5000);
        }

        var reference = new float[total];
        VectorStateVariableFilter r = Create();
        DspTestKit.Drive(total, 1, events, e => OnEvent(r, e), (offset, length) =>
        {
            if (length > 0)
            {
                reference[offset] = r.Tick(input[offset]);
            }
        });

        foreach (int blockSize in DspTestKit.SizesWithWhole(total))
        {
            float[] actual = (float[])input.Clone();
            VectorStateVariableFilter f = Create();
            DspTestKit.Drive(total, blockSize, events, e => OnEvent(f, e), (offset, length) => f.Process(actual.AsSpan(offset, length)));
            DspTestKit.AssertBitIdentical(reference, actual, $"blocks of {blockSize}");
        }

        DspTestKit.AssertClean(reference);
    }

    [Fact]
    public void Process_AfterWarmUp_AllocatesNothing()
    {
        var filter = new VectorStateVariableFilter();
        filter.Prepare(Rate);
        float[] block = DspTestKit.Noise(128, 0.5, 1);

        Assert.Equal(0, DspTestKit.AllocatedBytes(() =>
        {
            filter.Cutoff = 2000;
            filter.Process(block);
            filter.Tick(0.1f);
        }));
    }

    [Fact]
    public void BadParameters_ThrowNamingTheRange()
    {
        var filter = new VectorStateVariableFilter();
        filter.Prepare(Rate);

        var cutoff = Assert.Throws<ArgumentOutOfRangeException>(() => filter.Cutoff = 24_000);
        Assert.Equal("Cutoff", cutoff.ParamName);
        Assert.Contains("(0, 24000)", cutoff.Message, StringComparison.Ordinal);
        Assert.Equal("Resonance", Assert.Throws<ArgumentOutOfRangeException>(() => filter.Resonance = 0).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => filter.Mode = (FilterMode)9);
        Assert.Throws<InvalidOperationException>(() => new VectorStateVariableFilter().Process(new float[4]));
    }
}
