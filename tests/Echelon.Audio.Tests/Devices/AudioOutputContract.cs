using Echelon.Audio.Devices;
using Echelon.Audio.Tests.Devices.Infrastructure;

namespace Echelon.Audio.Tests.Devices;

/// <summary>
/// What every <see cref="IAudioOutput"/> must do, as checks each implementation's tests run on a fresh output
/// (PortAudio's need a JACK server, so the suite is called from each test class rather than inherited).
/// </summary>
public static class AudioOutputContract
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(20);

    /// <summary>Blocks come one after another from the first sample asked for, and none comes after Stop returns.</summary>
    public static void StartRendersContiguousBlocksUntilStop(IAudioOutput output)
    {
        const long first = 1_000_000_000_000;
        var callback = new RecordingCallback(4096, output.SampleRate);
        Assert.Equal(AudioOutputState.Stopped, output.State);
        Assert.False(output.IsRunning);

        output.Start(callback, first);
        Assert.True(output.IsRunning);
        Assert.Equal(AudioOutputState.Running, output.State);
        Assert.True(callback.WaitFor(50, s_wait), $"{output.Name} rendered {callback.Count} blocks in {s_wait.TotalSeconds} s");
        output.Stop();
        int after = callback.Count;
        Assert.False(output.IsRunning);
        Assert.Equal(AudioOutputState.Stopped, output.State);

        Thread.Sleep(50);
        Assert.Equal(after, callback.Count);
        Assert.Equal(0, callback.Overlaps);
        for (int i = 0; i < callback.Recorded; i++)
        {
            Assert.Equal(output.BlockSize, callback.FrameCounts[i]);
            Assert.Equal(first + ((long)i * output.BlockSize), callback.Positions[i]);
        }

        Assert.Equal((long)after * output.BlockSize, output.SamplesRendered);
        Assert.Equal(first + output.SamplesRendered, output.SamplePosition);
        Assert.Equal(0, output.RenderFaults);
        Assert.Null(output.FailureReason);
        Assert.False(string.IsNullOrWhiteSpace(output.Name));
    }

    /// <summary>A restart begins where it is told, and the counters keep counting.</summary>
    public static void RestartBeginsAtTheGivenPosition(IAudioOutput output)
    {
        var first = new RecordingCallback(1024, output.SampleRate);
        output.Start(first, 0);
        Assert.True(first.WaitFor(10, s_wait));
        output.Stop();
        long rendered = output.SamplesRendered;

        var second = new RecordingCallback(1024, output.SampleRate);
        output.Start(second, 5_000);
        Assert.True(second.WaitFor(10, s_wait));
        output.Stop();
        Assert.Equal(5_000, second.Positions[0]);
        Assert.Equal(5_000 + output.BlockSize, second.Positions[1]);
        Assert.Equal(rendered + ((long)second.Count * output.BlockSize), output.SamplesRendered);
    }

    /// <summary>Start, Stop and Dispose may be repeated; a second callback while running and a start after Dispose are refused.</summary>
    public static void LifecycleCallsAreIdempotent(IAudioOutput output)
    {
        var callback = new RecordingCallback(1024, output.SampleRate);
        output.Stop();
        output.Start(callback);
        output.Start(callback);
        Assert.Throws<InvalidOperationException>(() => output.Start(new RecordingCallback(16, output.SampleRate)));
        Assert.True(callback.WaitFor(5, s_wait));
        output.Stop();
        output.Stop();
        Assert.False(output.IsRunning);
        output.Dispose();
        output.Dispose();
        Assert.Throws<ObjectDisposedException>(() => output.Start(callback));
        Assert.Equal(0, callback.Overlaps);
    }

    /// <summary>A callback that throws costs its block (silence, counted), not the output.</summary>
    public static void ThrowingRenderIsCountedAndTheClockGoesOn(IAudioOutput output)
    {
        var callback = new RecordingCallback(1024, output.SampleRate) { ThrowFrom = 5, ThrowUntil = 8 };
        output.Start(callback);
        Assert.True(callback.WaitFor(30, s_wait));
        output.Stop();
        Assert.Equal(3, output.RenderFaults);
        Assert.True(output.State == AudioOutputState.Stopped, output.FailureReason);
        for (int i = 1; i < callback.Recorded; i++)
        {
            Assert.Equal(callback.Positions[i - 1] + output.BlockSize, callback.Positions[i]);
        }
    }
}
