using Echelon.Audio.Evaluation;

namespace Echelon.Audio.Tests.Evaluation;

public sealed class AnnotationReaderTests
{
    [Fact]
    public void ReadEvents_SkipsCommentsAndBlankLines_AndTakesTheFirstOfSeveralColumns()
    {
        double[] times = Events("# beats\n\n0.5\t1\r\n  1.0   2 \n# a comment\n1.5,3\n   \n2.0\n");

        Assert.Equal([0.5, 1.0, 1.5, 2.0], times);
    }

    [Fact]
    public void ReadEvents_MadmomBeatFile_ReadsTheTimeColumn()
    {
        double[] beats = AnnotationReader.ReadEvents(EvaluationData.Existing("beat_onset/madmom/sample.beats"));

        Assert.Equal([0.0913, 0.7997, 1.4806, 2.1478], beats);
    }

    [Theory]
    [InlineData("0.5\nabc\n", 2, "time", "'abc' is not a number")]
    [InlineData("0.5\n-0.25\n", 2, "time", "-0.25 is negative")]
    [InlineData("nan\n", 1, "time", "not a finite number")]
    [InlineData("0.5\n# skip\n\n0.4\n", 4, "time", "0.4 is earlier than 0.5 on line 1")]
    [InlineData("30001\n", 1, "time", "later than the 30000 s")]
    [InlineData("0.5\n0.7,,1\n", 2, "line", "field 2 is empty")]
    public void ReadEvents_BadLine_NamesFileLineFieldAndWhatIsAllowed(string text, int line, string field, string problem)
    {
        var error = Assert.Throws<AnnotationFormatException>(() => Events(text));

        Assert.Equal(("est.txt", line, field), (error.File, error.Line, error.Field));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"est.txt:{line}: {field}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadEvents_EqualNeighbours_AreAllowedAsInMirEval() =>
        Assert.Equal([1.0, 1.0], Events("1.0\n1.0\n"));

    [Fact]
    public void ReadTimeSeries_MdbCsv_ReadsTimeAndF0()
    {
        TimeSeries series = AnnotationReader.ReadTimeSeries(EvaluationData.Existing("pitch/mdb-stem-synth/AClassicEducation_NightOwl_STEM_08.RESYN.csv"));

        Assert.Equal(1034, series.Count);
        Assert.Equal(778, series.Values.ToArray().Count(f => f > 0));
        Assert.Equal(0.002902, series.Times[1]);
    }

    [Fact]
    public void ReadTimeSeries_WhitespaceOrCommas_ReadTheSame()
    {
        TimeSeries spaced = TimeSeriesOf("# t f0\n0.00  0\n0.01\t220.5\n0.02 -220.5\n");
        TimeSeries commas = TimeSeriesOf("0.00,0\n0.01, 220.5\n0.02 ,-220.5\n");

        Assert.Equal(spaced.Times.ToArray(), commas.Times.ToArray());
        Assert.Equal([0.0, 220.5, -220.5], commas.Values.ToArray());
    }

    [Theory]
    [InlineData("0.0 100\n0.01 100 0.5\n", 2, "line", "3 fields")]
    [InlineData("0.0\n", 1, "line", "1 fields")]
    [InlineData("0.0 100\n0.0 100\n", 2, "time", "does not come after 0 on line 1")]
    [InlineData("0.0 100\n0.01 1e999\n", 2, "f0", "not a finite number")]
    [InlineData("-0.01 100\n", 1, "time", "negative")]
    public void ReadTimeSeries_BadLine_NamesTheLineAndField(string text, int line, string field, string problem)
    {
        var error = Assert.Throws<AnnotationFormatException>(() => TimeSeriesOf(text));

        Assert.Equal((line, field), (error.Line, error.Field));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTempo_MadmomFileWithMixedWhitespace_ReadsBothTempiAndTheWeight() =>
        Assert.Equal(new TempoAnnotation(87.5, 175, 0.7), AnnotationReader.ReadTempo(EvaluationData.Existing("beat_onset/madmom/sample.tempo")));

    [Theory]
    [InlineData("# nothing here\n", 0, "tempo", "no data line")]
    [InlineData("60 120\n", 1, "line", "2 fields")]
    [InlineData("60 120 0.5\n60 120 0.5\n", 2, "line", "second tempo line (the first is line 1)")]
    [InlineData("60 -120 0.5\n", 1, "tempo2", "negative")]
    [InlineData("60 120 1.5\n", 1, "weight", "outside 0–1")]
    public void ReadTempo_BadFile_NamesTheLineAndField(string text, int line, string field, string problem)
    {
        var error = Assert.Throws<AnnotationFormatException>(() => AnnotationReader.ReadTempo(new StringReader(text), "ref.lab"));

        Assert.Equal((line, field), (error.Line, error.Field));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith(line > 0 ? $"ref.lab:{line}: " : "ref.lab: ", error.Message, StringComparison.Ordinal);
    }

    private static double[] Events(string text) => AnnotationReader.ReadEvents(new StringReader(text), "est.txt");

    private static TimeSeries TimeSeriesOf(string text) => AnnotationReader.ReadTimeSeries(new StringReader(text), "est.csv");
}
