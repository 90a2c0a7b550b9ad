using Echelon.Audio.Analysis;
using Echelon.Audio.Evaluation;
using Echelon.Audio.Files;
using Echelon.Testing;
using Xunit.Abstractions;

namespace Echelon.Audio.Tests.Peers;

/// <summary>
/// The listening analyzers on the shared real recordings (../shared/data), scored with our mir_eval-conformant
/// metrics and compared with aubio 0.4.9 on the same files.
/// </summary>
public sealed class ListeningPeerTests(ITestOutputHelper output)
{
    private static string Madmom(string name) => SharedData.File("beat_onset", "madmom", name);

    [PeerFact("libsndfile", "aubiopitch")]
    public void Pitch_OnTheExactF0Stem_BeatsNinetySevenPercent_AndAubioYin()
    {
        string wav = SharedData.File("pitch", "mdb-stem-synth", "AClassicEducation_NightOwl_STEM_08.RESYN.wav");
        TimeSeries reference = AnnotationReader.ReadTimeSeries(SharedData.File("pitch", "mdb-stem-synth", "AClassicEducation_NightOwl_STEM_08.RESYN.csv"));
        ListeningReport report = Analyze(wav);
        double[] times = [.. Enumerable.Range(0, report.Pitch.Count).Select(i => i * report.PitchHopSeconds)];
        double[] f0 = [.. report.Pitch.Select(p => p.Voiced ? p.FrequencyHz : -p.FrequencyHz)];
        MelodyScores ours = MelodyEvaluation.Evaluate(reference.Times, reference.Values, times, f0);

        IReadOnlyList<PitchFrame> aubio = AubioOutput.Pitch(wav, "yin");
        MelodyScores theirs = MelodyEvaluation.Evaluate(reference.Times, reference.Values, [.. aubio.Select(p => p.TimeSeconds)], [.. aubio.Select(p => p.FrequencyHz)]);
        output.WriteLine($"raw pitch accuracy: ours {ours.RawPitchAccuracy:F4}, aubio yin {theirs.RawPitchAccuracy:F4}; voicing recall {ours.VoicingRecall:F3}, false alarm {ours.VoicingFalseAlarm:F3}");

        Assert.True(ours.RawPitchAccuracy >= 0.97, $"raw pitch accuracy {ours.RawPitchAccuracy:F4}");
        Assert.True(ours.RawPitchAccuracy >= theirs.RawPitchAccuracy, $"ours {ours.RawPitchAccuracy:F4} < aubio {theirs.RawPitchAccuracy:F4}");
        Assert.True(ours.VoicingRecall >= 0.95, $"voicing recall {ours.VoicingRecall:F3}");
    }

    [PeerTheory("libsndfile")]
    [InlineData("Cb-ord-A2-mf-2c-N.wav", 45)]
    [InlineData("Fl-ord-C4-mf-N-T14d.wav", 60)]
    public void Pitch_TinySolNotes_AreWithinTenCents(string file, int midi)
    {
        ListeningReport report = Analyze(SharedData.File("pitch", "tinysol", file));
        double[] notes = [.. report.Pitch.Where(p => p.Voiced).Select(p => p.MidiNote).Order()];
        Assert.True(notes.Length > 500, $"{notes.Length} voiced frames");
        double cents = 100 * (notes[notes.Length / 2] - midi);
        output.WriteLine($"{file}: median {cents:+0.00;-0.00} cents from MIDI {midi} over {notes.Length} voiced frames");
        Assert.InRange(cents, -10, 10);
    }

    [PeerTheory("libsndfile", "aubioonset")]
    [InlineData("sample.wav", "sample.onsets")]
    [InlineData("stereo_sample.flac", "stereo_sample.notes")]
    public void Onsets_MatchOrBeatAubioonset(string audio, string annotation)
    {
        double[] reference = [.. AnnotationReader.ReadEvents(Madmom(annotation)).Distinct()];
        ListeningReport report = Analyze(Madmom(audio));
        OnsetScores ours = OnsetEvaluation.Evaluate(reference, [.. report.Onsets]);

        // aubio reads WAV only here; give it the same samples as a float WAV.
        using var dir = new TempDirectory();
        string wav = ToWav(Madmom(audio), dir.File("input.wav"));
        OnsetScores theirs = OnsetEvaluation.Evaluate(reference, [.. AubioOutput.Onsets(wav)]);
        output.WriteLine($"{audio}: onset F ours {ours.FMeasure:F3} (P {ours.Precision:F3}, R {ours.Recall:F3}), aubioonset {theirs.FMeasure:F3}");
        Assert.True(ours.FMeasure >= theirs.FMeasure, $"ours {ours.FMeasure:F3} < aubioonset {theirs.FMeasure:F3}");
    }

    [PeerFact("libsndfile", "aubiotrack")]
    public void Beats_MatchOrBeatAubiotrack()
    {
        // The sample is 2.8 s long: mir_eval's default 5 s trim would leave nothing to score, so both are scored untrimmed.
        double[] reference = AnnotationReader.ReadEvents(Madmom("sample.beats"));
        ListeningReport report = Analyze(Madmom("sample.wav"));
        double ours = BeatEvaluation.FMeasure(reference, [.. report.Beats]);
        double theirs = BeatEvaluation.FMeasure(reference, [.. AubioOutput.Beats(Madmom("sample.wav"))]);
        output.WriteLine($"beat F (untrimmed): ours {ours:F3} from [{string.Join(", ", report.Beats.Select(b => b.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))}], aubiotrack {theirs:F3}; tempo {report.TempoBpm:F1} BPM");
        Assert.True(ours >= theirs, $"ours {ours:F3} < aubiotrack {theirs:F3}");
        Assert.InRange(report.TempoBpm, 80, 95);
    }

    private static ListeningReport Analyze(string path)
    {
        DecodedAudio audio = AudioFileReader.Read(path);
        return ListeningReport.Analyze(audio.Channels, audio.SampleRate);
    }

    private static string ToWav(string path, string wav)
    {
        DecodedAudio audio = AudioFileReader.Read(path);
        using var writer = Echelon.Audio.Wav.WavWriter.Create(wav, new Echelon.Audio.Wav.WavWriterOptions
        {
            SampleRate = audio.SampleRate,
            Channels = audio.ChannelCount,
            Format = Echelon.Audio.Wav.WavSampleFormat.IeeeFloat32,
        });
        if (audio.ChannelCount == 1)
        {
            writer.Write(audio.Channels[0]);
        }
        else
        {
            writer.Write(audio.Channels[0], audio.Channels[1]);
        }

        return wav;
    }
}
