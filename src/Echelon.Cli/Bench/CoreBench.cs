using System.Diagnostics;
using Echelon.Core.Dell;
using Echelon.Core.Metrics;
using Echelon.Core.Signals;

namespace Echelon.Cli.Bench;

/// <summary>
/// Runs the rhythmic test signal through DELL with a scripted two-beat dropout and measures latency,
/// allocation, iterations, contraction, phase accuracy, re-lock and coupling energy.
/// </summary>
internal static class CoreBench
{
    private const int InputSize = 128;
    private const double FrameRate = 100.0;
    private const int WarmUpFrames = 4000;

    /// <summary>Runs the benchmark. <paramref name="progress"/> receives the fraction done.</summary>
    public static CoreBenchResult Run(CoreBenchOptions options, IProgress<double>? progress = null)
    {
        DellParameters parameters = DellParameters.CreateDefault(options.Dimension, InputSize, options.Seed);
        WarmUp(parameters, options);

        double beats = options.Seconds * options.Bpm / 60.0;
        int? dropoutStart = beats >= 12 ? (int)Math.Min(16, Math.Floor(beats / 2)) : null;
        var signal = new RhythmicTestSignal(new RhythmicSignalOptions
        {
            Bpm = options.Bpm,
            FrameRate = FrameRate,
            Seconds = options.Seconds,
            Seed = options.Seed,
            DropoutStartBeat = dropoutStart ?? -1,
            DropoutBeats = 2.0,
        });
        var dell = new DellCoordinator(parameters);
        int frames = signal.FrameCount;
        var latencyUs = new double[frames];
        var psi = new double[frames];
        var theta = new double[frames];
        var times = new double[frames];
        var beatPosition = new double[frames];
        var iterations = new double[frames];
        var ratios = new double[frames];
        var energy = new double[frames];
        var input = new double[InputSize];
        int accepted = 0;
        int ratioCount = 0;
        int slowSolves = 0;
        double dropoutEnd = double.NaN;
        bool wasDropout = false;
        double tickToMicroseconds = 1e6 / Stopwatch.Frequency;

        long allocated = 0;
        int n = 0;
        while (signal.Next(input, out RhythmicFrame frame))
        {
            // Only the frame itself is measured: the signal generator and progress reporting are not.
            long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            DellFrameReport report = dell.Step(frame.Dropout ? ReadOnlySpan<double>.Empty : input, options.Bpm, frame.TransportBeat);
            long end = Stopwatch.GetTimestamp();
            allocated += GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
            latencyUs[n] = (end - start) * tickToMicroseconds;
            psi[n] = report.Phase;
            theta[n] = frame.Theta;
            times[n] = frame.Time;
            beatPosition[n] = frame.BeatPosition;
            energy[n] = report.CouplingEnergy;
            if (report.Fast.Accepted)
            {
                iterations[accepted++] = report.Fast.IterationsUsed;
            }

            if (double.IsFinite(report.Fast.ContractionRatio))
            {
                ratios[ratioCount++] = report.Fast.ContractionRatio;
            }

            if (report.SlowSolved)
            {
                slowSolves++;
            }

            if (wasDropout && !frame.Dropout)
            {
                dropoutEnd = frame.Time;
            }

            wasDropout = frame.Dropout;
            n++;
            if (progress is not null && (n & 1023) == 0)
            {
                progress.Report((double)n / frames);
            }
        }

        progress?.Report(1.0);

        var scratch = new double[frames];
        int phaseStart = Array.FindIndex(beatPosition, 0, n, b => b >= 4.0);
        if (phaseStart < 0)
        {
            phaseStart = 0;
        }

        ReadOnlySpan<double> psiTail = psi.AsSpan(phaseStart, n - phaseStart);
        ReadOnlySpan<double> thetaTail = theta.AsSpan(phaseStart, n - phaseStart);
        double? relockBeats = null;
        if (!double.IsNaN(dropoutEnd))
        {
            double beatSeconds = 60.0 / options.Bpm;
            double relock = Circular.RelockTime(times.AsSpan(0, n), psi.AsSpan(0, n), theta.AsSpan(0, n), dropoutEnd, beatSeconds / 2.0, 0.3);
            relockBeats = double.IsFinite(relock) ? relock / beatSeconds : null;
        }

        ReadOnlySpan<double> used = iterations.AsSpan(0, accepted);
        ReadOnlySpan<double> ratioSpan = ratios.AsSpan(0, ratioCount);
        return new CoreBenchResult(
            Frames: n,
            Dimension: options.Dimension,
            Bpm: options.Bpm,
            Seconds: options.Seconds,
            Seed: options.Seed,
            Latency: new LatencyFigures(
                Statistics.Percentile(latencyUs.AsSpan(0, n), 50, scratch),
                Statistics.Percentile(latencyUs.AsSpan(0, n), 99, scratch),
                Statistics.Percentile(latencyUs.AsSpan(0, n), 100, scratch)),
            AllocatedBytesPerFrame: (double)allocated / n,
            Iterations: new IterationFigures(
                accepted > 0 ? Statistics.Mean(used) : double.NaN,
                accepted > 0 ? Statistics.Percentile(used, 95, scratch) : double.NaN,
                accepted > 0 ? (int)Statistics.Percentile(used, 100, scratch) : 0),
            Contraction: new ContractionFigures(
                ratioCount > 0 ? Statistics.Median(ratioSpan, scratch) : double.NaN,
                Contraction.Health(ratioSpan)),
            Phase: new PhaseFigures(
                psiTail.IsEmpty ? double.NaN : Circular.Rmse(psiTail, thetaTail),
                psiTail.IsEmpty ? double.NaN : Circular.Coherence(psiTail, thetaTail),
                relockBeats,
                dropoutStart),
            Coupling: new CouplingFigures(
                Statistics.Mean(energy.AsSpan(0, n)),
                Statistics.Percentile(energy.AsSpan(0, n), 95, scratch)),
            RejectedFrames: dell.Rejections.Total,
            DropoutFrames: dell.DropoutFrames,
            SlowSolves: slowSolves);
    }

    /// <summary>Runs enough frames for the JIT to reach its optimised tier before anything is timed.</summary>
    private static void WarmUp(DellParameters parameters, CoreBenchOptions options)
    {
        var signal = new RhythmicTestSignal(new RhythmicSignalOptions
        {
            Bpm = options.Bpm,
            FrameRate = FrameRate,
            Seconds = WarmUpFrames / FrameRate,
            Seed = options.Seed + 1,
            DropoutStartBeat = 4,
        });
        var dell = new DellCoordinator(parameters);
        var input = new double[InputSize];
        for (int pass = 0; pass < 2; pass++)
        {
            while (signal.Next(input, out RhythmicFrame frame))
            {
                dell.Step(frame.Dropout ? ReadOnlySpan<double>.Empty : input, options.Bpm, frame.TransportBeat);
            }

            // Let the background tier-1 compilation triggered above finish before the next pass.
            Thread.Sleep(150);
        }
    }
}
