using System.Diagnostics;
using Echelon.Audio.Devices;
using Echelon.Core.Dell;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Motion.Sources;
using Echelon.Motion.Synthetic;
using Echelon.Music.Composition;
using Echelon.Sessions;
using Echelon.Sessions.Recording;
using Echelon.Studio.Configuration;
using Echelon.Studio.Mapping;
using Echelon.Studio.Web;

namespace Echelon.Studio.Engine;

/// <summary>
/// The live instrument: sources → Dynamics128 → DELL → mapping → composer → synth → sinks, with the session
/// recorder tapping the sensor frames and the vectors, on the thread model of DESIGN §2.
/// </summary>
/// <remarks>
/// <para>
/// Threads. The <b>audio thread</b> is whoever calls <see cref="Render(Span{float}, Span{float}, long)"/> (the device callback, or the null
/// output's clock); its sample count is the engine's clock. The <b>control thread</b> (started by
/// <see cref="Start"/>) runs one frame every 1/<see cref="EngineOptions.ControlRateHz"/> s of that clock. A
/// <b>sensor thread</b> reads the file and synthetic sources in real time. They meet only through bounded
/// single-producer single-consumer rings (sensors → control, notes → audio), single volatile values (master
/// filter, gain, tempo, stem gains) and a triple buffer (telemetry); the audio and control threads allocate
/// nothing in steady state, take no lock and never wait on I/O.
/// </para>
/// <para>
/// Degradation. A control frame that takes longer than its budget (<see cref="EngineOptions.FrameBudgetShare"/> of
/// the period) is counted; the next beat's slow solve is skipped and the fast solve's iteration cap lowered by one
/// (down to 2), and raised again after 200 frames on time.
/// </para>
/// <para>
/// Offline. Without <see cref="Start"/>, <see cref="RunFor"/> runs the control frames and the audio blocks in lock
/// step on the calling thread, as fast as the CPU allows: the same sources and seed give the same samples.
/// </para>
/// </remarks>
public sealed class StudioEngine : IStudioRuntime, IMappingCatalog, IDisposable
{
    private const int MinIterationCap = 2;
    private static readonly int s_tempoSlot = Dynamics128Layout.Find("tempo")!.Index;
    private static readonly int s_tempoConfidenceSlot = Dynamics128Layout.Find("tempo_confidence")!.Index;
    private const int RecoveryFrames = 200;

    /// <summary>How often the control thread looks for sensor frames between control frames: every 0.5 ms.</summary>
    private const double ExpressPollSeconds = 0.0005;

    private readonly EngineOptions _options;
    private readonly NoteQueue _notes;
    private readonly AudioPipeline _audio;
    private readonly LiveComposer _composer;
    private readonly Dynamics128Builder _builder;
    private readonly long[] _frameStarts = new long[4096];
    private readonly Dynamics128Vector _vector = new();
    private readonly Dynamics128Vector _expressVector = new();
    private readonly DellCoordinator _dell;
    private readonly double[] _input;
    private readonly SensorHub _sensors;
    private readonly SnapshotExchange _telemetry;
    private readonly long[] _kUsedCounts;
    private readonly long _samplesPerFrame;
    private readonly double _frameSeconds;
    private readonly double _budgetTicks;
    private readonly Lock _recorderGate = new();
    private MappingEngine _mapping;
    private StudioControls _controls;
    private StudioControls? _appliedControls;
    private SessionRecorder? _recorder;
    private Thread? _controlThread;
    private volatile bool _running;
    private long _frames;
    private long _overruns;
    private long _skippedSlowSolves;
    private int _onTimeFrames;
    private bool _skipNextSlow;
    private double _bpm;
    private double _lastBeatPosition = -1;
    private double _dancerBpm;
    private long _audioFallbacks;
    private long _xruns;
    private long _audioOverruns;
    private long _expressUpdates;
    private long _lastNowNs;

