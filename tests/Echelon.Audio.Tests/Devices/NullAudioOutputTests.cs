using System.Diagnostics;
using Echelon.Audio.Devices;
using Echelon.Audio.Tests.Devices.Infrastructure;
using Xunit.Abstractions;

namespace Echelon.Audio.Tests.Devices;

public sealed class NullAudioOutputTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData(AudioPace.RealTime)]
    [InlineData(AudioPace.AsFastAsPossible)]
    public void Contract_StartRendersContiguousBlocksUntilStop(AudioPace pace)
    {
        using var output = new NullAudioOutput(null, pace);
        AudioOutputContract.StartRendersContiguousBlocksUntilStop(output);
    }

    [Theory]
    [InlineData(AudioPace.RealTime)]
    [InlineData(AudioPace.AsFastAsPossible)]
    public void Contract_RestartBeginsAtTheGivenPosition(AudioPace pace)
    {
        using var output = new NullAudioOutput(null, pace);
        AudioOutputContract.RestartBeginsAtTheGivenPosition(output);
    }

    [Theory]
    [InlineData(AudioPace.RealTime)]
    [InlineData(AudioPace.AsFastAsPossible)]
    public void Contract_LifecycleCallsAreIdempotent(AudioPace pace) =>
        AudioOutputContract.LifecycleCallsAreIdempotent(new NullAudioOutput(null, pace));

    [Theory]
    [InlineData(AudioPace.RealTime)]
    [InlineData(AudioPace.AsFastAsPossible)]
    public void Contract_ThrowingRenderIsCountedAndTheClockGoesOn(AudioPace pace)
    {
        using var output = new NullAudioOutput(null, pace);
        AudioOutputContract.ThrowingRenderIsCountedAndTheClockGoesOn(output);
    }

    [Fact]
    public void RealTime_OverOneSecond_RendersTheWallClocksWorthOfSamples()
    {
        using var output = new NullAudioOutput();
        var callback = new RecordingCallback(1024);
        output.Start(callback);
        Assert.True(callback.WaitFor(1, TimeSpan.FromSeconds(10)));
        long startSamples = output.SamplesRendered;
        var clock = Stopwatch.StartNew();
        Thread.Sleep(1000);
        long samples = output.SamplesRendered - startSamples;
        double seconds = clock.Elapsed.TotalSeconds;
        output.Stop();

        double ratio = samples / (seconds * 48_000);
        log.WriteLine($"{samples} samples in {seconds:0.0000} s: {ratio:0.0000} of real time; {output.Overruns} overruns");
        Assert.InRange(ratio, 0.98, 1.02);
    }

    [Fact]
    public void RealTime_BlocksAreDueOnAGridThatDoesNotDrift()
    {
        // Each block's host time is its due time: start + n·128/48000 s, from n, not accumulated.
        using var output = new NullAudioOutput();
        var callback = new TimesCallback(400);
        output.Start(callback);
        Assert.True(callback.Done.Wait(TimeSpan.FromSeconds(20)));
        output.Stop();

        double ticksPerBlock = 128.0 * Stopwatch.Frequency / 48_000;
        long first = callback.DueTimes[0];
        for (int n = 0; n < callback.DueTimes.Length; n++)
        {
            Assert.InRange(callback.DueTimes[n] - first - (n * ticksPerBlock), -1.0, 1.0);
            Assert.True(callback.CalledAt[n] >= callback.DueTimes[n], $"block {n} rendered before it was due");
        }
    }

    [Fact]
    public void AsFastAsPossible_RendersBlocksBackToBackFarFasterThanRealTime()
    {
        using var output = new NullAudioOutput(null, AudioPace.AsFastAsPossible);
        var callback = new RecordingCallback(20_000);
        var clock = Stopwatch.StartNew();
        output.Start(callback);
        Assert.True(callback.WaitFor(20_000, TimeSpan.FromSeconds(30)));
        output.Stop();
        TimeSpan elapsed = clock.Elapsed;

        // 20 000 blocks are 53 s of audio; rendering them must not have waited for the wall clock.
        log.WriteLine($"{callback.Count} blocks ({output.SamplesRendered / 48_000.0:0.0} s of audio) in {elapsed.TotalSeconds:0.00} s");
        Assert.True(elapsed < TimeSpan.FromSeconds(30));
        Assert.Equal((long)callback.Count * 128, output.SamplesRendered);
        Assert.Equal(0, output.Overruns);
        Assert.Equal(0, output.Xruns);
        for (int i = 1; i < callback.Recorded; i++)
        {
            Assert.Equal(callback.Positions[i - 1] + 128, callback.Positions[i]);
        }
    }

    [Theory]
    [InlineData(AudioPace.RealTime, 1_500)]
    [InlineData(AudioPace.AsFastAsPossible, 20_000)]
    public void AudioThread_AfterWarmUp_AllocatesNothingPerBlock(AudioPace pace, int blocks)
    {
        using var output = new NullAudioOutput(null, pace);
        var callback = new RecordingCallback(blocks);
        output.Start(callback);
        Assert.True(callback.WaitFor(blocks, TimeSpan.FromSeconds(60)));
        output.Stop();

        (long least, long largest, int steps) = callback.AllocationAfter(warmUp: 100);
        log.WriteLine($"{pace}: {steps} blocks measured on the audio thread; least of three rounds {least} B, largest single block {largest} B");
        Assert.Equal(0, least);
    }

    [Fact]
    public void SlowRender_InRealTime_CountsOverrunsAndCatchesUp()
    {
        using var output = new NullAudioOutput();
        var callback = new SlowCallback(slowBlocks: 5, delay: TimeSpan.FromMilliseconds(10));
        output.Start(callback);
        Assert.True(SpinWait.SpinUntil(() => callback.Blocks >= 200, TimeSpan.FromSeconds(20)));
        var clock = Stopwatch.StartNew();
        long before = output.SamplesRendered;
        Thread.Sleep(300);
        long during = output.SamplesRendered - before;
        double seconds = clock.Elapsed.TotalSeconds;
        output.Stop();

        // Each of the five slow blocks took four blocks' time: each missed its deadline. The clock caught up after.
        Assert.True(output.Overruns >= 5, $"{output.Overruns} overruns");
        Assert.InRange(during / (seconds * 48_000), 0.9, 1.1);
    }

    [Fact]
    public void Name_SaysThereIsNoDevice_AndNothingEverFails()
    {
        using var output = new NullAudioOutput();
        Assert.Equal("null (real time)", output.Name);
        Assert.Equal(AudioPace.RealTime, output.Pace);
        Assert.Equal("null (as fast as possible)", new NullAudioOutput(null, AudioPace.AsFastAsPossible).Name);
        Assert.Equal(48_000, output.SampleRate);
        Assert.Equal(128, output.BlockSize);
        Assert.Null(output.FailureReason);
        Assert.Equal(0, output.SamplePosition);
    }

    private sealed class TimesCallback(int blocks) : IAudioRenderCallback
    {
        private int _n;

        public long[] DueTimes { get; } = new long[blocks];

        public long[] CalledAt { get; } = new long[blocks];

        public ManualResetEventSlim Done { get; } = new();

        public void Render(Span<float> left, Span<float> right, in AudioClockInfo info)
        {
            if (_n < DueTimes.Length)
            {
                DueTimes[_n] = info.HostTimestamp;
                CalledAt[_n] = Stopwatch.GetTimestamp();
                if (++_n == DueTimes.Length)
                {
                    Done.Set();
                }
            }
        }
    }

    private sealed class SlowCallback(int slowBlocks, TimeSpan delay) : IAudioRenderCallback
    {
        private int _blocks;

        public int Blocks => Volatile.Read(ref _blocks);

        public void Render(Span<float> left, Span<float> right, in AudioClockInfo info)
        {
            int n = Interlocked.Increment(ref _blocks);
            if (n > 50 && n <= 50 + slowBlocks)
            {
                Thread.Sleep(delay);
            }

            left.Clear();
            right.Clear();
        }
    }
}
