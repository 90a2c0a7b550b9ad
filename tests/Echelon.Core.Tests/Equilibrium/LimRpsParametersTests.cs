using Echelon.Core.Equilibrium;
using Echelon.Core.Numerics;
using Echelon.Core.Operators;

namespace Echelon.Core.Tests.Equilibrium;

public sealed class LimRpsParametersTests
{
    public static TheoryData<string, Action<LimRpsParameters>> BadSettings => new()
    {
        { "Margin", p => p.Margin = 0.0 },
        { "Margin", p => p.Margin = -1.0 },
        { "Margin", p => p.Margin = double.PositiveInfinity },
        { "TemporalCoupling", p => p.TemporalCoupling = -0.1 },
        { "Step", p => p.Step = 0.0 },
        { "Step", p => p.Step = double.NaN },
        { "Relaxation", p => p.Relaxation = 1.5 },
        { "Relaxation", p => p.Relaxation = 0.0 },
        { "Relaxation", p => p.Relaxation = double.NaN },
        { "Prox", p => p.Prox = (ProxKind)42 },
        { "ProxThreshold", p => p.ProxThreshold = -0.01 },
        { "BoxUpper", p => (p.BoxLower, p.BoxUpper) = (0.5, 0.4) },
        { "BoxUpper", p => p.BoxLower = double.NaN },
        { "MaxIterations", p => p.MaxIterations = 0 },
        { "MaxIterations", p => p.MaxIterations = 1025 },
        { "Tolerance", p => p.Tolerance = double.NaN },
        { "Tolerance", p => p.Tolerance = 0.0 },
        { "WarmStart", p => p.WarmStart = (WarmStart)7 },
        { "MetricMin", p => p.MetricMin = 0.0 },
        { "MetricMax", p => p.MetricMax = 0.1 },
        { "StepMin", p => p.StepMin = double.NaN },
        { "StepMax", p => p.StepMax = double.PositiveInfinity },
    };

    public static TheoryData<string, Action<LimRpsParameters>> BadTensors => new()
    {
        { "A[5]", p => p.A.Data[5] = double.NaN },
        { "B[0]", p => p.B.Data[0] = double.PositiveInfinity },
        { "U[63]", p => p.U.Data[63] = double.NegativeInfinity },
        { "Bias[2]", p => p.Bias[2] = double.NaN },
        { "MetricRaw[7]", p => p.MetricRaw[7] = double.NaN },
        { "StepRaw[1]", p => p.StepRaw[1] = double.PositiveInfinity },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_SettingOutOfRange_ThrowsNamingTheField(string field, Action<LimRpsParameters> corrupt)
    {
        var p = LimRpsParameters.CreateDefault(8, 8, 1);
        corrupt(p);

        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(p.Validate);

        Assert.Equal(field, e.ParamName);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LimRpsSolver(p));
    }

    [Fact]
    public void Validate_BoxLowerAboveUpper_MessageNamesBothCorners()
    {
        var p = new LimRpsParameters(4, 4) { BoxLower = 0.5, BoxUpper = 0.4 };

        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(p.Validate);

        Assert.Contains("BoxLower", e.Message, StringComparison.Ordinal);
        Assert.Contains("0.5", e.Message, StringComparison.Ordinal);
        Assert.Equal(0.4, e.ActualValue);
    }

    [Theory]
    [MemberData(nameof(BadTensors))]
    public void Validate_NonFiniteTensorEntry_ThrowsNamingTheEntry(string entry, Action<LimRpsParameters> corrupt)
    {
        var p = LimRpsParameters.CreateDefault(8, 8, 1);
        corrupt(p);

        ArgumentException e = Assert.Throws<ArgumentException>(p.Validate);

        Assert.Contains(entry, e.Message, StringComparison.Ordinal);
        Assert.Equal(entry[..entry.IndexOf('[', StringComparison.Ordinal)], e.ParamName);
        Assert.Throws<ArgumentException>(() => new LimRpsSolver(p));
    }

