using Echelon.Audio.Evaluation;

namespace Echelon.Audio.Tests.Evaluation;

public sealed class TempoEvaluationTests
{
    [Fact]
    public void Detection_BothTempiFound_ScoresOne() =>
        Assert.Equal(new TempoScores(1.0, true, true), TempoEvaluation.Detection([60.0, 120.0], 0.3, [121.0, 59.0]));

    [Fact]
    public void Detection_EightPercentOffIsAHit_NineIsNot()
    {
        Assert.Equal(new TempoScores(0.3, true, false), TempoEvaluation.Detection([100.0, 200.0], 0.3, [108.0, 0.0]));
        Assert.Equal(new TempoScores(0.0, false, false), TempoEvaluation.Detection([100.0, 200.0], 0.3, [109.0, 0.0]));
    }

    [Fact]
    public void Detection_ZeroReferenceTempo_IsNeverHit() =>
        Assert.Equal(new TempoScores(0.75, true, false), TempoEvaluation.Detection([80.0, 0.0], 0.75, [80.0, 0.0]));

    [Fact]
    public void Detection_Annotations_UseTheEstimatesTempiButNotItsWeight() =>
        Assert.Equal(
            new TempoScores(0.7, true, false),
            TempoEvaluation.Detection(new TempoAnnotation(87.5, 175, 0.7), new TempoAnnotation(88, 120, 0.1)));

    [Fact]
    public void Detection_InvalidInput_IsRejectedAsMirEvalsValidateDoes()
    {
        Assert.Throws<ArgumentException>(() => TempoEvaluation.Detection([60.0, 120.0, 240.0], 0.5, [60.0, 120.0]));
        Assert.Throws<ArgumentException>(() => TempoEvaluation.Detection([60.0], 0.5, [60.0, 120.0]));
        Assert.Throws<ArgumentException>(() => TempoEvaluation.Detection([-1.0, 50.0], 0.5, [60.0, 120.0]));
        Assert.Throws<ArgumentException>(() => TempoEvaluation.Detection([60.0, 120.0], 0.5, [double.NaN, 120.0]));
        Assert.Contains("greater than zero", Assert.Throws<ArgumentException>(() => TempoEvaluation.Detection([0.0, 0.0], 0.5, [60.0, 120.0])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => TempoEvaluation.Detection([60.0, 120.0], 1.5, [60.0, 120.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => TempoEvaluation.Detection([60.0, 120.0], 0.5, [60.0, 120.0], tolerance: -0.1));
    }

    [Fact]
    public void Detection_EstimateOfZeroAndZero_IsValidAndMissesBoth() =>
        Assert.Equal(new TempoScores(0.0, false, false), TempoEvaluation.Detection([60.0, 120.0], 0.5, [0.0, 0.0]));
}
