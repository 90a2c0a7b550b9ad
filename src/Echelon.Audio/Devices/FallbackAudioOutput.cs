using System.Diagnostics;

namespace Echelon.Audio.Devices;

/// <summary>
/// A device output that carries on without its device: when the primary output fails (unplugged, its server gone) or
/// will not start, a <see cref="NullAudioOutput"/> takes over at the next sample position, so the engine's clock and
/// the session it records keep running. Audio stops reaching the device; nothing else notices.
/// </summary>
/// <remarks>
/// <para>
/// The switch: on the primary's <see cref="IAudioOutput.Failed"/> (raised on its monitoring thread), this output
/// first shuts the primary's callbacks out of the engine (a flag checked before each render, with a handshake so a
/// render under way finishes first), then starts the null output at the sample position after the last block the
/// primary rendered, real time by default. The engine is never called from two threads at once, its clock does not
/// jump, and the gap on the wall clock is the time the primary took to notice the loss (under 20 ms for PortAudio's
/// JACK host API; about <see cref="AudioOutputOptions.StallTimeout"/> for a device that just goes quiet).
/// </para>
/// <para>
/// It owns the primary: disposing this output disposes it. It never fails itself, so its own <see cref="Failed"/> is
/// never raised; <see cref="SwitchedToFallback"/> says when the primary was given up, and <see cref="FallbackReason"/>
/// why. The counters add up both outputs. A later <see cref="Start"/> tries the primary again unless it has failed.
/// </para>
/// <para>
/// Threading: as <see cref="IAudioOutput"/>. <see cref="SwitchedToFallback"/> is raised on the thread that learnt of the
/// failure (the primary's monitoring thread, or the caller of <see cref="Start"/> when the primary would not start).
/// </para>
/// </remarks>
public sealed class FallbackAudioOutput : IAudioOutput
{
    private static readonly TimeSpan s_handoverTimeout = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly IAudioOutput _primary;
    private readonly AudioPace _fallbackPace;
    private readonly PrimaryTap _tap;
    private NullAudioOutput? _fallback;
    private volatile NullAudioOutput[] _fallbacksEver = [];
    private volatile IAudioOutput _active;
    private volatile string? _fallbackReason;
    private long _fallbacks;
    private volatile bool _running;
    private bool _disposed;

    /// <summary>Wraps <paramref name="primary"/> (not started yet); it falls back to a null output of the same rate and block size.</summary>
    /// <param name="primary">The device output; this object owns it from now on.</param>
    /// <param name="fallbackPace">How the null output paces blocks: real time (the default), or as fast as possible for tests.</param>
    public FallbackAudioOutput(IAudioOutput primary, AudioPace fallbackPace = AudioPace.RealTime)
    {
        ArgumentNullException.ThrowIfNull(primary);
        _primary = primary;
        _fallbackPace = fallbackPace;
        _active = primary;
        _tap = new PrimaryTap();
        primary.Failed += OnPrimaryFailed;
    }

    /// <inheritdoc />
    /// <remarks>Never raised: a failing primary is replaced, not reported as a failure; see <see cref="SwitchedToFallback"/>.</remarks>
    public event EventHandler? Failed
    {
        add { }
        remove { }
    }

    /// <summary>Raised when the null output takes over from the primary (see the class remarks for the thread).</summary>
    public event EventHandler? SwitchedToFallback;

    /// <summary>The device output this one wraps.</summary>
    public IAudioOutput Primary => _primary;

    /// <summary>The output the engine's blocks come from now (or came from last, once stopped): the primary, or the null output after a fallback.</summary>
    public IAudioOutput Active => _active;

    /// <summary>True when the null output stands in for the primary (or did when this output was stopped).</summary>
    public bool IsOnFallback => !ReferenceEquals(_active, _primary);

    /// <summary>How many times the null output has taken over.</summary>
    public long Fallbacks => Interlocked.Read(ref _fallbacks);

    /// <summary>Why the primary was given up last (its failure reason, or why it would not start); null before any fallback.</summary>
    public string? FallbackReason => _fallbackReason;

    /// <inheritdoc />
    public string Name => IsOnFallback ? $"{_active.Name}, standing in for {_primary.Name}" : _primary.Name;

    /// <inheritdoc />
    public int SampleRate => _primary.SampleRate;

    /// <inheritdoc />
    public int BlockSize => _primary.BlockSize;

    /// <inheritdoc />
    /// <remarks>Running from <see cref="Start"/> to <see cref="Stop"/>, on either output; never failed.</remarks>
    public AudioOutputState State => IsRunning ? AudioOutputState.Running : AudioOutputState.Stopped;

    /// <inheritdoc />
    public bool IsRunning => _running;

    /// <inheritdoc />
    /// <remarks>Always null; see <see cref="FallbackReason"/>.</remarks>
    public string? FailureReason => null;

    /// <inheritdoc />
    public long SamplePosition => _active.SamplePosition;

    /// <inheritdoc />
    /// <remarks>The frames the engine rendered through this output: through the primary until it was given up, then through the null output.</remarks>
    public long SamplesRendered
    {
        get
        {
            long sum = _tap.Forwarded;
            foreach (NullAudioOutput fallback in _fallbacksEver)
            {
                sum += fallback.SamplesRendered;
            }

            return sum;
        }
    }

    /// <inheritdoc />
    public long Xruns => _primary.Xruns;

    /// <inheritdoc />
    public long Overruns
    {
        get
        {
            long sum = _primary.Overruns;
            foreach (NullAudioOutput fallback in _fallbacksEver)
            {
                sum += fallback.Overruns;
            }

            return sum;
        }
    }