    /// <summary>Runs inside every control frame's timed section (tests inject slow frames with it).</summary>
    internal Action? FrameProbe { get; set; }

    /// <summary>Builds the engine (everything is allocated here); nothing runs until <see cref="Start"/> or <see cref="RunFor"/>.</summary>
    public StudioEngine(EngineOptions? options = null)
    {
        _options = (options ?? new EngineOptions()).Validate();
        _controls = _options.Controls;
        _builder = new Dynamics128Builder(_options.BuilderOptions ?? new Dynamics128BuilderOptions { ControlRateHz = _options.ControlRateHz, Rhythm = new MotionRhythmOptions { FrameRateHz = _options.ControlRateHz } });
        _bpm = _controls.Bpm.Value;
        _notes = new NoteQueue(_options.NoteQueueCapacity);
        _audio = new AudioPipeline(_notes, _options.SampleRate, _options.MaxBlock, _bpm, _options.AudioSinks);
        _composer = new LiveComposer(_options.Seed, _options.SampleRate, _controls.Scale, (long)(0.05 * _options.SampleRate), _notes);
        DellParameters parameters = DellParameters.CreateDefault(_options.FastSize, Dynamics128Vector.Size, _options.Seed);
        parameters.FrameRate = _options.ControlRateHz;
        _dell = new DellCoordinator(parameters);
        _input = new double[Dynamics128Vector.Size];
        _mapping = new MappingEngine(_options.Mappings ?? StudioConfiguration.DefaultMappings, _dell.FastSize, _dell.SlowSize);
        _telemetry = new SnapshotExchange(_dell.FastSize, _dell.SlowSize, _dell.FastSolver.MaxIterations);
        _kUsedCounts = new long[_dell.FastSolver.MaxIterations + 1];
        _samplesPerFrame = _options.SampleRate / _options.ControlRateHz;
        _frameSeconds = 1.0 / _options.ControlRateHz;
        _budgetTicks = _options.FrameBudgetShare * _frameSeconds * Stopwatch.Frequency;
        IReadOnlyList<Func<ISensorSource>> sources = _options.Sources.Count > 0
            ? _options.Sources
            : [() => new SyntheticDancer(new SyntheticDancerOptions { Seconds = 6 * 3600, Seed = _options.Seed })];
        _sensors = new SensorHub(sources, _options.SensorQueueCapacity, () => NowNs);
        ApplyControls(_controls);
    }

    /// <summary>The options the engine was built with.</summary>
    public EngineOptions Options => _options;

    /// <summary>Samples rendered: the engine's clock.</summary>
    public long Position => _audio.Position;

    /// <summary>
    /// The engine's clock now, nanoseconds since start: what sensor frames are stamped with. Live, the audio clock's
    /// smoothed reading advanced by the wall time since (continuous, and never going back); offline
    /// (<see cref="RunFor"/>) and before the first block, the samples rendered.
    /// </summary>
    public long NowNs
    {
        get
        {
            long rendered = (long)(_audio.Position * (1e9 / _options.SampleRate));
            if (!_running)
            {
                return rendered;
            }

            (long position, long ticks, double ticksPerSample) = _audio.ClockReading();
            if (ticks == 0)
            {
                return rendered;
            }

            double sample = position + ((Stopwatch.GetTimestamp() - ticks) / ticksPerSample);
            long now = (long)(sample * (1e9 / _options.SampleRate));

            // Readers on several threads, and a smoothed line that may step back a few microseconds at a new reading:
            // keep the clock monotonic with a lock-free maximum.
            long last = Volatile.Read(ref _lastNowNs);
            while (now > last)
            {
                long seen = Interlocked.CompareExchange(ref _lastNowNs, now, last);
                if (seen == last)
                {
                    return now;
                }

                last = seen;
            }

            return last;
        }
    }

    /// <summary>The transport's tempo now, BPM.</summary>
    public double Bpm => Volatile.Read(ref _bpm);

