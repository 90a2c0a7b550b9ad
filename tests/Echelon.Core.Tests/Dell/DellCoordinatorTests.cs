using Echelon.Core.Dell;
using Echelon.Core.Equilibrium;
using Echelon.Core.Metrics;
using Echelon.Core.Signals;
using Echelon.Testing;

namespace Echelon.Core.Tests.Dell;

public sealed class DellCoordinatorTests : IClassFixture<DellFixture>
{
    private readonly DellParameters _parameters;

    public DellCoordinatorTests(DellFixture fixture) => _parameters = fixture.Parameters;

    [Theory]
    [InlineData(90.0)]
    [InlineData(120.0)]
    [InlineData(150.0)]
    public void Phase_RhythmicStreamWithJitterAndDropout_TracksWithinTenthRadianAndRelocksInHalfBeat(double bpm)
    {
        const int dropoutStart = 16;
        var signal = new RhythmicTestSignal(new RhythmicSignalOptions
        {
            Bpm = bpm,
            Seconds = 30,
            Seed = 11,
            TempoJitter = 0.02,
            NoiseStd = 0.05,
            DropoutStartBeat = dropoutStart,
            DropoutBeats = 2,
        });
        var dell = new DellCoordinator(_parameters);
        var input = new double[128];
        var psi = new List<double>();
        var theta = new List<double>();
        var times = new List<double>();
        double dropoutEnd = double.NaN;
        bool wasDropout = false;
        int dropoutFrames = 0;
        while (signal.Next(input, out RhythmicFrame frame))
        {
            DellFrameReport report = dell.Step(frame.Dropout ? ReadOnlySpan<double>.Empty : input, bpm, frame.TransportBeat);
            Assert.Equal(frame.Dropout, report.Dropout);
            dropoutFrames += frame.Dropout ? 1 : 0;
            if (wasDropout && !frame.Dropout)
            {
                dropoutEnd = frame.Time;
            }

            wasDropout = frame.Dropout;
            if (frame.BeatPosition >= 4.0)
            {
                psi.Add(report.Phase);
                theta.Add(frame.Theta);
                times.Add(frame.Time);
            }
        }

        // Two beats of 100 Hz frames went missing, and the phase was judged through them too.
        Assert.InRange(dropoutFrames, (int)(2 * 6000 / bpm * 0.97), (int)(2 * 6000 / bpm * 1.03));
        Assert.Equal(dropoutFrames, dell.DropoutFrames);
        double crmse = Circular.Rmse(psi.ToArray(), theta.ToArray());
        Assert.True(crmse < 0.10, $"cRMSE {crmse:F4} rad at {bpm} BPM");
        Assert.True(Circular.Coherence(psi.ToArray(), theta.ToArray()) > 0.99);

        double beat = 60.0 / bpm;
        double relock = Circular.RelockTime(times.ToArray(), psi.ToArray(), theta.ToArray(), dropoutEnd, beat / 2, 0.3);
        Assert.True(relock / beat <= 0.5, $"re-lock took {relock / beat:F3} beats at {bpm} BPM");
    }

    [Fact]
    public void Phase_LongDropout_RelocksOnceDataReturns()
    {
        // Eight beats without data: the flywheel drifts with the jitter's random walk; the loop must pull back.
        const double bpm = 120.0;
        var signal = new RhythmicTestSignal(new RhythmicSignalOptions { Bpm = bpm, Seconds = 30, Seed = 5, DropoutStartBeat = 12, DropoutBeats = 8 });
        var dell = new DellCoordinator(_parameters);
        var input = new double[128];
        var errors = new List<double>();
        while (signal.Next(input, out RhythmicFrame frame))
        {
            DellFrameReport report = dell.Step(frame.Dropout ? ReadOnlySpan<double>.Empty : input, bpm, frame.TransportBeat);
            if (frame.BeatPosition >= 24)
            {
                errors.Add(Math.Abs(Circular.Wrap(report.Phase - frame.Theta)));
            }
        }

        Assert.True(errors.Max() < 0.35, $"largest error {errors.Max():F3} rad four beats after the dropout");
    }

