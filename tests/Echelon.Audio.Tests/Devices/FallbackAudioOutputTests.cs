using System.Diagnostics;
using Echelon.Audio.Devices;
using Echelon.Audio.Tests.Devices.Infrastructure;
using Xunit.Abstractions;

namespace Echelon.Audio.Tests.Devices;

public sealed class FallbackAudioOutputTests(ITestOutputHelper log)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(20);

    [Fact]
    public void Contract_StartRendersContiguousBlocksUntilStop()
    {
        using var output = new FallbackAudioOutput(new NullAudioOutput());
        AudioOutputContract.StartRendersContiguousBlocksUntilStop(output);
    }

    [Fact]
    public void Contract_RestartBeginsAtTheGivenPosition()
    {
        using var output = new FallbackAudioOutput(new NullAudioOutput());
        AudioOutputContract.RestartBeginsAtTheGivenPosition(output);
    }

    [Fact]
    public void Contract_LifecycleCallsAreIdempotent() =>
        AudioOutputContract.LifecycleCallsAreIdempotent(new FallbackAudioOutput(new NullAudioOutput()));

    [Fact]
    public void Contract_ThrowingRenderIsCountedAndTheClockGoesOn()
    {
        using var output = new FallbackAudioOutput(new NullAudioOutput());
        AudioOutputContract.ThrowingRenderIsCountedAndTheClockGoesOn(output);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PrimaryFailsMidRun_NullOutputContinuesTheClockWithoutAJumpOrALongStall(bool zombie)
    {
        var primary = new FaultingAudioOutput { FailAfterBlocks = 100, KeepsCallingBack = zombie, DetectionDelay = TimeSpan.FromMilliseconds(20) };
        using var output = new FallbackAudioOutput(primary);
        int switches = 0;
        output.SwitchedToFallback += (_, _) => Interlocked.Increment(ref switches);
        var callback = new RecordingCallback(4096);

        output.Start(callback, firstSample: 480_000);
        Assert.True(callback.WaitFor(300, s_wait), $"{callback.Count} blocks");
        output.Stop();

        Assert.Equal(AudioOutputState.Failed, primary.State);
        Assert.True(output.IsOnFallback);
        Assert.IsType<NullAudioOutput>(output.Active);
        Assert.Equal(1, output.Fallbacks);
        Assert.Equal(1, switches);
        Assert.Equal(FaultingAudioOutput.Reason, output.FallbackReason);
        Assert.Null(output.FailureReason);
        Assert.Equal(AudioOutputState.Stopped, output.State);

        // The engine saw one clock: every block right after the one before, never two renders at once.
        Assert.Equal(0, callback.Overlaps);
        for (int i = 0; i < callback.Recorded; i++)
        {
            Assert.Equal(480_000 + (128L * i), callback.Positions[i]);
        }

        // The handover: the first block on the null output's thread follows the primary's last without a jump.
        int handover = Enumerable.Range(1, callback.Recorded - 1).First(i => callback.ThreadIds[i] != callback.ThreadIds[i - 1]);
        Assert.True(handover >= 100, $"handover at block {handover}");
        TimeSpan stall = Stopwatch.GetElapsedTime(callback.Timestamps[handover - 1], callback.Timestamps[handover]);
        log.WriteLine($"zombie={zombie}: handover after block {handover}, wall-clock stall {stall.TotalMilliseconds:0.0} ms ({stall.TotalSeconds * 48_000 / 128:0.0} blocks); " +
                      $"zombie calls after failure {primary.CallsAfterFailure}");
        Assert.True(stall < TimeSpan.FromMilliseconds(500), $"stall {stall.TotalMilliseconds:0} ms");
        Assert.True(callback.ThreadIds.Skip(handover).Take(callback.Recorded - handover).All(id => id == callback.ThreadIds[handover]), "blocks after the handover came from one thread");

        Assert.Equal((long)callback.Count * 128, output.SamplesRendered);
        Assert.Equal(480_000 + output.SamplesRendered, output.SamplePosition);
    }

    [Fact]
    public void PrimaryWillNotStart_NullOutputRunsInstead()
    {
        var primary = new FaultingAudioOutput { RefuseStart = true };
        using var output = new FallbackAudioOutput(primary, AudioPace.AsFastAsPossible);
        var callback = new RecordingCallback(1024);
        output.Start(callback, 7);
        Assert.True(callback.WaitFor(20, s_wait));
        output.Stop();

        Assert.True(output.IsOnFallback);
        Assert.Equal(1, output.Fallbacks);
        Assert.Contains("would not start", output.FallbackReason, StringComparison.Ordinal);
        Assert.Contains("the fake device is not there", output.FallbackReason, StringComparison.Ordinal);
        Assert.Equal(7, callback.Positions[0]);
        Assert.Contains("null (as fast as possible), standing in for fake device", output.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void RestartAfterAFailure_GoesStraightToANewNullOutput_AndCountsAcrossBoth()
    {
        var primary = new FaultingAudioOutput { FailAfterBlocks = 20 };
        using var output = new FallbackAudioOutput(primary);
        var callback = new RecordingCallback(4096);
        output.Start(callback);
        Assert.True(SpinWait.SpinUntil(() => output.IsOnFallback, s_wait));
        Assert.True(callback.WaitFor(40, s_wait));
        output.Stop();
        long first = output.SamplesRendered;
        long resumeAt = output.SamplePosition;

        var again = new RecordingCallback(1024);
        output.Start(again, resumeAt);
        Assert.True(again.WaitFor(10, s_wait));
        output.Stop();
        Assert.Equal(2, output.Fallbacks);
        Assert.Equal(resumeAt, again.Positions[0]);
        Assert.Equal(first + ((long)again.Count * 128), output.SamplesRendered);
    }

    [Fact]
    public void PrimaryFailsWhileStopping_StopReturnsAndNothingFallsBack()
    {
        // The primary's Stop waits for its monitoring thread, which is raising Failed into this output's handler.
        var primary = new FaultingAudioOutput { FailAfterBlocks = 10, DetectionDelay = TimeSpan.FromMilliseconds(300) };
        using var output = new FallbackAudioOutput(primary);
        var callback = new RecordingCallback(1024);
        output.Start(callback);
        Assert.True(SpinWait.SpinUntil(() => primary.HasBroken, s_wait));

        var stopping = new Thread(output.Stop) { IsBackground = true };
        stopping.Start();
        Assert.True(stopping.Join(s_wait), "Stop deadlocked against the primary's failure report");
        Assert.Equal(AudioOutputState.Failed, primary.State);
        Assert.Equal(0, output.Fallbacks);
        Assert.False(output.IsOnFallback);
        Assert.False(output.IsRunning);
    }

    [Fact]
    public void Dispose_DisposesThePrimary()
    {
        var primary = new FaultingAudioOutput();
        var output = new FallbackAudioOutput(primary);
        output.Start(new RecordingCallback(64));
        output.Dispose();
        Assert.True(primary.IsDisposed);
        Assert.True(primary.Stops >= 1);
        Assert.False(output.IsRunning);
    }
}
