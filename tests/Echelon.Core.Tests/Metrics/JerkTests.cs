using Echelon.Core.Metrics;
using Echelon.Core.Numerics;

namespace Echelon.Core.Tests.Metrics;

public class JerkTests
{
    [Fact]
    public void Compute_CubicTrajectory_IsExactlySix()
    {
        // dt = 0.5 keeps every (k·dt)³ and every difference exact in binary floating point.
        const double dt = 0.5;
        var x = new double[10];
        for (int k = 0; k < x.Length; k++)
        {
            x[k] = Math.Pow(k * dt, 3);
        }

        var jerk = new double[7];
        Jerk.Compute(x, dim: 1, dt, jerk);

        Assert.All(jerk, j => Assert.Equal(6.0, j));
    }

    [Fact]
    public void Compute_TwoComponentCubic_IsNormOfComponentJerks()
    {
        // x = (t³, 2t³): jerk vector (6, 12), norm 6·sqrt(5).
        const double dt = 0.25;
        var x = new double[2 * 8];
        for (int k = 0; k < 8; k++)
        {
            double t = k * dt;
            x[2 * k] = t * t * t;
            x[(2 * k) + 1] = 2 * t * t * t;
        }

        var jerk = new double[5];
        Jerk.Compute(x, dim: 2, dt, jerk);

        Assert.All(jerk, j => Assert.Equal(6 * Math.Sqrt(5), j, 12));
    }

    [Fact]
    public void Compute_Quadratic_IsZero()
    {
        const double dt = 0.5;
        var x = new double[6];
        for (int k = 0; k < x.Length; k++)
        {
            x[k] = 3 * (k * dt) * (k * dt);
        }

        var jerk = new double[3];
        Jerk.Compute(x, 1, dt, jerk);

        Assert.All(jerk, j => Assert.Equal(0.0, j));
    }

    [Fact]
    public void Compute_FineStepCubicWithLowerTerms_IsLeadingCoefficientTimesSix()
    {
        // x = 3t³ − 2t² + t + 5 at 100 Hz: third derivative 18 everywhere. Rounding of x (~1e-15)
        // is amplified by 8/dt³ = 8e6, hence the 1e-6 tolerance.
        const double dt = 0.01;
        var x = new double[200];
        for (int k = 0; k < x.Length; k++)
        {
            double t = k * dt;
            x[k] = (3 * t * t * t) - (2 * t * t) + t + 5;
        }

        var jerk = new double[197];
        Jerk.Compute(x, 1, dt, jerk);

        Assert.All(jerk, j => Assert.Equal(18.0, j, 1e-6));
    }

    [Fact]
    public void Compute_SeededTrajectory_MatchesThreeSuccessiveFirstDifferences()
    {
        const int frames = 50;
        const int dim = 3;
        const double dt = 1.0 / 60.0;
        var random = new DeterministicRandom(42);
        var x = new double[frames * dim];
        random.FillGaussian(x, 1.0);

        var jerk = new double[frames - 3];
        Jerk.Compute(x, dim, dt, jerk);

        // Reference: velocity, acceleration, jerk by repeated first differences.
        double[] Differentiate(double[] a, int count)
        {
            var d = new double[(count - 1) * dim];
            for (int t = 1; t < count; t++)
            {
                for (int c = 0; c < dim; c++)
                {
                    d[((t - 1) * dim) + c] = (a[(t * dim) + c] - a[((t - 1) * dim) + c]) / dt;
                }
            }

            return d;
        }

        double[] third = Differentiate(Differentiate(Differentiate(x, frames), frames - 1), frames - 2);
        for (int t = 0; t < frames - 3; t++)
        {
            double expected = Vec.Norm(third.AsSpan(t * dim, dim));
            Assert.Equal(expected, jerk[t], expected * 1e-9);
        }
    }

    [Fact]
    public void Compute_WrongOutputLength_ThrowsNamingExpectedAndActual()
    {
        var ex = Assert.Throws<ArgumentException>(() => Jerk.Compute(new double[10], 1, 0.1, new double[5]));

        Assert.Contains("= 7 slots", ex.Message, StringComparison.Ordinal);
        Assert.Contains("has 5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_FewerThanFourFrames_Throws()
    {
        Assert.Throws<ArgumentException>(() => Jerk.Compute(new double[6], 2, 0.1, []));
    }

    [Fact]
    public void Compute_BadShapeOrStep_Throws()
    {
        Assert.Throws<ArgumentException>(() => Jerk.Compute(new double[10], 3, 0.1, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => Jerk.Compute(new double[8], 0, 0.1, new double[5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Jerk.Compute(new double[8], 1, 0.0, new double[5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Jerk.Compute(new double[8], 1, double.PositiveInfinity, new double[5]));
    }

    [Fact]
    public void Summarize_JerkNorms_GivesMedianAndP95()
    {
        double[] norms = [4, 1, 3, 2];

        var (median, p95) = Jerk.Summarize(norms, new double[4]);

        Assert.Equal(2.5, median, 12);
        Assert.Equal(3.85, p95, 12);
        Assert.Equal([4, 1, 3, 2], norms);
    }
}
