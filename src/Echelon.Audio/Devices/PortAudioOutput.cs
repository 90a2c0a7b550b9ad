using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Echelon.Audio.Devices;

/// <summary>
/// A sound device through PortAudio (Debian <c>libportaudio2</c>): ALSA or JACK on Linux, Core Audio on macOS, WASAPI,
/// DirectSound or ASIO on Windows. PortAudio calls us on its audio thread for each block; we render the engine's two
/// channels and interleave them into the device's buffer.
/// </summary>
/// <remarks>
/// <para>
/// The constructor opens the device (float32, interleaved, <see cref="BlockSize"/> frames per callback) so that a bad
/// name or format fails at once, with the devices there are in the message; <see cref="Start"/> starts the callbacks.
/// The callback is a static <c>[UnmanagedCallersOnly]</c> function whose address PortAudio holds, and finds this
/// object through a <see cref="GCHandle{T}"/> passed as PortAudio's user data: no delegate that the collector could
/// move or free, no allocation per block. The handle keeps the object alive until <see cref="Dispose"/>.
/// </para>
/// <para>
/// A lost device: a monitoring thread checks every 10 ms that PortAudio still calls back
/// (<c>Pa_IsStreamActive</c>, which JACK's host API clears when the server shuts down) and that a block came within
/// <see cref="AudioOutputOptions.StallTimeout"/>. If not, <see cref="State"/> turns
/// <see cref="AudioOutputState.Failed"/>, later callbacks play silence without calling the engine, and
/// <see cref="Failed"/> is raised on that thread; <see cref="FallbackAudioOutput"/> then moves the clock to a null device.
/// A failed stream is aborted and closed on a release thread of its own (see <see cref="Stop"/>): with Debian's
/// PortAudio 19.6, an abort on a JACK server that has gone waits ten minutes, and PortAudio stays initialised with the
/// dead JACK session while it waits, so JACK is out of reach for this process until then.
/// </para>
/// <para>
/// Counters: <see cref="Xruns"/> counts callbacks whose status flags carry <c>paOutputUnderflow</c> or
/// <c>paOutputOverflow</c> (JACK's host API sets both kinds on every xrun the server reports); priming callbacks are
/// not gaps and are not counted. <see cref="Overruns"/> counts callbacks that took longer, entry to exit on
/// <see cref="Stopwatch"/>, than their block lasts.
/// </para>
/// <para>
/// Threading: as <see cref="IAudioOutput"/>. The audio thread is PortAudio's (JACK's process thread under JACK); the
/// callback never allocates, locks or lets an exception reach native code. PortAudio's global calls (initialise,
/// list, open, start, stop, close) are serialised across all instances. PortAudio prints ALSA's probing noise
/// ("ALSA lib ...") on stderr when it initialises; it is harmless.
/// </para>
/// </remarks>
public sealed unsafe class PortAudioOutput : IAudioOutput
{
    private const int MonitorPeriodMilliseconds = 10;
    private const int StateStopped = (int)AudioOutputState.Stopped;
    private const int StateRunning = (int)AudioOutputState.Running;
    private const int StateFailed = (int)AudioOutputState.Failed;

    private static readonly TimeSpan s_releaseWait = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly BlockRenderer _renderer;
    private readonly int _channels;
    private readonly TimeSpan _stallTimeout;
    private GCHandle<PortAudioOutput> _self;
    private nint _stream;
    private Thread? _monitor;
    private Thread? _lastMonitor;
    private Thread? _reaper;
    private int _closeError;
    private bool _closed;
    private volatile bool _monitorStop;
    private volatile string? _failureReason;
    private int _state;
    private int _silenced;
    private long _lastCallback;
    private long _xruns;
    private long _overruns;
    private bool _started;
    private bool _disposed;

