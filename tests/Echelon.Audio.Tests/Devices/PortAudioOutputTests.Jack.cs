using System.Diagnostics;
using System.Globalization;
using Echelon.Audio.Devices;
using Echelon.Audio.Tests.Devices.Infrastructure;
using Echelon.Audio.Wav;

namespace Echelon.Audio.Tests.Devices;

/// <summary>
/// PortAudio's JACK host API against a real JACK server on the dummy driver (48 kHz, 128-frame periods, wall-clock
/// speed; ../shared/PEERS.md): what we render reaches <c>system:playback_*</c> as <c>jack_capture</c> records it, and
/// the counters count.
/// </summary>
public sealed partial class PortAudioOutputTests
{
    [PeerFact("jackd", "jack_wait", "libportaudio")]
    [Trait("Peer", "jackd")]
    public void ListDevices_WithJackRunning_ListsTheServersSystemDeviceAtItsRate()
    {
        StartJack();
        IReadOnlyList<AudioDeviceInfo> devices = PortAudioOutput.ListDevices();
        foreach (AudioDeviceInfo d in devices)
        {
            log.WriteLine(d.ToString());
        }

        AudioDeviceInfo system = Assert.Single(devices, d => d.HostApi.Contains("JACK", StringComparison.Ordinal) && d.Name == "system");
        Assert.Equal(2, system.MaxOutputChannels);
        Assert.Equal(48_000, system.DefaultSampleRate);
        Assert.Equal(0, PortAudioLibrary.Users);
    }

    [PeerFact("jackd", "jack_wait", "libportaudio")]
    [Trait("Peer", "jackd")]
    public void Contract_StartRendersContiguousBlocksUntilStop()
    {
        StartJack();
        using (var output = new PortAudioOutput(s_jack))
        {
            AudioOutputContract.StartRendersContiguousBlocksUntilStop(output);
        }

        Assert.Equal(0, PortAudioLibrary.Users);
    }

    [PeerFact("jackd", "jack_wait", "libportaudio")]
    [Trait("Peer", "jackd")]
    public void Contract_RestartBeginsAtTheGivenPosition()
    {
        StartJack();
        using var output = new PortAudioOutput(s_jack);
        AudioOutputContract.RestartBeginsAtTheGivenPosition(output);
    }

    [PeerFact("jackd", "jack_wait", "libportaudio")]
    [Trait("Peer", "jackd")]
    public void Contract_LifecycleCallsAreIdempotent()
    {
        StartJack();
        AudioOutputContract.LifecycleCallsAreIdempotent(new PortAudioOutput(s_jack));
        Assert.Equal(0, PortAudioLibrary.Users);
    }

    [PeerFact("jackd", "jack_wait", "libportaudio")]
    [Trait("Peer", "jackd")]
    public void Contract_ThrowingRenderIsCountedAndTheClockGoesOn()
    {
        StartJack();
        using var output = new PortAudioOutput(s_jack);
        AudioOutputContract.ThrowingRenderIsCountedAndTheClockGoesOn(output);
    }

    [PeerFact("jackd", "jack_wait", "libportaudio")]
    [Trait("Peer", "jackd")]
    public void Open_RateOtherThanTheServers_IsRefusedNamingTheServersRate()
    {
        StartJack();
        var e = Assert.Throws<AudioDeviceException>(() => new PortAudioOutput(s_jack with { SampleRate = 44_100 }));
        log.WriteLine(e.Message);
        Assert.Equal(AudioDeviceError.OpenFailed, e.Kind);
        Assert.Contains("44100 Hz", e.Message, StringComparison.Ordinal);
        Assert.Contains("own rate is 48000 Hz", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, PortAudioLibrary.Users);
    }

