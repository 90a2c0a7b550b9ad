using System.Globalization;
using System.Net;
using Echelon.Protocols.Osc;
using Echelon.Protocols.SuperCollider;
using Echelon.Studio.Tests.Infrastructure;

namespace Echelon.Studio.Tests.SuperCollider;

/// <summary>
/// The client against a live scsynth on a JACK dummy server (../shared/PEERS.md): replies, node
/// tracking, and notes in bundles stamped ahead landing at their times in what scsynth recorded.
/// </summary>
[Trait("Peer", "scsynth")]
[Collection(RealTimeTests.Name)]
public sealed class ScsynthLivePeerTests
{
    private static readonly TimeSpan Reply = TimeSpan.FromSeconds(5);

    [PeerFact("scsynth", "jackd", "jack_wait")]
    public async Task LiveServer_AnswersTracksNodes_AndPlaysStampedNotesOnTime()
    {
        using JackServer jack = JackServer.Start();
        int port = FreePort.Udp();
        using PeerProcess scsynth = PeerProcess.Start(PeerTool.Get("scsynth"), jack.Environment, "-u", port.ToString(CultureInfo.InvariantCulture), "-R", "0", "-i", "2", "-o", "2");
        Assert.True(
            scsynth.WaitForLine(l => l.Contains("server ready", StringComparison.Ordinal), TimeSpan.FromSeconds(15)) is not null,
            "scsynth did not start: " + string.Join('\n', scsynth.StandardOutput.Concat(scsynth.StandardError)));

        using var client = new ScsynthClient(new IPEndPoint(IPAddress.Loopback, port));
        var ended = new List<int>();
        client.NodeEvent += e =>
        {
            if (e.Command == "/n_end")
            {
                lock (ended)
                {
                    ended.Add(e.Node);
                }
            }
        };
        await client.NotifyAsync(true, Reply);
        ScsynthStatus before = await client.StatusAsync(Reply);
        Assert.Equal(48_000, before.NominalSampleRate);
        Assert.Equal(0, before.Synths);

        await client.LoadSynthDefsAsync(EchelonSynthDefs.All, Reply);
        Assert.Equal(before.SynthDefs + EchelonSynthDefs.All.Count, (await client.StatusAsync(Reply)).SynthDefs);
        client.NewGroup(1);

        // Record the main outputs (a buffer streamed to a float WAV by the DiskOut def at the tail) while three
        // notes play, everything in bundles stamped from one instant. scsynth maps time tags to samples through
        // its estimate of the JACK clock; on a loaded two-core machine the dummy driver's clock can stumble, so a
        // take whose onsets miss is recorded again, up to three takes, and the best one is judged.
        using var dir = new TempDirectory();
        (double At, float Freq)[] notes = [(0.5, 440f), (1.0, 660f), (1.5, 880f)];
        var synths = new List<int>();
        int worst = int.MaxValue;
        string report = string.Empty;
        for (int take = 0; take < 3 && worst > 64; take++)
        {
            string wav = dir.File($"live-{take}.wav");
            client.Send(new OscMessage("/b_alloc", 0, 65_536, 2));
            await client.SyncAsync(Reply);
            client.Send(new OscMessage("/b_write", 0, wav, "wav", "float", 0, 0, 1));
            await client.SyncAsync(Reply);

            OscTimeTag start = OscTimeTag.FromSecondsSince1900(client.Ahead().ToSecondsSince1900() + 0.2);
            int recorder = client.AllocateNodeId();
            synths.Add(recorder);
            client.NewSynth(EchelonSynthDefs.DiskRecorderName, recorder, 1, 0, [("bufnum", 0f)], start);
            for (int i = 0; i < notes.Length; i++)
            {
                int node = client.AllocateNodeId();
                synths.Add(node);
                OscTimeTag at = OscTimeTag.FromSecondsSince1900(start.ToSecondsSince1900() + notes[i].At);
                client.NewSynth(EchelonSynthDefs.SineName, node, 0, 1, [("freq", notes[i].Freq), ("amp", 0.4f), ("attack", 0.001f), ("release", 0.2f)], at);
            }

            await Task.Delay(TimeSpan.FromSeconds(2.6));
            client.Free(recorder);
            client.Send(new OscMessage("/b_close", 0));
            await client.SyncAsync(Reply);
            client.Send(new OscMessage("/b_free", 0));
            await client.SyncAsync(Reply);

            // Each note must start within one 64-sample control block of its stamp, at its pitch.
            float[] audio = Echelon.Audio.Wav.WavReader.Read(wav).Channels[0];
            int takeWorst = 0;
            report += $"take {take}:";
            foreach ((double at, float freq) in notes)
            {
                int scheduled = (int)Math.Round(at * 48_000);
                int onset = AudioProbe.FirstAbove(audio, scheduled - 4800, 1e-3f);
                Assert.True(onset >= 0, $"take {take}: no onset near {at} s");
                double measured = AudioProbe.ZeroCrossingFrequency(audio.AsSpan(onset + 480, 4800));
                Assert.InRange(measured, freq * 0.99, freq * 1.01);
                takeWorst = Math.Max(takeWorst, Math.Abs(onset - scheduled));
                report += $" {onset - scheduled}";
            }

            report += ";";
            worst = Math.Min(worst, takeWorst);
        }

        Assert.True(worst <= 64, $"onset errors in samples, per take: {report}");
        await Task.Delay(200);

        // Node tracking: group 1 and every synth started; the synths ended; only the group is left.
        Assert.Equal(synths.Count + 1, client.NodesStarted);
        lock (ended)
        {
            Assert.Equal([.. synths.Order()], ended.Order());
        }

        Assert.Equal([1], client.LiveNodes);
        Assert.Equal(0, client.Failures);
    }

