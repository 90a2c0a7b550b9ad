using Echelon.Audio.Dsp;

namespace Echelon.Audio.Tests.Dsp;

/// <summary>
/// The behaviour both state-variable filters owe (<see cref="StateVariableFilter"/> and its eight-step twin):
/// stability at the extremes, no subnormals, block sizes that change nothing, no allocation, named errors.
/// Each filter's test class derives from this and adds what is its own.
/// </summary>
public abstract class StateVariableFilterContract
{
    private const int Rate = DspTestKit.SampleRate;

    [Fact]
    public void CutoffNextToNyquistAndHighResonance_StayStable()
    {
        IStateVariableFilter filter = Create(FilterMode.LowPass, 23_999.9, 50);
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
        IStateVariableFilter filter = Create(FilterMode.BandPass, 50, 20);
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

        IStateVariableFilter Prepared()
        {
            IStateVariableFilter f = Create(FilterMode.LowPass, 800, 3);
            f.Prepare(Rate);
            return f;
        }

        static void OnEvent(IStateVariableFilter f, int e)
        {
            f.Mode = (FilterMode)((e + 1) % 4);
            f.Cutoff = 200 + (e * 5000);
        }

        var reference = new float[total];
        IStateVariableFilter r = Prepared();
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
            IStateVariableFilter f = Prepared();
            DspTestKit.Drive(total, blockSize, events, e => OnEvent(f, e), (offset, length) => f.Process(actual.AsSpan(offset, length)));
            DspTestKit.AssertBitIdentical(reference, actual, $"blocks of {blockSize}");
        }

        DspTestKit.AssertClean(reference);
    }

    [Fact]
    public void Process_AfterWarmUp_AllocatesNothing()
    {
        IStateVariableFilter filter = Create(FilterMode.LowPass, 1000, Math.Sqrt(0.5));
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
        IStateVariableFilter filter = Create(FilterMode.LowPass, 1000, Math.Sqrt(0.5));
        filter.Prepare(Rate);

        var cutoff = Assert.Throws<ArgumentOutOfRangeException>(() => filter.Cutoff = 24_000);
        Assert.Equal("Cutoff", cutoff.ParamName);
        Assert.Contains("(0, 24000)", cutoff.Message, StringComparison.Ordinal);
        Assert.Equal("Resonance", Assert.Throws<ArgumentOutOfRangeException>(() => filter.Resonance = 0).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => filter.Mode = (FilterMode)9);
        Assert.Throws<InvalidOperationException>(() => Create(FilterMode.LowPass, 1000, 1).Process(new float[4]));
    }

    /// <summary>A new, unprepared filter of the kind under test.</summary>
    private protected abstract IStateVariableFilter Create(FilterMode mode, double cutoff, double resonance);
}
