using Echelon.Core.Numerics;
using Echelon.Testing;

namespace Echelon.Core.Tests.Numerics;

public sealed class DenseMatrixFastPathTests
{
    [Theory]
    [InlineData(64, 64)]
    [InlineData(128, 128)]
    [InlineData(7, 13)]   // neither rows nor columns a multiple of the vector width: both tails run
    [InlineData(33, 4)]
    [InlineData(5, 3)]    // narrower than one vector: the reference path runs
    public void Multiply_BlockedPath_EqualsReferenceToRounding(int rows, int cols)
    {
        var rng = new DeterministicRandom((ulong)((rows * 1000) + cols));
        var m = new DenseMatrix(rows, cols);
        rng.FillGaussian(m.Data, 1.0);
        var x = new double[cols];
        rng.FillGaussian(x, 1.0);
        var fast = new double[rows];
        var reference = new double[rows];

        m.Multiply(x, fast);
        m.MultiplyReference(x, reference);

        for (int r = 0; r < rows; r++)
        {
            double scale = 0.0;
            for (int c = 0; c < cols; c++)
            {
                scale += Math.Abs(m[r, c] * x[c]);
            }

            Assert.True(Math.Abs(fast[r] - reference[r]) <= 1e-13 * (scale + 1.0), $"row {r}: {fast[r]} vs {reference[r]}");
        }
    }

    [Fact]
    public void Multiply_AfterWarmUp_AllocatesNothing()
    {
        var m = new DenseMatrix(128, 128);
        var x = new double[128];
        var y = new double[128];
        m.Multiply(x, y);
        Assert.Equal(0, AllocationProbe.SteadyStateBytes(() => m.Multiply(x, y), warmUp: 0, iterations: 100));
    }
}