    /// <summary>Opens the device the options name (the default output device when they name none).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    /// <exception cref="AudioDeviceException">PortAudio is missing, no device matches, or the device refused the format.</exception>
    public PortAudioOutput(AudioOutputOptions? options = null)
    {
        AudioOutputOptions o = (options ?? new AudioOutputOptions()).Validate();
        SampleRate = o.SampleRate;
        BlockSize = o.BlockSize;
        _channels = o.Channels;
        _stallTimeout = o.StallTimeout;
        _renderer = new BlockRenderer(o.SampleRate, o.BlockSize);

        PortAudioLibrary.Acquire();
        try
        {
            lock (PortAudioLibrary.Gate)
            {
                Open(o);
            }
        }
        catch
        {
            if (_self.IsAllocated)
            {
                _self.Dispose();
            }

            PortAudioLibrary.Release();
            throw;
        }
    }

    /// <inheritdoc />
    public event EventHandler? Failed;

    /// <inheritdoc />
    /// <remarks>"host API: device", as <see cref="ListDevices"/> lists it.</remarks>
    public string Name => $"{HostApi}: {DeviceName}";

    /// <summary>The device's name as the library lists it.</summary>
    public string DeviceName { get; private set; } = "";

    /// <summary>The host API the device belongs to.</summary>
    public string HostApi { get; private set; } = "";

    /// <summary>The output latency the device reports for the open stream (what it gave, not what was asked).</summary>
    public TimeSpan OutputLatency { get; private set; }

    /// <inheritdoc />
    public int SampleRate { get; }

    /// <inheritdoc />
    public int BlockSize { get; }

    /// <summary>Device channels open (the engine's stereo is mapped onto them).</summary>
    public int Channels => _channels;

    /// <inheritdoc />
    public AudioOutputState State => (AudioOutputState)Volatile.Read(ref _state);

    /// <inheritdoc />
    public bool IsRunning => Volatile.Read(ref _state) == StateRunning;

    /// <inheritdoc />
    public string? FailureReason => State == AudioOutputState.Failed ? _failureReason : null;

    /// <inheritdoc />
    public long SamplePosition => _renderer.SamplePosition;

    /// <inheritdoc />
    public long SamplesRendered => _renderer.SamplesRendered;

    /// <inheritdoc />
    public long Xruns => Interlocked.Read(ref _xruns);

    /// <inheritdoc />
    public long Overruns => Interlocked.Read(ref _overruns);

    /// <inheritdoc />
    public long RenderFaults => _renderer.RenderFaults;

    /// <summary>Every device with output channels, as PortAudio sees them now (JACK's: the clients running now).</summary>
    /// <exception cref="AudioDeviceException">PortAudio is missing or would not initialise.</exception>
    public static IReadOnlyList<AudioDeviceInfo> ListDevices()
    {
        PortAudioLibrary.Acquire();
        try
        {
            lock (PortAudioLibrary.Gate)
            {
                return Enumerate();
            }
        }
        finally
        {
            PortAudioLibrary.Release();
        }
    }

    /// <inheritdoc />
    public void Start(IAudioRenderCallback callback, long firstSample = 0)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (State == AudioOutputState.Failed)
            {
                throw new InvalidOperationException($"{Name} has failed ({_failureReason}); open a new output.");
            }

            if (_started)
            {
                if (ReferenceEquals(callback, _renderer.Callback))
                {
                    return;
                }

                throw new InvalidOperationException($"{Name} is already running with another render callback; stop it first.");
            }

            _renderer.Arm(callback, firstSample);
            Volatile.Write(ref _silenced, 0);
            Volatile.Write(ref _lastCallback, Stopwatch.GetTimestamp());
            int error;
            lock (PortAudioLibrary.Gate)
            {
                error = PortAudio.StartStream(_stream);
            }

            if (error != PortAudio.NoError)
            {
                throw new AudioDeviceException(AudioDeviceError.StartFailed, $"{Name} would not start: {PortAudio.ErrorText(error)}.");
            }

