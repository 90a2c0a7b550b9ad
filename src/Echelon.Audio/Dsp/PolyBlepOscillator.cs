using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Echelon.Audio.Dsp;

/// <summary>
/// A band-limited oscillator: sine, saw, pulse and triangle without the aliasing of their naive forms.
/// </summary>
/// <remarks>
/// <para>
/// Each jump of the naive waveform (saw and pulse edges) gets a band-limited step residual and each
/// corner (triangle peaks) a band-limited ramp residual, placed at the exact sub-sample time of the
/// event (see <see cref="BlepKernel"/> for the 16-point polyBLEP and its sources). At 48 kHz the fold-over
/// partials of a 2,990 Hz saw are at least 64 dB below its fundamental (the naive saw's: 19 dB), and a
/// partial folding to within 100 Hz of Nyquist is still 46 dB down. The output is delayed by
/// <see cref="LatencySamples"/> samples, the same for every waveform. Frequency changes are smooth; a
/// change of <see cref="Waveform"/> or <see cref="PulseWidth"/> takes effect at the next sample without a
/// band-limited transition.
/// </para>
/// <para>
/// Saw, square and triangle span [−1, 1] before band-limiting (so they overshoot by a few percent at
/// the edges, as every band-limited edge must). The pulse is made zero-mean: its naive form is shifted
/// by −(2·<see cref="PulseWidth"/> − 1).
/// </para>
/// <para>
/// How it is fast (docs/architecture/0010-render-performance.md): the phase is a 64-bit integer, so the
/// phase of sample k is exactly p₀ + k·Δ whatever the block sizes, the naive waveform of eight samples is
/// computed at once from the top 32 bits of eight phases, and the edges are found by integer division
/// (how many steps until the phase crosses the edge) instead of a test on every sample. Each edge adds its
/// 16 float residual taps as two 8-wide vectors into a residual line that runs 16 samples ahead of the
/// output; an output sample is its naive value (from <see cref="LatencySamples"/> samples earlier) plus its
/// residual. Every output sample is computed by the same arithmetic however the samples are split into
/// blocks, so <see cref="Tick"/> and <see cref="Render"/> agree to the bit. <see cref="PolyBlepReference"/> is
/// the same polyBLEP written sample by sample in double precision; the two agree within float rounding.
/// Frequency is quantised to fs/2⁶⁴ and the pulse width to 2⁻³², both far below anything audible.
/// </para>
/// <para>
/// Threading: parameters are set between blocks from the thread that renders; <see cref="Render"/> and
/// <see cref="Tick"/> never allocate, lock or throw once <see cref="Prepare"/> has run.
/// </para>
/// </remarks>
public sealed class PolyBlepOscillator
{
    private const int Lag = BlepKernel.Latency;
    private const int Taps = BlepKernel.Taps;
    private const int Chunk = 256;
    private const double PhaseScale = 18_446_744_073_709_551_616.0; // 2^64
    private const double HalfPhaseScale = 4_294_967_296.0; // 2^32
    private const ulong Quarter = 1UL << 62;

    // _naive[0, Lag) holds the last Lag naive samples; a chunk's naive samples go after them.
    private readonly float[] _naive = new float[Lag + Chunk];

    // _residual[k] is the residual of the k-th sample from the start of the next chunk.
    private readonly float[] _residual = new float[Chunk + Taps];

    private int _sampleRate;
    private double _frequency = 440;
    private ulong _increment;
    private ulong _period; // ⌊2⁶⁴/Δ⌋: steps between two crossings of one edge are this or one more
    private double _pulseWidth = 0.5;
    private uint _pulseEdge = 0x8000_0000;
    private float _pulseHigh = 1;
    private float _pulseLow = -1;
    private OscillatorWaveform _waveform = OscillatorWaveform.Saw;

    private ulong _phase;
    private bool _resetPending;
    private ulong _resetPhase;