    /// <summary>The fast solve's iteration cap in force (lowered after overruns, raised after frames on time).</summary>
    public int IterationCap => _dell.FastSolver.IterationLimit;

    /// <summary>The mappings in force.</summary>
    public IReadOnlyList<ControlMapping> Mappings => Volatile.Read(ref _mapping).Mappings;

    /// <inheritdoc/>
    IReadOnlyList<MappingSummary> IMappingCatalog.Mappings =>
        [.. Mappings.Select((m, i) => new MappingSummary($"mapping {i + 1}", m.Source.ToString(), m.Target.ToString(), $"{m.Curve.ToString().ToLowerInvariant()}, {m.Rate.ToString().ToLowerInvariant()} rate, smoothing {m.SmoothingSeconds:0.###} s"))];

    /// <inheritdoc/>
    public StudioControls Controls => Volatile.Read(ref _controls);

    /// <inheritdoc/>
    public IReadOnlyList<DeviceStatus> Devices => _sensors.Devices(NowNs);

    /// <inheritdoc/>
    public ISensorIngress Sensors => _sensors;

    /// <inheritdoc/>
    public EngineCounters Counters => new(
        Interlocked.Read(ref _frames),
        Interlocked.Read(ref _overruns),
        Interlocked.Read(ref _skippedSlowSolves),
        _audio.Blocks,
        Interlocked.Read(ref _xruns),
        Interlocked.Read(ref _audioOverruns),
        Interlocked.Read(ref _audioFallbacks),
        _audio.LateNotes,
        _notes.Dropped,
        _sensors.Taken,
        _sensors.Dropped,
        _sensors.Rejected + _builder.IgnoredFrames,
        Interlocked.Read(ref _expressUpdates));

    /// <inheritdoc/>
    public RecorderStatus Recorder
    {
        get
        {
            lock (_recorderGate)
            {
                return _recorder is { } r ? new RecorderStatus(true, r.DirectoryPath, r.RecordsWritten, r.RecordsDropped + _sensors.DroppedVectors) : new RecorderStatus(false, null, 0, 0);
            }
        }
    }

    /// <inheritdoc/>
    public void SetControls(StudioControls controls)
    {
        ArgumentNullException.ThrowIfNull(controls);
        Volatile.Write(ref _controls, controls);
    }

    /// <summary>Replaces the mappings (validated here, off the control thread); the next frame uses them.</summary>
    public void SetMappings(IReadOnlyList<ControlMapping> mappings) =>
        Volatile.Write(ref _mapping, new MappingEngine(mappings, _dell.FastSize, _dell.SlowSize));

    /// <inheritdoc/>
    public bool TryReadTelemetry(TelemetrySnapshot target) => _telemetry.TryRead(target);

    /// <inheritdoc/>
    public TelemetrySnapshot CreateTelemetrySnapshot() => new(_dell.FastSize, _dell.SlowSize, _dell.FastSolver.MaxIterations);

    /// <summary>Output device events the audio host reports (xruns, callbacks over their block, fallbacks to the null output).</summary>
    public void ReportAudioDevice(long xruns, long overruns, long fallbacks)
    {
        Interlocked.Exchange(ref _xruns, xruns);
        Interlocked.Exchange(ref _audioOverruns, overruns);
        Interlocked.Exchange(ref _audioFallbacks, fallbacks);
    }

    /// <summary>The audio callback: renders the next block, asked for now. Audio thread; allocates nothing.</summary>
    public void Render(Span<float> left, Span<float> right) => Render(left, right, Stopwatch.GetTimestamp());

    /// <summary>
    /// The audio callback: renders the next block, which the output asked for at <paramref name="hostTimestamp"/>
    /// (<see cref="Stopwatch"/> ticks; <see cref="Echelon.Audio.Devices.AudioClockInfo.HostTimestamp"/>). The control
    /// thread paces itself on these times, smoothed. Audio thread; allocates nothing.
    /// </summary>
    public void Render(Span<float> left, Span<float> right, long hostTimestamp)
    {
        if (left.Length != right.Length)
        {
            throw new ArgumentException($"left has {left.Length} samples and right {right.Length}; they must match", nameof(right));
        }

        _audio.Render(left, right, hostTimestamp);
    }

