using Echelon.Core.Equilibrium;
using Echelon.Core.Signals;

namespace Echelon.Core.Tests.Equilibrium;

public sealed class LimRpsSolverDeterminismTests
{
    private const int LatentSize = 32;
    private const int InputSize = 64;
    private const int Frames = 300;

    [Theory]
    [InlineData(ProxKind.NonNegative)]
    [InlineData(ProxKind.SoftThreshold)]
    public void Step_SameSeed_GivesBitIdenticalStateSequences(ProxKind kind)
    {
        long[][] first = Run(7, kind);
        long[][] second = Run(7, kind);

        for (int t = 0; t < Frames; t++)
        {
            Assert.Equal(first[t], second[t]);
        }
    }

    [Fact]
    public void Step_DifferentSeeds_GiveDifferentStates()
    {
        long[][] a = Run(7, ProxKind.NonNegative);
        long[][] b = Run(8, ProxKind.NonNegative);

        int differing = 0;
        for (int t = 0; t < Frames; t++)
        {
            if (!a[t].SequenceEqual(b[t]))
            {
                differing++;
            }
        }

        Assert.Equal(Frames, differing);
    }

    private static long[][] Run(ulong seed, ProxKind kind)
    {
        LimRpsParameters p = LimRpsTestKit.CreateWithGeometry(LatentSize, InputSize, seed, kind);
        var solver = new LimRpsSolver(p);

        // The stream is fixed; only the solver's seed varies.
        var signal = new SmoothTestSignal(InputSize, 99);
        var input = new double[InputSize];
        double[] force = LimRpsTestKit.RandomVector(LatentSize, 98, 0.1);
        var states = new long[Frames][];
        for (int t = 0; t < Frames; t++)
        {
            signal.Fill(t / 100.0, input);
            Assert.True(solver.Step(input, t % 2 == 0 ? force : []).Accepted);
            states[t] = LimRpsTestKit.Bits(solver.State);
        }

        return states;
    }
}
