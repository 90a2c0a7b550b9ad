using Echelon.Core.Numerics;
using Echelon.Core.Operators;
using Echelon.Testing;

namespace Echelon.Core.Tests.Operators;

public sealed class LipschitzMlpTests
{
    /// <summary>Numerical slack on "≤ 1": finite differences and rounding, not the construction.</summary>
    private const double Slack = 1e-3;

    public static TheoryData<int[], LipschitzActivation> Networks => new()
    {
        { [16, 32, 8], LipschitzActivation.Relu },
        { [16, 32, 8], LipschitzActivation.Tanh },
        { [8, 64, 64, 4], LipschitzActivation.Relu },
        { [8, 64, 64, 4], LipschitzActivation.Tanh },
        { [12, 12], LipschitzActivation.Relu },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Forward_RandomPairs_DoNotExpandDistances(int[] sizes, LipschitzActivation activation)
    {
        LipschitzMlp mlp = CreateWithRandomBiases(sizes, activation, 1UL);
        var random = new DeterministicRandom(2UL);
        var x = new double[mlp.InputSize];
        var y = new double[mlp.InputSize];
        var fx = new double[mlp.OutputSize];
        var fy = new double[mlp.OutputSize];
        double worst = 0.0;
        for (int pair = 0; pair < 2000; pair++)
        {
            random.FillGaussian(x, 1.0);

            // Half the pairs far apart, half close together: global and local slopes both probed.
            double spread = (pair & 1) == 0 ? 1.0 : 1e-3;
            for (int i = 0; i < y.Length; i++)
            {
                y[i] = x[i] + (spread * random.NextGaussian());
            }

            mlp.Forward(x, fx);
            mlp.Forward(y, fy);
            double ratio = Vec.Distance(fx, fy) / Vec.Distance(x, y);
            worst = Math.Max(worst, ratio);
        }

        Assert.True(worst <= 1.0 + Slack, $"‖f(x) − f(y)‖ / ‖x − y‖ reached {worst:R}");
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Jacobian_SpectralNorm_IsAtMostOne(int[] sizes, LipschitzActivation activation)
    {
        LipschitzMlp mlp = CreateWithRandomBiases(sizes, activation, 3UL);
        var random = new DeterministicRandom(4UL);
        var x = new double[mlp.InputSize];
        double worst = 0.0;
        for (int point = 0; point < 50; point++)
        {
            random.FillGaussian(x, 1.0);
            DenseMatrix jacobian = FiniteDifferenceJacobian(mlp, x, 1e-6);
            worst = Math.Max(worst, PowerIterationNorm(jacobian, 500));
        }

        Assert.True(worst <= 1.0 + Slack, $"‖∂f/∂x‖₂ reached {worst:R}");
    }

    [Fact]
    public void Jacobian_OfSingleLayer_MeasuresExactlyOne()
    {
        // With one layer the Jacobian is W itself, normalised to ‖W‖₂ = 1: this shows the
        // finite-difference measurement above is sharp, so its "≤ 1" is not vacuous.
        LipschitzMlp mlp = CreateWithRandomBiases([12, 12], LipschitzActivation.Relu, 17UL);
        var x = new double[12];
        new DeterministicRandom(18UL).FillGaussian(x, 1.0);

        double norm = PowerIterationNorm(FiniteDifferenceJacobian(mlp, x, 1e-6), 2000);

        Assert.InRange(norm, 1.0 - Slack, 1.0 + Slack);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Weights_AreSpectrallyNormalised_AndTheCertificateIsTight(int[] sizes, LipschitzActivation activation)
    {
        var mlp = new LipschitzMlp(sizes, 5UL, activation);

        Assert.Equal(sizes.Length - 1, mlp.LayerCount);
        foreach (DenseMatrix w in mlp.Weights)
        {
            // Reference twin: the shared power iteration (a lower bound that converges from below).
            double estimate = SpectralNorm.Estimate(w, 2000, 6UL);
            Assert.True(estimate <= 1.0 + 1e-12, $"‖W‖₂ ≈ {estimate:R}");
            Assert.True(estimate >= 0.999, $"Gaussian init scaled to {estimate:R}: the certificate is loose");
        }

        Assert.InRange(mlp.LipschitzUpperBound, 0.0, 1.0);
    }

    [Fact]
    public void SetWeights_HugeMatrix_IsRescaledAndTheBoundStillHolds()
    {
        LipschitzMlp mlp = CreateWithRandomBiases([16, 32, 8], LipschitzActivation.Relu, 7UL);
        var huge = new double[32 * 16];
        new DeterministicRandom(8UL).FillGaussian(huge, 1e6);

        mlp.SetWeights(0, huge);

        DenseMatrix w = mlp.Weights[0];
        double estimate = SpectralNorm.Estimate(w, 2000, 9UL);
        Assert.InRange(estimate, 0.999, 1.0 + 1e-12);
        Assert.InRange(mlp.LipschitzUpperBound, 0.0, 1.0);

        // Scaled, not distorted.
        double ratio = w[0, 0] / huge[0];
        for (int i = 0; i < huge.Length; i++)
        {
            Assert.Equal(huge[i] * ratio, w.Data[i], 1e-12);
        }

        var x = new double[16];
        var random = new DeterministicRandom(10UL);
        for (int point = 0; point < 20; point++)
        {
            random.FillGaussian(x, 1.0);
            Assert.True(PowerIterationNorm(FiniteDifferenceJacobian(mlp, x, 1e-6), 500) <= 1.0 + Slack);
        }
    }

    [Fact]
    public void SetWeights_RankOneMatrix_IsScaledToUnitNorm()
    {
        // σ₁ is known exactly: u vᵀ has norm ‖u‖·‖v‖ = 2·3.
        var mlp = new LipschitzMlp([3, 2], 1UL);
        double[] u = [2.0, 0.0];
        double[] v = [0.0, 3.0, 0.0];
        var rowMajor = new double[6];
        for (int r = 0; r < 2; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                rowMajor[(r * 3) + c] = u[r] * v[c];
            }
        }

        mlp.SetWeights(0, rowMajor);

        Assert.Equal(1.0, mlp.Weights[0][0, 1], 1e-8);
        Assert.True(mlp.Weights[0][0, 1] <= 1.0);
    }

    [Fact]
    public void SetWeights_MatrixInsideTheBound_IsKept()
    {
        var mlp = new LipschitzMlp([4, 4], 1UL);
        double[] diagonal = [0.5, 0, 0, 0, 0, -0.25, 0, 0, 0, 0, 0.1, 0, 0, 0, 0, 0.4];

        mlp.SetWeights(0, diagonal);

        Assert.Equal(diagonal, mlp.Weights[0].Data.ToArray());
        Assert.InRange(mlp.LipschitzUpperBound, 0.5, 0.5 + 1e-3);
    }

    [Fact]
    public void SetWeights_BadInput_ThrowsAndLeavesNetworkUnchanged()
    {
        LipschitzMlp mlp = CreateWithRandomBiases([16, 32, 8], LipschitzActivation.Tanh, 11UL);
        var x = new double[16];
        new DeterministicRandom(12UL).FillGaussian(x, 1.0);
        var before = new double[8];
        var after = new double[8];
        mlp.Forward(x, before);

        var wrongLength = new double[(32 * 16) - 1];
        ArgumentException e = Assert.Throws<ArgumentException>("rowMajor", () => mlp.SetWeights(0, wrongLength));
        Assert.Contains("512", e.Message, StringComparison.Ordinal);
        Assert.Contains("511", e.Message, StringComparison.Ordinal);

        var withNaN = new double[32 * 16];
        withNaN[37] = double.NaN;
        e = Assert.Throws<ArgumentException>("rowMajor", () => mlp.SetWeights(0, withNaN));
        Assert.Contains("rowMajor[37]", e.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentOutOfRangeException>("layer", () => mlp.SetWeights(2, new double[8 * 32]));
        Assert.Throws<ArgumentOutOfRangeException>("layer", () => mlp.SetWeights(-1, wrongLength));
        e = Assert.Throws<ArgumentException>("values", () => mlp.SetBias(1, new double[7]));
        Assert.Contains("got 7", e.Message, StringComparison.Ordinal);

        mlp.Forward(x, after);
        Assert.Equal(before, after);
    }

    [Fact]
    public void Forward_SameSeed_IsBitIdentical_DifferentSeed_Differs()
    {
        var a = new LipschitzMlp([16, 32, 8], 42UL, LipschitzActivation.Tanh);
        var b = new LipschitzMlp([16, 32, 8], 42UL, LipschitzActivation.Tanh);
        var c = new LipschitzMlp([16, 32, 8], 43UL, LipschitzActivation.Tanh);
        var x = new double[16];
        new DeterministicRandom(13UL).FillGaussian(x, 1.0);
        var ya = new double[8];
        var yb = new double[8];
        var yc = new double[8];

        a.Forward(x, ya);
        b.Forward(x, yb);
        c.Forward(x, yc);

        for (int i = 0; i < ya.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(ya[i]), BitConverter.DoubleToInt64Bits(yb[i]));
        }

        Assert.NotEqual(ya, yc);
        Assert.Equal(a.Weights[1].Data.ToArray(), b.Weights[1].Data.ToArray());
    }

    [Fact]
    public void Forward_WrongSizes_ThrowNamingExpectedAndActual()
    {
        var mlp = new LipschitzMlp([16, 32, 8], 1UL);

        ArgumentException e = Assert.Throws<ArgumentException>("x", () => mlp.Forward(new double[15], new double[8]));
        Assert.Contains("16", e.Message, StringComparison.Ordinal);
        Assert.Contains("15", e.Message, StringComparison.Ordinal);

        e = Assert.Throws<ArgumentException>("y", () => mlp.Forward(new double[16], new double[9]));
        Assert.Contains("8", e.Message, StringComparison.Ordinal);
        Assert.Contains("9", e.Message, StringComparison.Ordinal);

        var square = new LipschitzMlp([4, 4], 1UL);
        var shared = new double[4];
        Assert.Throws<ArgumentException>("y", () => square.Forward(shared, shared));
    }

    [Fact]
    public void Constructor_BadLayerSizes_Throw()
    {
        ArgumentException e = Assert.Throws<ArgumentException>("layerSizes", () => new LipschitzMlp([16], 1UL));
        Assert.Contains("got 1", e.Message, StringComparison.Ordinal);

        e = Assert.Throws<ArgumentException>("layerSizes", () => new LipschitzMlp([16, 0, 8], 1UL));
        Assert.Contains("layerSizes[1]", e.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentOutOfRangeException>("activation", () => new LipschitzMlp([4, 4], 1UL, (LipschitzActivation)7));
    }

    [Fact]
    public void Weights_And_Biases_AreCopies()
    {
        LipschitzMlp mlp = CreateWithRandomBiases([4, 6, 3], LipschitzActivation.Relu, 14UL);
        var x = new double[] { 0.5, -1.0, 2.0, 0.25 };
        var before = new double[3];
        var after = new double[3];
        mlp.Forward(x, before);

        mlp.Weights[0].Data.Fill(1e9);
        mlp.Biases[1][0] = 1e9;
        mlp.Forward(x, after);

        Assert.Equal(before, after);
        Assert.Equal(2, mlp.Biases.Count);
        Assert.Equal(6, mlp.Biases[0].Length);
    }

    [Theory]
    [InlineData(LipschitzActivation.Relu)]
    [InlineData(LipschitzActivation.Tanh)]
    public void Forward_AllocatesNothing_AfterWarmUp(LipschitzActivation activation)
    {
        LipschitzMlp mlp = CreateWithRandomBiases([16, 32, 32, 8], activation, 15UL);
        var x = new double[16];
        new DeterministicRandom(16UL).FillGaussian(x, 1.0);
        var y = new double[8];
        long bytes = AllocationProbe.SteadyStateBytes(() => mlp.Forward(x, y), warmUp: 10, iterations: 1000);

        Assert.Equal(0, bytes);
        Assert.True(Vec.AllFinite(y));
    }

    private static LipschitzMlp CreateWithRandomBiases(int[] sizes, LipschitzActivation activation, ulong seed)
    {
        var mlp = new LipschitzMlp(sizes, seed, activation);
        var random = new DeterministicRandom(seed + 1000UL);
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            var bias = new double[sizes[l + 1]];
            random.FillGaussian(bias, 0.5);
            mlp.SetBias(l, bias);
        }

        return mlp;
    }

    /// <summary>J[:, j] = (f(x + h e_j) − f(x − h e_j)) / 2h, assembled column by column.</summary>
    private static DenseMatrix FiniteDifferenceJacobian(LipschitzMlp mlp, double[] x, double h)
    {
        var jacobian = new DenseMatrix(mlp.OutputSize, mlp.InputSize);
        var probe = (double[])x.Clone();
        var plus = new double[mlp.OutputSize];
        var minus = new double[mlp.OutputSize];
        for (int j = 0; j < mlp.InputSize; j++)
        {
            probe[j] = x[j] + h;
            mlp.Forward(probe, plus);
            probe[j] = x[j] - h;
            mlp.Forward(probe, minus);
            probe[j] = x[j];
            for (int i = 0; i < mlp.OutputSize; i++)
            {
                jacobian[i, j] = (plus[i] - minus[i]) / (2.0 * h);
            }
        }

        return jacobian;
    }

    /// <summary>‖A‖₂ by power iteration: v ← Aᵀ(A v) / ‖·‖ (JVP then VJP with the assembled Jacobian).</summary>
    private static double PowerIterationNorm(DenseMatrix a, int iterations)
    {
        var v = new double[a.Cols];
        var av = new double[a.Rows];
        new DeterministicRandom(99UL).FillGaussian(v, 1.0);
        Vec.Scale(v, 1.0 / Vec.Norm(v), v);
        double sigma = 0.0;
        for (int k = 0; k < iterations; k++)
        {
            a.Multiply(v, av);
            sigma = Vec.Norm(av);
            if (sigma == 0.0)
            {
                return 0.0;
            }

            a.MultiplyTransposed(av, v);
            Vec.Scale(v, 1.0 / Vec.Norm(v), v);
        }

        return sigma;
    }
}
