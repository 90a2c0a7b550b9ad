using Echelon.Audio.Dsp;
using Xunit.Abstractions;

namespace Echelon.Audio.Tests.Dsp;

public sealed class VectorStateVariableFilterTests(ITestOutputHelper output) : StateVariableFilterContract
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

    private protected override IStateVariableFilter Create(FilterMode mode, double cutoff, double resonance) =>
        new VectorStateVariableFilter { Mode = mode, Cutoff = cutoff, Resonance = resonance };
}
