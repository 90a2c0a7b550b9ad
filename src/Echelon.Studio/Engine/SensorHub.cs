using System.Diagnostics.CodeAnalysis;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Motion.Sources;
using Echelon.Sessions.Recording;

namespace Echelon.Studio.Engine;

/// <summary>
/// Where every sensor frame enters the engine: the file and synthetic sources, read in real time on the sensor
/// thread (a frame is released when the engine clock reaches its host time), live network sources
/// (<see cref="ILiveSensorSource"/>: OSC) each on a thread of its own, stamped on the engine clock as they arrive, and
/// the web's inputs through <see cref="ISensorIngress"/>. Frames go to the control thread through one bounded ring (full: dropped and
/// counted) and to the session recorder when one is recording. It also keeps each device's rate, last frame and
/// dropouts for the device panel, and carries the control thread's Dynamics128 vectors to the recorder: the control
/// thread copies each into a preallocated slot (<see cref="TapVector"/>, lock-free) and the sensor thread hands them
/// on, so the recorder's queue and its lock are only ever touched here.
/// </summary>
/// <remarks>Producers (the sensor thread, WebSocket and OSC handlers) serialise on a lock the control thread never takes; <see cref="TryTake"/> is the control thread's, lock-free.</remarks>
internal sealed class SensorHub : ISensorIngress, IDisposable
{
    private readonly IReadOnlyList<Func<ISensorSource>> _factories;
    private readonly SpscRing<SensorFrame> _ring;
    private readonly Func<long> _clock;
    private readonly Lock _producers = new();
    private readonly Dictionary<string, DeviceState> _devices = new(StringComparer.Ordinal);
    private readonly Dynamics128Vector[] _vectors = [.. Enumerable.Range(0, 64).Select(_ => new Dynamics128Vector())];
    private long _vectorHead;
    private long _vectorTail;
    private long _vectorsDropped;
    private SessionRecorder? _recorder;
    private ISensorSource[]? _sources;
    private SensorFrame?[] _pending = [];
    private Thread? _thread;
    private Thread[] _liveThreads = [];
    private volatile bool _running;
    private long _taken;
    private long _dropped;
    private long _rejected;

    public SensorHub(IReadOnlyList<Func<ISensorSource>> factories, int capacity, Func<long> clock)
    {
        _factories = factories;
        _ring = new SpscRing<SensorFrame>(capacity);
        _clock = clock;
    }

    /// <summary>The recorder sensor frames and tapped vectors go to; set from any I/O thread (what was tapped before is handed on first).</summary>
    public SessionRecorder? Recorder
    {
        get => Volatile.Read(ref _recorder);
        set
        {
            lock (_producers)
            {
                DrainVectors();
                Volatile.Write(ref _recorder, value);
            }
        }
    }

    /// <summary>Vectors lost because the sensor thread fell 64 frames behind the control thread.</summary>
    public long DroppedVectors => Interlocked.Read(ref _vectorsDropped);

    /// <summary>
    /// The control thread's copy of a Dynamics128 vector for the recorder: no lock, no allocation; a full tap drops it
    /// and counts it. The sensor thread hands it to the recorder within a millisecond.
    /// </summary>
    public void TapVector(Dynamics128Vector vector)
    {
        long tail = _vectorTail;
        if (tail - Volatile.Read(ref _vectorHead) >= _vectors.Length)
        {
            Interlocked.Increment(ref _vectorsDropped);
            return;
        }

        vector.CopyTo(_vectors[tail & (_vectors.Length - 1)]);
        Volatile.Write(ref _vectorTail, tail + 1);
    }

    public long Taken => Interlocked.Read(ref _taken);

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Rejected => Interlocked.Read(ref _rejected) + (_sources?.Sum(s => s.RejectedFrames) ?? 0);

    public long NowNs => _clock();

    public void Start()
    {
        ISensorSource[] sources = Open();
        _running = true;
        _thread = new Thread(Run) { IsBackground = true, Name = "echelon-sensors" };
        _thread.Start();

        // Live network sources wait for their packets: each is read on a thread of its own and published as it arrives,
        // stamped on the engine clock, like the phones on /ws/sensors.
        _liveThreads = [.. sources.OfType<ILiveSensorSource>().Select(source => new Thread(() => ReadLive(source)) { IsBackground = true, Name = $"echelon-sensors {source.Name}" })];
        foreach (Thread thread in _liveThreads)
        {
            thread.Start();
        }
    }

    public void Stop()
    {
        _running = false;
        foreach (ILiveSensorSource live in (_sources ?? []).OfType<ILiveSensorSource>())
        {
            live.StopReading();
        }

        _thread?.Join();
        _thread = null;
        foreach (Thread thread in _liveThreads)
        {
            thread.Join();
        }

        _liveThreads = [];
    }