    [Fact]
    public void Step_Dropout_FlywheelsAtTheTempo()
    {
        var dell = new DellCoordinator(_parameters);
        var signal = new RhythmicTestSignal(new RhythmicSignalOptions { Bpm = 120, Seconds = 10, Seed = 2 });
        var input = new double[128];
        while (signal.Next(input, out RhythmicFrame frame))
        {
            dell.Step(input, 120, frame.TransportBeat);
        }

        double omega = 2 * Math.PI * 2.0 / 100.0 * (1.0 + dell.TempoCorrection);
        double before = dell.Phase;
        DellFrameReport report = dell.Step(ReadOnlySpan<double>.Empty, 120, beat: false);
        Assert.True(report.Dropout);
        Assert.Equal(0, report.Fast.IterationsUsed);
        Assert.Equal(Circular.Wrap(before + omega), report.Phase, 12);
    }

    [Fact]
    public void Step_SlowSolve_RunsOncePerTransportBeat()
    {
        var dell = new DellCoordinator(_parameters);
        var signal = new RhythmicTestSignal(new RhythmicSignalOptions { Bpm = 120, Seconds = 10, Seed = 2 });
        var input = new double[128];
        int beats = 0;
        int slowSolves = 0;
        while (signal.Next(input, out RhythmicFrame frame))
        {
            DellFrameReport report = dell.Step(input, 120, frame.TransportBeat);
            beats += frame.TransportBeat ? 1 : 0;
            slowSolves += report.SlowSolved ? 1 : 0;
            Assert.Equal(frame.TransportBeat, report.SlowSolved);
        }

        Assert.Equal(19, beats);
        Assert.Equal(beats, slowSolves);
        Assert.Equal(2 * 64, _parameters.Slow.InputSize);
    }

    [Fact]
    public void CouplingEnergy_SpikesWhenTheBodyDepartsAndDecaysAsTheSlowStateFollows()
    {
        var dell = new DellCoordinator(_parameters);
        var calm = new double[128];
        var moved = new double[128];
        for (int j = 0; j < 128; j++)
        {
            calm[j] = 0.2 * Math.Sin(j);
            moved[j] = calm[j] + (0.8 * Math.Cos(3 * j));
        }

        double settled = Run(dell, calm, beats: 16).Last();
        List<double> after = Run(dell, moved, beats: 12);
        double spike = after.Take(50).Max();
        double late = after.Last();
        Assert.True(spike > 1.5 * settled, $"φ settled {settled:F3}, after the change {spike:F3}");
        Assert.True(late < settled + (0.5 * (spike - settled)), $"φ spike {spike:F3} decayed only to {late:F3}");
    }

    [Fact]
    public void Step_NonFiniteInput_IsRejectedCountedAndTreatedAsDropout()
    {
        var dell = new DellCoordinator(_parameters);
        var input = new double[128];
        Array.Fill(input, 0.3);
        for (int i = 0; i < 10; i++)
        {
            dell.Step(input, 120, false);
        }

        double[] fastBefore = dell.Fast.ToArray();
        input[17] = double.NaN;
        DellFrameReport report = dell.Step(input, 120, true);
        Assert.True(report.Dropout);
        Assert.Equal(FrameRejection.NonFiniteInput, report.Fast.Rejection);
        Assert.Equal(1, dell.Rejections.NonFiniteInput);
        Assert.Equal(fastBefore, dell.Fast.ToArray());
        Assert.True(double.IsFinite(report.Phase));
        Assert.True(double.IsFinite(report.CouplingEnergy));

        input[17] = double.PositiveInfinity;
        dell.Step(input, 120, false);
        Assert.Equal(2, dell.Rejections.NonFiniteInput);
    }

    [Fact]
    public void Step_WrongInputSize_ThrowsNamingBothSizes()
    {
        var dell = new DellCoordinator(_parameters);
        ArgumentException e = Assert.Throws<ArgumentException>(() => dell.Step(new double[127], 120, false));
        Assert.Contains("127", e.Message, StringComparison.Ordinal);
        Assert.Contains("128", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-120.0)]
    [InlineData(double.NaN)]
    public void Step_BadTempo_Throws(double bpm)
    {
        var dell = new DellCoordinator(_parameters);
        Assert.Throws<ArgumentOutOfRangeException>(() => dell.Step(new double[128], bpm, false));
    }

