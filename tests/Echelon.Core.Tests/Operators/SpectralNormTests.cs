using Echelon.Core.Numerics;
using Echelon.Core.Operators;

namespace Echelon.Core.Tests.Operators;

public sealed class SpectralNormTests
{
    private const double Slack = 1e-3;

    [Theory]
    [InlineData(16, 16, 1UL)]
    [InlineData(32, 48, 2UL)]
    [InlineData(64, 128, 3UL)]
    [InlineData(48, 8, 4UL)]
    public void Normalize_ToOne_MakesTheMapOneLipschitz(int rows, int cols, ulong seed)
    {
        DenseMatrix m = RandomMatrix(rows, cols, seed, 3.0);

        double before = SpectralNorm.Normalize(m, 1.0, 200, seed);

        Assert.True(before > 1.0, $"the test matrix should need scaling; σ₁ ≈ {before}");
        var random = new DeterministicRandom(seed + 100);
        var x = new double[cols];
        var y = new double[rows];
        double worst = 0.0;
        for (int trial = 0; trial < 1000; trial++)
        {
            random.FillGaussian(x, 1.0);
            m.Multiply(x, y);
            worst = Math.Max(worst, Vec.Norm(y) / Vec.Norm(x));
        }

        Assert.True(worst <= 1.0 + Slack, $"‖m x‖ / ‖x‖ reached {worst}");

        // Tight, not merely safe: the normalised norm is 1 up to the documented 1e-6 margin.
        double after = SpectralNorm.Estimate(m, 2000, seed + 7);
        Assert.InRange(after, 1.0 - 1e-5, 1.0 + Slack);
    }

    [Fact]
    public void Estimate_DiagonalMatrix_IsLargestAbsoluteDiagonal()
    {
        // σ₁ of a diagonal matrix is its largest |entry|; the second (−4.0) sets the convergence rate.
        double[] diagonal = [0.5, -4.0, 3.0, -7.5, 1.0, 0.0, 2.0, -0.25];
        var m = new DenseMatrix(diagonal.Length, diagonal.Length);
        for (int i = 0; i < diagonal.Length; i++)
        {
            m[i, i] = diagonal[i];
        }

        Assert.Equal(7.5, SpectralNorm.Estimate(m, 100, 1), 1e-9);
        Assert.Equal(7.5, SpectralNorm.Estimate(m, 100, 99), 1e-9);
    }

    [Fact]
    public void Estimate_RectangularMatrixWithKnownSingularValues_IsLargest()
    {
        // M = Q diag(5, 2, 1) built from orthonormal columns by hand (a 4×3 with a rotation in rows 0–1).
        double c = Math.Cos(0.3);
        double s = Math.Sin(0.3);
        var m = new DenseMatrix(4, 3, [
            5 * c, -2 * s, 0.0,
            5 * s, 2 * c, 0.0,
            0.0, 0.0, 1.0,
            0.0, 0.0, 0.0,
        ]);

        Assert.Equal(5.0, SpectralNorm.Estimate(m, 200, 3), 1e-9);
        Assert.Equal(5.0, SpectralNorm.Estimate(m.Transpose(), 200, 3), 1e-9);
    }

    [Fact]
    public void Estimate_IsBelowTheFrobeniusNormAndAboveEveryColumnNorm()
    {
        DenseMatrix m = RandomMatrix(20, 30, 5, 1.0);

        double sigma = SpectralNorm.Estimate(m, 500, 5);

        double frobenius = Vec.Norm(m.Data);
        Assert.True(sigma <= frobenius);
        var column = new double[20];
        for (int j = 0; j < 30; j++)
        {
            for (int i = 0; i < 20; i++)
            {
                column[i] = m[i, j];
            }

            Assert.True(sigma >= Vec.Norm(column) * (1 - 1e-12));
        }
    }

    [Fact]
    public void Normalize_MatrixAlreadyInsideBound_IsLeftAlone()
    {
        DenseMatrix m = RandomMatrix(8, 8, 6, 0.01);
        double[] before = m.Data.ToArray();

        double sigma = SpectralNorm.Normalize(m, 1.0, 200, 6);

        Assert.True(sigma < 1.0);
        Assert.Equal(before, m.Data.ToArray());
    }

    [Fact]
    public void Normalize_ToTarget_ScalesToTarget()
    {
        DenseMatrix m = RandomMatrix(12, 12, 7, 1.0);

        double sigma = SpectralNorm.Normalize(m, 0.5, 500, 7);

        Assert.True(sigma > 0.5);
        Assert.Equal(0.5, SpectralNorm.Estimate(m, 2000, 8), 1e-5);
    }

    [Fact]
    public void Estimate_ZeroMatrix_IsZero()
    {
        Assert.Equal(0.0, SpectralNorm.Estimate(new DenseMatrix(5, 3), 10, 1));
    }

    [Fact]
    public void Arguments_AreChecked()
    {
        var m = new DenseMatrix(2, 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => SpectralNorm.Estimate(m, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpectralNorm.Normalize(m, 0.0, 10, 1));
        Assert.Throws<ArgumentNullException>(() => SpectralNorm.Estimate(null!, 10, 1));
    }

    private static DenseMatrix RandomMatrix(int rows, int cols, ulong seed, double std)
    {
        var m = new DenseMatrix(rows, cols);
        new DeterministicRandom(seed).FillGaussian(m.Data, std);
        return m;
    }
}
