using System.Collections.Concurrent;
using System.Diagnostics;
using Echelon.Motion.Frames;
using Echelon.Motion.Sources;
using Echelon.Studio.Engine;

namespace Echelon.Studio.Tests.Web.Infrastructure;

/// <summary>
/// A stand-in for the engine: telemetry, devices, counters and the recorder move with wall-clock time (smooth,
/// distinct curves, so anything drawn from them keeps changing; a muted agent's stem reads −120 dBFS; the k_used
/// histogram counts every 10 ms frame's k_used, as the engine does); controls are kept as set; frames from the sensor
/// ingress are kept for inspection. Fault injection: <see cref="TelemetryReady"/> off models an engine before its
/// first frame, <see cref="SensorQueueFull"/> on makes every published frame a drop.
/// </summary>
public class FakeStudioRuntime : IStudioRuntime, ISensorIngress
{
    public const int FastSize = 16;
    public const int SlowSize = 8;
    public const int MaxIterations = 16;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, PhoneDevice> _phones = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SensorFrame> _published = new();
    private readonly Lock _recorderGate = new();
    private readonly Lock _histogramGate = new();
    private readonly long[] _kUsedCounts = new long[MaxIterations + 1];
    private long _countedFrames;
    private StudioControls _controls = StudioControls.Default;
    private int _setControlsCalls;
    private double? _recordingSince;
    private string? _recordingDirectory;
    private int _takes;

    private volatile bool _telemetryReady = true;
    private volatile bool _sensorQueueFull;

    public bool TelemetryReady
    {
        get => _telemetryReady;
        set => _telemetryReady = value;
    }

    public bool SensorQueueFull
    {
        get => _sensorQueueFull;
        set => _sensorQueueFull = value;
    }

    public double Seconds => _clock.Elapsed.TotalSeconds;

    public int SetControlsCalls => Volatile.Read(ref _setControlsCalls);

    public IReadOnlyCollection<SensorFrame> Published => _published;

    public IReadOnlyDictionary<string, (SensorDevice Device, string Source)> Registered =>
        _phones.ToDictionary(p => p.Key, p => (p.Value.Device, p.Value.Source), StringComparer.Ordinal);

    public StudioControls Controls => Volatile.Read(ref _controls);

    public void SetControls(StudioControls controls)
    {
        ArgumentNullException.ThrowIfNull(controls);
        Volatile.Write(ref _controls, controls);
        Interlocked.Increment(ref _setControlsCalls);
    }

    public TelemetrySnapshot CreateTelemetrySnapshot() => new(FastSize, SlowSize, MaxIterations);

    public bool TryReadTelemetry(TelemetrySnapshot target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!TelemetryReady)
        {
            return false;
        }

        double t = Seconds;
        double bpm = Controls.Bpm.Value + (6 * Math.Sin(0.6 * t));
        double beats = t * bpm / 60;
        target.Frame = (long)(t * 100);
        target.TimeSeconds = t;
        for (int i = 0; i < target.Fast.Length; i++)
        {
            target.Fast[i] = Math.Sin((t * (0.7 + (0.13 * i))) + i) * (1 + (0.2 * Math.Cos(0.31 * t * (i + 1))));
        }

        for (int i = 0; i < target.Slow.Length; i++)
        {
            target.Slow[i] = Math.Cos((t * (0.11 + (0.03 * i))) + (2 * i));
        }

        target.Theta = 2 * Math.PI * (beats - Math.Floor(beats));
        target.Psi = (target.Theta + 0.4 + (0.3 * Math.Sin(0.9 * t)) + (2 * Math.PI)) % (2 * Math.PI);
        target.Phi = 0.5 + (0.45 * Math.Sin(0.7 * t));
        target.KMax = MaxIterations;
        target.KUsed = KUsedAt(target.Frame);
        lock (_histogramGate)
        {
            for (; _countedFrames <= target.Frame; _countedFrames++)
            {
                _kUsedCounts[KUsedAt(_countedFrames)]++;
            }

            // Readers may ask out of order; a frame already counted past is reported with the counts so far.
            _kUsedCounts.CopyTo(target.KUsedHistogram, 0);
        }

