using System.Runtime.CompilerServices;

namespace Echelon.Audio.Dsp;

/// <summary>
/// The reference twin of <see cref="PolyBlepOscillator"/>: the same 16-point polyBLEP written the
/// plain way, one sample at a time, with a double-precision phase and a 32-sample double ring that
/// every edge's 16 residual taps are added into. The fast oscillator must match it within float
/// rounding (see the tests); benchmarks use it as the baseline.
/// </summary>
/// <remarks>Threading: one rendering thread; nothing here allocates, locks or throws after <see cref="Prepare"/>.</remarks>
internal sealed class PolyBlepReference
{
    private const int RingSize = 32; // ≥ the 16 taps of one event plus the samples held back.
    private const int RingMask = RingSize - 1;
    private const int Lag = BlepKernel.Latency;

    private readonly double[] _ring = new double[RingSize];

    private int _sampleRate;
    private double _frequency = 440;
    private double _increment;
    private double _pulseWidth = 0.5;
    private OscillatorWaveform _waveform = OscillatorWaveform.Saw;

    private double _phase;
    private int _position;
    private bool _resetPending;
    private double _resetPhase;

    /// <summary>Creates a reference oscillator; call <see cref="Prepare"/> before rendering.</summary>
    public PolyBlepReference()
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
        set
        {
            DspGuard.Open(value, 0, _sampleRate > 0 ? _sampleRate / 2.0 : double.PositiveInfinity, nameof(Frequency), " Hz");
            _frequency = value;
            _increment = _sampleRate > 0 ? value / _sampleRate : 0;
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
    public double Phase => _phase;

    /// <summary>Sets the sample rate; checks <see cref="Frequency"/> against its Nyquist frequency and resets.</summary>
    /// <param name="sampleRate">Samples per second, 8,000–384,000.</param>
    public void Prepare(int sampleRate)
    {
        DspGuard.SampleRate(sampleRate, nameof(sampleRate));
        DspGuard.BelowNyquist(_frequency, sampleRate, nameof(Frequency));
        _sampleRate = sampleRate;
        _increment = _frequency / sampleRate;
        Reset();
    }

    /// <summary>Clears the output history and sets the phase to 0.</summary>
    public void Reset()
    {
        Array.Clear(_ring);
        _phase = 0;
        _position = 0;
        _resetPending = false;
    }

    /// <summary>
    /// Jumps to <paramref name="phase"/> at the next sample (hard sync, note start). The jump is itself
    /// band-limited: its step and change of slope get residuals like any other edge.
    /// </summary>
    /// <param name="phase">The new phase in [0, 1).</param>
    public void ResetPhase(double phase = 0)
    {
        DspGuard.HalfOpen(phase, 0, 1, nameof(phase), string.Empty);
        _resetPending = true;
        _resetPhase = phase;
    }

    /// <summary>Generates one sample: the per-sample reference of <see cref="Render"/>.</summary>
    /// <returns>The next output sample.</returns>
    public float Tick()
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(PolyBlepReference));
        return NextSample();
    }

    /// <summary>Writes (overwrites) the next <c>output.Length</c> samples; any length, zero included.</summary>
    /// <param name="output">Where the samples go.</param>
    public void Render(Span<float> output)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(PolyBlepReference));
        RenderUnchecked(output);
    }

    /// <summary>The next sample without the preparation check, for voices that own and prepare an oscillator.</summary>
    internal float NextSample()
    {
        float y = 0;
        RenderUnchecked(new Span<float>(ref y));
        return y;
    }

    /// <summary>Chooses the waveform's loop once per block, not per sample (the loops are specialised per shape).</summary>
    internal void RenderUnchecked(Span<float> output)
    {
        switch (_waveform)
        {
            case OscillatorWaveform.Saw:
                Run<SawShape>(output);
                break;
            case OscillatorWaveform.Square:
                Run<SquareShape>(output);
                break;
            case OscillatorWaveform.Triangle:
                Run<TriangleShape>(output);
                break;
            default:
                Run<SineShape>(output);
                break;
        }
    }

    private void Run<TShape>(Span<float> output)
        where TShape : struct, IShape
    {
        double[] ring = _ring;
        double t = _phase;
        double dt = _increment;
        double pw = _pulseWidth;
        int p = _position;
        if (_resetPending && output.Length > 0)
        {
            // The jump happens exactly at this sample: an event one whole sample after the previous one.
            double next = _resetPhase;
            AddStep(ring, p - 1, TShape.Naive(next, pw) - TShape.Naive(t, pw), 0);
            AddRamp(ring, p - 1, TShape.Slope(next, dt) - TShape.Slope(t, dt), 0);
            t = next;
            _resetPending = false;
        }

        for (int i = 0; i < output.Length; i++)
        {
            ring[p] += TShape.Naive(t, pw);
            double end = t + dt;
            if (TShape.HasEvent(t, end, pw))
            {
                TShape.AddEvents(ring, p, t, dt, end, pw);
            }

            t = end >= 1 ? end - 1 : end;
            int o = (p - Lag) & RingMask;
            output[i] = Denormal.Flush((float)ring[o]);
            ring[o] = 0;
            p = (p + 1) & RingMask;
        }

        _phase = t;
        _position = p;
    }

    /// <summary>x = 1 − d for an event at phase <paramref name="at"/>, d ∈ (0, 1] after the sample at phase t; clamped against rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Offset(double at, double t, double dt) => Math.Clamp(1 - ((at - t) / dt), 0, 1);

    /// <summary>Adds <paramref name="height"/>·E to the 16 samples around an event after sample <paramref name="p"/>.</summary>
    private static void AddStep(double[] ring, int p, double height, double x)
    {
        if (height == 0)
        {
            return;
        }

        double[] c = BlepKernel.Step;
        for (int j = 0; j < BlepKernel.Taps; j++)
        {
            int o = 4 * j;
            double e = c[o] + (x * (c[o + 1] + (x * (c[o + 2] + (x * c[o + 3])))));
            ring[(p + j - Lag) & RingMask] += height * e;
        }
    }

    /// <summary>Adds <paramref name="slope"/>·A to the 16 samples around a corner after sample <paramref name="p"/>.</summary>
    private static void AddRamp(double[] ring, int p, double slope, double x)
    {
        if (slope == 0)
        {
            return;
        }

        double[] c = BlepKernel.Ramp;
        for (int j = 0; j < BlepKernel.Taps; j++)
        {
            int o = 5 * j;
            double a = c[o] + (x * (c[o + 1] + (x * (c[o + 2] + (x * (c[o + 3] + (x * c[o + 4])))))));
            ring[(p + j - Lag) & RingMask] += slope * a;
        }
    }

    /// <summary>One waveform: its naive value and slope, and its band-limiting events between two samples.</summary>
    private interface IShape
    {
        /// <summary>Naive value at phase t.</summary>
        static abstract double Naive(double t, double pw);

        /// <summary>Slope of the naive waveform per sample at phase t.</summary>
        static abstract double Slope(double t, double dt);

        /// <summary>Whether an edge or corner lies in (t, end].</summary>
        static abstract bool HasEvent(double t, double end, double pw);

        /// <summary>Adds the residuals of every edge or corner in (t, end].</summary>
        static abstract void AddEvents(double[] ring, int p, double t, double dt, double end, double pw);
    }

    private readonly struct SawShape : IShape
    {
        public static double Naive(double t, double pw) => (2 * t) - 1;

        public static double Slope(double t, double dt) => 2 * dt;

        public static bool HasEvent(double t, double end, double pw) => end >= 1;

        public static void AddEvents(double[] ring, int p, double t, double dt, double end, double pw) =>
            AddStep(ring, p, -2, Offset(1, t, dt));
    }

    private readonly struct SquareShape : IShape
    {
        public static double Naive(double t, double pw) => (t < pw ? 1.0 : -1.0) - ((2 * pw) - 1);

        public static double Slope(double t, double dt) => 0;

        public static bool HasEvent(double t, double end, double pw) => end >= 1 || (t < pw && pw <= end);

        public static void AddEvents(double[] ring, int p, double t, double dt, double end, double pw)
        {
            if (t < pw && pw <= end)
            {
                AddStep(ring, p, -2, Offset(pw, t, dt));
            }

            if (end >= 1)
            {
                AddStep(ring, p, 2, Offset(1, t, dt));
                if (pw + 1 <= end)
                {
                    AddStep(ring, p, -2, Offset(pw + 1, t, dt));
                }
            }
        }
    }

    private readonly struct TriangleShape : IShape
    {
        public static double Naive(double t, double pw) => t < 0.25 ? 4 * t : t < 0.75 ? 2 - (4 * t) : (4 * t) - 4;

        public static double Slope(double t, double dt) => (t < 0.25 || t >= 0.75 ? 4 : -4) * dt;

        public static bool HasEvent(double t, double end, double pw) =>
            (t < 0.25 && 0.25 <= end) || (t < 0.75 && 0.75 <= end) || 1.25 <= end;

        public static void AddEvents(double[] ring, int p, double t, double dt, double end, double pw)
        {
            if (t < 0.25 && 0.25 <= end)
            {
                AddRamp(ring, p, -8 * dt, Offset(0.25, t, dt));
            }

            if (t < 0.75 && 0.75 <= end)
            {
                AddRamp(ring, p, 8 * dt, Offset(0.75, t, dt));
            }

            if (1.25 <= end)
            {
                AddRamp(ring, p, -8 * dt, Offset(1.25, t, dt));
            }
        }
    }

    private readonly struct SineShape : IShape
    {
        public static double Naive(double t, double pw) => FastSine.Sin2Pi(t);

        public static double Slope(double t, double dt) => 2 * Math.PI * dt * FastSine.Sin2Pi(t + 0.25);

        public static bool HasEvent(double t, double end, double pw) => false;

        public static void AddEvents(double[] ring, int p, double t, double dt, double end, double pw)
        {
        }
    }
}