    /// <inheritdoc />
    public long RenderFaults
    {
        get
        {
            long sum = _primary.RenderFaults;
            foreach (NullAudioOutput fallback in _fallbacksEver)
            {
                sum += fallback.RenderFaults;
            }

            return sum;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Starts the primary; when it throws <see cref="AudioDeviceException"/>, or has failed before, the null output
    /// starts instead (a fallback, counted) and nothing is thrown.
    /// </remarks>
    public void Start(IAudioRenderCallback callback, long firstSample = 0)
    {
        ArgumentNullException.ThrowIfNull(callback);
        bool switched = false;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_running)
            {
                if (ReferenceEquals(callback, _tap.Engine))
                {
                    return;
                }

                throw new InvalidOperationException($"{Name} is already running with another render callback; stop it first.");
            }

            _tap.Arm(callback, firstSample);
            _running = true;
            if (_primary.State == AudioOutputState.Failed)
            {
                switched = SwitchLocked($"{_primary.Name} failed earlier: {_primary.FailureReason}");
            }
            else
            {
                try
                {
                    _active = _primary;
                    _primary.Start(_tap, firstSample);
                }
                catch (AudioDeviceException e)
                {
                    switched = SwitchLocked($"{_primary.Name} would not start: {e.Message}");
                }
            }
        }

        if (switched)
        {
            SwitchedToFallback?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The primary is stopped outside this output's lock: its failure handler may be waiting for that lock on the
    /// very thread the primary's Stop waits for (PortAudioOutput joins its monitoring thread).
    /// </remarks>
    public void Stop()
    {
        NullAudioOutput? fallback;
        lock (_gate)
        {
            if (!_running)
            {
                return;
            }

            _running = false;
            fallback = _fallback;
            _fallback = null;
        }

        _primary.Stop();
        fallback?.Dispose();
    }

    /// <summary>Stops, and disposes the primary and the null output.</summary>
    public void Dispose()
    {
        Stop();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _primary.Failed -= OnPrimaryFailed;
        }

        _primary.Dispose();
    }

    private void OnPrimaryFailed(object? sender, EventArgs e)
    {
        bool switched;
        lock (_gate)
        {
            switched = _running && !IsOnFallback && SwitchLocked(_primary.FailureReason ?? $"{_primary.Name} failed");
        }

        if (switched)
        {
            SwitchedToFallback?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>Shuts the primary out of the engine and starts the null output where the primary left off.</summary>
    private bool SwitchLocked(string reason)
    {
        _tap.ShutOut(s_handoverTimeout);
        RetireFallbackLocked();
        var fallback = new NullAudioOutput(new AudioOutputOptions { SampleRate = _primary.SampleRate, BlockSize = _primary.BlockSize }, _fallbackPace);
        fallback.Start(_tap.Engine!, _tap.NextPosition);
        _fallback = fallback;
        _fallbacksEver = [.. _fallbacksEver, fallback];
        _active = fallback;
        _fallbackReason = reason;
        Interlocked.Increment(ref _fallbacks);
        return true;
    }

    /// <summary>Stops and disposes the null output (its counts stay in the sums).</summary>
    private void RetireFallbackLocked()
    {
        _fallback?.Dispose();
        _fallback = null;
    }

    /// <summary>
    /// The callback the primary calls: forwards to the engine while the primary owns the clock, and remembers where
    /// the clock is so the null output can continue from there.
    /// </summary>
    /// <remarks>
    /// The handover is Dekker's: the audio thread raises <c>_inRender</c> and then reads <c>_shutOut</c>; the switching
    /// thread raises <c>_shutOut</c> and then waits for <c>_inRender</c> to fall. Both writes are interlocked (full
    /// fences), so either the render sees the shut-out and plays silence, or the switch waits for it to finish.
    /// </remarks>
    private sealed class PrimaryTap : IAudioRenderCallback
    {
        private int _inRender;
        private int _shutOut;
        private long _nextPosition;
        private long _forwarded;

        public IAudioRenderCallback? Engine { get; private set; }

        public long NextPosition => Interlocked.Read(ref _nextPosition);

        /// <summary>Frames passed to the engine so far (a block it threw on included: the clock moved past it).</summary>
        public long Forwarded => Interlocked.Read(ref _forwarded);

        public void Arm(IAudioRenderCallback engine, long firstSample)
        {
            Engine = engine;
            Interlocked.Exchange(ref _nextPosition, firstSample);
            Interlocked.Exchange(ref _shutOut, 0);
        }

        public void Render(Span<float> left, Span<float> right, in AudioClockInfo info)
        {
            Interlocked.Exchange(ref _inRender, 1);
            try
            {
                if (Volatile.Read(ref _shutOut) != 0)
                {
                    left.Clear();
                    right.Clear();
                    return;
                }

                Interlocked.Exchange(ref _nextPosition, info.SamplePosition + info.FrameCount);
                Interlocked.Add(ref _forwarded, info.FrameCount);
                Engine!.Render(left, right, in info);
            }
            finally
            {
                Volatile.Write(ref _inRender, 0);
            }
        }

        /// <summary>Stops forwarding and waits (up to <paramref name="timeout"/>) for a render under way to finish.</summary>
        public void ShutOut(TimeSpan timeout)
        {
            Interlocked.Exchange(ref _shutOut, 1);
            var clock = Stopwatch.StartNew();
            var spin = new SpinWait();
            while (Volatile.Read(ref _inRender) != 0 && clock.Elapsed < timeout)
            {
                spin.SpinOnce();
            }
        }
    }
}
