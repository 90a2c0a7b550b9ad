using Echelon.Core.Metrics;

namespace Echelon.Core.Tests.Metrics;

public class RelockTimeTests
{
    private const double Hold = 0.5;      // half a beat at 60 BPM
    private const double Tolerance = 0.3; // DESIGN §3

    /// <summary>100 Hz samples from 0 to lastIndex/100 s; θ is a 2 Hz wrapped ramp (crossing the
    /// seam often); ψ = θ + error(i).</summary>
    private static (double[] Times, double[] Psi, double[] Theta) Track(int lastIndex, Func<int, double> error)
    {
        int n = lastIndex + 1;
        var times = new double[n];
        var psi = new double[n];
        var theta = new double[n];
        for (int i = 0; i < n; i++)
        {
            times[i] = i / 100.0;
            theta[i] = Circular.Wrap(2 * Math.PI * 2.0 * times[i]);
            psi[i] = Circular.Wrap(theta[i] + error(i));
        }

        return (times, psi, theta);
    }

    [Fact]
    public void RelockTime_LockedAtDropoutEndAndStaysLocked_IsZero()
    {
        var (times, psi, theta) = Track(200, _ => 0.1);

        Assert.Equal(0.0, Circular.RelockTime(times, psi, theta, fromTime: 0.5, Hold, Tolerance));
    }

    [Fact]
    public void RelockTime_LocksTwoTenthsAfterDropout_IsPointTwo()
    {
        var (times, psi, theta) = Track(200, i => i < 70 ? 1.0 : 0.05);

        Assert.Equal(0.2, Circular.RelockTime(times, psi, theta, fromTime: 0.5, Hold, Tolerance), 12);
    }

    [Fact]
    public void RelockTime_NeverWithinTolerance_IsPositiveInfinity()
    {
        var (times, psi, theta) = Track(200, _ => 1.0);

        Assert.Equal(double.PositiveInfinity, Circular.RelockTime(times, psi, theta, 0.5, Hold, Tolerance));
    }

    [Fact]
    public void RelockTime_BriefLockThatBreaks_CountsFromTheLockThatHolds()
    {
        // In tolerance 0.60–0.79 s (too short), out 0.80–0.89 s, in from 0.90 s to the end.
        var (times, psi, theta) = Track(200, i => i is >= 60 and < 80 ? 0.1 : i is >= 80 and < 90 ? -0.8 : i >= 90 ? -0.2 : 2.5);

        Assert.Equal(0.4, Circular.RelockTime(times, psi, theta, 0.5, Hold, Tolerance), 12);
    }

    [Fact]
    public void RelockTime_LockedButDataEndsBeforeHold_IsPositiveInfinity()
    {
        // Locked from 0.6 s, data ends at 1.0 s: only 0.4 s of evidence for a 0.5 s hold.
        var (times, psi, theta) = Track(100, i => i >= 60 ? 0.0 : 1.0);

        Assert.Equal(double.PositiveInfinity, Circular.RelockTime(times, psi, theta, 0.5, Hold, Tolerance));
    }

    [Fact]
    public void RelockTime_DataEndsExactlyAtHold_Holds()
    {
        // Locked from 0.5 s, data ends at 1.0 s = 0.5 s + hold.
        var (times, psi, theta) = Track(100, _ => 0.0);

        Assert.Equal(0.0, Circular.RelockTime(times, psi, theta, 0.5, Hold, Tolerance));
    }

    [Fact]
    public void RelockTime_OutOfToleranceSampleAtWindowEnd_BreaksTheWindow()
    {
        // In at 0.50–0.99 s, out at exactly 1.00 s (= 0.5 + hold, inside the closed window), in after.
        var (times, psi, theta) = Track(200, i => i == 100 ? 1.0 : 0.0);

        Assert.Equal(0.51, Circular.RelockTime(times, psi, theta, 0.5, Hold, Tolerance), 12);
    }

    [Fact]
    public void RelockTime_SamplesBeforeDropoutEnd_AreIgnored()
    {
        // Locked throughout, except a glitch at 0.55 s; lock before 0.5 s must not count.
        var (times, psi, theta) = Track(200, i => i == 55 ? 3.0 : 0.0);

        Assert.Equal(0.06, Circular.RelockTime(times, psi, theta, 0.5, Hold, Tolerance), 12);
    }

    [Fact]
    public void RelockTime_DropoutEndsBetweenSamples_CountsToNextLockedSample()
    {
        var (times, psi, theta) = Track(200, _ => 0.0);

        Assert.Equal(0.005, Circular.RelockTime(times, psi, theta, 0.505, Hold, Tolerance), 12);
    }

    [Fact]
    public void RelockTime_ErrorAcrossSeam_IsTreatedAsSmall()
    {
        double[] times = [0.0, 0.25, 0.5, 0.75, 1.0];
        double[] psi = [3.1, 3.1, 3.1, 3.1, 3.1];
        double[] theta = [-3.1, -3.1, -3.1, -3.1, -3.1];

        Assert.Equal(0.0, Circular.RelockTime(times, psi, theta, 0.0, Hold, Tolerance));
    }

    [Fact]
    public void RelockTime_NaNError_CountsAsOutOfTolerance()
    {
        var (times, psi, theta) = Track(200, _ => 0.0);
        psi[60] = double.NaN;

        Assert.Equal(0.11, Circular.RelockTime(times, psi, theta, 0.5, Hold, Tolerance), 12);
    }

    [Fact]
    public void RelockTime_EmptyData_IsPositiveInfinity()
    {
        Assert.Equal(double.PositiveInfinity, Circular.RelockTime([], [], [], 0.0, Hold, Tolerance));
    }

    [Fact]
    public void RelockTime_LengthMismatch_ThrowsNamingBothLengths()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => Circular.RelockTime(new double[4], new double[3], new double[4], 0.0, Hold, Tolerance));

        Assert.Contains("times has 4", ex.Message, StringComparison.Ordinal);
        Assert.Contains("psi has 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RelockTime_TimesDecrease_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => Circular.RelockTime([0.0, 0.2, 0.1], new double[3], new double[3], 0.0, Hold, Tolerance));

        Assert.Equal("times", ex.ParamName);
    }

    [Fact]
    public void RelockTime_BadHoldOrTolerance_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Circular.RelockTime([0.0], [0.0], [0.0], 0.0, -0.1, Tolerance));
        Assert.Throws<ArgumentOutOfRangeException>(() => Circular.RelockTime([0.0], [0.0], [0.0], 0.0, double.PositiveInfinity, Tolerance));
        Assert.Throws<ArgumentOutOfRangeException>(() => Circular.RelockTime([0.0], [0.0], [0.0], 0.0, Hold, 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Circular.RelockTime([0.0], [0.0], [0.0], double.NaN, Hold, Tolerance));
    }
}
