using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Echelon.Audio.Dsp;

/// <summary>
/// Stereo look-ahead peak limiter that never lets a sample exceed its ceiling (default −0.1 dBFS).
/// </summary>
/// <remarks>
/// <para>
/// The signal is delayed by D = round(lookahead × sampleRate) samples (<see cref="LatencySamples"/>). For
/// each incoming sample the gain that would keep it under the ceiling, g = min(1, ceiling / max(|L|, |R|)),
/// enters a sliding minimum over the last D + 1 samples (a monotonic deque: Lemire, "Streaming maximum-minimum
/// filter using no more than three comparisons per element", 2006). That hold feeds an envelope that
/// follows it down at once and recovers with <see cref="ReleaseSeconds"/>, and the envelope is averaged over
/// D + 1 samples (a box filter), which turns each gain drop into a smooth ramp lasting the look-ahead. The
/// delayed sample is multiplied by that average. Every one of the D + 1 envelope values averaged at time n
/// is at most the hold at its own time, and each of those holds includes the sample leaving the delay at
/// n, so the average is at most the gain that sample needs: the ceiling is met by construction (the design
/// of Geraint Luff, "Designing a straightforward limiter", Signalsmith Audio, 2021).
/// </para>
/// <para>
/// The running sum of the box filter is kept in integers (envelope values rounded down to multiples of
/// 2⁻⁴⁰), so it never drifts and a signal that needs no limiting passes bit for bit, only delayed. A final
/// clamp to ±ceiling catches the last rounding error of the floating-point gain; <see cref="ClampedSamples"/>
/// counts samples it moved by more than one part in 10⁷ (none in the tests). NaN and ±∞ inputs are replaced
/// by 0 and counted in <see cref="NonFiniteSamples"/>, and subnormal outputs become 0 (STYLE habit 10).
/// Lowering <see cref="CeilingDb"/> mid-stream takes one look-ahead to reach the gain computer; for those
/// samples the final clamp holds the new ceiling (and counts them).
/// </para>
/// <para>
/// <see cref="Process"/> has a fast path for the common case of a signal that needs no limiting: while the gain
/// computer is at rest (hold, envelope and box average all exactly 1), a run of samples at or under the ceiling
/// (found eight at a time) only passes through the delay line, and the state it leaves is exactly the one
/// <see cref="Tick"/> would leave; so the two still agree to the bit.
/// </para>
/// <para>Threading: one rendering thread; <see cref="Process"/> and <see cref="Tick"/> never allocate, lock or throw after <see cref="Prepare(int, double)"/>.</para>
/// </remarks>
public sealed class LookaheadLimiter
{
    /// <summary>Default look-ahead in seconds (3 ms).</summary>
    public const double DefaultLookaheadSeconds = 0.003;

    private const double FixedPointScale = 1099511627776.0; // 2^40
    private const double SettleTolerance = 1e-12;

    private float[] _delayLeft = [];
    private float[] _delayRight = [];
    private long[] _envelopeRing = [];
    private double[] _dequeValue = [];
    private long[] _dequeTime = [];
    private float[] _passLeft = [];
    private float[] _passRight = [];
    private int _passChunk;
    private int _delayMask;
    private int _dequeMask;
    private int _window;
    private int _latency;

    private int _sampleRate;
    private double _ceilingDb = -0.1;
    private float _ceiling;
    private double _release = 0.08;
    private double _releaseCoefficient;

    private long _time;
    private int _dequeHead;
    private int _dequeCount;
    private int _ringPosition;
    private long _sum;
    private double _envelope;
    private double _gain = 1;

    /// <summary>Creates a limiter with ceiling −0.1 dBFS and release 80 ms; call <see cref="Prepare(int)"/> before processing.</summary>
    public LookaheadLimiter() => _ceiling = CeilingFromDb(_ceilingDb);

    /// <summary>Ceiling in dBFS, [−24, 0]: no output sample's magnitude exceeds 10^(ceiling/20). Default −0.1.</summary>
    public double CeilingDb
    {
        get => _ceilingDb;
        set
        {
            DspGuard.Closed(value, -24, 0, nameof(CeilingDb), " dBFS");
            _ceilingDb = value;
            _ceiling = CeilingFromDb(value);
        }
    }

