using Echelon.Audio.Dsp;

namespace Echelon.Studio.Render;

/// <summary>
/// The master bus of the default band: a tempo-synced ping-pong echo fed from one stem (a send), a
/// room reverb over everything, then a look-ahead limiter that holds every sample at or below −0.1 dBFS.
/// </summary>
/// <remarks>
/// <para>
/// The echo repeats a quarter note later (one beat, so the repeats land on the beat grid instead of
/// adding off-beat onsets), bouncing left and right, each repeat 0.35 of the one before and darker.
/// Only the echoes are added, at <see cref="EchoSend"/>; the dry stem is already in the mix.
/// </para>
/// <para>
/// The output is delayed by <see cref="LatencySamples"/> (the limiter's look-ahead). Threading: one
/// rendering thread; <see cref="Process"/> never allocates, locks or throws after <see cref="Prepare"/>.
/// </para>
/// </remarks>
public sealed class MixBus
{
    /// <summary>Level of the echoes added to the mix, relative to the sent stem.</summary>
    public const float EchoSend = 0.22f;

    private readonly TempoDelay _echo = new() { Beats = 1, Feedback = 0.35, Damping = 0.45, Mix = 1 };
    private readonly Reverb _reverb = new();
    private readonly LookaheadLimiter _limiter = new();
    private float[] _sendLeft = [];
    private float[] _sendRight = [];

    /// <summary>Delay of the output behind the input, in samples.</summary>
    public int LatencySamples => _limiter.LatencySamples;

    /// <summary>Level of the melody's echo in the mix (default <see cref="EchoSend"/>); set between blocks.</summary>
    public float EchoLevel { get; set; } = EchoSend;

    /// <summary>The reverb's wet mix 0–1 (default 0.12); set between blocks.</summary>
    public double ReverbMix
    {
        get => _reverb.Mix;
        set => _reverb.Mix = value;
    }

    /// <summary>Tempo of the echo, 40–200 BPM; it may change between blocks (the echo time glides).</summary>
    public double Bpm
    {
        get => _echo.Bpm;
        set => _echo.Bpm = value;
    }

    /// <summary>Allocates every buffer for blocks of up to <paramref name="maxBlock"/> samples and clears the state.</summary>
    /// <param name="sampleRate">Samples per second.</param>
    /// <param name="maxBlock">Longest block <see cref="Process"/> will be given.</param>
    /// <param name="bpm">Tempo of the echo.</param>
    /// <param name="limiterLookaheadSeconds">
    /// The limiter's look-ahead, 0.5–10 ms (<see cref="LookaheadLimiter.DefaultLookaheadSeconds"/>, 3 ms, by default):
    /// the bus's whole latency. The live engine uses less, because it is part of the time from a move to its sound.
    /// </param>
    public void Prepare(int sampleRate, int maxBlock, double bpm, double limiterLookaheadSeconds = LookaheadLimiter.DefaultLookaheadSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlock, 1);
        _echo.Bpm = bpm;
        _echo.Prepare(sampleRate);
        _reverb.Prepare(sampleRate);
        _reverb.Mix = 0.12;
        _reverb.RoomSize = 0.6;
        _limiter.Prepare(sampleRate, limiterLookaheadSeconds);
        _sendLeft = new float[maxBlock];
        _sendRight = new float[maxBlock];
    }

    /// <summary>Processes one block of the mix in place.</summary>
    /// <param name="left">Left channel of the mix.</param>
    /// <param name="right">Right channel of the mix (the same length).</param>
    /// <param name="sendLeft">Left channel of the stem sent to the echo (the same length).</param>
    /// <param name="sendRight">Right channel of the stem sent to the echo (the same length).</param>
    public void Process(Span<float> left, Span<float> right, ReadOnlySpan<float> sendLeft, ReadOnlySpan<float> sendRight)
    {
        int n = left.Length;
        Span<float> echoLeft = _sendLeft.AsSpan(0, n);
        Span<float> echoRight = _sendRight.AsSpan(0, n);
        sendLeft[..n].CopyTo(echoLeft);
        sendRight[..n].CopyTo(echoRight);
        _echo.Process(echoLeft, echoRight);
        for (int i = 0; i < n; i++)
        {
            left[i] += EchoLevel * echoLeft[i];
            right[i] += EchoLevel * echoRight[i];
        }

        _reverb.Process(left, right);
        _limiter.Process(left, right);
    }

    /// <summary>Clears the echo, the reverb tail and the limiter.</summary>
    public void Reset()
    {
        _echo.Reset();
        _reverb.Reset();
        _limiter.Reset();
    }
}
