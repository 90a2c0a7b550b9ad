using Echelon.Core.Metrics;
using Echelon.Core.Numerics;

namespace Echelon.Core.Tests.Metrics;

public class CircularTests
{
    // 2π − 6.2: the true error when ψ = 3.1 and θ = −3.1 straddle the ±π seam.
    private const double SeamError = -0.08318530717958623;

    [Theory]
    [InlineData(3 * Math.PI / 2, -Math.PI / 2)]
    [InlineData(-3 * Math.PI / 2, Math.PI / 2)]
    [InlineData(7 * Math.PI / 2, -Math.PI / 2)]
    [InlineData(2 * Math.PI, 0.0)]
    [InlineData(-2 * Math.PI, 0.0)]
    [InlineData(100.0, -0.530964914873383)] // 100 − 32π
    [InlineData(-100.0, 0.530964914873383)]
    [InlineData(6.2, SeamError)]
    public void Wrap_AngleBeyondPi_WrapsIntoHalfOpenInterval(double angle, double expected)
    {
        Assert.Equal(expected, Circular.Wrap(angle), 12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-3.0)]
    [InlineData(Math.PI)]
    public void Wrap_AngleAlreadyInRange_ReturnsItBitExact(double angle)
    {
        Assert.Equal(angle, Circular.Wrap(angle));
    }

    [Fact]
    public void Wrap_PlusAndMinusPi_BothMapToPlusPi()
    {
        Assert.Equal(Math.PI, Circular.Wrap(Math.PI));
        Assert.Equal(Math.PI, Circular.Wrap(-Math.PI));
    }

    [Fact]
    public void Wrap_ErrorAcrossSeam_IsSmallAndNegative()
    {
        Assert.Equal(SeamError, Circular.Wrap(3.1 - (-3.1)), 12);
        Assert.Equal(-SeamError, Circular.Wrap(-3.1 - 3.1), 12);
    }

    [Fact]
    public void Wrap_SeededAngles_LandInHalfOpenIntervalAndDifferByWholeTurns()
    {
        var random = new DeterministicRandom(7);
        for (int i = 0; i < 10_000; i++)
        {
            double angle = random.NextDouble(-50.0, 50.0);
            double wrapped = Circular.Wrap(angle);
            Assert.True(wrapped > -Math.PI && wrapped <= Math.PI, $"wrap({angle}) = {wrapped}");
            double turns = (angle - wrapped) / (2 * Math.PI);
            Assert.Equal(Math.Round(turns), turns, 9);
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Wrap_NonFinite_ReturnsNaN(double angle)
    {
        Assert.True(double.IsNaN(Circular.Wrap(angle)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(-0.5)]
    [InlineData(2.0)]
    [InlineData(4.0)] // wraps to 4 − 2π = −2.283
    [InlineData(-7.0)] // wraps to −7 + 2π = −0.717
    public void Rmse_ConstantOffset_EqualsWrappedOffsetAndCoherenceIsOne(double offset)
    {
        var random = new DeterministicRandom(11);
        var theta = new double[500];
        var psi = new double[500];
        for (int i = 0; i < theta.Length; i++)
        {
            theta[i] = random.NextDouble(-Math.PI, Math.PI);
            psi[i] = theta[i] + offset;
        }

        Assert.Equal(Math.Abs(Circular.Wrap(offset)), Circular.Rmse(psi, theta), 12);
        Assert.Equal(1.0, Circular.Coherence(psi, theta), 12);
    }

    [Fact]
    public void Rmse_ErrorsAcrossSeam_UsesWrappedError()
    {
        double[] psi = [3.1, -3.1];
        double[] theta = [-3.1, 3.1];

        Assert.Equal(-SeamError, Circular.Rmse(psi, theta), 12);
    }

    [Fact]
    public void Rmse_TwoErrors_IsRootMeanSquare()
    {
        double[] psi = [1.1, 0.7];
        double[] theta = [1.0, 1.0];

        // errors 0.1 and −0.3: sqrt((0.01 + 0.09) / 2) = sqrt(0.05)
        Assert.Equal(Math.Sqrt(0.05), Circular.Rmse(psi, theta), 12);
    }

    [Fact]
    public void Coherence_ErrorsSpreadEvenlyRoundCircle_IsZeroAndRmseMatchesClosedForm()
    {
        const int m = 180;
        const int n = 2 * m;
        var random = new DeterministicRandom(3);
        var theta = new double[n];
        var psi = new double[n];
        for (int k = 0; k < n; k++)
        {
            theta[k] = random.NextDouble(-Math.PI, Math.PI);
            psi[k] = theta[k] + (2 * Math.PI * k / n);
        }

        Assert.Equal(0.0, Circular.Coherence(psi, theta), 12);

        // Errors 2πj/n for j = −m+1 … m: mean square = π²(2m² + 1) / (6m²).
        double expectedRmse = Math.PI * Math.Sqrt(((2.0 * m * m) + 1.0) / (6.0 * m * m));
        Assert.Equal(expectedRmse, Circular.Rmse(psi, theta), 9);
    }

    [Fact]
    public void Coherence_UniformRandomErrors_IsNearZero()
    {
        var random = new DeterministicRandom(5);
        var theta = new double[20_000];
        var psi = new double[20_000];
        for (int i = 0; i < theta.Length; i++)
        {
            theta[i] = random.NextDouble(-Math.PI, Math.PI);
            psi[i] = random.NextDouble(-Math.PI, Math.PI);
        }

        // The mean resultant of n uniform phases has size ~ 1/sqrt(n) ≈ 0.007.
        Assert.InRange(Circular.Coherence(psi, theta), 0.0, 0.03);
    }

    [Fact]
    public void Coherence_QuarterTurnApart_IsHalfRootTwo()
    {
        double[] psi = [0.0, Math.PI / 2];
        double[] theta = [0.0, 0.0];

        // |1 + i| / 2
        Assert.Equal(Math.Sqrt(2) / 2, Circular.Coherence(psi, theta), 12);
    }

    [Fact]
    public void Rmse_LengthMismatch_ThrowsNamingBothLengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => Circular.Rmse(new double[5], new double[7]));

        Assert.Contains("psi has 5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("theta has 7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Coherence_LengthMismatch_ThrowsNamingBothLengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => Circular.Coherence(new double[3], new double[2]));

        Assert.Contains("psi has 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("theta has 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RmseAndCoherenceAndMeanAngle_EmptyInput_Throw()
    {
        Assert.Throws<ArgumentException>(() => Circular.Rmse([], []));
        Assert.Throws<ArgumentException>(() => Circular.Coherence([], []));
        Assert.Throws<ArgumentException>(() => Circular.MeanAngle([]));
    }

    [Fact]
    public void MeanAngle_SymmetricPair_IsMidpoint()
    {
        Assert.Equal(0.2, Circular.MeanAngle([0.1, 0.3]), 12);
        Assert.Equal(Math.PI / 4, Circular.MeanAngle([0.0, Math.PI / 2]), 12);
        Assert.Equal(-1.0, Circular.MeanAngle([-1.0]), 12);
    }

    [Fact]
    public void MeanAngle_PairAcrossSeam_IsPiNotZero()
    {
        double mean = Circular.MeanAngle([Math.PI - 0.1, -Math.PI + 0.1]);

        // The arithmetic mean would be 0; the circular mean is ±π. Compare on the circle.
        Assert.Equal(0.0, Circular.Wrap(mean - Math.PI), 12);
        Assert.True(mean > -Math.PI && mean <= Math.PI);
    }
}
