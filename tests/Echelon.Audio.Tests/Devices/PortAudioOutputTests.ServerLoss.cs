using System.Diagnostics;
using Echelon.Audio.Devices;
using Echelon.Audio.Tests.Devices.Infrastructure;

namespace Echelon.Audio.Tests.Devices;

/// <summary>
/// The JACK server goes away under a running PortAudio stream: the output notices and fails, and a fallback carries
/// the engine's clock on over the null device. Runs after every other PortAudio test (<see cref="PortAudioGroup.RunsLast"/>):
/// PortAudio 19.6 keeps the dead JACK session for ten minutes, so JACK cannot be reached again in this process.
/// </summary>
public sealed partial class PortAudioOutputTests
{
    [PeerFact("jackd", "jack_wait", "libportaudio")]
    [Trait("Peer", "jackd")]
    [Trait(PortAudioGroup.RunsLast, "freezes the JACK server under a running stream")]
    public void ServerFrozenMidStream_OutputFailsAfterTheStallTimeout_AndIsReleasedOnceTheServerThaws()
    {
        Assert.Equal(0, PortAudioLibrary.Users);
        jack.Start();
        var output = new PortAudioOutput(s_jack with { StallTimeout = TimeSpan.FromMilliseconds(200) });
        var callback = new RecordingCallback(capacity: 4096);
        output.Start(callback);
        Assert.True(callback.WaitFor(100, s_wait));

        // jackd stops calling its clients, but PortAudio still calls the stream active: only the stall timeout can tell.
        jack.Signal(freeze: true);
        var frozen = Stopwatch.StartNew();
        try
        {
            Assert.True(SpinWait.SpinUntil(() => output.State == AudioOutputState.Failed, s_wait), $"still {output.State}");
            log.WriteLine($"failed {frozen.Elapsed.TotalMilliseconds:0} ms after the freeze: {output.FailureReason}");
            Assert.Contains("no callback for", output.FailureReason, StringComparison.Ordinal);
            Assert.Contains("the stall timeout is 200 ms", output.FailureReason, StringComparison.Ordinal);
            // Not at the freeze but at the timeout. The stopwatch starts once the `kill -STOP` process has exited, and the
            // last callback came before that by up to a block (2.7 ms) plus the time kill took to run, so the 200 ms since
            // that callback can end a little sooner on the stopwatch (seen: 199.6 ms).
            Assert.True(frozen.Elapsed >= TimeSpan.FromMilliseconds(150), $"failed {frozen.Elapsed.TotalMilliseconds:0} ms after the freeze, well before the stall timeout");
        }
        catch
        {
            // Let PortAudio go even when an assertion failed, or every later PortAudio test fails on a stream left open.
            jack.Signal(freeze: false);
            output.Dispose();
            throw;
        }
        finally
        {
            jack.Signal(freeze: false);
        }

        // Once the server runs again, the failed stream can be aborted and closed as usual: PortAudio is let go.
        int blocks = callback.Count;
        output.Dispose();
        Assert.True(SpinWait.SpinUntil(() => PortAudioLibrary.Users == 0, s_wait), "the failed stream was never released");
        Assert.Equal(blocks, callback.Count); // no render reached the engine after the failure
    }

    [PeerFact("jackd", "jack_wait", "libportaudio")]
    [Trait("Peer", "jackd")]
    [Trait(PortAudioGroup.RunsLast, "kills the JACK server under a running stream")]
    public void ServerKilledMidStream_OutputFails_AndTheFallbackCarriesTheClockOn()
    {
        Assert.Equal(0, PortAudioLibrary.Users);
        jack.Start();
        var primary = new PortAudioOutput(s_jack);
        var output = new FallbackAudioOutput(primary);
        try
        {
            var callback = new RecordingCallback(capacity: 4096);
            string? failedOn = null;
            primary.Failed += (_, _) => failedOn = Thread.CurrentThread.Name;
            output.Start(callback, firstSample: 96_000);
            Assert.True(callback.WaitFor(150, s_wait));

            jack.Kill();
            var killed = Stopwatch.StartNew();
            Assert.True(SpinWait.SpinUntil(() => output.IsOnFallback, s_wait), $"no fallback; primary is {primary.State}");
            log.WriteLine($"fell back {killed.Elapsed.TotalMilliseconds:0} ms after the server was killed");
            int atSwitch = callback.Count;
            Assert.True(callback.WaitFor(atSwitch + 100, s_wait));
            var stopping = Stopwatch.StartNew();
            output.Stop();
            log.WriteLine($"stop took {stopping.Elapsed.TotalMilliseconds:0} ms (the dead stream's release waits at most 1 s)");

            log.WriteLine($"primary: {primary.State}, {primary.FailureReason}; raised on '{failedOn}'");
            Assert.Equal(AudioOutputState.Failed, primary.State);
            Assert.Contains("no longer active", primary.FailureReason, StringComparison.Ordinal);
            Assert.Equal("Echelon audio device monitor", failedOn);
            Assert.Equal(1, output.Fallbacks);
            Assert.Equal(primary.FailureReason, output.FallbackReason);

            Assert.Equal(0, callback.Overlaps);
            for (int i = 0; i < callback.Recorded; i++)
            {
                Assert.Equal(96_000 + (128L * i), callback.Positions[i]);
            }

            int handover = Enumerable.Range(1, callback.Recorded - 1).First(i => callback.ThreadIds[i] != callback.ThreadIds[i - 1]);
            TimeSpan stall = Stopwatch.GetElapsedTime(callback.Timestamps[handover - 1], callback.Timestamps[handover]);
            log.WriteLine($"handover after block {handover}: wall-clock stall {stall.TotalMilliseconds:0.0} ms ({stall.TotalSeconds * 48_000 / 128:0.0} blocks)");
            Assert.True(stall < TimeSpan.FromSeconds(1), $"stall {stall.TotalMilliseconds:0} ms");
        }
        finally
        {
            // Stop and Dispose wait a bounded time for the dead stream's release (PortAudio 19.6's JACK host API would
            // hold an abort for ten minutes); the release finishes on its own thread.
            var disposing = Stopwatch.StartNew();
            output.Dispose();
            log.WriteLine($"stop and dispose after the server died took {disposing.Elapsed.TotalMilliseconds:0} ms; PortAudio users now {PortAudioLibrary.Users}");
            Assert.True(disposing.Elapsed < TimeSpan.FromSeconds(10), $"dispose took {disposing.Elapsed.TotalSeconds:0.0} s");
        }
    }
}
