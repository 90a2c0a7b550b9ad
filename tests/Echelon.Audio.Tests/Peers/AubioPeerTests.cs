using Echelon.Audio.Evaluation;
using Echelon.Audio.Wav;

namespace Echelon.Audio.Tests.Peers;

/// <summary>
/// The harness against real aubio 0.4.9 on signals with known answers: if these pass, a failure of
/// the render checks is the render's, not the harness's.
/// </summary>
public sealed class AubioPeerTests
{
    [PeerFact("aubio")]
    [Trait("Peer", "aubio")]
    public void Tempo_ClickTrackAt120Bpm_Reports118To122()
    {
        using var dir = new TempDirectory();
        var path = dir.File("clicks.wav");
        TestSignals.WriteClickTrack(path, bpm: 120, seconds: 20);

        var bpm = AubioOutput.Tempo(path);

        Assert.NotNull(bpm);
        Assert.InRange(bpm.Value, 118, 122);
    }

    [PeerFact("aubioonset")]
    [Trait("Peer", "aubio")]
    public void Onsets_ClickTrack_FindsTheClicksWithin50ms()
    {
        using var dir = new TempDirectory();
        var path = dir.File("clicks.wav");
        var clicks = TestSignals.WriteClickTrack(path, bpm: 120, seconds: 20);

        var onsets = AubioOutput.Onsets(path);
        var score = OnsetEvaluation.Evaluate([.. clicks], [.. onsets], window: 0.05);

        Assert.True(score.FMeasure >= 0.95,
            $"F = {score.FMeasure:0.000} (P {score.Precision:0.000}, R {score.Recall:0.000}); {clicks.Count} clicks, {onsets.Count} onsets: {string.Join(' ', onsets.Take(12))}");
    }

    [PeerFact("aubiotrack")]
    [Trait("Peer", "aubio")]
    public void Beats_ClickTrackAt120Bpm_AreHalfASecondApart()
    {
        using var dir = new TempDirectory();
        var path = dir.File("clicks.wav");
        TestSignals.WriteClickTrack(path, bpm: 120, seconds: 20);

        var beats = AubioOutput.Beats(path);
        var intervals = beats.Zip(beats.Skip(1), (a, b) => b - a).Order().ToArray();

        Assert.True(intervals.Length >= 20, $"{beats.Count} beats");
        Assert.Equal(0.5, intervals[intervals.Length / 2], 0.02);
    }

    [PeerFact("aubiopitch")]
    [Trait("Peer", "aubio")]
    public void Pitch_440HzSine_YinReports440()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a4.wav");
        TestSignals.WriteSine(path, 440, peakDbfs: -12, seconds: 1, format: WavSampleFormat.Pcm16);

        var frames = AubioOutput.Pitch(path);
        var steady = frames.Where(f => f.TimeSeconds is > 0.1 and < 0.9).Select(f => f.FrequencyHz).Order().ToArray();

        Assert.NotEmpty(steady);
        Assert.Equal(440, steady[steady.Length / 2], 440 * 0.005); // within ~9 cents
        Assert.True(frames[^1].TimeSeconds > 0.9, $"last frame at {frames[^1].TimeSeconds} s");
    }
}