    /// <summary>Creates an oscillator; call <see cref="Prepare"/> before rendering.</summary>
    public PolyBlepOscillator()
    {
        // Build the kernel tables here, off the audio thread, so their one-time construction never runs there.
        RuntimeHelpers.RunClassConstructor(typeof(BlepKernel).TypeHandle);
    }

    /// <summary>Delay of the output behind the phase, in samples (7, the same for every waveform).</summary>
    public static int LatencySamples => Lag;

    /// <summary>The sample rate given to <see cref="Prepare"/>, or 0 before it.</summary>
    public int SampleRate => _sampleRate;

    /// <summary>Frequency in Hz: 0 &lt; f &lt; SampleRate / 2 (checked against the sample rate once prepared). Default 440.</summary>
    public double Frequency
    {
        get => _frequency;
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        set
        {
            DspGuard.Open(value, 0, _sampleRate > 0 ? _sampleRate / 2.0 : double.PositiveInfinity, nameof(Frequency), " Hz");
            _frequency = value;
            UpdateIncrement();
        }
    }

    /// <summary>Fraction of the period the pulse is high, in [0.01, 0.99]. Default 0.5 (square).</summary>
    public double PulseWidth
    {
        get => _pulseWidth;
        set
        {
            DspGuard.Closed(value, 0.01, 0.99, nameof(PulseWidth), string.Empty);
            _pulseWidth = value;
            _pulseEdge = (uint)Math.Round(value * HalfPhaseScale);
            UpdatePulseLevels();
        }
    }

    /// <summary>The waveform. Default <see cref="OscillatorWaveform.Saw"/>.</summary>
    public OscillatorWaveform Waveform
    {
        get => _waveform;
        set
        {
            DspGuard.Defined(value, nameof(Waveform));
            _waveform = value;
        }
    }

    /// <summary>The phase of the next sample to be generated, in [0, 1).</summary>
    public double Phase => Math.Min(_phase / PhaseScale, Math.BitDecrement(1.0));

    /// <summary>Sets the sample rate; checks <see cref="Frequency"/> against its Nyquist frequency and resets.</summary>
    /// <param name="sampleRate">Samples per second, 8,000–384,000.</param>
    public void Prepare(int sampleRate)
    {
        DspGuard.SampleRate(sampleRate, nameof(sampleRate));
        DspGuard.BelowNyquist(_frequency, sampleRate, nameof(Frequency));
        RealTimeCode.CompileAhead(typeof(PolyBlepOscillator));
        _sampleRate = sampleRate;
        UpdateIncrement();
        Reset();
    }

    /// <summary>Clears the output history and sets the phase to 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Reset()
    {
        Array.Clear(_naive);
        Array.Clear(_residual);
        _phase = 0;
        _resetPending = false;
    }

    /// <summary>
    /// Jumps to <paramref name="phase"/> at the next sample (hard sync, note start). The jump is itself
    /// band-limited: its step and change of slope get residuals like any other edge.
    /// </summary>
    /// <param name="phase">The new phase in [0, 1).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ResetPhase(double phase = 0)
    {
        DspGuard.HalfOpen(phase, 0, 1, nameof(phase), string.Empty);
        _resetPending = true;
        _resetPhase = (ulong)(phase * PhaseScale);
    }

