using Echelon.Core.Equilibrium;

namespace Echelon.Core.Tests.Equilibrium;

public sealed class RejectionCountersTests
{
    [Fact]
    public void Count_EachReason_IncrementsItsOwnCounterAndTotal()
    {
        var counters = new RejectionCounters();

        counters.Count(FrameRejection.NonFiniteInput);
        counters.Count(FrameRejection.NonFiniteInput);
        counters.Count(FrameRejection.NonFiniteForce);
        counters.Count(FrameRejection.NonFiniteState);
        counters.Count(FrameRejection.NonFiniteState);
        counters.Count(FrameRejection.NonFiniteState);
        counters.Count(FrameRejection.None);

        Assert.Equal(2, counters.NonFiniteInput);
        Assert.Equal(1, counters.NonFiniteForce);
        Assert.Equal(3, counters.NonFiniteState);
        Assert.Equal(6, counters.Total);
    }

    [Fact]
    public void Reset_ClearsEveryCounter()
    {
        var counters = new RejectionCounters();
        counters.Count(FrameRejection.NonFiniteInput);
        counters.Count(FrameRejection.NonFiniteForce);
        counters.Count(FrameRejection.NonFiniteState);

        counters.Reset();

        Assert.Equal(0, counters.NonFiniteInput);
        Assert.Equal(0, counters.NonFiniteForce);
        Assert.Equal(0, counters.NonFiniteState);
        Assert.Equal(0, counters.Total);
    }

    [Fact]
    public void SolveReport_Accepted_OnlyWithoutRejection()
    {
        Assert.True(new SolveReport(FrameRejection.None, 3, 1e-5, 0.6, true).Accepted);
        Assert.False(new SolveReport(FrameRejection.NonFiniteInput, 0, double.NaN, double.NaN, false).Accepted);
        Assert.False(new SolveReport(FrameRejection.NonFiniteState, 0, double.NaN, double.NaN, false).Accepted);
    }
}
