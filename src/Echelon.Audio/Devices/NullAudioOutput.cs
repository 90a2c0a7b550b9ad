using System.Diagnostics;

namespace Echelon.Audio.Devices;

/// <summary>
/// An output with no device (<c>--audio none</c>): a thread of its own asks for block after block on the wall clock,
/// as a sound card would, and throws the audio away. The engine's clock, sessions and every other sink run as with a
/// device. <see cref="AudioPace.AsFastAsPossible"/> drops the waiting, for tests and offline runs.
/// </summary>
/// <remarks>
/// <para>
/// No drift: block n is due at start + n·<see cref="BlockSize"/>/<see cref="SampleRate"/> on <see cref="Stopwatch"/>,
/// computed from n each time, never by adding durations; a late block is rendered at once, and so are the ones after
/// it until the clock has caught up. Where <see cref="PreciseSleep.IsPrecise"/> (Linux) the thread sleeps to the
/// block's exact tick; elsewhere it sleeps in whole milliseconds, which can make a block up to about a millisecond late
/// but never drifts (spinning out the remainder would burn a core the machine shares). A block whose render ends after
/// the next block is due counts as an overrun.
/// </para>
/// <para>
/// Threading: as <see cref="IAudioOutput"/>. The audio thread is a background thread named "Echelon null audio" at
/// <see cref="ThreadPriority.Highest"/> (which Windows honours; Linux and macOS ignore it without privileges). It never
/// allocates once running. It never fails, so <see cref="Failed"/> is never raised.
/// </para>
/// </remarks>
public sealed class NullAudioOutput : IAudioOutput
{
    private readonly Lock _gate = new();
    private readonly BlockRenderer _renderer;
    private readonly AudioPace _pace;
    private Thread? _thread;
    private volatile bool _stopRequested;
    private long _overruns;
    private int _running;
    private bool _disposed;

    /// <summary>Creates the output; nothing runs until <see cref="Start"/>.</summary>
    /// <param name="options">Sample rate and block size (the device fields are not used).</param>
    /// <param name="pace">Real time (the default) or as fast as possible.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    public NullAudioOutput(AudioOutputOptions? options = null, AudioPace pace = AudioPace.RealTime)
    {
        AudioOutputOptions o = (options ?? new AudioOutputOptions()).Validate();
        if (!Enum.IsDefined(pace))
        {
            throw new ArgumentOutOfRangeException(nameof(pace), pace, $"{nameof(pace)} must be {AudioPace.RealTime} or {AudioPace.AsFastAsPossible}");
        }

        SampleRate = o.SampleRate;
        BlockSize = o.BlockSize;
        _pace = pace;
        _renderer = new BlockRenderer(o.SampleRate, o.BlockSize);
    }

    /// <inheritdoc />
    /// <remarks>Never raised: there is no device to lose.</remarks>
    public event EventHandler? Failed
    {
        add { }
        remove { }
    }

    /// <summary>Real time or as fast as possible.</summary>
    public AudioPace Pace => _pace;

    /// <inheritdoc />
    public string Name => _pace == AudioPace.RealTime ? "null (real time)" : "null (as fast as possible)";

    /// <inheritdoc />
    public int SampleRate { get; }

    /// <inheritdoc />
    public int BlockSize { get; }

    /// <inheritdoc />
    public AudioOutputState State => IsRunning ? AudioOutputState.Running : AudioOutputState.Stopped;

    /// <inheritdoc />
    public bool IsRunning => Volatile.Read(ref _running) != 0;

    /// <inheritdoc />
    /// <remarks>Always null: a null output cannot fail.</remarks>
    public string? FailureReason => null;

    /// <inheritdoc />
    public long SamplePosition => _renderer.SamplePosition;

    /// <inheritdoc />
    public long SamplesRendered => _renderer.SamplesRendered;

    /// <inheritdoc />
    /// <remarks>Always 0: without a device there is nobody to report a gap.</remarks>
    public long Xruns => 0;

    /// <inheritdoc />
    /// <remarks>In real time, blocks whose render ended after the next block was due; 0 as fast as possible.</remarks>
    public long Overruns => Interlocked.Read(ref _overruns);

    /// <inheritdoc />
    public long RenderFaults => _renderer.RenderFaults;

    /// <inheritdoc />
    public void Start(IAudioRenderCallback callback, long firstSample = 0)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_thread is not null)
            {
                if (ReferenceEquals(callback, _renderer.Callback))
                {
                    return;
                }

                throw new InvalidOperationException($"{Name} is already running with another render callback; stop it first.");
            }

            _renderer.Arm(callback, firstSample);
            _stopRequested = false;
            _thread = new Thread(Run)
            {
                Name = "Echelon null audio",
                IsBackground = true,
                Priority = ThreadPriority.Highest,
            };
            Volatile.Write(ref _running, 1);
            _thread.Start();
        }
    }

    /// <inheritdoc />
    public void Stop()
    {
        lock (_gate)
        {
            if (_thread is null)
            {
                return;
            }

            _stopRequested = true;
            if (_thread != Thread.CurrentThread)
            {
                _thread.Join();
            }

            _thread = null;
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>Stops the output; it cannot start again.</summary>
    public void Dispose()
    {
        Stop();
        lock (_gate)
        {
            _disposed = true;
        }
    }

    private void Run()
    {
        int frames = BlockSize;
        long start = Stopwatch.GetTimestamp();
        bool realTime = _pace == AudioPace.RealTime;
        if (realTime)
        {
            PreciseSleep.ReduceTimerSlack();
        }

        for (long n = 0; !_stopRequested; n++)
        {
            long due = start + BlockTicks(n);
            if (realTime && PreciseSleep.IsPrecise)
            {
                PreciseSleep.Until(due);
            }
            else if (realTime)
            {
                long now;
                while ((now = Stopwatch.GetTimestamp()) < due && !_stopRequested)
                {
                    // Whole milliseconds, rounded up: at most about a millisecond late, never early, and no spinning.
                    long left = due - now;
                    Thread.Sleep((int)Math.Min(100, (left * 1000 + Stopwatch.Frequency - 1) / Stopwatch.Frequency));
                }

                if (_stopRequested)
                {
                    break;
                }
            }

            _renderer.Render(frames, due);
            if (realTime && Stopwatch.GetTimestamp() > start + BlockTicks(n + 1))
            {
                Interlocked.Increment(ref _overruns);
            }
        }
    }

    /// <summary>Stopwatch ticks from the start to block <paramref name="n"/>, exact (no accumulated rounding).</summary>
    private long BlockTicks(long n) => (long)((Int128)n * BlockSize * Stopwatch.Frequency / SampleRate);
}
