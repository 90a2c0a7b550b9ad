using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Echelon.Core.Numerics;
using Echelon.Motion.Frames;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Tests.Clock;

/// <summary>
/// A deterministic stand-in for a network source: a phone (100 Hz) and a watch (50 Hz), each with its
/// own clock offset and drift, whose frames arrive over links with a base latency plus exponential
/// jitter. Frames come out in receive order with the receive time as host time, so device times are
/// slightly out of order. Every 50th phone frame carries a NaN and is rejected and counted, as a real
/// source would at its edge. Optionally one phone frame is held up in flight for a long time.
/// </summary>
internal sealed class JitteredTwoDeviceSource : ISensorSource
{
    public const string Phone = "phone";
    public const string Watch = "watch";

    private static readonly LinkModel s_phone = new(Phone, 100, 3_200_000_000L, 150, 5_000_000L, 4_000_000);
    private static readonly LinkModel s_watch = new(Watch, 50, -42_000_000_000L, -80, 8_000_000L, 6_000_000);

    private readonly ImuFrame[] _frames;
    private int _next;
    private long _rejected;

    public JitteredTwoDeviceSource(ulong seed, double seconds = 3.0, int delayedPhoneFrame = -1, long delayNs = 0)
    {
        var random = new DeterministicRandom(seed);
        var all = new List<(long Receive, int Order, ImuFrame Frame)>();
        foreach (LinkModel link in new[] { s_phone, s_watch })
        {
            int count = (int)Math.Round(seconds * link.RateHz);
            for (int i = 0; i < count; i++)
            {
                long send = (long)Math.Round(i * 1e9 / link.RateHz);
                long latency = link.BaseLatencyNs + (long)Math.Round(-link.MeanJitterNs * Math.Log(1.0 - random.NextDouble()));
                if (link == s_phone && i == delayedPhoneFrame)
                {
                    latency += delayNs;
                }

                float x = link == s_phone && i % 50 == 49 ? float.NaN : (float)Math.Sin(i * 0.1);
                var frame = new ImuFrame(link.Id, link.DeviceTime(send), send + latency, new Vector3(x, 0, 9.81f));
                all.Add((send + latency, all.Count, frame));
            }
        }

        _frames = all.OrderBy(f => f.Receive).ThenBy(f => f.Order).Select(f => f.Frame).ToArray();
        Devices =
        [
            new SensorDevice(Phone, SensorKind.Imu, s_phone.RateHz, "simulated phone over Wi-Fi"),
            new SensorDevice(Watch, SensorKind.Imu, s_watch.RateHz, "simulated watch over Bluetooth"),
        ];
    }

    public string Name => "jittered-fake";

    public IReadOnlyList<SensorDevice> Devices { get; }

    public long RejectedFrames => _rejected;

    public bool Disposed { get; private set; }

    /// <summary>The host time a frame was really sent, from its device timestamp.</summary>
    public static long TrueSendTimeNs(SensorFrame frame) =>
        (frame.DeviceId == Phone ? s_phone : s_watch).SendTime(frame.DeviceTimeNs);

    /// <summary>The smallest latency of the frame's link.</summary>
    public static long BaseLatencyNs(SensorFrame frame) =>
        (frame.DeviceId == Phone ? s_phone : s_watch).BaseLatencyNs;

    public bool TryRead([NotNullWhen(true)] out SensorFrame? frame)
    {
        while (!Disposed && _next < _frames.Length)
        {
            ImuFrame candidate = _frames[_next++];
            if (candidate.IsFinite())
            {
                frame = candidate;
                return true;
            }

            _rejected++;
        }

        frame = null;
        return false;
    }

    public void Dispose() => Disposed = true;

    private sealed record LinkModel(string Id, double RateHz, long OffsetNs, double DriftPpm, long BaseLatencyNs, double MeanJitterNs)
    {
        public long DeviceTime(long sendNs) => OffsetNs + (long)Math.Round(sendNs * (1.0 + (DriftPpm * 1e-6)));

        public long SendTime(long deviceNs) => (long)Math.Round((deviceNs - OffsetNs) / (1.0 + (DriftPpm * 1e-6)));
    }
}