    [PeerFact("jackd", "jack_wait", "jack_capture", "libportaudio")]
    [Trait("Peer", "jackd")]
    public void Sines_ReachSystemPlayback_AtTheirFrequencyAndLevel_WithoutGapsOrAllocation()
    {
        JackServer server = StartJack();
        using var dir = new TempDirectory();
        string wav = dir.File("playback.wav");
        var callback = new RecordingCallback(capacity: 48_000 * 6 / 128);
        using var output = new PortAudioOutput(s_jack);
        log.WriteLine($"{output.Name}: {output.Channels} channels, reported output latency {output.OutputLatency.TotalMilliseconds:0.00} ms, JACK client {PortAudioLibrary.JackClientName()}");
        Assert.Equal("JACK Audio Connection Kit", output.HostApi);
        Assert.Equal("system", output.DeviceName);

        output.Start(callback);
        Assert.True(callback.WaitFor(20, s_wait));
        var clock = Stopwatch.StartNew();
        long startSamples = output.SamplesRendered;

        // jack_capture records what reaches the server's sound card: it follows the connections into system:playback_*.
        using (PeerProcess capture = PeerProcess.Start(PeerTool.Get("jack_capture"), server.Environment,
            "--no-stdin", "-d", "2", "-f", "wav", "-b", "16", "-c", "2", "-p", "system:playback*", wav))
        {
            int? exit = capture.WaitForExit(TimeSpan.FromSeconds(30));
            Assert.True(exit == 0, $"jack_capture exited with {exit}: {string.Join('\n', capture.StandardError.TakeLast(10))}");
        }

        double seconds = clock.Elapsed.TotalSeconds;
        long samples = output.SamplesRendered - startSamples;
        output.Stop();

        WavAudio audio = WavReader.Read(wav);
        log.WriteLine($"captured {audio.DurationSeconds:0.000} s, {audio.ChannelCount} channels at {audio.SampleRate} Hz; " +
                      $"rendered {samples} samples in {seconds:0.000} s ({samples / seconds:0} per second); " +
                      $"xruns {output.Xruns}, overruns {output.Overruns}, faults {output.RenderFaults}");
        Assert.Equal(48_000, audio.SampleRate);
        Assert.Equal(2, audio.ChannelCount);
        Assert.InRange(audio.DurationSeconds, 1.5, 3.0);

        // The sample clock advanced at the server's rate (the dummy driver runs on the wall clock).
        Assert.InRange(samples / seconds, 48_000 * 0.9, 48_000 * 1.1);

        // Left is 1 kHz at 0.5, right 1.25 kHz at 0.25: the channels are not swapped, mixed or scaled.
        int skip = 4800;
        ReadOnlySpan<float> left = audio.Channels[0].AsSpan(skip, audio.FrameCount - (2 * skip));
        ReadOnlySpan<float> right = audio.Channels[1].AsSpan(skip, audio.FrameCount - (2 * skip));
        double leftHz = CapturedSine.Frequency(left, 48_000);
        double rightHz = CapturedSine.Frequency(right, 48_000);
        double leftRms = CapturedSine.Rms(left);
        double rightRms = CapturedSine.Rms(right);
        int leftGlitches = CapturedSine.Breaks(left);
        int rightGlitches = CapturedSine.Breaks(right);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"left {leftHz:0.00} Hz rms {leftRms:0.0000} ({leftGlitches} glitches); right {rightHz:0.00} Hz rms {rightRms:0.0000} ({rightGlitches} glitches)"));
        Assert.InRange(leftHz, 990, 1010);
        Assert.InRange(rightHz, 1237.5, 1262.5);
        Assert.InRange(leftRms, 0.5 / Math.Sqrt(2) * 0.98, 0.5 / Math.Sqrt(2) * 1.02);
        Assert.InRange(rightRms, 0.25 / Math.Sqrt(2) * 0.98, 0.25 / Math.Sqrt(2) * 1.02);

        // A gap or a repeated block breaks the sine; each one must have been reported as an xrun.
        Assert.True(leftGlitches <= output.Xruns && rightGlitches <= output.Xruns,
            $"{leftGlitches} and {rightGlitches} breaks in the captured sines, {output.Xruns} xruns reported");
        Assert.True(output.Xruns <= 5, $"{output.Xruns} xruns in about 2 s");
        Assert.Equal(0, output.RenderFaults);
        Assert.Equal(0, callback.Overlaps);

        // The audio thread is JACK's process thread; after warm-up it allocates nothing per block.
        (long least, long largest, int steps) = callback.AllocationAfter(warmUp: 100);
        log.WriteLine($"JACK process thread: {steps} blocks measured, least of three rounds {least} B, largest single block {largest} B");
        Assert.Equal(0, least);
    }

    [PeerFact("jackd", "jack_wait", "libportaudio")]
    [Trait("Peer", "jackd")]
    public void RenderLongerThanAPeriod_CountsOverruns_AndTheServersXrunReachesTheCounter()
    {
        StartJack();
        using var output = new PortAudioOutput(s_jack);
        var callback = new StallingCallback(stallAtBlock: 50, stall: TimeSpan.FromMilliseconds(50));
        output.Start(callback);
        Assert.True(SpinWait.SpinUntil(() => callback.Blocks > 150, s_wait));
        output.Stop();

        log.WriteLine($"after one 50 ms render: overruns {output.Overruns}, xruns {output.Xruns}, state {output.State}");
        Assert.True(output.Overruns >= 1, "the 50 ms render (a block lasts 2.7 ms) was not counted as an overrun");
        Assert.True(output.Xruns >= 1, "JACK's xrun did not reach the counter");
        Assert.Equal(AudioOutputState.Stopped, output.State);
    }

    /// <summary>The server, running; PortAudio must not be initialised yet, or it would not see it.</summary>
    private JackServer StartJack()
    {
        Assert.Equal(0, PortAudioLibrary.Users);
        return jack.Start();
    }
}
