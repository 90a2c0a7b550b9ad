using System.Diagnostics;
using Echelon.Audio.Devices;

namespace Echelon.Audio.Tests.Devices;

public sealed class AudioClockFilterTests
{
    private const int Rate = 48_000;
    private const int Block = 128;
    private static readonly double TicksPerSample = Stopwatch.Frequency / (double)Rate;

    [Fact]
    public void ExactTimestamps_PassThroughAndPredictTheNextBlock()
    {
        var filter = new AudioClockFilter(Rate);
        long start = 1_000_000_000;
        for (int n = 0; n < 2000; n++)
        {
            long truth = start + (long)Math.Round(n * Block * TicksPerSample);
            Assert.InRange(filter.Update(n * Block, truth), truth - 1, truth + 1);
        }

        long next = start + (long)Math.Round(2000 * Block * TicksPerSample);
        Assert.InRange(filter.Predict(2000 * Block), next - 1, next + 1);
        Assert.Equal(0, filter.Restarts);
    }

    [Fact]
    public void LateCallbacks_AreSmoothedToAFifthOfTheirJitterOrLess()
    {
        // A device that calls back 0–1 ms late at random: the raw timestamps jitter by 0.29 ms RMS.
        var random = new Random(7);
        var filter = new AudioClockFilter(Rate);
        long start = 5_000_000_000;
        double lateness = Stopwatch.Frequency * 0.001;
        var raw = new List<double>();
        var filtered = new List<double>();
        int blocks = 10 * Rate / Block;
        for (int n = 0; n < blocks; n++)
        {
            double truth = start + (n * Block * TicksPerSample);
            double late = random.NextDouble() * lateness;
            long smoothed = filter.Update(n * Block, (long)(truth + late));
            if (n > blocks / 5)
            {
                raw.Add(late);
                filtered.Add(smoothed - truth);
            }
        }

        double rawSd = StandardDeviation(raw);
        double filteredSd = StandardDeviation(filtered);
        Assert.InRange(rawSd, 0.25 * lateness, 0.33 * lateness);
        Assert.True(filteredSd < rawSd / 5, $"filtered {filteredSd / Stopwatch.Frequency * 1e3:0.0000} ms against raw {rawSd / Stopwatch.Frequency * 1e3:0.0000} ms");

        // What is left is the mean lateness, a constant the pacing does not care about.
        Assert.InRange(filtered.Average(), 0.4 * lateness, 0.6 * lateness);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(-200)]
    public void ACrystalOffItsNominalRate_IsFollowed(int ppm)
    {
        // The device's samples last (1 − ppm·1e-6) of their nominal time: after a few seconds the loop's rate matches and
        // its line sits on the real one, blocks of varying size and all.
        double real = TicksPerSample * (1 - (ppm * 1e-6));
        var filter = new AudioClockFilter(Rate);
        long position = 0;
        double worst = 0;
        int[] sizes = [128, 64, 256, 128, 192];
        for (int n = 0; n < 12 * Rate / Block; n++)
        {
            double truth = 2_000_000_000 + (position * real);
            long smoothed = filter.Update(position, (long)Math.Round(truth));
            if (position > 6 * Rate)
            {
                worst = Math.Max(worst, Math.Abs(smoothed - truth));
            }

            position += sizes[n % sizes.Length];
        }

        Assert.InRange(filter.TicksPerSample, real * (1 - 10e-6), real * (1 + 10e-6));
        Assert.True(worst < 0.02 * Stopwatch.Frequency / 1000, $"worst {worst / Stopwatch.Frequency * 1e3:0.0000} ms");
    }

    [Fact]
    public void AStallOrASwitchOfDevice_RestartsTheLoopFromTheNewReading()
    {
        var filter = new AudioClockFilter(Rate);
        long start = 1_000_000_000;
        for (int n = 0; n < 100; n++)
        {
            filter.Update(n * Block, start + (long)(n * Block * TicksPerSample));
        }

        // 50 ms late: beyond the 20 ms the loop would believe; it takes the reading as the new truth.
        long jumped = start + (long)(100 * Block * TicksPerSample) + (Stopwatch.Frequency / 20);
        Assert.Equal(jumped, filter.Update(100 * Block, jumped));
        Assert.Equal(1, filter.Restarts);

        // A position that goes back (a new stream) restarts it too.
        Assert.Equal(jumped + 5, filter.Update(0, jumped + 5));
        Assert.Equal(2, filter.Restarts);
        Assert.Equal(TicksPerSample, filter.TicksPerSample);
    }

    [Fact]
    public void BeforeAnyReading_NothingIsPredicted()
    {
        var filter = new AudioClockFilter(Rate);
        Assert.False(filter.IsStarted);
        Assert.Equal(0, filter.Predict(48_000));
    }

    [Theory]
    [InlineData(0, 1.0, "sampleRate")]
    [InlineData(48_000, 0.0, "bandwidthHz")]
    [InlineData(48_000, double.NaN, "bandwidthHz")]
    [InlineData(48_000, 100.0, "bandwidthHz")]
    public void OutOfRangeSettings_AreRefusedByName(int rate, double bandwidth, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AudioClockFilter(rate, bandwidth));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Update_AllocatesNothing()
    {
        var filter = new AudioClockFilter(Rate);
        long position = 0;
        long bytes = Echelon.Testing.AllocationProbe.SteadyStateBytes(() =>
        {
            filter.Update(position, 1_000_000 + (long)(position * TicksPerSample));
            position += Block;
        });
        Assert.Equal(0, bytes);
    }

    private static double StandardDeviation(List<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