    /// <summary>
    /// Releases every file and synthetic source frame whose host time has come by <paramref name="nowNs"/> (live
    /// network sources are read on their own threads while the hub runs, never here).
    /// </summary>
    public void Pump(long nowNs)
    {
        lock (_producers)
        {
            DrainVectors();
        }

        ISensorSource[] sources = Open();
        for (int i = 0; i < sources.Length; i++)
        {
            if (sources[i] is ILiveSensorSource)
            {
                continue;
            }

            while (true)
            {
                SensorFrame? frame = _pending[i];
                if (frame is null)
                {
                    if (!sources[i].TryRead(out frame))
                    {
                        break;
                    }
                }

                if (frame.HostTimeNs > nowNs)
                {
                    _pending[i] = frame;
                    break;
                }

                _pending[i] = null;
                Publish(frame, sources[i]);
            }
        }
    }

    /// <summary>The control thread takes the next frame.</summary>
    public bool TryTake([NotNullWhen(true)] out SensorFrame? frame)
    {
        if (_ring.TryRead(out frame))
        {
            Interlocked.Increment(ref _taken);
            return true;
        }

        return false;
    }

    public void RegisterDevice(SensorDevice device, string source)
    {
        ArgumentNullException.ThrowIfNull(device);
        lock (_producers)
        {
            if (!_devices.ContainsKey(device.Id))
            {
                _devices[device.Id] = new DeviceState(device, source);
            }
        }
    }

    public bool TryPublish(SensorFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Publish(frame, null);
    }

    public IReadOnlyList<SensorDevice> KnownDevices()
    {
        Open();
        lock (_producers)
        {
            return [.. _devices.Values.Select(d => d.Device)];
        }
    }

    public IReadOnlyList<DeviceStatus> Devices(long nowNs)
    {
        Open();
        lock (_producers)
        {
            return [.. _devices.Values.OrderBy(d => d.Device.Id, StringComparer.Ordinal).Select(d => d.Status(nowNs))];
        }
    }

    public void Dispose()
    {
        Stop();
        if (_sources is not null)
        {
            foreach (ISensorSource source in _sources)
            {
                source.Dispose();
            }
        }
    }

    private ISensorSource[] Open()
    {
        if (_sources is { } open)
        {
            return open;
        }

        lock (_producers)
        {
            if (_sources is null)
            {
                ISensorSource[] sources = [.. _factories.Select(f => f())];
                foreach (ISensorSource source in sources)
                {
                    foreach (SensorDevice device in source.Devices)
                    {
                        _devices.TryAdd(device.Id, new DeviceState(device, source.Name));
                    }
                }

                foreach (ILiveSensorSource live in sources.OfType<ILiveSensorSource>())
                {
                    live.UseClock(_clock);
                }

                _pending = new SensorFrame?[sources.Length];
                _sources = sources;
            }

            return _sources;
        }
    }

    private bool Publish(SensorFrame frame, ISensorSource? source)
    {
        lock (_producers)
        {
            if (!_devices.TryGetValue(frame.DeviceId, out DeviceState? device) && source is not null)
            {
                // Network sources (OSC) learn their devices as messages arrive.
                foreach (SensorDevice known in source.Devices)
                {
                    if (known.Id == frame.DeviceId)
                    {
                        device = new DeviceState(known, source.Name);
                        _devices[known.Id] = device;
                        break;
                    }
                }
            }

            if (device is null || !frame.IsFinite())
            {
                _rejected++;
                return false;
            }

            device.Seen(frame.HostTimeNs);
            _recorder?.TryAppend(frame);
            if (_ring.TryWrite(frame))
            {
                return true;
            }

            _dropped++;
            return false;
        }
    }

    private void Run()
    {
        while (_running)
        {
            Pump(_clock());
            Thread.Sleep(1);
        }
    }

    private void ReadLive(ILiveSensorSource source)
    {
        while (_running && source.TryRead(out SensorFrame? frame))
        {
            Publish(frame, source);
        }
    }

    /// <summary>Hands the tapped vectors to the recorder (or forgets them when none records). Under the producer lock.</summary>
    private void DrainVectors()
    {
        SessionRecorder? recorder = _recorder;
        long head = _vectorHead;
        long tail = Volatile.Read(ref _vectorTail);
        for (; head < tail; head++)
        {
            recorder?.TryAppend(_vectors[head & (_vectors.Length - 1)]);
        }

        Volatile.Write(ref _vectorHead, head);
    }

    private sealed class DeviceState(SensorDevice device, string source)
    {
        private long _frames;
        private long _dropouts;
        private long _last = long.MinValue;
        private double _interval;

        public SensorDevice Device => device;

        public void Seen(long hostNs)
        {
            if (_last != long.MinValue)
            {
                double gap = (hostNs - _last) / 1e9;
                double nominal = device.NominalRateHz > 0 ? 1 / device.NominalRateHz : 0.1;
                if (gap > 5 * nominal)
                {
                    _dropouts++;
                }

                _interval = _interval <= 0 ? gap : (0.95 * _interval) + (0.05 * gap);
            }

            _last = hostNs;
            _frames++;
        }

        public DeviceStatus Status(long nowNs)
        {
            bool fresh = _last != long.MinValue && nowNs - _last < 2_000_000_000L;
            double rate = fresh && _interval > 0 ? 1 / _interval : 0;
            return new DeviceStatus(device.Id, device.Kind.ToString().ToLowerInvariant(), source, rate, _last == long.MinValue ? null : _last / 1e9, _frames, _dropouts);
        }
    }
}
