using Echelon.Core.Equilibrium;
using Echelon.Core.Numerics;

namespace Echelon.Core.Tests.Equilibrium;

/// <summary>
/// Shared builders and reference twins for the LIM-RPS tests: parameters with non-trivial geometry,
/// the step vector s_i = α·σ_i / D_i, the constant c of the inclusion, the S⁻¹-weighted norm, and a
/// hand-built Peaceman–Rachford operator assembled only from public prepare-time pieces.
/// </summary>
internal static class LimRpsTestKit
{
    public const double SoftThreshold = 0.05;
    public const double BoxLower = -0.3;
    public const double BoxUpper = 0.3;

    /// <summary>
    /// Default tensors from <paramref name="seed"/>, the given prox, and random raw geometry (so the
    /// metric and the step field differ per coordinate and the preconditioning is exercised).
    /// </summary>
    public static LimRpsParameters CreateWithGeometry(int latentSize, int inputSize, ulong seed, ProxKind prox)
    {
        var p = LimRpsParameters.CreateDefault(latentSize, inputSize, seed);
        var random = new DeterministicRandom(seed ^ 0x5EED_6E0UL);
        random.FillGaussian(p.MetricRaw, 0.7);
        random.FillGaussian(p.StepRaw, 0.7);
        p.Prox = prox;
        p.ProxThreshold = SoftThreshold;
        p.BoxLower = BoxLower;
        p.BoxUpper = BoxUpper;
        return p;
    }

    public static double[] RandomVector(int n, ulong seed, double std = 1.0)
    {
        var v = new double[n];
        new DeterministicRandom(seed).FillGaussian(v, std);
        return v;
    }

    /// <summary>s_i = α·σ_i / D_i, the per-coordinate step the solver uses.</summary>
    public static double[] Steps(LimRpsParameters p)
    {
        ReadOnlySpan<double> metric = p.BuildMetric().Values;
        ReadOnlySpan<double> field = p.BuildStepField().Values;
        var s = new double[p.LatentSize];
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = p.Step * field[i] / metric[i];
        }

        return s;
    }

    /// <summary>c = U u + b + λ z_prev − F, computed with plain loops.</summary>
    public static double[] Constant(LimRpsParameters p, double[] input, double[] previousLatent, double[]? force)
    {
        int d = p.LatentSize;
        var c = new double[d];
        for (int i = 0; i < d; i++)
        {
            double sum = 0.0;
            for (int j = 0; j < p.InputSize; j++)
            {
                sum += p.U[i, j] * input[j];
            }

            c[i] = sum + p.Bias[i] + (p.TemporalCoupling * previousLatent[i]) - (force is null ? 0.0 : force[i]);
        }

        return c;
    }

    /// <summary>r = L z − c: zero where the prox is inactive, a subgradient of −g elsewhere.</summary>
    public static double[] Residual(DenseMatrix l, double[] z, double[] c)
    {
        var r = new double[z.Length];
        for (int i = 0; i < z.Length; i++)
        {
            double sum = 0.0;
            for (int j = 0; j < z.Length; j++)
            {
                sum += l[i, j] * z[j];
            }

            r[i] = sum - c[i];
        }

        return r;
    }

    /// <summary>‖v‖_{S⁻¹} = sqrt(Σ v_i² / s_i).</summary>
    public static double WeightedNorm(ReadOnlySpan<double> v, ReadOnlySpan<double> steps)
    {
        double sum = 0.0;
        for (int i = 0; i < v.Length; i++)
        {
            sum += v[i] * v[i] / steps[i];
        }

        return Math.Sqrt(sum);
    }

    public static double WeightedDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> steps)
    {
        double sum = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            double diff = a[i] - b[i];
            sum += diff * diff / steps[i];
        }

        return Math.Sqrt(sum);
    }

    public static double MaxAbsDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        Assert.Equal(a.Length, b.Length);
        double max = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }

    public static long[] Bits(ReadOnlySpan<double> values)
    {
        var bits = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            bits[i] = BitConverter.DoubleToInt64Bits(values[i]);
        }

        return bits;
    }
}
