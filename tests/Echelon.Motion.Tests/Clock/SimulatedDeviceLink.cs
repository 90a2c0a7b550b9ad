using Echelon.Core.Numerics;

namespace Echelon.Motion.Tests.Clock;

/// <summary>
/// A device that sends at a fixed rate over a jittery one-way link: its clock is given as a function
/// of the host send time, each frame's latency is a base plus exponential jitter (seeded), and the
/// receptions come back in the order the host would see them (by receive time).
/// </summary>
internal static class SimulatedDeviceLink
{
    public const long BaseLatencyNs = 5_000_000L;
    public const double MeanJitterNs = 4_000_000.0;

    /// <summary>A device clock running <paramref name="driftPpm"/> fast with an offset: device = offset + (1 + drift)·host.</summary>
    public static Func<long, long> DriftingClock(long offsetNs, double driftPpm) =>
        host => offsetNs + (long)Math.Round(host * (1.0 + (driftPpm * 1e-6)));

    /// <summary>Receptions of <paramref name="seconds"/> of frames at <paramref name="rateHz"/>, in receive order.</summary>
    public static Reception[] Generate(
        ulong seed,
        double seconds,
        double rateHz,
        Func<long, long> deviceClock,
        Func<long, long>? extraLatencyNs = null)
    {
        var random = new DeterministicRandom(seed);
        int count = (int)Math.Round(seconds * rateHz);
        var receptions = new Reception[count];
        for (int i = 0; i < count; i++)
        {
            long send = (long)Math.Round(i * 1e9 / rateHz);
            double jitter = -MeanJitterNs * Math.Log(1.0 - random.NextDouble());
            long latency = BaseLatencyNs + (long)Math.Round(jitter) + (extraLatencyNs?.Invoke(send) ?? 0);
            receptions[i] = new Reception(i, send, deviceClock(send), send + latency);
        }

        Array.Sort(receptions, static (a, b) =>
            a.ReceiveHostNs != b.ReceiveHostNs ? a.ReceiveHostNs.CompareTo(b.ReceiveHostNs) : a.Index.CompareTo(b.Index));
        return receptions;
    }

    /// <summary>One frame: its send index, host send time, device timestamp and host receive time.</summary>
    internal readonly record struct Reception(int Index, long SendHostNs, long DeviceTimeNs, long ReceiveHostNs);
}
