namespace Echelon.Audio.Devices;

/// <summary>
/// The part of every output's audio thread that is the same: calls the render callback into two preallocated channel
/// buffers, keeps the sample clock, and turns an exception from the callback into a silent, counted block.
/// </summary>
/// <remarks>
/// Threading: <see cref="Arm"/> on the control thread while no audio thread runs (starting the thread or stream that
/// follows publishes it); <see cref="Render"/> on the audio thread only; the counters from any thread.
/// </remarks>
internal sealed class BlockRenderer
{
    private readonly float[] _left;
    private readonly float[] _right;
    private readonly int _sampleRate;
    private IAudioRenderCallback? _callback;
    private long _position;
    private long _published;
    private long _samplesRendered;
    private long _renderFaults;

    /// <summary>Buffers for blocks of up to <paramref name="maxFrames"/>.</summary>
    public BlockRenderer(int sampleRate, int maxFrames)
    {
        _sampleRate = sampleRate;
        _left = new float[maxFrames];
        _right = new float[maxFrames];
    }

    /// <summary>The longest block <see cref="Render"/> takes.</summary>
    public int MaxFrames => _left.Length;

    /// <summary>The callback armed last; null before the first <see cref="Arm"/>.</summary>
    public IAudioRenderCallback? Callback => _callback;

    /// <summary>The sample position of the next frame (read from any thread).</summary>
    public long SamplePosition => Interlocked.Read(ref _published);

    /// <summary>Frames rendered so far (read from any thread).</summary>
    public long SamplesRendered => Interlocked.Read(ref _samplesRendered);

    /// <summary>Blocks the callback threw on (read from any thread).</summary>
    public long RenderFaults => Interlocked.Read(ref _renderFaults);

    /// <summary>The left channel of the block just rendered.</summary>
    public ReadOnlySpan<float> Left(int frames) => _left.AsSpan(0, frames);

    /// <summary>The right channel of the block just rendered.</summary>
    public ReadOnlySpan<float> Right(int frames) => _right.AsSpan(0, frames);

    /// <summary>Sets the callback and where the clock starts, before the audio thread runs.</summary>
    public void Arm(IAudioRenderCallback callback, long firstSample)
    {
        _callback = callback;
        _position = firstSample;
        Interlocked.Exchange(ref _published, firstSample);
    }

    /// <summary>
    /// Renders one block of <paramref name="frames"/> (at most <see cref="MaxFrames"/>) into the channel buffers and
    /// advances the clock; silence, counted, when the callback throws.
    /// </summary>
    public void Render(int frames, long hostTimestamp)
    {
        Span<float> left = _left.AsSpan(0, frames);
        Span<float> right = _right.AsSpan(0, frames);
        var info = new AudioClockInfo(_position, frames, _sampleRate, hostTimestamp);
        try
        {
            _callback!.Render(left, right, in info);
        }
#pragma warning disable CA1031 // Any exception: the audio thread must keep going and nothing may reach native code.
        catch (Exception)
#pragma warning restore CA1031
        {
            left.Clear();
            right.Clear();
            Interlocked.Increment(ref _renderFaults);
        }

        _position += frames;
        Interlocked.Exchange(ref _published, _position);
        Interlocked.Add(ref _samplesRendered, frames);
    }
}