    [PeerFact("scsynth", "jackd", "jack_wait")]
    public async Task Player_StartsEveryNoteOfThePiece_WithoutAFailure()
    {
        using JackServer jack = JackServer.Start();
        int port = FreePort.Udp();
        using PeerProcess scsynth = PeerProcess.Start(PeerTool.Get("scsynth"), jack.Environment, "-u", port.ToString(CultureInfo.InvariantCulture), "-R", "0", "-i", "2", "-o", "2");
        Assert.NotNull(scsynth.WaitForLine(l => l.Contains("server ready", StringComparison.Ordinal), TimeSpan.FromSeconds(15)));

        var arrangement = new Echelon.Music.Composition.ArrangementOptions { Bpm = 120, Seconds = 3, Seed = 5 };
        List<Echelon.Music.Composition.NoteEvent> notes = Echelon.Music.Composition.Arrangement.Compose(arrangement);
        using var client = new ScsynthClient(new IPEndPoint(IPAddress.Loopback, port));
        int sent = await Echelon.Studio.SuperCollider.ScPlayer.PlayAsync(client, notes, arrangement.SampleRate, arrangement.Seconds);
        await client.SyncAsync(Reply);
        int synths = Echelon.Studio.SuperCollider.ScScore.NoteCommands(notes, arrangement.SampleRate, arrangement.Seconds, 1).Count(c => c.Message.Address == "/s_new");

        // Notifications trail the commands; on a loaded machine give them up to five seconds to arrive.
        var settle = System.Diagnostics.Stopwatch.StartNew();
        while ((client.NodesStarted < synths + 1 || client.LiveNodes.Count > 1) && settle.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(50);
        }

        Assert.True(synths > 10, $"{synths} notes");
        Assert.True(sent >= synths);
        Assert.True(client.Failures == 0, $"{client.Failures} failures, the last: {client.LastFailure}");
        Assert.Equal(synths + 1, client.NodesStarted); // and group 1
        Assert.Equal([1], client.LiveNodes); // g_freeAll ended the rest
    }

    [Fact]
    public async Task NoServer_StatusTimesOut_WithAClearError()
    {
        using var client = new ScsynthClient(new IPEndPoint(IPAddress.Loopback, FreePort.Udp()));
        var e = await Assert.ThrowsAsync<ScsynthException>(() => client.StatusAsync(TimeSpan.FromMilliseconds(200)));
        Assert.Contains("/status", e.Message, StringComparison.Ordinal);
        Assert.Contains("did not answer", e.Message, StringComparison.Ordinal);
    }
}
