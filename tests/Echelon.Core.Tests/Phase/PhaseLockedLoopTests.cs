using Echelon.Core.Metrics;
using Echelon.Core.Phase;

namespace Echelon.Core.Tests.Phase;

public sealed class PhaseLockedLoopTests
{
    [Fact]
    public void Advance_MeasurementsAtAFasterTempo_LearnsTheTempoCorrection()
    {
        var loop = new PhaseLockedLoop(0.15, 0.002, 0.1);
        const double omega = 0.1;
        for (int t = 0; t < 20000; t++)
        {
            loop.Advance(omega, true, Circular.Wrap(omega * 1.05 * t));
        }

        Assert.Equal(0.05, loop.TempoCorrection, 3);
        Assert.Equal(0.0, Circular.Wrap(loop.Phase - (omega * 1.05 * 19999)), 3);
    }

    [Fact]
    public void Advance_WithoutMeasurement_FlywheelsAtTheCorrectedTempo()
    {
        var loop = new PhaseLockedLoop(0.15, 0.002, 0.1);
        for (int t = 0; t < 5000; t++)
        {
            loop.Advance(0.1, true, Circular.Wrap(0.1 * t));
        }

        double phase = loop.Phase;
        for (int t = 0; t < 100; t++)
        {
            loop.Advance(0.1, false, double.NaN);
        }

        Assert.Equal(0.0, loop.LastError);
        Assert.Equal(Circular.Wrap(phase + (100 * 0.1 * (1 + loop.TempoCorrection))), loop.Phase, 9);
    }

    [Fact]
    public void Advance_TempoCorrection_StaysWithinItsBound()
    {
        var loop = new PhaseLockedLoop(0.15, 0.01, 0.1);
        for (int t = 0; t < 20000; t++)
        {
            loop.Advance(0.1, true, Circular.Wrap(0.1 * 1.5 * t));
        }

        Assert.InRange(loop.TempoCorrection, -0.1, 0.1);
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.1)]
    [InlineData(0.1, 0.2, 0.1)]
    [InlineData(0.1, 0.01, 1.0)]
    public void Constructor_BadGains_Throw(double kp, double ki, double deviation) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PhaseLockedLoop(kp, ki, deviation));
}
