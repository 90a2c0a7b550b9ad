using Echelon.Core.Numerics;
using Echelon.Testing;

namespace Echelon.Core.Tests.Numerics;

public sealed class DenseMatrixTests
{
    [Theory]
    [InlineData(1, 1UL)]
    [InlineData(7, 2UL)]
    [InlineData(32, 3UL)]
    [InlineData(64, 4UL)]
    public void Inverse_TimesMatrix_IsIdentity(int n, ulong seed)
    {
        DenseMatrix m = Random(n, n, seed);
        for (int i = 0; i < n; i++)
        {
            m[i, i] += 2.0;
        }

        DenseMatrix inverse = m.Inverse();

        AssertIdentity(inverse.Times(m), 1e-10);
        AssertIdentity(m.Times(inverse), 1e-10);
    }

    [Fact]
    public void Inverse_ZeroOnDiagonal_PivotsAndSucceeds()
    {
        // A permutation-like matrix: no pivot on the diagonal, so partial pivoting must swap rows.
        var m = new DenseMatrix(3, 3, [0.0, 2.0, 0.0, 0.0, 0.0, 3.0, 4.0, 0.0, 0.0]);

        DenseMatrix inverse = m.Inverse();

        Assert.Equal(0.25, inverse[0, 2], 15);
        Assert.Equal(0.5, inverse[1, 0], 15);
        Assert.Equal(1.0 / 3.0, inverse[2, 1], 15);
        AssertIdentity(inverse.Times(m), 1e-15);
    }

    [Fact]
    public void Inverse_DoesNotModifyTheMatrix()
    {
        DenseMatrix m = Random(5, 5, 9);
        double[] before = m.Data.ToArray();

        _ = m.Inverse();

        Assert.Equal(before, m.Data.ToArray());
    }

    [Fact]
    public void Inverse_Singular_Throws()
    {
        var m = new DenseMatrix(3, 3, [1.0, 2.0, 3.0, 2.0, 4.0, 6.0, 0.0, 1.0, 1.0]);

        Assert.Throws<InvalidOperationException>(() => m.Inverse());
        Assert.Throws<InvalidOperationException>(() => new DenseMatrix(2, 3).Inverse());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 13)]
    [InlineData(13, 7)]
    [InlineData(64, 128)]
    public void Multiply_And_MultiplyTransposed_MatchHandLoops(int rows, int cols)
    {
        DenseMatrix m = Random(rows, cols, (ulong)(rows * 1000 + cols));
        double[] x = RandomVector(cols, 1);
        double[] xt = RandomVector(rows, 2);
        var y = new double[rows];
        var yt = new double[cols];
        Array.Fill(yt, 99.0); // stale contents must be overwritten, not accumulated

        m.Multiply(x, y);
        m.MultiplyTransposed(xt, yt);

        for (int r = 0; r < rows; r++)
        {
            double expected = 0.0;
            for (int c = 0; c < cols; c++)
            {
                expected += m[r, c] * x[c];
            }

            Assert.Equal(expected, y[r], 1e-12);
        }

        for (int c = 0; c < cols; c++)
        {
            double expected = 0.0;
            for (int r = 0; r < rows; r++)
            {
                expected += m[r, c] * xt[r];
            }

            Assert.Equal(expected, yt[c], 1e-12);
        }
    }

    [Fact]
    public void Times_And_Transpose_MatchHandLoops()
    {
        DenseMatrix a = Random(5, 3, 20);
        DenseMatrix b = Random(3, 4, 21);

        DenseMatrix product = a.Times(b);
        DenseMatrix transpose = a.Transpose();

        Assert.Equal(5, product.Rows);
        Assert.Equal(4, product.Cols);
        for (int r = 0; r < 5; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                double expected = 0.0;
                for (int k = 0; k < 3; k++)
                {
                    expected += a[r, k] * b[k, c];
                }

                Assert.Equal(expected, product[r, c], 1e-13);
            }

            for (int c = 0; c < 3; c++)
            {
                Assert.Equal(a[r, c], transpose[c, r]);
            }
        }

        Assert.Throws<ArgumentException>(() => a.Times(a));
    }

    [Fact]
    public void Multiply_WrongShapes_ThrowNamingTheShape()
    {
        var m = new DenseMatrix(3, 4);

        ArgumentException e = Assert.Throws<ArgumentException>(() => m.Multiply(new double[3], new double[3]));
        Assert.Contains("3x4", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => m.Multiply(new double[4], new double[4]));
        Assert.Throws<ArgumentException>(() => m.MultiplyTransposed(new double[4], new double[4]));
        Assert.Throws<ArgumentException>(() => m.MultiplyTransposed(new double[3], new double[3]));
    }

    [Fact]
    public void Constructors_CheckShapes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DenseMatrix(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DenseMatrix(3, -1));
        ArgumentException e = Assert.Throws<ArgumentException>(() => new DenseMatrix(2, 3, new double[5]));
        Assert.Contains("6", e.Message, StringComparison.Ordinal);
        Assert.Contains("5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrap_Row_Identity_Clone_ShareOrCopyAsDocumented()
    {
        double[] data = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        var m = new DenseMatrix(2, 3, data);
        DenseMatrix copy = m.Clone();

        m[1, 2] = 60.0;

        Assert.Equal(60.0, data[5]);
        Assert.Equal(6.0, copy[1, 2]);
        Assert.Equal([4.0, 5.0, 60.0], m.Row(1).ToArray());

        DenseMatrix identity = DenseMatrix.Identity(3, 2.5);
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                Assert.Equal(r == c ? 2.5 : 0.0, identity[r, c]);
            }
        }
    }

    [Fact]
    public void Products_AllocateNothing()
    {
        DenseMatrix m = Random(64, 128, 30);
        double[] x = RandomVector(128, 31);
        var y = new double[64];
        var back = new double[128];
        m.Multiply(x, y);
        m.MultiplyTransposed(y, back);

        long bytes = AllocationProbe.SteadyStateBytes(
            () =>
            {
                m.Multiply(x, y);
                m.MultiplyTransposed(y, back);
            },
            warmUp: 0,
            iterations: 100);

        Assert.Equal(0, bytes);
    }

    private static DenseMatrix Random(int rows, int cols, ulong seed)
    {
        var m = new DenseMatrix(rows, cols);
        new DeterministicRandom(seed).FillGaussian(m.Data, 1.0);
        return m;
    }

    private static double[] RandomVector(int n, ulong seed)
    {
        var v = new double[n];
        new DeterministicRandom(seed).FillGaussian(v, 1.0);
        return v;
    }

    private static void AssertIdentity(DenseMatrix m, double tolerance)
    {
        for (int r = 0; r < m.Rows; r++)
        {
            for (int c = 0; c < m.Cols; c++)
            {
                double expected = r == c ? 1.0 : 0.0;
                Assert.True(Math.Abs(m[r, c] - expected) <= tolerance, $"({r}, {c}) = {m[r, c]:R}");
            }
        }
    }
}