    [Fact]
    public void Step_AfterWarmUp_AllocatesNothing()
    {
        const int warmUpFrames = 300;

        // One coordinator and stream per measured round (AllocationProbe measures up to three): each round steps the
        // same frames after the same warm-up, so every round includes the slow solves and the dropout.
        var dells = new DellCoordinator[3];
        var signals = new RhythmicTestSignal[3];
        var input = new double[128];
        for (int k = 0; k < dells.Length; k++)
        {
            dells[k] = new DellCoordinator(_parameters);
            signals[k] = new RhythmicTestSignal(new RhythmicSignalOptions { Bpm = 120, Seconds = 12, Seed = 4, DropoutStartBeat = 14 });
            for (int i = 0; i < warmUpFrames && signals[k].Next(input, out RhythmicFrame frame); i++)
            {
                dells[k].Step(frame.Dropout ? ReadOnlySpan<double>.Empty : input, 120, frame.TransportBeat);
            }
        }

        int framesPerRound = signals[0].FrameCount - warmUpFrames;
        int stepped = 0;
        int beats = 0;
        int dropouts = 0;
        long allocated = AllocationProbe.SteadyStateBytes(
            () =>
            {
                int k = stepped / framesPerRound;
                Assert.True(signals[k].Next(input, out RhythmicFrame frame));
                DellFrameReport report = dells[k].Step(frame.Dropout ? ReadOnlySpan<double>.Empty : input, 120, frame.TransportBeat);
                beats += report.SlowSolved ? 1 : 0;
                dropouts += report.Dropout ? 1 : 0;
                stepped++;
            },
            warmUp: 0,
            iterations: framesPerRound);

        int rounds = stepped / framesPerRound;
        Assert.Equal(0, allocated);
        Assert.Equal(0, stepped % framesPerRound);
        Assert.True(beats > 10 * rounds, "the measured frames include slow solves");
        Assert.True(dropouts > 50 * rounds, "the measured frames include a dropout");
    }

    [Fact]
    public void Step_SameParametersAndStream_GivesIdenticalPhases()
    {
        double[] a = Phases(new DellCoordinator(_parameters));
        double[] b = Phases(new DellCoordinator(_parameters));
        Assert.Equal(a, b);
    }

    [Fact]
    public void CreateDefault_IsDeterministicAndValid()
    {
        DellParameters again = DellParameters.CreateDefault(64, 128, 42);
        Assert.Equal(_parameters.HeadWeights, again.HeadWeights);
        Assert.Equal(_parameters.HeadOffset, again.HeadOffset);
        Assert.Equal(_parameters.HeadGroupDelayFrames, again.HeadGroupDelayFrames);
        Assert.Equal(_parameters.Fast.U.Data.ToArray(), again.Fast.U.Data.ToArray());
        Assert.InRange(_parameters.HeadGroupDelayFrames, 0.0, 5.0);
    }

    [Fact]
    public void Validate_InconsistentSizes_NamesTheField()
    {
        var bad = new DellParameters(_parameters.Fast, _parameters.Slow, _parameters.Projection, new double[10]);
        ArgumentException e = Assert.Throws<ArgumentException>(bad.Validate);
        Assert.Contains("HeadWeights", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => DellParameters.CreateDefault(16, 64, 1));
    }

    private static List<double> Run(DellCoordinator dell, double[] input, int beats)
    {
        var energies = new List<double>();
        for (int frame = 0; frame < beats * 50; frame++)
        {
            energies.Add(dell.Step(input, 120, frame % 50 == 49).CouplingEnergy);
        }

        return energies;
    }

    private static double[] Phases(DellCoordinator dell)
    {
        var signal = new RhythmicTestSignal(new RhythmicSignalOptions { Bpm = 100, Seconds = 5, Seed = 9, DropoutStartBeat = 3 });
        var input = new double[128];
        var phases = new List<double>();
        while (signal.Next(input, out RhythmicFrame frame))
        {
            phases.Add(dell.Step(frame.Dropout ? ReadOnlySpan<double>.Empty : input, 100, frame.TransportBeat).Phase);
        }

        return [.. phases];
    }
}
