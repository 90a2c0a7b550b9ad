using Echelon.Core.Numerics;

namespace Echelon.Core.Tests.Numerics;

public sealed class VecTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(64)]
    public void Kernels_MatchHandLoops(int n)
    {
        double[] a = RandomVector(n, 1);
        double[] b = RandomVector(n, 2);
        double dot = 0.0;
        double squares = 0.0;
        double distance = 0.0;
        for (int i = 0; i < n; i++)
        {
            dot += a[i] * b[i];
            squares += a[i] * a[i];
            distance += (a[i] - b[i]) * (a[i] - b[i]);
        }

        Assert.Equal(dot, Vec.Dot(a, b), 1e-12);
        Assert.Equal(Math.Sqrt(squares), Vec.Norm(a), 1e-12);
        Assert.Equal(Math.Sqrt(distance), Vec.Distance(a, b), 1e-12);

        double[] y = (double[])b.Clone();
        Vec.Axpy(-0.75, a, y);
        var scaled = new double[n];
        Vec.Scale(a, 3.0, scaled);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(b[i] - (0.75 * a[i]), y[i], 1e-14);
            Assert.Equal(3.0 * a[i], scaled[i], 1e-14);
        }
    }

    [Fact]
    public void AllFinite_DetectsNaNAndInfinityAnywhere()
    {
        Assert.True(Vec.AllFinite(ReadOnlySpan<double>.Empty));
        Assert.True(Vec.AllFinite([double.MaxValue, -double.MaxValue, double.Epsilon, 0.0]));
        for (int i = 0; i < 9; i++)
        {
            foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            {
                var values = new double[9];
                values[i] = bad;
                Assert.False(Vec.AllFinite(values));

                var floats = new float[9];
                floats[i] = (float)bad;
                Assert.False(Vec.AllFinite(floats));
            }
        }

        Assert.True(Vec.AllFinite(new float[] { float.MaxValue, 1f }));
    }

    private static double[] RandomVector(int n, ulong seed)
    {
        var v = new double[n];
        new DeterministicRandom(seed).FillGaussian(v, 1.0);
        return v;
    }
}