    [Fact]
    public void Validate_Defaults_Pass()
    {
        var p = LimRpsParameters.CreateDefault(64, 128, 1);

        p.Validate();

        Assert.Equal(1.0, p.Margin);
        Assert.Equal(0.5, p.TemporalCoupling);
        Assert.Equal(8, p.MaxIterations);
        Assert.Equal(1e-4, p.Tolerance);
        Assert.Equal(ProxKind.NonNegative, p.Prox);
        Assert.Equal(WarmStart.Extrapolate, p.WarmStart);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(4, 0)]
    [InlineData(-1, 4)]
    public void Constructor_NonPositiveSize_Throws(int latent, int input)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LimRpsParameters(latent, input));
    }

    [Fact]
    public void Constructor_UnitGeometry()
    {
        var p = new LimRpsParameters(5, 3);

        Assert.All(p.BuildMetric().Values.ToArray(), v => Assert.Equal(1.0, v, 1e-14));
        Assert.All(p.BuildStepField().Values.ToArray(), v => Assert.Equal(1.0, v, 1e-14));
        Assert.Equal(5, p.A.Rows);
        Assert.Equal(3, p.U.Cols);
    }

    [Fact]
    public void CreateDefault_TensorsAreSpectrallyBoundedAndSeeded()
    {
        var p = LimRpsParameters.CreateDefault(32, 64, 9);
        var q = LimRpsParameters.CreateDefault(32, 64, 9);
        var other = LimRpsParameters.CreateDefault(32, 64, 10);

        Assert.True(SpectralNorm.Estimate(p.A, 2000, 1) <= 1.0 + 1e-6);
        Assert.True(SpectralNorm.Estimate(p.B, 2000, 1) <= 0.5 + 1e-6);
        Assert.True(SpectralNorm.Estimate(p.U, 2000, 1) <= 1.0 + 1e-6);
        Assert.Equal(p.A.Data.ToArray(), q.A.Data.ToArray());
        Assert.Equal(p.U.Data.ToArray(), q.U.Data.ToArray());
        Assert.NotEqual(p.A.Data.ToArray(), other.A.Data.ToArray());
        Assert.All(p.Bias, b => Assert.Equal(1.0, b));
    }

    [Fact]
    public void BuildLinearOperator_EqualsFormulaAndIsStronglyMonotone()
    {
        var p = LimRpsParameters.CreateDefault(12, 6, 3);
        int d = p.LatentSize;

        DenseMatrix l = p.BuildLinearOperator();

        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double gram = 0.0;
                for (int k = 0; k < d; k++)
                {
                    gram += p.A[k, i] * p.A[k, j];
                }

                double expected = gram - p.B[i, j] + p.B[j, i] + (i == j ? p.Margin + p.TemporalCoupling : 0.0);
                Assert.Equal(expected, l[i, j], 1e-12);
            }
        }

        // xᵀ L x ≥ (m + λ) ‖x‖² for every x: the skew part contributes nothing.
        var lx = new double[d];
        for (int trial = 0; trial < 100; trial++)
        {
            double[] x = LimRpsTestKit.RandomVector(d, 500 + (ulong)trial);
            l.Multiply(x, lx);
            Assert.True(Vec.Dot(x, lx) >= ((p.Margin + p.TemporalCoupling) * Vec.Dot(x, x)) - 1e-12);
        }
    }

    [Fact]
    public void Solver_CopiesParameters_LaterEditsDoNotReachIt()
    {
        var p = LimRpsParameters.CreateDefault(8, 8, 2);
        var solver = new LimRpsSolver(p);
        var twin = new LimRpsSolver(LimRpsParameters.CreateDefault(8, 8, 2));

        p.U.Data.Fill(100.0);
        p.Bias[0] = 50.0;
        p.Margin = 10.0;
        double[] input = LimRpsTestKit.RandomVector(8, 3);
        solver.Step(input);
        twin.Step(input);

        Assert.Equal(LimRpsTestKit.Bits(twin.State), LimRpsTestKit.Bits(solver.State));
    }
}
