using Echelon.Motion.Frames;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Dynamics;

/// <summary>
/// Drives a source through a <see cref="Dynamics128Builder"/> on the control clock: at each tick
/// k / rate it ingests every frame whose host time has come, then builds the vector for the tick.
/// Ticks run from 0 to the last frame's time (or <c>untilNs</c>), so the same frames always give
/// the same vectors at the same times — recording and replay share this loop and agree byte for byte.
/// </summary>
/// <remarks>
/// Offline it runs as fast as the CPU allows; with <c>pace</c> it waits on the
/// <see cref="TimeProvider"/> so each tick happens at its wall-clock time (real-time replay).
/// </remarks>
public static class Dynamics128Pump
{
    /// <summary>
    /// Runs <paramref name="source"/> to its end. <paramref name="onFrame"/> sees each frame as it is
    /// ingested, <paramref name="onVector"/> each built vector (the instance is reused: copy what you keep).
    /// Returns the number of ticks built.
    /// </summary>
    public static long Run(
        ISensorSource source,
        Dynamics128Builder builder,
        double controlRateHz,
        Action<SensorFrame>? onFrame,
        Action<Dynamics128Vector> onVector,
        long untilNs = long.MaxValue,
        bool pace = false,
        TimeProvider? clock = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(onVector);
        if (!(controlRateHz is >= 10 and <= 2000))
        {
            throw new ArgumentOutOfRangeException(nameof(controlRateHz), controlRateHz, "controlRateHz must be 10–2000 Hz.");
        }

        clock ??= TimeProvider.System;
        long start = clock.GetTimestamp();
        var vector = new Dynamics128Vector();
        bool more = source.TryRead(out SensorFrame? pending);
        long lastFrameNs = 0;
        long ticks = 0;
        for (long tick = 0; !cancellation.IsCancellationRequested; tick++)
        {
            long t = (long)Math.Round(tick * 1e9 / controlRateHz);
            if (t > untilNs)
            {
                break;
            }

            if (pace)
            {
                TimeSpan due = TimeSpan.FromTicks(t / 100) - clock.GetElapsedTime(start);
                if (due > TimeSpan.Zero)
                {
                    Thread.Sleep(due);
                }
            }

            while (more && pending!.HostTimeNs <= t)
            {
                builder.Ingest(pending);
                onFrame?.Invoke(pending);
                lastFrameNs = pending.HostTimeNs;
                more = source.TryRead(out pending);
            }

            builder.Build(t, vector);
            onVector(vector);
            ticks++;
            if (!more && t >= lastFrameNs)
            {
                break;
            }
        }

        return ticks;
    }
}
