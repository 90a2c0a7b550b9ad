using System.Diagnostics;
using System.Globalization;
using Echelon.Protocols.Midi;
using Echelon.Protocols.Midi.Live;
using Echelon.Protocols.Tests.Midi.Infrastructure;
using Xunit.Abstractions;

namespace Echelon.Protocols.Tests.Midi.Live;

/// <summary>
/// Live MIDI through RtMidi's JACK back end on a private dummy JACK server (PEERS.md): our output
/// against <c>jack_midi_dump</c>, and our output into our input.
/// </summary>
[Collection(JackServerGroup.Name)]
public sealed class RtMidiJackPeerTests(JackServer jack, ITestOutputHelper log)
{
    [PeerFact("jackd", "jack_wait", "jack_midi_dump")]
    [Trait("Peer", "jackd")]
    public void Output_NotesControllersAndClock_ReachJackMidiDump()
    {
        jack.Start();
        using var dump = JackServer.StartTool("jack_midi_dump", "-a");
        var lines = new List<string>();
        dump.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (lines) { lines.Add(e.Data); } } };
        dump.BeginOutputReadLine();
        try
        {
            using var output = RtMidiOutput.Create("echelon-out", RtMidiApi.UnixJack);
            Assert.Equal(RtMidiApi.UnixJack, output.Api);
            WaitFor(() => output.PortNames.Contains("midi-monitor:input"), "midi-monitor:input to appear");
            output.OpenVirtualPort("out");
            JackServer.RunSibling("jack_connect", "echelon-out:out", "midi-monitor:input");

            var sent = new List<byte[]>();
            void Send(MidiMessage m)
            {
                Assert.True(output.TrySend(m), output.LastError);
                sent.Add(Encode(m));
            }

            var ch = new MidiChannel(2);
            Send(MidiMessage.NoteOn(ch, new SevenBit(60), new SevenBit(100)));
            Send(MidiMessage.ControlChange(ch, new SevenBit(74), new SevenBit(33)));
            var (msb, lsb) = MidiMessage.ControlChange14(ch, new SevenBit(1), new FourteenBit(0x1234));
            Send(msb);
            Send(lsb);
            Send(MidiMessage.PitchBend(ch, new FourteenBit(12000)));
            Send(MidiMessage.Start);

            // 24 clocks (one quarter note) at 120 BPM, each sent when the clock generator says it is due.
            var clock = new MidiClockGenerator(120, startSeconds: 0.05);
            var due = new double[24];
            Assert.Equal(24, clock.Advance(0.05 + 0.5 - 1e-9, due));
            var watch = Stopwatch.StartNew();
            foreach (double t in due)
            {
                while (watch.Elapsed.TotalSeconds < t)
                {
                    Thread.Sleep(1);
                }

                Send(MidiMessage.TimingClock);
            }

            Send(MidiMessage.Stop);
            Send(MidiMessage.NoteOff(ch, new SevenBit(60)));
            Assert.True(output.TrySendSystemExclusive([0x7D, 0x01, 0x02]), output.LastError);
            sent.Add([0xF0, 0x7D, 0x01, 0x02, 0xF7]);
            Assert.Equal(0, output.SendFailures);

            WaitFor(() => { lock (lines) { return lines.Count >= sent.Count; } }, "jack_midi_dump to print every message");
            List<string> printed;
            lock (lines)
            {
                printed = [.. lines];
            }

            foreach (string l in printed.Take(40))
            {
                log.WriteLine(l);
            }

            var events = printed.Select(ParseDumpLine).Where(e => e.Bytes.Length > 0).ToList();
            Assert.Equal(sent.Select(Convert.ToHexString), events.Select(e => Convert.ToHexString(e.Bytes)));

            // The clocks left about 1000 frames (20.8 ms at 48 kHz) apart: 23 intervals span ≈ 23 000 frames
            // (JACK snaps each to a 128-frame period; the sender's sleeps add scheduling jitter).
            var clocks = events.Where(e => e.Bytes is [0xF8]).Select(e => e.Frame).ToList();
            Assert.Equal(24, clocks.Count);
            Assert.InRange(clocks[^1] - clocks[0], 23_000 * 0.9, 23_000 * 1.1);
        }
        finally
        {
            if (!dump.HasExited)
            {
                dump.Kill();
            }
        }
    }

    [PeerFact("jackd", "jack_wait")]
    [Trait("Peer", "jackd")]
    public void OutputIntoInput_DeliversEveryMessage()
    {
        jack.Start();
        using var output = RtMidiOutput.Create("echelon-src", RtMidiApi.UnixJack);
        output.OpenVirtualPort("out");
        using var input = RtMidiInput.Create("echelon-sink", RtMidiApi.UnixJack);
        WaitFor(() => input.PortNames.Any(n => n.Contains("echelon-src:out", StringComparison.Ordinal)), "our output to be listed as a source");
        input.OpenPort("echelon-src:out");
        Assert.True(input.IsOpen);

        // JACK makes the connection asynchronously: until a probe arrives, messages sent now could be lost on a busy
        // machine (CI lost all 200 once). Probe with a clock tick until one gets through, then drain.
        var probe = new CollectingHandler();
        WaitFor(() =>
        {
            output.TrySend(MidiMessage.TimingClock);
            Thread.Sleep(5);
            input.Poll(ref probe);
            return probe.Log.Count > 0;
        }, "the connection to carry a first message");
        Thread.Sleep(20);
        input.Poll(ref probe);

        var expected = new List<string>();
        var rng = new Random(9);
        for (int i = 0; i < 200; i++)
        {
            var m = MidiTestStreams.RandomMessage(rng);
            if (!m.IsChannelMessage)
            {
                m = MidiMessage.TimingClock;
            }

            Assert.True(output.TrySend(m), output.LastError);
            expected.Add(m.ToString());
            if (i % 50 == 0)
            {
                Assert.True(output.TrySendSystemExclusive([0x7D, (byte)(i / 50)]));
                expected.Add("SysEx 7D" + (i / 50).ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        var received = new CollectingHandler();
        WaitFor(() => { input.Poll(ref received); return received.Log.Count >= expected.Count; }, "every message to arrive");
        Assert.Equal(expected, received.Log);
        Assert.Equal(0, input.DroppedMessages);
    }

    [PeerFact("jackd", "jack_wait")]
    [Trait("Peer", "jackd")]
    public void SendingAndPolling_AllocateNothing()
    {
        jack.Start();
        using var output = RtMidiOutput.Create("echelon-alloc-src", RtMidiApi.UnixJack);
        output.OpenVirtualPort("out");
        using var input = RtMidiInput.Create("echelon-alloc-sink", RtMidiApi.UnixJack);
        WaitFor(() => input.PortNames.Any(n => n.Contains("echelon-alloc-src:out", StringComparison.Ordinal)), "our output to be listed");
        input.OpenPort("echelon-alloc-src:out");
        var handler = new CountingHandler();
        var note = MidiMessage.NoteOn(new MidiChannel(0), new SevenBit(60), new SevenBit(1));
        for (int i = 0; i < 10; i++)
        {
            output.TrySend(note);
            output.TrySend(MidiMessage.TimingClock);
        }

        WaitFor(() => { input.Poll(ref handler); return handler.Messages >= 20; }, "the warm-up messages");

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            output.TrySend(note);
            output.TrySend(MidiMessage.TimingClock);
        }

        long sending = GC.GetAllocatedBytesForCurrentThread() - before;
        int polled = 0;
        long polling = 0;
        var watch = Stopwatch.StartNew();
        while (polled < 200 && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            before = GC.GetAllocatedBytesForCurrentThread();
            polled += input.Poll(ref handler);
            polling += GC.GetAllocatedBytesForCurrentThread() - before;
            Thread.Sleep(5);
        }

        Assert.Equal(0, sending);
        Assert.Equal(200, polled);
        Assert.Equal(0, polling);
        Assert.Equal(0, output.SendFailures);
    }

    [PeerFact("jackd", "jack_wait")]
    [Trait("Peer", "jackd")]
    public void OpeningAMissingPort_SaysWhichPortsExist()
    {
        jack.Start();
        using var output = RtMidiOutput.Create("echelon-probe", RtMidiApi.UnixJack);
        var e = Assert.Throws<MidiPortException>(() => output.OpenPort("no-such-port"));
        Assert.Contains("no MIDI port name contains 'no-such-port'", e.Message, StringComparison.Ordinal);
        Assert.False(output.TrySend(MidiMessage.Start));
        Assert.Equal(1, output.SendFailures);
        Assert.Equal("no port is open", output.LastError);
    }

    private static (long Frame, byte[] Bytes) ParseDumpLine(string line)
    {
        // "12345: 90 3c 64 note on (channel 2): pitch 60, velocity 100"
        int colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(line.AsSpan(0, colon).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long frame))
        {
            return (0, []);
        }

        var bytes = new List<byte>();
        foreach (string word in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length != 2 || !byte.TryParse(word, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte b))
            {
                break;
            }

            bytes.Add(b);
        }

        return (frame, [.. bytes]);
    }

    private static byte[] Encode(MidiMessage m)
    {
        var buffer = new byte[3];
        return buffer[..MidiMessageEncoder.Write(m, buffer)];
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        // A bound on waiting for another process, not a timing assertion.
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"waited 10 s for {what}.");
            }

            Thread.Sleep(10);
        }
    }
}