    /// <summary>The ceiling as a linear amplitude (rounded down to a float).</summary>
    public float Ceiling => _ceiling;

    /// <summary>Time constant of the gain's recovery, in seconds, [0.001, 2]. Default 0.08.</summary>
    public double ReleaseSeconds
    {
        get => _release;
        set
        {
            DspGuard.Closed(value, 0.001, 2, nameof(ReleaseSeconds), " s");
            _release = value;
            UpdateRelease();
        }
    }

    /// <summary>Delay from input to output in samples (the look-ahead).</summary>
    public int LatencySamples => _latency;

    /// <summary>Gain applied to the last output sample, in dB (0 when not limiting).</summary>
    public double GainReductionDb => 20 * Math.Log10(_gain);

    /// <summary>Input samples that were NaN or infinite and were replaced by 0.</summary>
    public long NonFiniteSamples { get; private set; }

    /// <summary>Output samples the final clamp moved by more than rounding (1e−7 relative); 0 means the gain alone kept the ceiling.</summary>
    public long ClampedSamples { get; private set; }

    /// <summary>Prepares with the default 3 ms look-ahead.</summary>
    /// <param name="sampleRate">Samples per second, 8,000–384,000.</param>
    public void Prepare(int sampleRate) => Prepare(sampleRate, DefaultLookaheadSeconds);

    /// <summary>Allocates the delay line and the gain computer for <paramref name="lookaheadSeconds"/> and clears them.</summary>
    /// <param name="sampleRate">Samples per second, 8,000–384,000.</param>
    /// <param name="lookaheadSeconds">Look-ahead in seconds, [0.0005, 0.01].</param>
    public void Prepare(int sampleRate, double lookaheadSeconds)
    {
        DspGuard.SampleRate(sampleRate, nameof(sampleRate));
        DspGuard.Closed(lookaheadSeconds, 0.0005, 0.01, nameof(lookaheadSeconds), " s");
        RealTimeCode.CompileAhead(typeof(LookaheadLimiter));
        _sampleRate = sampleRate;
        _latency = Math.Max(1, (int)Math.Round(lookaheadSeconds * sampleRate));
        _window = _latency + 1;
        int delaySize = (int)BitOperations.RoundUpToPowerOf2((uint)_window);
        _delayLeft = new float[delaySize];
        _delayRight = new float[delaySize];
        _delayMask = delaySize - 1;
        _envelopeRing = new long[_window];
        int dequeSize = (int)BitOperations.RoundUpToPowerOf2((uint)_window + 1);
        _dequeValue = new double[dequeSize];
        _dequeTime = new long[dequeSize];
        _dequeMask = dequeSize - 1;
        _passChunk = Math.Min(64, Math.Min(_latency, delaySize - _latency));
        _passLeft = new float[_passChunk];
        _passRight = new float[_passChunk];
        UpdateRelease();
        Reset();
    }

    /// <summary>Clears the delay line and returns the gain to 1; the counters are kept.</summary>
    public void Reset()
    {
        Array.Clear(_delayLeft);
        Array.Clear(_delayRight);
        Array.Fill(_envelopeRing, (long)FixedPointScale);
        _sum = (long)FixedPointScale * _window;
        _time = 0;
        _dequeHead = 0;
        _dequeCount = 0;
        _ringPosition = 0;
        _envelope = 1;
        _gain = 1;
    }

