using Echelon.Audio.Evaluation;
using Echelon.Audio.Tests.Peers;
using Echelon.Music.Theory;
using Echelon.Studio.Render;

namespace Echelon.Studio.Tests.Render;

/// <summary>The render judged by the tools a musician would use: aubio and sox (../shared/PEERS.md).</summary>
[Trait("Peer", "aubio")]
public sealed class RenderPeerTests(RenderFixture fixture) : IClassFixture<RenderFixture>
{
    // aubio's default analysis (48 kHz, 512-sample hop) is as the issue runs it. At 150 BPM a beat is 37.5 hops and
    // its tracker drifts and re-phases; the 20 ms lead-in (ArrangementOptions.LeadInSeconds) keeps it on the beat.
    [PeerTheory("aubio")]
    [InlineData(90.0)]
    [InlineData(120.0)]
    [InlineData(150.0)]
    public void AubioTempo_OnTheMix_ReadsTheSetTempoWithinTwoPercent(double bpm)
    {
        (string dir, _) = fixture.Get(bpm, 0.6f);
        double? tempo = AubioOutput.Tempo(Path.Combine(dir, "mix.wav"));
        Assert.NotNull(tempo);
        Assert.InRange(tempo.Value, bpm * 0.98, bpm * 1.02);
    }

    [PeerTheory("aubio")]
    [InlineData(2UL, 20.0)]
    [InlineData(4UL, 45.0)]
    public void AubioTempo_At150Bpm_HoldsForOtherSeedsAndLengths(ulong seed, double seconds)
    {
        (string dir, _) = fixture.Get(150, 0.6f, seconds: seconds, seed: seed);
        Assert.InRange(AubioOutput.Tempo(Path.Combine(dir, "mix.wav"))!.Value, 147.0, 153.0);
    }

    [PeerFact("aubioonset")]
    public void AubioOnset_OnTheDrumStem_FindsTheScheduledDrumOnsets()
    {
        (string dir, _) = fixture.Get(120, 0.6f);
        double[] scheduled = Notes(dir, "drums").Select(n => n.Time).Distinct().Order().ToArray();
        OnsetScores score = OnsetEvaluation.Evaluate(scheduled, [.. AubioOutput.Onsets(Path.Combine(dir, "stems", "drums.wav"))], 0.05);
        Assert.True(score.FMeasure >= 0.95, $"F = {score.FMeasure:F3} ({score.Matches} of {score.ReferenceCount} scheduled, {score.EstimatedCount} found)");
    }

    [PeerTheory("aubiopitch")]
    [InlineData(Mode.Aeolian, 9)]
    [InlineData(Mode.Dorian, 2)]
    [InlineData(Mode.Lydian, 5)]
    public void AubioPitch_OnTheMelodyStem_StaysWithinFiftyCentsOfTheScale(Mode mode, int tonic)
    {
        (string dir, _) = fixture.Get(110, 0.6f, seconds: 20, mode: mode, tonic: tonic);
        var scale = new Scale(tonic, mode);
        PitchFrame[] voiced = [.. AubioOutput.Pitch(Path.Combine(dir, "stems", "melody.wav")).Where(f => f.FrequencyHz > 0)];
        Assert.True(voiced.Length > 500, $"{voiced.Length} voiced frames");
        int inScale = voiced.Count(f =>
        {
            double midi = 69 + (12 * Math.Log2(f.FrequencyHz / 440.0));
            int nearest = (int)Math.Round(midi);
            return Math.Abs(midi - nearest) <= 0.5 && scale.Contains(nearest);
        });
        Assert.True(inScale >= 0.95 * voiced.Length, $"{inScale} of {voiced.Length} voiced frames within 50 cents of {mode} on {tonic}");
    }

    [PeerFact("sox")]
    public void SoxStats_PeakUnderCeiling_NoDc_NoNonFiniteOrSubnormalSamples()
    {
        (string dir, _) = fixture.Get(120, 1.0f);
        foreach (string file in new[] { "mix.wav", "stems/drums.wav", "stems/bass.wav", "stems/harmony.wav", "stems/melody.wav", "stems/percussion.wav" })
        {
            SoxStats stats = SoxStats.Measure(Path.Combine(dir, file));
            Assert.True(Math.Abs(stats.DcOffset) < 0.001, $"{file}: DC offset {stats.DcOffset}");
            Assert.Equal(0, stats.NonFiniteSampleCount);
            Assert.Equal(0, stats.SubnormalSampleCount);
        }

        Assert.True(SoxStats.Measure(Path.Combine(dir, "mix.wav")).PeakLevelDb <= -0.1, "mix peak above −0.1 dBFS");
    }

    [PeerFact("aubioonset")]
    public void IntensitySweep_RaisesLevelAndOnsetDensity()
    {
        double previousRms = double.NegativeInfinity;
        double previousOnsets = -1;
        foreach (float intensity in new[] { 0f, 0.25f, 0.5f, 0.75f, 1f })
        {
            (string dir, RenderResult result) = fixture.Get(120, intensity, seconds: 20);
            int onsets = AubioOutput.Onsets(Path.Combine(dir, "mix.wav")).Count;
            Assert.True(result.RmsDbfs >= previousRms, $"intensity {intensity}: RMS {result.RmsDbfs:F2} dBFS after {previousRms:F2}");
            Assert.True(onsets >= previousOnsets, $"intensity {intensity}: {onsets} onsets after {previousOnsets}");
            previousRms = result.RmsDbfs;
            previousOnsets = onsets;
        }
    }

    private static IEnumerable<(double Time, string Agent)> Notes(string dir, string agent) =>
        File.ReadLines(Path.Combine(dir, "notes.jsonl"))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("agent").GetString() == agent)
            .Select(e => (Math.Round(e.GetProperty("t").GetDouble(), 6), agent));
}