        target.Residual = 1e-6 * Math.Pow(10, 2 * Math.Sin(0.5 * t));
        target.Bpm = bpm;
        target.TargetBpm = Controls.Bpm.Value;
        target.DancerBpm = bpm + Math.Sin(0.3 * t);
        target.Intensity = Math.Clamp(Controls.Intensity + (0.3 * Math.Sin(0.4 * t)), 0, 1);
        target.Density = 0.5 + (0.4 * Math.Sin(0.23 * t));
        target.Brightness = 0.5 + (0.4 * Math.Cos(0.17 * t));
        target.Tension = 0.5 + (0.4 * Math.Sin(0.37 * t));
        target.PeakDbfs = -6 + (5 * Math.Sin(3 * t));
        target.RmsDbfs = -18 + (6 * Math.Sin(2.1 * t));
        for (int i = 0; i < StudioControls.AgentNames.Count; i++)
        {
            bool muted = Controls.Agents[StudioControls.AgentNames[i]].Mute;
            target.StemPeakDbfs[i] = muted ? -120 : -10 - (2 * i) + (5 * Math.Sin((2.3 + (0.4 * i)) * t));
            target.StemRmsDbfs[i] = muted ? -120 : -24 - (2 * i) + (6 * Math.Sin((1.7 + (0.3 * i)) * t));
        }

        target.AudioPosition = (long)(t * 48_000);
        return true;
    }

    /// <summary>The fake's k_used of control frame <paramref name="frame"/>: a slow wave over 3–15.</summary>
    private static int KUsedAt(long frame) => 3 + (int)(6 * (1 + Math.Sin(1.3 * frame / 100.0)));

    public IReadOnlyList<DeviceStatus> Devices
    {
        get
        {
            double t = Seconds;
            var devices = new List<DeviceStatus>
            {
                new("dancer", "skeleton", "synthetic", 100 + Math.Sin(t), t, (long)(t * 100), (long)(t / 7)),
            };
            foreach ((string id, PhoneDevice phone) in _phones.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                long frames = Interlocked.Read(ref phone.Frames);
                devices.Add(new DeviceStatus(id, "imu", phone.Source, frames > 0 ? phone.Device.NominalRateHz : 0, phone.LastSeen, frames, 0));
            }

            return devices;
        }
    }

    public ISensorIngress Sensors => this;

    public EngineCounters Counters
    {
        get
        {
            long frames = (long)(Seconds * 100);
            return new EngineCounters(frames, frames / 1000, frames / 5000, frames * 3, 1, 2, 0, 3, 4, frames * 2 + _published.Count, 5, 6);
        }
    }

    public RecorderStatus Recorder
    {
        get
        {
            lock (_recorderGate)
            {
                return _recordingSince is { } since
                    ? new RecorderStatus(true, _recordingDirectory, (long)((Seconds - since) * 100), 0)
                    : new RecorderStatus(false, null, 0, 0);
            }
        }
    }

    public RecorderStatus StartRecording()
    {
        lock (_recorderGate)
        {
            if (_recordingSince is null)
            {
                _takes++;
                _recordingSince = Seconds;
                _recordingDirectory = $"/recordings/take-{_takes}";
            }
        }

        return Recorder;
    }

    public RecorderStatus StopRecording()
    {
        lock (_recorderGate)
        {
            _recordingSince = null;
            _recordingDirectory = null;
        }

        return Recorder;
    }

    public IReadOnlyList<SessionSummary> ListSessions() =>
    [
        new("2025-01-02-dance", "/recordings/2025-01-02-dance", "complete", new DateTimeOffset(2025, 1, 2, 20, 0, 0, TimeSpan.Zero), 36_000),
        new("2025-01-01-warmup", "/recordings/2025-01-01-warmup", "repaired", null, 1_200),
    ];

    public long NowNs => (long)(_clock.Elapsed.TotalMilliseconds * 1e6);

    public void RegisterDevice(SensorDevice device, string source)
    {
        ArgumentNullException.ThrowIfNull(device);
        _phones.TryAdd(device.Id, new PhoneDevice(device, source));
    }

    public bool TryPublish(SensorFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (SensorQueueFull || !_phones.TryGetValue(frame.DeviceId, out PhoneDevice? phone))
        {
            return false;
        }

        Interlocked.Increment(ref phone.Frames);
        phone.LastSeen = Seconds;
        _published.Enqueue(frame);
        return true;
    }

    private sealed class PhoneDevice(SensorDevice device, string source)
    {
        public long Frames;
        public double? LastSeen;

        public SensorDevice Device => device;

        public string Source => source;
    }
}
