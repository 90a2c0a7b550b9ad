using Echelon.Audio.Analysis;
using Echelon.Audio.Evaluation;
using Echelon.Audio.Wav;
using Xunit.Abstractions;

namespace Echelon.Studio.Tests.Render;

/// <summary>Echelon hearing itself: the listening analyzers on the composer's own renders.</summary>
public sealed class RenderListeningTests(RenderFixture fixture, ITestOutputHelper output) : IClassFixture<RenderFixture>
{
    [Theory]
    [InlineData(90.0)]
    [InlineData(120.0)]
    [InlineData(150.0)]
    public void Tempo_OfTheMix_IsTheSetTempoWithinOnePercent_AndTheBeatsAreOnTheGrid(double bpm)
    {
        (string dir, _) = fixture.Get(bpm, 0.6f);
        WavAudio mix = WavReader.Read(Path.Combine(dir, "mix.wav"));
        ListeningReport report = ListeningReport.Analyze(mix.Channels, mix.SampleRate);

        // The arrangement's first downbeat comes 20 ms in (ArrangementOptions.LeadInSeconds), then a beat every 60/bpm s.
        double[] grid = [.. Enumerable.Range(0, 200).Select(k => 0.02 + (k * 60 / bpm)).Where(t => t < mix.DurationSeconds)];
        BeatScores beats = BeatEvaluation.Evaluate(grid, [.. report.Beats]);
        output.WriteLine($"{bpm} BPM: tempo {report.TempoBpm:F3}, beat F {beats.FMeasure:F3}, CMLt {beats.Cmlt:F3}, {report.Beats.Count} beats");
        Assert.InRange(report.TempoBpm, bpm * 0.99, bpm * 1.01);
        Assert.True(beats.FMeasure >= 0.95, $"beat F {beats.FMeasure:F3}");
        Assert.True(beats.Cmlt >= 0.9, $"CMLt {beats.Cmlt:F3}");
    }
}