            _started = true;
            Volatile.Write(ref _state, StateRunning);
            _monitorStop = false;
            _monitor = new Thread(Monitor) { Name = "Echelon audio device monitor", IsBackground = true };
            _lastMonitor = _monitor;
            _monitor.Start();
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// A running device stops after the blocks it has queued have played (<c>Pa_StopStream</c>). A failed one is
    /// aborted and closed on a background thread, and Stop waits for that at most a second: PortAudio 19.6's JACK
    /// host API (Debian's libportaudio2) waits ten minutes for a server that has gone before an abort returns.
    /// </remarks>
    public void Stop()
    {
        Thread? monitor;
        lock (_gate)
        {
            if (!_started)
            {
                return;
            }

            _monitorStop = true;
            monitor = _monitor;
            _monitor = null;
        }

        if (monitor is not null && monitor != Thread.CurrentThread)
        {
            monitor.Join();
        }

        Thread? reaper;
        lock (_gate)
        {
            if (!_started)
            {
                return;
            }

            _started = false;
            if (State != AudioOutputState.Failed)
            {
                lock (PortAudioLibrary.Gate)
                {
                    _ = PortAudio.StopStream(_stream);
                }

                Interlocked.CompareExchange(ref _state, StateStopped, StateRunning);
                return;
            }

            _reaper = new Thread(Reap) { Name = "Echelon audio device release", IsBackground = true };
            _reaper.Start();
            reaper = _reaper;
        }

        reaper.Join(s_releaseWait);
    }

    /// <summary>
    /// Stops, closes the device and lets PortAudio go (terminated with the last user). A failed device whose release
    /// is still under way (see <see cref="Stop"/>) is let go by its release thread when that finishes.
    /// </summary>
    public void Dispose()
    {
        Stop();
        Thread? monitor;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            monitor = _lastMonitor;
            _lastMonitor = null;
            if (_reaper is not null && !_closed)
            {
                return; // Reap finishes the disposal.
            }
        }

        if (monitor is not null && monitor != Thread.CurrentThread)
        {
            monitor.Join();
        }

        if (!_closed)
        {
            lock (PortAudioLibrary.Gate)
            {
                _closeError = PortAudio.CloseStream(_stream);
            }

            _closed = true;
        }