    /// <summary>Starts the sensor and control threads; the audio output must call <see cref="Render(Span{float}, Span{float}, long)"/> from now on.</summary>
    public void Start()
    {
        if (_running)
        {
            return;
        }

        _running = true;
        _sensors.Start();
        _controlThread = new Thread(ControlLoop) { IsBackground = true, Name = "echelon-control", Priority = ThreadPriority.AboveNormal };
        _controlThread.Start();
    }

    /// <summary>Stops the threads and closes a take being recorded.</summary>
    public void Stop()
    {
        if (!_running)
        {
            return;
        }

        _running = false;
        _controlThread?.Join();
        _sensors.Stop();
        StopRecording();
    }

    /// <summary>
    /// Offline: runs <paramref name="seconds"/> of control frames and audio in lock step on this thread (sources
    /// read by engine time, not wall time), handing each block to <paramref name="block"/> when given.
    /// </summary>
    public void RunFor(double seconds, int blockSize = 128, Action<float[], float[], int>? block = null)
    {
        if (_running)
        {
            throw new InvalidOperationException("the engine is running live; RunFor drives it offline only");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        var left = new float[blockSize];
        var right = new float[blockSize];
        long end = Position + (long)Math.Round(seconds * _options.SampleRate);
        while (Position < end)
        {
            if (Position >= _frames * _samplesPerFrame)
            {
                _sensors.Pump(NowNs);
                ControlFrame();
            }

            long nextFrame = _frames * _samplesPerFrame;
            int n = (int)Math.Min(Math.Min(blockSize, end - Position), Math.Max(1, nextFrame - Position));
            Render(left.AsSpan(0, n), right.AsSpan(0, n));
            block?.Invoke(left, right, n);
        }
    }

    /// <summary>
    /// One audio block on this thread, preceded by a control frame when one is due (else by the express path), without
    /// reading the sources (they belong to the sensor thread, which may allocate): what the audio and control threads
    /// do, for the allocation test.
    /// </summary>
    internal void StepForTests(Span<float> left, Span<float> right)
    {
        if (Position >= _frames * _samplesPerFrame)
        {
            ControlFrame();
        }
        else if (_options.ExpressMappings)
        {
            Express();
        }

        Render(left, right);
    }

    /// <summary>The master gain the audio thread glides to: set by every frame, and by the express path in between.</summary>
    internal double MasterGainTarget => _audio.GainTarget;

    /// <summary>
    /// The <see cref="Stopwatch"/> timestamps at which the newest control frames started (up to 4096, oldest first):
    /// what the control-frame jitter is measured from. Read it after <see cref="Stop"/>, or accept a torn newest entry.
    /// </summary>
    public long[] FrameStartTimestamps()
    {
        long frames = Interlocked.Read(ref _frames);
        int count = (int)Math.Min(frames, _frameStarts.Length);
        var result = new long[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = _frameStarts[(frames - count + i) & (_frameStarts.Length - 1)];
        }

        return result;
    }

    /// <inheritdoc/>
    public RecorderStatus StartRecording()
    {
        lock (_recorderGate)
        {
            if (_recorder is null)
            {
                string name = $"take-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}";
                var options = new SessionRecorderOptions
                {
                    SessionId = name,
                    Devices = [.. _sensors.KnownDevices().Select(d => SessionDevice.From(d, d.Skeleton))],
                    Dynamics128Streams = [new SessionStreamInfo(SessionLayout.Dynamics128StreamName, _builder.ProducerId, _options.ControlRateHz)],
                };
                Directory.CreateDirectory(_options.RecordingsDirectory);
                SessionRecorder recorder = SessionRecorder.Create(Path.Combine(_options.RecordingsDirectory, name), options);
                _sensors.Recorder = recorder;
                Volatile.Write(ref _recorder, recorder);
            }
        }

        return Recorder;
    }

    /// <inheritdoc/>
    public RecorderStatus StopRecording()
    {
        SessionRecorder? recorder;
        lock (_recorderGate)
        {
            recorder = _recorder;
            _recorder = null;
            _sensors.Recorder = null;
        }

        recorder?.Dispose();
        return Recorder;
    }

    /// <inheritdoc/>
    public IReadOnlyList<SessionSummary> ListSessions()
    {
        if (!Directory.Exists(_options.RecordingsDirectory))
        {
            return [];
        }

        var sessions = new List<SessionSummary>();
        foreach (string directory in Directory.EnumerateDirectories(_options.RecordingsDirectory))
        {
            try
            {
                SessionManifest manifest = SessionManifest.Load(Path.Combine(directory, SessionLayout.ManifestFileName));
                sessions.Add(new SessionSummary(Path.GetFileName(directory), directory, manifest.Status.ToString().ToLowerInvariant(), manifest.Created, manifest.Streams.Sum(s => s.Records ?? 0)));
            }
            catch (Exception e) when (e is IOException or SessionFormatException or UnauthorizedAccessException)
            {
                sessions.Add(new SessionSummary(Path.GetFileName(directory), directory, "invalid", null, 0));
            }
        }

        return [.. sessions.OrderByDescending(s => s.StartedUtc ?? DateTimeOffset.MinValue)];
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Stop();
        _sensors.Dispose();
    }

    private void ControlLoop()
    {
        PreciseSleep.ReduceTimerSlack();
        long spinTicks = PreciseSleep.IsPrecise ? Stopwatch.Frequency / 5_000 : PreciseSleep.FallbackSpinTicks;
        long pollTicks = (long)(ExpressPollSeconds * Stopwatch.Frequency);
        while (_running)
        {
            // When is this frame due in wall time? The audio clock's newest (smoothed) reading plus the samples still to
            // come; frames then start every 10 ms of wall time even though the audio advances a block at a time.
            long due = _frames * _samplesPerFrame;
            (long position, long ticks, double ticksPerSample) = _audio.ClockReading();
            if (ticks == 0)
            {
                Thread.Sleep(1); // no audio yet
                continue;
            }

            long dueTicks = ticks + (long)((due - position) * ticksPerSample);
            long now = Stopwatch.GetTimestamp();
            if (now >= dueTicks)
            {
                ControlFrame();
                continue;
            }

            bool express = _options.ExpressMappings && Volatile.Read(ref _mapping).HasExpressMappings;
            if (express)
            {
                Express();
            }

            // Sleep to the frame (less a short spin that absorbs the wake-up's own delay), waking every
            // ExpressPollSeconds to answer sensor frames that arrive in between when there are express mappings.
            if (dueTicks - now > spinTicks)
            {
                PreciseSleep.Until(express ? Math.Min(dueTicks - spinTicks, now + pollTicks) : dueTicks - spinTicks);
            }
            else
            {
                Thread.SpinWait(16);
            }
        }
    }

    /// <summary>
    /// The express path, between control frames: sensor frames that have arrived are taken in at once and the express
    /// mappings (frame rate, Dynamics128 slot → synth macro) answer them now, so a jolt is heard in the next audio block
    /// instead of after the next control frame. Nothing here advances the frame state (rhythm, DELL, smoothing): the
    /// next frame is computed as it would have been. Control thread; allocates nothing.
    /// </summary>
    private void Express()
    {
        bool any = false;
        while (_sensors.TryTake(out SensorFrame? sensorFrame))
        {
            _builder.Ingest(sensorFrame);
            any = true;
        }

        MappingEngine mapping = Volatile.Read(ref _mapping);
        if (!any || !mapping.HasExpressMappings)
        {
            return;
        }

        // The engine time now (as the frames just taken were stamped), never before the last frame.
        long lastFrameNs = (long)((_frames - 1) * _samplesPerFrame * (1e9 / _options.SampleRate));
        long nowNs = Math.Max(lastFrameNs, NowNs);
        _builder.Preview(nowNs, _expressVector);
        _audio.SetMacros(mapping.Preview(_expressVector, Math.Min(_frameSeconds, (nowNs - lastFrameNs) * 1e-9)));
        Interlocked.Increment(ref _expressUpdates);
    }

    /// <summary>One control frame. Control thread (or RunFor); allocates nothing in steady state.</summary>
    private void ControlFrame()
    {
        long started = Stopwatch.GetTimestamp();
        long frame = _frames;
        _frameStarts[frame & (_frameStarts.Length - 1)] = started;
        long position = frame * _samplesPerFrame;
        long nowNs = (long)(position * (1e9 / _options.SampleRate));
        StudioControls controls = Volatile.Read(ref _controls);
        if (!ReferenceEquals(controls, _appliedControls))
        {
            ApplyControls(controls);
        }

        SessionRecorder? recorder = Volatile.Read(ref _recorder);
        while (_sensors.TryTake(out SensorFrame? sensorFrame))
        {
            _builder.Ingest(sensorFrame);
        }

        _builder.Build(nowNs, _vector);
        if (recorder is not null)
        {
            _sensors.TapVector(_vector);
        }

        // The beat: the composed grid crossed a beat since the last frame.
        double beatPosition = _composer.BeatInBar(position);
        bool beat = beatPosition >= 0 && _lastBeatPosition >= 0 && Math.Floor(beatPosition) != Math.Floor(_lastBeatPosition);
        _lastBeatPosition = beatPosition;

        float[] values = _vector.Values;
        for (int i = 0; i < _input.Length; i++)
        {
            _input[i] = _vector.IsValid(i) ? values[i] : 0.0;
        }

        bool slow = beat && !_skipNextSlow;
        if (beat && _skipNextSlow)
        {
            _skipNextSlow = false;
            _skippedSlowSolves++;
        }

        bool anyValid = _vector.Mask != UInt128.Zero;
        DellFrameReport report = _dell.Step(anyValid ? _input : ReadOnlySpan<double>.Empty, _bpm, slow);

        MappingEngine mapping = Volatile.Read(ref _mapping);
        mapping.Evaluate(_dell.Fast, _dell.Slow, report.Phase, report.CouplingEnergy, _vector, beat, controls.Intensity, _frameSeconds);
        FollowTempo(controls);

        var control = new ControlState((float)mapping.Intensity, (float)mapping.Density, (float)mapping.Brightness, (float)mapping.Tension, 0);
        long horizon = (long)(_options.ComposeAheadSeconds * _options.SampleRate) + _samplesPerFrame;
        // Live, a control thread that fell behind the audio (the first frame's just-in-time compilation, a stall) must
        // not compose a bar into what has already played, nor into what will have played by the time the bar is
        // written (composing the first bar compiles five agents): a bar due before then starts half the compose-ahead
        // time past the audio's position. On time, a bar is composed a whole compose-ahead before its start, so this
        // never moves it; offline the frame always runs before its audio, and it never applies either.
        long earliest = _running ? Position + (long)(0.5 * _options.ComposeAheadSeconds * _options.SampleRate) : position;
        _composer.ComposeIfDue(position, earliest, horizon, _bpm, control, controls.Scale);
        _audio.SetMacros(mapping.Synth);
        _audio.SetBpm(_composer.Bpm > 0 ? _composer.Bpm : _bpm);

        Publish(frame, nowNs, report, mapping, beatPosition);
        FrameProbe?.Invoke();
        _frames = frame + 1;

        long elapsed = Stopwatch.GetTimestamp() - started;
        if (elapsed > _budgetTicks)
        {
            _overruns++;
            _skipNextSlow = true;
            _onTimeFrames = 0;
            if (_dell.FastSolver.IterationLimit > MinIterationCap)
            {
                _dell.FastSolver.IterationLimit--;
            }
        }
        else if (++_onTimeFrames >= RecoveryFrames && _dell.FastSolver.IterationLimit < _dell.FastSolver.MaxIterations)
        {
            _dell.FastSolver.IterationLimit++;
            _onTimeFrames = 0;
        }
    }

    private void FollowTempo(StudioControls controls)
    {
        // The dancer's tempo: Dynamics128's tempo slot (0 at 120 BPM, ±1 per 60 BPM) when its confidence allows.
        int tempoSlot = s_tempoSlot;
        int confidenceSlot = s_tempoConfidenceSlot;
        bool known = _vector.IsValid(tempoSlot) && _vector.IsValid(confidenceSlot) && _vector.Values[confidenceSlot] >= _options.MinTempoConfidence;
        _dancerBpm = known ? 120 + (60 * _vector.Values[tempoSlot]) : 0;
        double target = _options.Tempo == TempoMode.Follow && known
            ? Math.Clamp(_dancerBpm, _options.MinBpm, _options.MaxBpm)
            : controls.Bpm.Value;
        if (_options.Tempo == TempoMode.Fixed)
        {
            _bpm = target;
            return;
        }

        double step = _options.MaxBpmChangePerSecond * _frameSeconds;
        _bpm += Math.Clamp(target - _bpm, -step, step);
    }

    private void ApplyControls(StudioControls controls)
    {
        IReadOnlyList<string> names = StudioControls.AgentNames;
        for (int stem = 0; stem < names.Count; stem++)
        {
            float gain = controls.Agents.TryGetValue(names[stem], out AgentControl? agent) ? agent.Gain : 1f;
            _audio.SetStemGain(stem, gain);
        }

        if (_options.Tempo == TempoMode.Fixed)
        {
            _bpm = controls.Bpm.Value;
        }

        _appliedControls = controls;
    }

    private void Publish(long frame, long nowNs, in DellFrameReport report, MappingEngine mapping, double beatPosition)
    {
        TelemetrySnapshot t = _telemetry.Back;
        t.Frame = frame;
        t.TimeSeconds = nowNs / 1e9;
        _dell.Fast.CopyTo(t.Fast);
        _dell.Slow.CopyTo(t.Slow);
        t.Psi = report.Phase;
        t.Theta = beatPosition >= 0 ? 2 * Math.PI * (beatPosition - Math.Floor(beatPosition)) : 0;
        t.Phi = report.CouplingEnergy;
        t.KUsed = report.Fast.IterationsUsed;
        t.KMax = _dell.FastSolver.IterationLimit;
        // Every frame's k_used, counted here where each frame passes once, so the histogram is exact (not sampled
        // from the decimated telemetry the dashboard receives).
        _kUsedCounts[Math.Clamp(report.Fast.IterationsUsed, 0, _kUsedCounts.Length - 1)]++;
        _kUsedCounts.CopyTo(t.KUsedHistogram, 0);
        t.Residual = report.Fast.IterationsUsed > 0 ? report.Fast.FinalResidual : 0;
        t.Bpm = _composer.Bpm > 0 ? _composer.Bpm : _bpm;
        t.TargetBpm = _bpm;
        t.DancerBpm = _dancerBpm;
        t.Intensity = mapping.Intensity;
        t.Density = mapping.Density;
        t.Brightness = mapping.Brightness;
        t.Tension = mapping.Tension;
        (t.PeakDbfs, t.RmsDbfs) = _audio.TakeLevels();
        _audio.TakeStemLevels(t.StemPeakDbfs, t.StemRmsDbfs);
        t.AudioPosition = _audio.Position;
        int count = Math.Min(mapping.Mappings.Count, TelemetrySnapshot.MaxMappings);
        for (int i = 0; i < count; i++)
        {
            t.MappingOutputs[i] = mapping.Output(i);
        }

        t.MappingCount = count;
        _telemetry.Publish();
    }
}
