using Echelon.Core.Metrics;
using Echelon.Core.Phase;

namespace Echelon.Core.Tests.Phase;

public sealed class QuadratureResonatorTests
{
    [Theory]
    [InlineData(0.08)]
    [InlineData(0.15)]
    public void Update_CosineAtTheTunedFrequency_GivesItsPhaseWithNoDelay(double omega)
    {
        // The mirror component e^{−iωt} is attenuated to (1−r)²/|1 − r e^{2iω}|² ≈ 0.025 of the
        // fundamental at τ = 0.5 beats, so the phase ripples by that much around zero error, twice
        // per beat; its mean over a beat is the delay, and it is zero.
        var resonator = new QuadratureResonator(0.5);
        int framesPerBeat = (int)Math.Round(2 * Math.PI / omega);
        double sinSum = 0.0;
        double cosSum = 0.0;
        double worst = 0.0;
        for (int t = 0; t < 2000 + framesPerBeat; t++)
        {
            resonator.Update(2.0 * Math.Cos((omega * t) + 0.7), omega);
            if (t >= 2000)
            {
                double error = Circular.Wrap(resonator.Phase - ((omega * t) + 0.7));
                sinSum += Math.Sin(error);
                cosSum += Math.Cos(error);
                worst = Math.Max(worst, Math.Abs(error));
            }
        }

        Assert.Equal(0.0, Math.Atan2(sinSum, cosSum), 3);
        Assert.InRange(worst, 0.0, 0.03);
        Assert.Equal(1.0, resonator.Magnitude, 1); // half the peak: the positive-frequency component
    }

    [Fact]
    public void Update_ConstantInput_IsStronglyAttenuated()
    {
        var resonator = new QuadratureResonator(0.5);
        for (int t = 0; t < 2000; t++)
        {
            resonator.Update(1.0, 0.126);
        }

        Assert.True(resonator.Magnitude < 0.25, $"DC leaked with magnitude {resonator.Magnitude:F3}");
    }

    [Fact]
    public void Rotate_KeepsMagnitudeAndAdvancesPhase()
    {
        var resonator = new QuadratureResonator(0.5);
        for (int t = 0; t < 500; t++)
        {
            resonator.Update(Math.Cos(0.1 * t), 0.1);
        }

        double magnitude = resonator.Magnitude;
        double phase = resonator.Phase;
        resonator.Rotate(0.1);
        Assert.Equal(magnitude, resonator.Magnitude, 12);
        Assert.Equal(Circular.Wrap(phase + 0.1), resonator.Phase, 12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Constructor_BadTimeConstant_Throws(double beats) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuadratureResonator(beats));
}
