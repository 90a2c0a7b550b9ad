using Echelon.Audio.Wav;
using Echelon.Music.Composition;
using Echelon.Protocols.Osc;
using Echelon.Protocols.SuperCollider;
using Echelon.Studio.SuperCollider;

namespace Echelon.Studio.Tests.SuperCollider;

/// <summary>Echelon's SynthDefs and scores played by the real scsynth in non-real-time mode (../shared/PEERS.md).</summary>
[Trait("Peer", "scsynth")]
public sealed class ScsynthNrtPeerTests
{
    private const int Rate = 48_000;
    private const int ControlBlock = 64;

    [PeerFact("scsynth")]
    public void SineNotes_StartWithinOneControlBlock_AtTheirFrequencies()
    {
        (double Start, float Freq)[] notes = [(0.25, 220f), (0.6105, 440f), (1.0, 987.77f), (1.4321, 1500f)];
        var score = new NrtScore();
        score.Add(0, new OscMessage("/d_recv", OscValue.Blob(SynthDefFile.Write(EchelonSynthDefs.All))));
        score.Add(0, new OscMessage("/g_new", 1, 0, 0));
        for (int i = 0; i < notes.Length; i++)
        {
            score.Add(notes[i].Start, new OscMessage("/s_new", EchelonSynthDefs.SineName, 2000 + i, 1, 1, "freq", notes[i].Freq, "amp", 0.5f, "attack", 0.001f, "release", 0.25f));
        }

        score.Add(2, new OscMessage("/c_set", 0, 0f));
        float[] audio = RenderMono(score);
        Assert.InRange(audio.Length, 2 * Rate, (2 * Rate) + ControlBlock);

        foreach ((double start, float freq) in notes)
        {
            int scheduled = (int)Math.Round(start * Rate);
            int onset = AudioProbe.FirstAbove(audio, scheduled - 2000, 1e-4f);
            Assert.InRange(onset - scheduled, -ControlBlock, ControlBlock);

            // 50 ms of the note, from 20 ms in: the frequency by the zero crossings.
            double measured = AudioProbe.ZeroCrossingFrequency(audio.AsSpan(onset + 960, 2400));
            Assert.InRange(measured, freq * 0.99, freq * 1.01);
        }
    }

    [PeerFact("scsynth")]
    public void EveryShippedDef_PlaysAndFreesItself()
    {
        var score = new NrtScore();
        score.Add(0, new OscMessage("/d_recv", OscValue.Blob(SynthDefFile.Write(EchelonSynthDefs.All))));
        score.Add(0, new OscMessage("/g_new", 1, 0, 0));
        score.Add(0.1, new OscMessage("/s_new", EchelonSynthDefs.KickName, 3000, 1, 1));
        score.Add(0.6, new OscMessage("/s_new", EchelonSynthDefs.HiHatName, 3001, 1, 1));
        score.Add(1.0, new OscMessage("/s_new", EchelonSynthDefs.SawPadName, 3002, 1, 1, "freq", 110f));
        score.Add(1.5, new OscMessage("/n_set", 3002, "gate", 0f));
        score.Add(3.0, new OscMessage("/c_set", 0, 0f));
        float[] audio = RenderMono(score);

        // Each voice sounds where it was started, and is silent again before the next one.
        Assert.True(Peak(audio, 0.1, 0.3) > 0.1, "kick");
        Assert.True(Peak(audio, 0.55, 0.6) < 1e-3, "kick decayed before the hat");
        Assert.True(Peak(audio, 0.6, 0.7) > 0.05, "hi-hat");
        Assert.True(Peak(audio, 0.95, 1.0) < 1e-3, "hat decayed before the pad");
        Assert.True(Peak(audio, 1.1, 1.5) > 0.02, "saw pad while the gate is open");
        Assert.True(Peak(audio, 2.8, 3.0) < 1e-4, "pad released after the gate closed");
    }

    [PeerFact("scsynth")]
    public void RenderJob_WritesScoreAndAudio_WithTheKicksWhereTheComposerPutThem()
    {
        using var dir = new TempDirectory();
        var arrangement = new ArrangementOptions { Bpm = 120, Seconds = 6, Seed = 2 };
        ScRenderResult result = ScRenderJob.Run(arrangement, dir.Path);
        Assert.True(File.Exists(result.ScorePath));
        Assert.InRange(result.PeakDbfs, -30, -0.5);
        WavAudio wav = WavReader.Read(result.WavPath);
        Assert.Equal(2, wav.ChannelCount);
        Assert.Equal(Rate, wav.SampleRate);
        Assert.InRange(wav.FrameCount, 6 * Rate, (6 * Rate) + ControlBlock);
        Assert.Equal(wav.Channels[0], wav.Channels[1]);

        // Every drum kick starts a rise in level within a control block of its time.
        List<NoteEvent> notes = Arrangement.Compose(arrangement);
        NoteEvent[] kicks = [.. notes.Where(n => n.Agent == AgentKind.Drums && n.Pitch == 36)];
        Assert.NotEmpty(kicks);
        float[] x = wav.Channels[0];
        foreach (NoteEvent kick in kicks)
        {
            int at = (int)kick.StartSample;
            double before = at >= 480 ? Rms(x.AsSpan(at - 480, 480)) : 0.005;
            double after = Rms(x.AsSpan(at + ControlBlock, 480));
            Assert.True(after > 2 * before, $"kick at {at / (double)Rate:0.000} s: RMS {before:0.0000} before, {after:0.0000} after");
        }

        Assert.Equal(notes.Count, result.Notes);
    }

    private static float[] RenderMono(NrtScore score)
    {
        using var dir = new TempDirectory();
        string scorePath = dir.File("score.osc");
        string wavPath = dir.File("out.wav");
        score.Save(scorePath);
        PeerTool.Get("scsynth").Run(["-N", scorePath, "_", wavPath, "48000", "WAV", "float", "-o", "2"], TimeSpan.FromSeconds(60));
        return WavReader.Read(wavPath).Channels[0];
    }

    private static float Peak(float[] x, double from, double to)
    {
        float peak = 0;
        for (int i = (int)(from * Rate); i < Math.Min(x.Length, (int)(to * Rate)); i++)
        {
            peak = Math.Max(peak, Math.Abs(x[i]));
        }

        return peak;
    }

    private static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x)
        {
            sum += v * (double)v;
        }

        return Math.Sqrt(sum / Math.Max(1, x.Length));
    }
}
