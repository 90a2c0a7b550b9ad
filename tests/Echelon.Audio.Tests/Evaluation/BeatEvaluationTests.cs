using Echelon.Audio.Evaluation;

namespace Echelon.Audio.Tests.Evaluation;

public sealed class BeatEvaluationTests
{
    private static readonly double[] s_steady = [.. Enumerable.Range(0, 10).Select(i => 5.0 + (i * 0.5))];

    [Fact]
    public void TrimBeats_DropsBeatsBeforeFiveSeconds_AndKeepsFiveItself() =>
        Assert.Equal([5.0, 6.0], BeatEvaluation.TrimBeats([0.5, 4.99, 5.0, 6.0]));

    [Fact]
    public void Evaluate_PerfectTracker_ScoresOneOnEveryMetric() =>
        Assert.Equal(new BeatScores(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), BeatEvaluation.Evaluate(s_steady, s_steady));

    [Fact]
    public void Evaluate_HalfTempo_IsForgivenOnlyByTheAnyMetricLevelScores()
    {
        // The figures python3-mir-eval 0.7 gives for mir_eval.beat.evaluate(r, r[::2]).
        BeatScores s = BeatEvaluation.Evaluate(s_steady, [.. s_steady.Where((_, i) => i % 2 == 0)]);

        Assert.Equal(2.0 / 3.0, s.FMeasure, 15);
        Assert.Equal(2.0 / 3.0, s.Cemgil, 15);
        Assert.Equal(1.0, s.CemgilBestMetricLevel, 15);
        Assert.Equal(0.0, s.Goto);
        Assert.Equal(0.5, s.PScore, 15);
        Assert.Equal((0.0, 0.0), (s.Cmlc, s.Cmlt));
        Assert.Equal((1.0, 1.0), (s.Amlc, s.Amlt));
        Assert.Equal(0.8133475887610566, s.InformationGain, 12);
    }

    [Fact]
    public void Evaluate_BeatsOnlyBeforeFiveSeconds_ScoreZeroTrimmedButNotUntrimmed()
    {
        double[] early = [.. s_steady.Select(t => t - 5.0)];

        Assert.Equal(new BeatScores(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), BeatEvaluation.Evaluate(early, early));
        Assert.Equal(1.0, BeatEvaluation.Evaluate(early, early, trim: false).FMeasure);
    }

    [Fact]
    public void Evaluate_NaNBeforeFiveSeconds_IsRejectedThoughMirEvalsTrimWouldDropIt()
    {
        var error = Assert.Throws<ArgumentException>(() => BeatEvaluation.Evaluate(s_steady, [double.NaN, .. s_steady]));

        Assert.Equal("estimated", error.ParamName);
    }

    [Fact]
    public void Goto_FourPerfectBeats_IsZero_BecauseMirEvalsTrackThenHasOneBeatAndNoDeviation()
    {
        // mir_eval examines beats 1 … n − 3 when all inner beats are correct; with n = 4 that is one beat, whose
        // sample standard deviation is NaN, so the criterion fails. Five beats give a two-beat track and pass.
        Assert.Equal(0.0, BeatEvaluation.Goto(s_steady.AsSpan(0, 4), s_steady.AsSpan(0, 4)));
        Assert.Equal(1.0, BeatEvaluation.Goto(s_steady.AsSpan(0, 5), s_steady.AsSpan(0, 5)));
    }

    [Fact]
    public void Continuity_BeatExactlyAtThePhaseThreshold_IsNotCorrect()
    {
        double[] reference = [.. Enumerable.Range(0, 10).Select(i => (double)i)];
        double[] late = [.. reference.Select(t => t + 0.25)];

        Assert.Equal((0.0, 0.0, 0.0, 0.0), BeatEvaluation.Continuity(reference, late, phaseThreshold: 0.25));
        Assert.Equal((1.0, 1.0, 1.0, 1.0), BeatEvaluation.Continuity(reference, late, phaseThreshold: 0.3));
    }

    [Fact]
    public void Metrics_WithTooFewBeats_AreZero()
    {
        Assert.Equal(0.0, BeatEvaluation.FMeasure([], s_steady));
        Assert.Equal((0.0, 0.0), BeatEvaluation.Cemgil(s_steady, []));
        Assert.Equal(0.0, BeatEvaluation.Goto([], []));
        Assert.Equal(0.0, BeatEvaluation.PScore([6.0], s_steady));
        Assert.Equal((0.0, 0.0, 0.0, 0.0), BeatEvaluation.Continuity(s_steady, [6.0]));
        Assert.Equal(0.0, BeatEvaluation.InformationGain([6.0], s_steady));
    }

    [Fact]
    public void PScore_ReferenceWithinOneTenMillisecondStep_ThrowsAsMirEvalFails()
    {
        var error = Assert.Throws<ArgumentException>(() => BeatEvaluation.PScore([6.001, 6.004], s_steady));

        Assert.Contains("same 10 ms step", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DecreasingBeats_AreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => BeatEvaluation.Evaluate([6.0, 5.5], s_steady));

        Assert.Equal("reference", error.ParamName);
    }

    [Fact]
    public void InformationGain_EvenBinCount_IsAllowedAndNonPositiveIsNot()
    {
        Assert.Equal(1.0, BeatEvaluation.InformationGain(s_steady, s_steady, bins: 40), 15);
        Assert.Throws<ArgumentOutOfRangeException>(() => BeatEvaluation.InformationGain(s_steady, s_steady, bins: 0));
    }
}
