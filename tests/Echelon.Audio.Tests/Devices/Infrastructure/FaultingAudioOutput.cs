using Echelon.Audio.Devices;

namespace Echelon.Audio.Tests.Devices.Infrastructure;

/// <summary>
/// A device that breaks on cue, for <see cref="FallbackAudioOutput"/>: it renders like a real-time device (a null
/// output underneath) until <see cref="FailAfterBlocks"/> blocks, then goes quiet and, <see cref="DetectionDelay"/>
/// later, reports the loss on a thread of its own, as PortAudioOutput's monitor does. With
/// <see cref="KeepsCallingBack"/> it is a zombie that keeps calling its callback after it has failed, which a fallback
/// must shut out; with <see cref="RefuseStart"/> it will not start at all. Like PortAudioOutput, its Stop waits for
/// the thread that reports the loss.
/// </summary>
public sealed class FaultingAudioOutput : IAudioOutput
{
    public const string Reason = "the fake device was unplugged";

    private readonly NullAudioOutput _inner;
    private readonly Gate _gate;
    private int _state;
    private volatile Thread? _reporter;

    public FaultingAudioOutput(AudioOutputOptions? options = null, AudioPace pace = AudioPace.RealTime)
    {
        _inner = new NullAudioOutput(options, pace);
        _gate = new Gate(this);
    }

    public event EventHandler? Failed;

    /// <summary>Blocks rendered before the device breaks (−1: never).</summary>
    public int FailAfterBlocks { get; init; } = -1;

    /// <summary>How long after going quiet the loss is reported.</summary>
    public TimeSpan DetectionDelay { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>After failing, keep calling the callback (a zombie device).</summary>
    public bool KeepsCallingBack { get; init; }

    /// <summary>Start throws <see cref="AudioDeviceException"/> (a device that is not there).</summary>
    public bool RefuseStart { get; init; }

    /// <summary>Blocks the fake forwarded to its callback after it had failed (only with <see cref="KeepsCallingBack"/>).</summary>
    public int CallsAfterFailure => Volatile.Read(ref _gate.AfterFailure);

    /// <summary>True once the device has broken (its loss is being, or has been, reported).</summary>
    public bool HasBroken => _reporter is not null;

    /// <summary>Times <see cref="Stop"/> was called.</summary>
    public int Stops { get; private set; }

    /// <summary>True once disposed.</summary>
    public bool IsDisposed { get; private set; }

    public string Name => "fake device";

    public int SampleRate => _inner.SampleRate;

    public int BlockSize => _inner.BlockSize;

    public AudioOutputState State => (AudioOutputState)Volatile.Read(ref _state);

    public bool IsRunning => State == AudioOutputState.Running;

    public string? FailureReason => State == AudioOutputState.Failed ? Reason : null;

    public long SamplePosition => _inner.SamplePosition;

    public long SamplesRendered => _inner.SamplesRendered;

    public long Xruns => 0;

    public long Overruns => _inner.Overruns;

    public long RenderFaults => _inner.RenderFaults;

    public void Start(IAudioRenderCallback callback, long firstSample = 0)
    {
        if (RefuseStart)
        {
            throw new AudioDeviceException(AudioDeviceError.StartFailed, "the fake device is not there");
        }

        if (State == AudioOutputState.Failed)
        {
            throw new InvalidOperationException("failed");
        }

        _gate.Target = callback;
        Volatile.Write(ref _state, (int)AudioOutputState.Running);
        _inner.Start(_gate, firstSample);
    }

    public void Stop()
    {
        Stops++;
        if (_reporter is { } reporter && reporter != Thread.CurrentThread)
        {
            reporter.Join();
        }

        _inner.Stop();
        if (State == AudioOutputState.Running)
        {
            Volatile.Write(ref _state, (int)AudioOutputState.Stopped);
        }
    }

    public void Dispose()
    {
        _inner.Dispose();
        IsDisposed = true;
    }

    private void Break()
    {
        var reporter = new Thread(() =>
        {
            Thread.Sleep(DetectionDelay);
            if (Interlocked.CompareExchange(ref _state, (int)AudioOutputState.Failed, (int)AudioOutputState.Running) == (int)AudioOutputState.Running)
            {
                Failed?.Invoke(this, EventArgs.Empty);
            }
        })
        { IsBackground = true, Name = "fake device monitor" };
        _reporter = reporter;
        reporter.Start();
    }

    private sealed class Gate(FaultingAudioOutput owner) : IAudioRenderCallback
    {
        public int AfterFailure;
        private int _blocks;
        private bool _broken;

        public IAudioRenderCallback? Target { get; set; }

        public void Render(Span<float> left, Span<float> right, in AudioClockInfo info)
        {
            if (!_broken && owner.FailAfterBlocks >= 0 && _blocks == owner.FailAfterBlocks)
            {
                _broken = true;
                owner.Break();
            }

            _blocks++;
            if (_broken && !owner.KeepsCallingBack)
            {
                left.Clear();
                right.Clear();
                return;
            }

            if (_broken)
            {
                Interlocked.Increment(ref AfterFailure);
            }

            Target!.Render(left, right, in info);
        }
    }
}