    /// <summary>Generates one sample: the per-sample reference of <see cref="Render"/>.</summary>
    /// <returns>The next output sample.</returns>
    public float Tick()
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(PolyBlepOscillator));
        return NextSample();
    }

    /// <summary>Writes (overwrites) the next <c>output.Length</c> samples; any length, zero included.</summary>
    /// <param name="output">Where the samples go.</param>
    public void Render(Span<float> output)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(PolyBlepOscillator));
        RenderUnchecked(output);
    }

    /// <summary>The next sample without the preparation check, for voices that own and prepare an oscillator.</summary>
    internal float NextSample()
    {
        float y = 0;
        RenderUnchecked(new Span<float>(ref y));
        return y;
    }

    /// <summary>Renders in chunks of at most 256 samples, choosing the waveform's specialised loop once per chunk.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void RenderUnchecked(Span<float> output)
    {
        while (output.Length > 0)
        {
            Span<float> chunk = output[..Math.Min(Chunk, output.Length)];
            switch (_waveform)
            {
                case OscillatorWaveform.Saw:
                    RenderChunk<SawShape>(chunk);
                    break;
                case OscillatorWaveform.Square:
                    RenderChunk<SquareShape>(chunk);
                    break;
                case OscillatorWaveform.Triangle:
                    RenderChunk<TriangleShape>(chunk);
                    break;
                default:
                    RenderChunk<SineShape>(chunk);
                    break;
            }

            output = output[chunk.Length..];
        }
    }

    /// <summary>The naive pulse's two levels, made zero-mean with the width actually used (the quantised edge).</summary>
    private void UpdatePulseLevels()
    {
        double offset = (2 * (_pulseEdge / HalfPhaseScale)) - 1;
        _pulseHigh = (float)(1 - offset);
        _pulseLow = (float)(-1 - offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateIncrement()
    {
        _increment = _sampleRate > 0 ? Math.Max(1, (ulong)(_frequency / _sampleRate * PhaseScale)) : 1;
        // ⌊2⁶⁴/Δ⌋ in 64-bit arithmetic: ⌊(2⁶⁴ − 1)/Δ⌋, plus one when Δ divides 2⁶⁴ (saturating at Δ = 1, whose edges
        // never come twice in a block anyway).
        _period = ulong.MaxValue / _increment;
        if ((ulong.MaxValue % _increment) + 1 == _increment && _period != ulong.MaxValue)
        {
            _period++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RenderChunk<TShape>(Span<float> output)
        where TShape : struct, IShape
    {
        int n = output.Length;
        ulong increment = _increment;
        var shape = new ShapeParameters(_pulseEdge, increment, _period, _pulseHigh, _pulseLow);
        if (_resetPending)
        {
            AddReset<TShape>(shape);
        }

        ulong start = _phase;
        ref float naive = ref MemoryMarshal.GetArrayDataReference(_naive);
        ref float residual = ref MemoryMarshal.GetArrayDataReference(_residual);

        // Naive samples, eight at a time from eight exact phases, after the Lag held-back ones.
        int i = 0;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            Vector256<ulong> low = Vector256.Create(start, start + increment, start + (2 * increment), start + (3 * increment));
            Vector256<ulong> high = low + Vector256.Create(4 * increment);
            Vector256<ulong> stride = Vector256.Create(8 * increment);
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<uint> top = Vector256.Narrow(Vector256.ShiftRightLogical(low, 32), Vector256.ShiftRightLogical(high, 32));
                TShape.Naive(top, shape).StoreUnsafe(ref naive, (nuint)(Lag + i));
                low += stride;
                high += stride;
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref naive, Lag + i) = TShape.Naive((uint)((start + ((ulong)i * increment)) >> 32), shape);
        }

        TShape.AddEdges(_residual, start, increment, n, shape);

        // Output = the naive sample from Lag samples ago + its residual, flushed.
        i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> y = Vector256.LoadUnsafe(ref naive, (nuint)i) + Vector256.LoadUnsafe(ref residual, (nuint)i);
                Denormal.Flush(y).StoreUnsafe(ref MemoryMarshal.GetReference(output), (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            output[i] = Denormal.Flush(Unsafe.Add(ref naive, i) + Unsafe.Add(ref residual, i));
        }

        _naive.AsSpan(n, Lag).CopyTo(_naive);
        _residual.AsSpan(n, Taps).CopyTo(_residual);
        _residual.AsSpan(Taps, n).Clear();
        _phase = start + ((ulong)n * increment);
    }

    /// <summary>
    /// The jump of a pending <see cref="ResetPhase"/>: an edge exactly at the coming sample (one whole sample after
    /// the last one), so its taps start one sample back; the first tap, E(−8) = A(−8) = 0, is dropped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddReset<TShape>(in ShapeParameters shape)
        where TShape : struct, IShape
    {
        ulong from = _phase;
        ulong to = _resetPhase;
        float step = TShape.Naive((uint)(to >> 32), shape) - TShape.Naive((uint)(from >> 32), shape);
        double dt = _increment / PhaseScale;
        float slope = (float)(TShape.Slope(to / PhaseScale, dt) - TShape.Slope(from / PhaseScale, dt));
        float[] e = BlepKernel.StepByPower;
        float[] a = BlepKernel.RampByPower;
        for (int j = 1; j < Taps; j++)
        {
            _residual[j - 1] += step * e[j];
            _residual[j - 1] += slope * a[j];
        }

        _phase = to;
        _resetPending = false;
    }

    /// <summary>Steps from phase <paramref name="phase"/> until the phase crosses <paramref name="edge"/>: the crossing lies between sample k and k + 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong StepsUntil(ulong edge, ulong phase, ulong increment) => (edge - phase - 1) / increment;

    /// <summary>
    /// Adds the residuals of every crossing of one or two edges within the n steps from <paramref name="start"/>,
    /// in time order (two crossings in one step: the earlier first). After the first crossing of an edge (one integer
    /// division), the next comes ⌊2⁶⁴/Δ⌋ or one more steps later; one multiplication and a comparison tell which.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddCrossings(float[] residual, ulong start, in ShapeParameters shape, int n, ulong edgeA, float heightA, ulong edgeB, float heightB, bool two, bool ramp)
    {
        ulong increment = shape.Increment;
        ulong period = shape.Period;
        double perStep = 1.0 / increment;
        ulong end = (ulong)n;
        ulong a = StepsUntil(edgeA, start, increment);
        ulong b = two ? StepsUntil(edgeB, start, increment) : ulong.MaxValue;
        while (true)
        {
            ulong k = Math.Min(a, b);
            if (k >= end)
            {
                return;
            }

            ulong phase = start + (k * increment);
            bool first = a != b ? a < b : edgeA - phase <= edgeB - phase;
            ulong edge = first ? edgeA : edgeB;
            float height = first ? heightA : heightB;

            // The edge lies d = (edge − phase)/Δ ∈ (0, 1] samples after sample k: x = 1 − d, as in PolyBlepReference.
            float x = (float)Math.Clamp(1 - ((edge - phase) * perStep), 0, 1);
            if (ramp)
            {
                AddRamp(residual, (int)k, height, x);
            }
            else
            {
                AddStep(residual, (int)k, height, x);
            }

            // The crossing after the one in step k: in step k + m when 0 < edge − phaseₖ₊ₘ ≤ Δ, m = period or period + 1.
            ulong ahead = edge - (phase + (period * increment));
            ulong steps = ahead != 0 && ahead <= increment ? period : period + 1;
            ulong next = steps == 0 || steps >= end - k ? ulong.MaxValue : k + steps;
            if (first)
            {
                a = next;
            }
            else
            {
                b = next;
            }
        }
    }

    /// <summary>Adds <paramref name="height"/>·E(x) to the 16 samples from <paramref name="k"/> on (two 8-wide vectors).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void AddStep(float[] residual, int k, float height, float x)
    {
        ref float c = ref MemoryMarshal.GetArrayDataReference(BlepKernel.StepByPower);
        ref float r = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(residual), k);
        var xs = Vector256.Create(x);
        var h = Vector256.Create(height);
        for (nuint half = 0; half < Taps; half += 8)
        {
            Vector256<float> e = Vector256.LoadUnsafe(ref c, half + (3 * Taps));
            e = Vector256.LoadUnsafe(ref c, half + (2 * Taps)) + (xs * e);
            e = Vector256.LoadUnsafe(ref c, half + Taps) + (xs * e);
            e = Vector256.LoadUnsafe(ref c, half) + (xs * e);
            (Vector256.LoadUnsafe(ref r, half) + (h * e)).StoreUnsafe(ref r, half);
        }
    }

    /// <summary>Adds <paramref name="slope"/>·A(x) to the 16 samples from <paramref name="k"/> on (two 8-wide vectors).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void AddRamp(float[] residual, int k, float slope, float x)
    {
        ref float c = ref MemoryMarshal.GetArrayDataReference(BlepKernel.RampByPower);
        ref float r = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(residual), k);
        var xs = Vector256.Create(x);
        var h = Vector256.Create(slope);
        for (nuint half = 0; half < Taps; half += 8)
        {
            Vector256<float> e = Vector256.LoadUnsafe(ref c, half + (4 * Taps));
            e = Vector256.LoadUnsafe(ref c, half + (3 * Taps)) + (xs * e);
            e = Vector256.LoadUnsafe(ref c, half + (2 * Taps)) + (xs * e);
            e = Vector256.LoadUnsafe(ref c, half + Taps) + (xs * e);
            e = Vector256.LoadUnsafe(ref c, half) + (xs * e);
            (Vector256.LoadUnsafe(ref r, half) + (h * e)).StoreUnsafe(ref r, half);
        }
    }

    /// <summary>What a waveform needs per chunk: the pulse edge (top 32 bits of its phase) and the phase increment.</summary>
    private readonly struct ShapeParameters
    {
        public readonly uint PulseEdge;
        public readonly ulong Increment;
        public readonly ulong Period;
        public readonly float High;
        public readonly float Low;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ShapeParameters(uint pulseEdge, ulong increment, ulong period, float high, float low)
        {
            PulseEdge = pulseEdge;
            Increment = increment;
            Period = period;
            High = high;
            Low = low;
        }
    }

    /// <summary>One waveform: its naive value from the top 32 bits of the phase (vector and scalar, the same arithmetic), its slope, and its edges.</summary>
    private interface IShape
    {
        /// <summary>Naive values of eight samples.</summary>
        static abstract Vector256<float> Naive(Vector256<uint> top, in ShapeParameters shape);

        /// <summary>Naive value of one sample.</summary>
        static abstract float Naive(uint top, in ShapeParameters shape);

        /// <summary>Slope of the naive waveform per sample at phase t (for a phase reset's ramp residual).</summary>
        static abstract double Slope(double t, double dt);

        /// <summary>Adds the residuals of every edge or corner crossed in the n steps from <paramref name="start"/>.</summary>
        static abstract void AddEdges(float[] residual, ulong start, ulong increment, int n, in ShapeParameters shape);
    }

    private readonly struct SawShape : IShape
    {
        private const float Scale = 1f / 2_147_483_648f; // 2^-31

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Naive(Vector256<uint> top, in ShapeParameters shape) =>
            Vector256.ConvertToSingle((top ^ Vector256.Create(0x8000_0000u)).AsInt32()) * Scale;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Naive(uint top, in ShapeParameters shape) => (int)(top ^ 0x8000_0000u) * Scale;

        public static double Slope(double t, double dt) => 2 * dt;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void AddEdges(float[] residual, ulong start, ulong increment, int n, in ShapeParameters shape) =>
            AddCrossings(residual, start, shape, n, 0, -2, 0, 0, two: false, ramp: false);
    }

    private readonly struct SquareShape : IShape
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Naive(Vector256<uint> top, in ShapeParameters shape) =>
            Vector256.ConditionalSelect(
                Vector256.LessThan(top, Vector256.Create(shape.PulseEdge)).AsSingle(),
                Vector256.Create(shape.High),
                Vector256.Create(shape.Low));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Naive(uint top, in ShapeParameters shape) => top < shape.PulseEdge ? shape.High : shape.Low;

        public static double Slope(double t, double dt) => 0;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void AddEdges(float[] residual, ulong start, ulong increment, int n, in ShapeParameters shape) =>
            AddCrossings(residual, start, shape, n, (ulong)shape.PulseEdge << 32, -2, 0, 2, two: true, ramp: false);
    }

    private readonly struct TriangleShape : IShape
    {
        private const float Scale = 1f / 1_073_741_824f; // 2^-30

        // 1 − 4·|u − ½| with u = t + ¼ (mod 1): 4t rising to the peak at ¼, falling to the trough at ¾.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Naive(Vector256<uint> top, in ShapeParameters shape) =>
            Vector256<float>.One - (Vector256.Abs(Vector256.ConvertToSingle(((top + Vector256.Create(0x4000_0000u)) ^ Vector256.Create(0x8000_0000u)).AsInt32())) * Scale);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Naive(uint top, in ShapeParameters shape) =>
            1f - (MathF.Abs((int)((top + 0x4000_0000u) ^ 0x8000_0000u)) * Scale);

        public static double Slope(double t, double dt) => (t < 0.25 || t >= 0.75 ? 4 : -4) * dt;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void AddEdges(float[] residual, ulong start, ulong increment, int n, in ShapeParameters shape)
        {
            float corner = (float)(8 * (increment / PhaseScale));
            AddCrossings(residual, start, shape, n, Quarter, -corner, 3 * Quarter, corner, two: true, ramp: true);
        }
    }

    private readonly struct SineShape : IShape
    {
        private const float Scale = 1f / 4_294_967_296f; // 2^-32
        private const float TwoPi = 2 * MathF.PI;

        // (−1)^k / (2k + 1)! for k = 1 … 6: the Taylor series of sin θ on [−π/2, π/2] to θ¹³ (error below 6e−10).
        private const float C3 = -1f / 6;
        private const float C5 = 1f / 120;
        private const float C7 = -1f / 5040;
        private const float C9 = 1f / 362_880;
        private const float C11 = -1f / 39_916_800;
        private const float C13 = 1f / 6_227_020_800;

        // y = t − ½ ∈ [−½, ½) exactly from the phase bits; sin 2πt = −sin 2πy; |y| folded into [0, ¼] by sin(π − θ) = sin θ.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Naive(Vector256<uint> top, in ShapeParameters shape)
        {
            Vector256<float> y = Vector256.ConvertToSingle((top ^ Vector256.Create(0x8000_0000u)).AsInt32()) * Scale;
            var quarter = Vector256.Create(0.25f);
            var half = Vector256.Create(0.5f);
            y = Vector256.ConditionalSelect(Vector256.GreaterThan(y, quarter), half - y, y);
            y = Vector256.ConditionalSelect(Vector256.LessThan(y, -quarter), -half - y, y);
            Vector256<float> theta = y * TwoPi;
            Vector256<float> t2 = theta * theta;
            Vector256<float> p = Vector256.Create(C11) + (t2 * C13);
            p = Vector256.Create(C9) + (t2 * p);
            p = Vector256.Create(C7) + (t2 * p);
            p = Vector256.Create(C5) + (t2 * p);
            p = Vector256.Create(C3) + (t2 * p);
            return -(theta + (theta * t2 * p));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Naive(uint top, in ShapeParameters shape)
        {
            float y = (int)(top ^ 0x8000_0000u) * Scale;
            y = y > 0.25f ? 0.5f - y : y;
            y = y < -0.25f ? -0.5f - y : y;
            float theta = y * TwoPi;
            float t2 = theta * theta;
            float p = C11 + (t2 * C13);
            p = C9 + (t2 * p);
            p = C7 + (t2 * p);
            p = C5 + (t2 * p);
            p = C3 + (t2 * p);
            return -(theta + (theta * t2 * p));
        }

        public static double Slope(double t, double dt) => 2 * Math.PI * dt * FastSine.Sin2Pi(t + 0.25);

        public static void AddEdges(float[] residual, ulong start, ulong increment, int n, in ShapeParameters shape)
        {
        }
    }
}
