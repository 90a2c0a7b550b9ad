using Echelon.Audio.Evaluation;

namespace Echelon.Audio.Tests.Evaluation;

public sealed class OnsetEvaluationTests
{
    [Fact]
    public void Evaluate_Identical_IsPerfect()
    {
        OnsetScores score = OnsetEvaluation.Evaluate([0.5, 1.0, 1.5], [0.5, 1.0, 1.5]);

        Assert.Equal(new OnsetScores(1.0, 1.0, 1.0, 3, 3, 3), score);
    }

    [Fact]
    public void Evaluate_WindowIsInclusive_AndEachEventIsUsedOnce()
    {
        Assert.Equal(1, OnsetEvaluation.Evaluate([1.0], [1.0 + 0.05]).Matches);
        Assert.Equal(0, OnsetEvaluation.Evaluate([1.0], [1.0 + 0.0501]).Matches);

        OnsetScores competing = OnsetEvaluation.Evaluate([1.0], [0.98, 1.02]);
        Assert.Equal(1, competing.Matches);
        Assert.Equal(0.5, competing.Precision);
        Assert.Equal(1.0, competing.Recall);
    }

    [Fact]
    public void Evaluate_ChoiceThatAFirstFitWouldGetWrong_StillFindsTheMaximum() =>
        Assert.Equal(2, OnsetEvaluation.Evaluate([1.0, 1.08], [0.96, 1.04]).Matches);

    [Fact]
    public void Evaluate_HalfTheEstimatesSpurious_HasPrecisionOneHalf()
    {
        OnsetScores score = OnsetEvaluation.Evaluate([1.0, 2.0], [1.0, 1.5, 2.0, 2.5]);

        Assert.Equal(0.5, score.Precision);
        Assert.Equal(1.0, score.Recall);
        Assert.Equal(2.0 / 3.0, score.FMeasure, 15);
    }

    [Fact]
    public void Evaluate_WiderWindow_MatchesMore()
    {
        Assert.Equal(0, OnsetEvaluation.Evaluate([1.0, 2.0], [1.08, 2.08]).Matches);
        Assert.Equal(2, OnsetEvaluation.Evaluate([1.0, 2.0], [1.08, 2.08], window: 0.1).Matches);
    }

    [Fact]
    public void Evaluate_EitherSideEmpty_IsZeroNotNaN()
    {
        Assert.Equal(new OnsetScores(0, 0, 0, 0, 0, 1), OnsetEvaluation.Evaluate([], [1.0]));
        Assert.Equal(new OnsetScores(0, 0, 0, 0, 1, 0), OnsetEvaluation.Evaluate([1.0], []));
        Assert.Equal(new OnsetScores(0, 0, 0, 0, 0, 0), OnsetEvaluation.Evaluate([], []));
    }

    [Fact]
    public void Evaluate_UnsortedOnsets_AreRejectedAsMirEvalDoes()
    {
        var error = Assert.Throws<ArgumentException>(() => OnsetEvaluation.Evaluate([1.5, 0.5, 1.0], [0.5]));

        Assert.Equal("reference", error.ParamName);
        Assert.Contains("event 1 (0.5 s) is earlier than event 0 (1.5 s)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(30000.5)]
    public void Evaluate_TimeThatIsNotSecondsMirEvalAccepts_IsRejected(double time)
    {
        var error = Assert.Throws<ArgumentException>(() => OnsetEvaluation.Evaluate([1.0], [1.0, time]));

        Assert.Equal("estimated", error.ParamName);
    }

    [Fact]
    public void Evaluate_NegativeWindow_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OnsetEvaluation.Evaluate([1.0], [1.0], -0.05));
}
