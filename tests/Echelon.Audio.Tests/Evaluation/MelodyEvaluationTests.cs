using Echelon.Audio.Evaluation;

namespace Echelon.Audio.Tests.Evaluation;

public sealed class MelodyEvaluationTests
{
    private static readonly double[] s_times = [.. Enumerable.Range(0, 100).Select(i => i * 0.01)];

    // 50 voiced frames at A3 then 50 unvoiced.
    private static readonly double[] s_tune = [.. Enumerable.Range(0, 100).Select(i => i < 50 ? 220.0 : 0.0)];

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(10.0, 0.0)]
    [InlineData(5.0, -1200.0)]
    [InlineData(320.0, 6000.0)]
    [InlineData(-320.0, 6000.0)]
    [InlineData(1420.31238974231, 8580.0773605)]
    public void HzToCents_AgreesWithMirEvalsHz2Cents(double hz, double cents) =>
        Assert.Equal(cents, MelodyEvaluation.HzToCents(hz), tolerance: 1e-6);

    [Fact]
    public void Evaluate_IdenticalMelodies_ArePerfect() =>
        Assert.Equal(new MelodyScores(1, 0, 1, 1, 1), MelodyEvaluation.Evaluate(s_times, s_tune, s_times, s_tune));

    [Fact]
    public void Evaluate_OctaveTooHigh_FailsRawPitchButPassesRawChroma()
    {
        double[] octave = [.. s_tune.Select(f => f * 2)];

        MelodyScores s = MelodyEvaluation.Evaluate(s_times, s_tune, s_times, octave);

        Assert.Equal(new MelodyScores(1, 0, 0, 1, 0.5), s);
    }

    [Fact]
    public void Evaluate_NegativeEstimate_IsUnvoicedButItsPitchStillCountsForRawPitch()
    {
        double[] unsure = [.. s_tune.Select(f => -f)];

        MelodyScores s = MelodyEvaluation.Evaluate(s_times, s_tune, s_times, unsure);

        Assert.Equal(new MelodyScores(0, 0, 1, 1, 0.5), s);
    }

    [Fact]
    public void Evaluate_FortyNineCentsOffIsCorrect_FiftyOneIsNot()
    {
        double[] near = [.. s_tune.Select(f => f * Math.Pow(2, 49.0 / 1200))];
        double[] far = [.. s_tune.Select(f => f * Math.Pow(2, 51.0 / 1200))];

        Assert.Equal(1.0, MelodyEvaluation.Evaluate(s_times, s_tune, s_times, near).RawPitchAccuracy);
        Assert.Equal(0.0, MelodyEvaluation.Evaluate(s_times, s_tune, s_times, far).RawPitchAccuracy);
    }

    [Fact]
    public void Evaluate_ContinuousVoicing_CountsAsPartialVoicing()
    {
        var options = new MelodyOptions { EstimatedVoicing = [.. s_tune.Select(_ => 0.25)] };

        MelodyScores s = MelodyEvaluation.Evaluate(s_times, s_tune, s_times, s_tune, options);

        Assert.Equal(0.25, s.VoicingRecall, 15);
        Assert.Equal(0.0, s.VoicingFalseAlarm); // a 0 Hz frame is unvoiced whatever its stated voicing
        Assert.Equal((0.5 * 0.25) + 0.5, s.OverallAccuracy, 15);
    }

    [Fact]
    public void ToCentVoicing_SeriesStartingLate_GetAFrameAtZeroRepeatingTheFirst()
    {
        MelodyFrames frames = MelodyEvaluation.ToCentVoicing([1.0, 2.0], [440.0, 442.0], [1.0, 2.0], [441.0, 443.0]);

        Assert.Equal(3, frames.Count);
        Assert.Equal(frames.ReferenceCents[1], frames.ReferenceCents[0]);
        Assert.Equal(frames.EstimatedCents[1], frames.EstimatedCents[0]);
    }

    [Fact]
    public void ToCentVoicing_Resampling_HoldsPitchAcrossGapsAndZeroesWhereTheEstimateWasSilent()
    {
        // mir_eval's own resample_melody_series example: cents [2, 0, −1, 1] at k/35 s with voicing [1, 0, 1, 1],
        // read at 0, 0.01 … 0.08 s, gives [2, 2, 2, 0, 0, 0, −0.8, −0.1, 0.6] and voicing [1, 1, 1, 0, 0, 0, 1, 1, 1].
        double[] estTimes = [.. Enumerable.Range(0, 4).Select(k => k / 35.0)];
        double[] estHz = [.. new[] { 2.0, 0.0, -1.0, 1.0 }.Select(c => c == 0 ? 0 : 10 * Math.Pow(2, c / 1200))];
        double[] refTimes = [.. Enumerable.Range(0, 9).Select(k => k * 0.01)];

        MelodyFrames frames = MelodyEvaluation.ToCentVoicing(refTimes, new double[9], estTimes, estHz);

        double[] expected = [2, 2, 2, 0, 0, 0, -0.8, -0.1, 0.6];
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k], frames.EstimatedCents[k], tolerance: 1e-6); // Hz → cents → Hz → cents costs a few 1e-9
        }

        Assert.Equal([1.0, 1, 1, 0, 0, 0, 1, 1, 1], frames.EstimatedVoicing.ToArray());
    }

    [Fact]
    public void ToCentVoicing_WithHop_ResamplesBothOntoTheGridAndPadsTheEstimate()
    {
        MelodyFrames frames = MelodyEvaluation.ToCentVoicing(s_times, s_tune, s_times.AsSpan(0, 40), s_tune.AsSpan(0, 40), new MelodyOptions { Hop = 0.02 });

        Assert.Equal(50, frames.Count); // 0, 0.02 … 0.98
        Assert.Equal(0.0, frames.EstimatedVoicing[^1]);
        Assert.Equal(0.0, frames.EstimatedCents[^1]);
    }

    [Fact]
    public void Metrics_OnEmptyFrames_AreZero()
    {
        var empty = new MelodyFrames([], [], [], []);

        Assert.Equal(0.0, MelodyEvaluation.VoicingRecall([], []));
        Assert.Equal(0.0, MelodyEvaluation.VoicingFalseAlarm([], []));
        Assert.Equal(0.0, MelodyEvaluation.RawPitchAccuracy(empty));
        Assert.Equal(0.0, MelodyEvaluation.RawChromaAccuracy(empty));
        Assert.Equal(0.0, MelodyEvaluation.OverallAccuracy(empty));
    }

    [Fact]
    public void Evaluate_EmptyMelody_Throws() =>
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => MelodyEvaluation.Evaluate([], [], s_times, s_tune)).Message, StringComparison.Ordinal);

    [Fact]
    public void Evaluate_TimesNotStrictlyIncreasing_Throw()
    {
        var error = Assert.Throws<ArgumentException>(() => MelodyEvaluation.Evaluate(s_times, s_tune, [0.0, 0.01, 0.01], [100.0, 100, 100]));

        Assert.Equal("estimatedTimes", error.ParamName);
        Assert.Contains("strictly increasing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_VoicingOutsideZeroToOne_Throws()
    {
        var options = new MelodyOptions { EstimatedVoicing = [.. s_tune.Select(_ => 1.5)] };

        Assert.Throws<ArgumentException>(() => MelodyEvaluation.Evaluate(s_times, s_tune, s_times, s_tune, options));
    }

    [Fact]
    public void MelodyFrames_DifferentLengths_Throw() =>
        Assert.Throws<ArgumentException>(() => new MelodyFrames([1.0], [100.0], [1.0, 1.0], [100.0, 100.0]));
}