    /// <summary>Limits one stereo sample: the per-sample reference of <see cref="Process"/>.</summary>
    /// <param name="left">Left input; replaced by the left output from <see cref="LatencySamples"/> samples earlier.</param>
    /// <param name="right">Right input; replaced likewise.</param>
    public void Tick(ref float left, ref float right)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(LookaheadLimiter));
        Next(ref left, ref right);
    }

    /// <summary>Limits a stereo block in place (output delayed by <see cref="LatencySamples"/>); any length, zero included.</summary>
    /// <param name="left">Left channel.</param>
    /// <param name="right">Right channel, the same length as <paramref name="left"/> (only the common length is processed).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Process(Span<float> left, Span<float> right)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(LookaheadLimiter));
        Debug.Assert(left.Length == right.Length, "Stereo channels must have the same length.");
        int n = Math.Min(left.Length, right.Length);
        int i = 0;
        while (i < n)
        {
            if (IsSettled)
            {
                int quiet = QuietRun(left[i..n], right[i..n]);
                PassThrough(left.Slice(i, quiet), right.Slice(i, quiet));
                i += quiet;
                if (i == n)
                {
                    break;
                }
            }

            Next(ref left[i], ref right[i]);
            i++;
        }
    }

    /// <summary>
    /// True while the gain computer is at rest: every needed gain in the window was 1 (the deque holds at most one
    /// value, 1), the envelope is exactly 1 and the box sum is full. A sample that needs no limiting then leaves it
    /// exactly as it was, so the fast path of <see cref="Process"/> needs only the delay line.
    /// </summary>
    private bool IsSettled
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get => _envelope == 1.0 && _sum == (long)FixedPointScale * _window && (_dequeCount == 0 || (_dequeCount == 1 && _dequeValue[_dequeHead] == 1.0));
    }

    /// <summary>How many samples from the start are finite and at most the ceiling in both channels (8 at a time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int QuietRun(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var ceiling = Vector256.Create(_ceiling);
            for (; i <= left.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                // NaN compares false, so it ends the run like a loud sample.
                Vector256<float> quiet = Vector256.LessThanOrEqual(Vector256.Abs(Vector256.Create(left.Slice(i, Vector256<float>.Count))), ceiling)
                    & Vector256.LessThanOrEqual(Vector256.Abs(Vector256.Create(right.Slice(i, Vector256<float>.Count))), ceiling);
                uint loud = ~quiet.ExtractMostSignificantBits() & 0xFF;
                if (loud != 0)
                {
                    return i + BitOperations.TrailingZeroCount(loud);
                }
            }
        }

        for (; i < left.Length; i++)
        {
            if (!(MathF.Abs(left[i]) <= _ceiling && MathF.Abs(right[i]) <= _ceiling))
            {
                break;
            }
        }

        return i;
    }

    /// <summary>
    /// Samples that need no limiting while the gain computer is settled: exactly what <see cref="Next"/> does with a
    /// needed gain of 1 (the deque ends holding the last sample's 1, the envelope and the box sum stay full, the gain is
    /// 1), without its per-sample work.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PassThrough(Span<float> left, Span<float> right)
    {
        if (left.IsEmpty)
        {
            return;
        }

        int length = left.Length;
        while (!left.IsEmpty)
        {
            // A chunk no longer than the look-ahead reads only samples written before it, and one no longer than the
            // ring's spare room never writes where it still has to read.
            int n = Math.Min(left.Length, _passChunk);
            Ring(_delayLeft, _time - _latency, _passLeft.AsSpan(0, n), read: true);
            Ring(_delayRight, _time - _latency, _passRight.AsSpan(0, n), read: true);
            Ring(_delayLeft, _time, left[..n], read: false);
            Ring(_delayRight, _time, right[..n], read: false);
            Emit(_passLeft.AsSpan(0, n), left[..n]);
            Emit(_passRight.AsSpan(0, n), right[..n]);
            _time += n;
            left = left[n..];
            right = right[n..];
        }

        _dequeValue[_dequeHead] = 1.0;
        _dequeTime[_dequeHead] = _time - 1;
        _dequeCount = 1;
        _ringPosition = (int)((_ringPosition + (long)length) % _window);
        _gain = 1.0;
    }

    /// <summary>Copies between <paramref name="samples"/> and the delay ring from time <paramref name="from"/> on, across its wrap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Ring(float[] ring, long from, Span<float> samples, bool read)
    {
        int start = (int)(from & _delayMask);
        int head = Math.Min(samples.Length, ring.Length - start);
        if (read)
        {
            ring.AsSpan(start, head).CopyTo(samples);
            ring.AsSpan(0, samples.Length - head).CopyTo(samples[head..]);
        }
        else
        {
            samples[..head].CopyTo(ring.AsSpan(start));
            samples[head..].CopyTo(ring);
        }
    }

    /// <summary><see cref="Limit"/> of each delayed sample times a gain of 1, eight at a time while none exceeds the ceiling.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Emit(ReadOnlySpan<float> delayed, Span<float> output)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var ceiling = Vector256.Create(_ceiling);
            var smallest = Vector256.Create(1.17549435E-38f); // the smallest normal float
            for (; i <= delayed.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var y = Vector256.Create(delayed.Slice(i, Vector256<float>.Count));
                Vector256<float> magnitude = Vector256.Abs(y);
                if (Vector256.GreaterThanAny(magnitude, ceiling))
                {
                    break;
                }

                // Limit flushes only true subnormals (not ±0) to +0.
                Vector256<float> subnormal = Vector256.LessThan(magnitude, smallest) & ~Vector256.Equals(y, Vector256<float>.Zero);
                Vector256.AndNot(y, subnormal).CopyTo(output.Slice(i, Vector256<float>.Count));
            }
        }

        for (; i < delayed.Length; i++)
        {
            output[i] = Limit(delayed[i] * 1.0);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Next(ref float left, ref float right)
    {
        float inLeft = left;
        float inRight = right;
        if (!float.IsFinite(inLeft))
        {
            inLeft = 0;
            NonFiniteSamples++;
        }

        if (!float.IsFinite(inRight))
        {
            inRight = 0;
            NonFiniteSamples++;
        }

        // Gain this sample needs, into the sliding minimum over the last D + 1 samples.
        float peak = MathF.Max(MathF.Abs(inLeft), MathF.Abs(inRight));
        double needed = peak > _ceiling ? _ceiling / (double)peak : 1.0;
        long now = _time++;
        while (_dequeCount > 0 && _dequeValue[(_dequeHead + _dequeCount - 1) & _dequeMask] >= needed)
        {
            _dequeCount--;
        }

        int tail = (_dequeHead + _dequeCount) & _dequeMask;
        _dequeValue[tail] = needed;
        _dequeTime[tail] = now;
        _dequeCount++;
        if (_dequeTime[_dequeHead] <= now - _window)
        {
            _dequeHead = (_dequeHead + 1) & _dequeMask;
            _dequeCount--;
        }

        double hold = _dequeValue[_dequeHead];

        // Instant attack, exponential release, never above the hold.
        double envelope = _envelope;
        envelope = hold <= envelope ? hold : hold - ((hold - envelope) * _releaseCoefficient);
        if (hold - envelope < SettleTolerance)
        {
            envelope = hold;
        }

        _envelope = envelope;

        // Box average of the envelope over D + 1 samples, in exact fixed point.
        long quantised = (long)(envelope * FixedPointScale);
        _sum += quantised - _envelopeRing[_ringPosition];
        _envelopeRing[_ringPosition] = quantised;
        _ringPosition = _ringPosition + 1 == _window ? 0 : _ringPosition + 1;
        double gain = _sum / (FixedPointScale * _window);
        _gain = gain;

        // The delay line: write now, read the sample from D samples ago.
        int write = (int)(now & _delayMask);
        int read = (int)((now - _latency) & _delayMask);
        _delayLeft[write] = inLeft;
        _delayRight[write] = inRight;
        left = Limit(_delayLeft[read] * gain);
        right = Limit(_delayRight[read] * gain);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float Limit(double y)
    {
        double ceiling = _ceiling;
        double magnitude = Math.Abs(y);
        if (magnitude > ceiling)
        {
            if (magnitude > ceiling * (1 + 1e-7))
            {
                ClampedSamples++;
            }

            y = y > 0 ? ceiling : -ceiling;
        }

        // Only true subnormals are flushed here, so a signal that needs no limiting passes bit for bit.
        float result = (float)y;
        return float.IsSubnormal(result) ? 0f : result;
    }

    /// <summary>10^(dB/20) rounded down to a float, so the float ceiling never exceeds the exact one.</summary>
    private static float CeilingFromDb(double db)
    {
        double exact = Math.Pow(10, db / 20);
        float ceiling = (float)exact;
        return ceiling > exact ? MathF.BitDecrement(ceiling) : ceiling;
    }

    private void UpdateRelease() =>
        _releaseCoefficient = _sampleRate > 0 ? Math.Exp(-1.0 / (_release * _sampleRate)) : 0;
}
