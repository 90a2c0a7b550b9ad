using Echelon.Audio.Dsp;

namespace Echelon.Audio.Tests.Dsp;

public sealed class BlepKernelTests
{
    [Fact]
    public void StepResidual_VanishesAtTheEdgesAndJumpsByOneAtZero()
    {
        Assert.Equal(0, BlepKernel.StepResidual(-BlepKernel.HalfWidth));
        Assert.Equal(0, BlepKernel.StepResidual(BlepKernel.HalfWidth - 1e-12), 9);
        Assert.Equal(-0.5, BlepKernel.StepResidual(0), 9);
        Assert.Equal(0.5, BlepKernel.StepResidual(-1e-12), 9);
    }

    [Fact]
    public void StepResidual_IsOddAndMatchesTheWindowedSincIntegral()
    {
        // E(−τ) = −E(τ) for a symmetric kernel; the cubic fit stays within 0.003 of it everywhere.
        for (double tau = 0.01; tau < BlepKernel.HalfWidth; tau += 0.037)
        {
            Assert.Equal(-BlepKernel.StepResidual(tau), BlepKernel.StepResidual(-tau), 3);
        }
    }

    [Fact]
    public void RampResidual_StartsAndEndsAtZero()
    {
        Assert.Equal(0, BlepKernel.RampResidual(-BlepKernel.HalfWidth));
        Assert.Equal(0, BlepKernel.RampResidual(BlepKernel.HalfWidth - 1e-12), 6);
        Assert.True(BlepKernel.RampResidual(0) > 0.05);
    }
}
