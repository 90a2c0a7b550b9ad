using Echelon.Studio.Engine;

namespace Echelon.Studio.Tests.Engine;

public sealed class LevelMeterTests
{
    [Fact]
    public void Take_ReportsThePeakAndRmsOfTheBlocksSinceTheLastTake()
    {
        var meter = new LevelMeter();
        Assert.Equal((LevelMeter.FloorDbfs, LevelMeter.FloorDbfs), meter.Take());

        // Left 0.5 and right −0.25 throughout: peak 0.5 (−6.02 dBFS), mean square (0.25 + 0.0625) / 2 (−8.06 dBFS).
        Measure(meter, 0.5f, -0.25f, 100);
        Measure(meter, 0.5f, -0.25f, 28);
        (double peak, double rms) = meter.Take();
        Assert.Equal(20 * Math.Log10(0.5), peak, 9);
        Assert.Equal(10 * Math.Log10(0.15625), rms, 9);

        // The next window starts empty: a quiet block alone.
        Measure(meter, 0.1f, 0.1f, 64);
        (peak, rms) = meter.Take();
        Assert.Equal(-20, peak, 5);
        Assert.Equal(-20, rms, 5);
        Assert.Equal(3, meter.TakenBlocks);
    }

    [Fact]
    public void Take_WithNoNewBlock_HoldsTheLastReading_AndSilenceReadsTheFloor()
    {
        var meter = new LevelMeter();
        Measure(meter, 0.25f, 0.25f, 128);
        (double, double) first = meter.Take();
        Assert.Equal(first, meter.Take());
        meter.Measure([], []);
        Assert.Equal(first, meter.Take());

        Measure(meter, 0f, 0f, 128);
        Assert.Equal((LevelMeter.FloorDbfs, LevelMeter.FloorDbfs), meter.Take());
    }

    [Fact]
    public void Take_AfterFallingBehindTheHorizon_CountsTheSkippedPeaks_AndTheRmsStillCoversEverySample()
    {
        var meter = new LevelMeter();
        int blocks = LevelMeter.Horizon + 50;
        for (int b = 0; b < blocks; b++)
        {
            Measure(meter, b == 10 ? 1f : 0.1f, 0.1f, 100);
        }

        (double peak, double rms) = meter.Take();
        Assert.Equal(50, meter.SkippedBlocks);
        Assert.Equal(-20, peak, 5); // the loud block was among the skipped
        double meanSquare = ((blocks - 1) * 0.01 + ((1 + 0.01) / 2)) / blocks;
        Assert.Equal(10 * Math.Log10(meanSquare), rms, 6);
    }

    [Fact]
    public void ConcurrentReaderAndWriter_EachWindowHasExactlyTheLoudBlocksItCovers()
    {
        // The audio thread writes 16-sample blocks, one in 97 loud; the control thread takes as fast as it can. A
        // fresh reading covers blocks [before, after) of the writer's sequence, so it must read loud exactly when a
        // loud block is among them: a loud block lost between two windows, or reported in the wrong one, fails.
        const int Every = 97;
        const int EnoughReadings = 3000;
        var meter = new LevelMeter();
        var quiet = new float[16];
        var loud = new float[16];
        quiet.AsSpan().Fill(0.01f);
        loud.AsSpan().Fill(0.01f);
        loud[7] = 0.9f;
        int readings = 0, loudReadings = 0, wrong = 0;
        long written = -1;
        var writer = new Thread(() =>
        {
            // Paced a little, and on until the reader has enough fresh readings, however the two threads are scheduled.
            long b = 0;
            for (; b < 20_000_000 && Volatile.Read(ref readings) < EnoughReadings; b++)
            {
                meter.Measure(b % Every == 0 ? loud : quiet, quiet);
                Thread.SpinWait(20);
            }

            Volatile.Write(ref written, b);
        });

        string? firstWrong = null;
        writer.Start();
        while (Volatile.Read(ref written) < 0 || meter.TakenBlocks < Volatile.Read(ref written))
        {
            long before = meter.TakenBlocks;
            (double peak, _) = meter.Take();
            long after = meter.TakenBlocks;
            if (after == before)
            {
                continue;
            }

            long from = Math.Max(before, after - LevelMeter.Horizon); // the peaks a late reader looks at
            long firstLoud = (from + Every - 1) / Every * Every;
            bool expectLoud = firstLoud < after;
            Volatile.Write(ref readings, readings + 1);
            loudReadings += peak > -3 ? 1 : 0;
            if ((peak > -3) != expectLoud)
            {
                wrong++;
                firstWrong ??= $"blocks {before}–{after - 1} read {peak:F1} dBFS";
            }
        }

        writer.Join();
        Assert.True(wrong == 0, $"{wrong} of {readings} readings disagree with their blocks; first: {firstWrong}");
        Assert.True(readings >= EnoughReadings && loudReadings > 10, $"{readings} fresh readings, {loudReadings} loud: the test did not interleave");
    }

    private static void Measure(LevelMeter meter, float left, float right, int n)
    {
        var l = new float[n];
        var r = new float[n];
        l.AsSpan().Fill(left);
        r.AsSpan().Fill(right);
        meter.Measure(l, r);
    }
}