        LetGo();
    }

    /// <summary>Aborts and closes a failed stream (the release thread); finishes a disposal that came meanwhile.</summary>
    private void Reap()
    {
        // Not under PortAudio's lock: on a dead JACK server this waits long, and it touches only this stream.
        _ = PortAudio.AbortStream(_stream);
        int error;
        lock (PortAudioLibrary.Gate)
        {
            error = PortAudio.CloseStream(_stream);
        }

        bool disposed;
        lock (_gate)
        {
            _closeError = error;
            _closed = true;
            disposed = _disposed;
        }

        if (disposed)
        {
            LetGo();
        }
    }

    /// <summary>Frees the handle the callback finds us by (unless the close failed) and gives PortAudio back.</summary>
    private void LetGo()
    {
        // After a failed close PortAudio might still call back with the handle; then it stays allocated (and this
        // object alive) rather than be freed under a callback.
        if (_closeError == PortAudio.NoError)
        {
            _self.Dispose();
        }

        _stream = 0;
        PortAudioLibrary.Release();
    }

    /// <summary>PortAudio's stream callback: one block for the output whose handle is <paramref name="userData"/>.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnAudio(void* input, float* output, CULong frameCount, PortAudio.CallbackTimeInfo* timeInfo, CULong statusFlags, nint userData)
    {
        try
        {
            GCHandle<PortAudioOutput>.FromIntPtr(userData).Target.Process(output, (int)frameCount.Value, (uint)statusFlags.Value);
        }
#pragma warning disable CA1031 // Nothing may unwind into PortAudio's native frames; the render's own faults are counted in BlockRenderer.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return PortAudio.Continue;
    }

    private static List<AudioDeviceInfo> Enumerate()
    {
        int count = PortAudio.GetDeviceCount();
        if (count < 0)
        {
            throw new AudioDeviceException(AudioDeviceError.InitializeFailed, $"PortAudio cannot list devices: {PortAudio.ErrorText(count)}.");
        }

        int defaultOutput = PortAudio.GetDefaultOutputDevice();
        var devices = new List<AudioDeviceInfo>(count);
        for (int i = 0; i < count; i++)
        {
            PortAudio.DeviceInfo* info = PortAudio.GetDeviceInfo(i);
            if (info is null || info->MaxOutputChannels <= 0)
            {
                continue;
            }

            PortAudio.HostApiInfo* api = PortAudio.GetHostApiInfo(info->HostApi);
            devices.Add(new AudioDeviceInfo(
                i,
                Marshal.PtrToStringUTF8(info->Name) ?? $"device {i}",
                api is null ? "?" : Marshal.PtrToStringUTF8(api->Name) ?? "?",
                info->MaxOutputChannels,
                info->DefaultSampleRate,
                TimeSpan.FromSeconds(info->DefaultLowOutputLatency),
                i == defaultOutput));
        }

        return devices;
    }

    /// <summary>The device the options name: the default output, a host API's default, or the first whose name matches.</summary>
    private static AudioDeviceInfo Choose(List<AudioDeviceInfo> devices, AudioOutputOptions o)
    {
        string Listing() => devices.Count == 0 ? "PortAudio lists no output devices" : "output devices: " + string.Join("; ", devices);

        var matches = devices
            .Where(d => o.HostApi is null || d.HostApi.Contains(o.HostApi, StringComparison.OrdinalIgnoreCase))
            .Where(d => o.DeviceName is null || d.Name.Contains(o.DeviceName, StringComparison.OrdinalIgnoreCase))
            .ToList();
        AudioDeviceInfo? chosen = (o.HostApi, o.DeviceName) switch
        {
            (null, null) => devices.FirstOrDefault(d => d.IsDefaultOutput),
            (_, null) => DefaultOfHostApi(matches) ?? matches.FirstOrDefault(),
            _ => matches.FirstOrDefault(d => d.Name.Equals(o.DeviceName, StringComparison.OrdinalIgnoreCase)) ?? matches.FirstOrDefault(),
        };
        if (chosen is null)
        {
            string asked = (o.HostApi, o.DeviceName) switch
            {
                (null, null) => "no default output device",
                _ => $"no output device{(o.DeviceName is null ? "" : $" named like '{o.DeviceName}'")}{(o.HostApi is null ? "" : $" on a host API named like '{o.HostApi}'")}",
            };
            throw new AudioDeviceException(AudioDeviceError.DeviceNotFound, $"{asked}; {Listing()}. Name one with DeviceName and HostApi, or run without a device (--audio none).");
        }

        if (chosen.MaxOutputChannels < o.Channels)
        {
            throw new AudioDeviceException(AudioDeviceError.OpenFailed,
                $"{chosen.HostApi}: {chosen.Name} has {chosen.MaxOutputChannels} output channels; {o.Channels} were asked for (Channels).");
        }

        return chosen;
    }

    /// <summary>Among <paramref name="matches"/>, the one its host API calls its default output.</summary>
    private static AudioDeviceInfo? DefaultOfHostApi(List<AudioDeviceInfo> matches)
    {
        int apis = PortAudio.GetHostApiCount();
        for (int a = 0; a < apis; a++)
        {
            PortAudio.HostApiInfo* api = PortAudio.GetHostApiInfo(a);
            if (api is not null && matches.Find(d => d.Index == api->DefaultOutputDevice) is { } d)
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>Chooses the device and opens the stream; call under <see cref="PortAudioLibrary.Gate"/>.</summary>
    private void Open(AudioOutputOptions o)
    {
        AudioDeviceInfo device = Choose(Enumerate(), o);
        DeviceName = device.Name;
        HostApi = device.HostApi;
        var parameters = new PortAudio.StreamParameters
        {
            Device = device.Index,
            ChannelCount = o.Channels,
            SampleFormat = new CULong(PortAudio.SampleFormatFloat32),
            SuggestedLatency = (o.SuggestedLatency ?? device.DefaultLowOutputLatency).TotalSeconds,
            HostApiSpecificStreamInfo = 0,
        };

        _self = new GCHandle<PortAudioOutput>(this);
        nint stream = 0;
        int error = PortAudio.OpenStream(
            &stream,
            null,
            &parameters,
            o.SampleRate,
            new CULong((uint)o.BlockSize),
            new CULong(PortAudio.StreamFlagsNone),
            &OnAudio,
            GCHandle<PortAudioOutput>.ToIntPtr(_self));
        if (error != PortAudio.NoError)
        {
            throw new AudioDeviceException(AudioDeviceError.OpenFailed,
                $"{Name} would not open for {o.Channels} channels of float32 at {o.SampleRate} Hz in {o.BlockSize}-frame blocks: {PortAudio.ErrorText(error)}. " +
                $"The device's own rate is {device.DefaultSampleRate.ToString("0", CultureInfo.InvariantCulture)} Hz and it has {device.MaxOutputChannels} output channels.");
        }

        _stream = stream;
        PortAudio.StreamInfo* info = PortAudio.GetStreamInfo(stream);
        OutputLatency = info is null ? TimeSpan.Zero : TimeSpan.FromSeconds(info->OutputLatency);
    }

    /// <summary>One callback's work, on the audio thread.</summary>
    private void Process(float* output, int frames, uint flags)
    {
        long entered = Stopwatch.GetTimestamp();
        if ((flags & (PortAudio.OutputUnderflow | PortAudio.OutputOverflow)) != 0)
        {
            Interlocked.Increment(ref _xruns);
        }

        int channels = _channels;
        var device = new Span<float>(output, frames * channels);
        if (Volatile.Read(ref _silenced) != 0)
        {
            device.Clear();
            return;
        }

        for (int done = 0; done < frames;)
        {
            int n = Math.Min(frames - done, _renderer.MaxFrames);
            _renderer.Render(n, entered);
            Interleave(_renderer.Left(n), _renderer.Right(n), device.Slice(done * channels, n * channels), channels);
            done += n;
        }

        long elapsed = Stopwatch.GetTimestamp() - entered;
        if (elapsed * SampleRate > frames * Stopwatch.Frequency)
        {
            Interlocked.Increment(ref _overruns);
        }

        Volatile.Write(ref _lastCallback, entered);
    }

    private static void Interleave(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<float> device, int channels)
    {
        switch (channels)
        {
            case 2:
                for (int i = 0; i < left.Length; i++)
                {
                    device[2 * i] = left[i];
                    device[(2 * i) + 1] = right[i];
                }

                break;
            case 1:
                for (int i = 0; i < left.Length; i++)
                {
                    device[i] = 0.5f * (left[i] + right[i]);
                }

                break;
            default:
                device.Clear();
                for (int i = 0; i < left.Length; i++)
                {
                    device[i * channels] = left[i];
                    device[(i * channels) + 1] = right[i];
                }

                break;
        }
    }

    /// <summary>The monitoring thread: fails the output when PortAudio stops calling back.</summary>
    private void Monitor()
    {
        while (!_monitorStop)
        {
            Thread.Sleep(MonitorPeriodMilliseconds);
            if (_monitorStop)
            {
                return;
            }

            // Without PortAudio's lock: the stream lives until Dispose, which first joins this thread.
            int active = PortAudio.IsStreamActive(_stream);
            TimeSpan idle = Stopwatch.GetElapsedTime(Volatile.Read(ref _lastCallback));
            string? reason = active switch
            {
                < 0 => $"PortAudio reports the stream broken: {PortAudio.ErrorText(active)}",
                0 => "the device stopped asking for audio (PortAudio says the stream is no longer active: unplugged, or its server went away)",
                _ when idle > _stallTimeout => $"the device stopped asking for audio (no callback for {idle.TotalMilliseconds:0} ms; the stall timeout is {_stallTimeout.TotalMilliseconds:0} ms)",
                _ => null,
            };
            if (reason is not null)
            {
                Fail(reason);
                return;
            }
        }
    }

    private void Fail(string reason)
    {
        _failureReason = reason;
        if (Interlocked.CompareExchange(ref _state, StateFailed, StateRunning) != StateRunning)
        {
            return;
        }

        Volatile.Write(ref _silenced, 1);
        Failed?.Invoke(this, EventArgs.Empty);
    }
}
