namespace Echelon.Audio.Analysis;

/// <summary>
/// A causal tempo and beat tracker over the onset function. Several times a second it estimates the beat period
/// from the autocorrelation of the last seconds of onset strength (weighted by a one-octave log-normal tempo prior
/// and sharpened with the period's multiples), then the beat phase from a comb of that period laid back over the
/// history; beats are predicted one period ahead and emitted when the analysis reaches them. Nothing looks
/// ahead: a beat is reported at the frame it falls on.
/// </summary>
/// <remarks>
/// <para>
/// This is the two-stage design of Davies and Plumbley (2007), context-dependent tempo then phase, with the
/// prediction made causal the way aubio's tracker is; the prior is the one Ellis (2007) and librosa use.
/// The tempo keeps its octave unless another one scores clearly better on three estimates in a row, so a
/// syncopated bar does not flip it.
/// </para>
/// <para>Threading: one instance per thread. <see cref="Update"/> allocates nothing.</para>
/// </remarks>
public sealed class BeatTracker
{
    private const int HarmonicTerms = 4;
    private const double PhaseDecay = 0.85;
    private const int SwitchVotes = 3;

    private readonly double _frameRate;
    private readonly int _capacity;
    private readonly int _minLag;
    private readonly int _maxLag;
    private readonly int _warmUp;
    private readonly int _interval;
    private readonly double _preferredLag;
    private readonly double[] _ring;
    private readonly double[] _history;
    private readonly double[] _acf;
    private readonly double[] _score;
    private readonly RealFft _fft;
    private readonly float[] _padded;
    private readonly float[] _re;
    private readonly float[] _im;
    private long _frames;
    private double _period;
    private double _next = double.NaN;
    private double _lastEmitted = double.NegativeInfinity;
    private int _votes;

    /// <summary>Prepares the history for <paramref name="options"/>' frame rate (sample rate / hop).</summary>
    public BeatTracker(ListeningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _frameRate = (double)options.SampleRate / options.HopSize;
        _capacity = (int)Math.Round(options.TempoHistorySeconds * _frameRate);
        _minLag = Math.Max(2, (int)Math.Floor(_frameRate * 60 / options.MaxBpm));
        _maxLag = (int)Math.Ceiling(_frameRate * 60 / options.MinBpm);
        _preferredLag = _frameRate * 60 / options.PreferredBpm;
        _warmUp = Math.Max((int)Math.Round(options.BeatWarmUpSeconds * _frameRate), _minLag * 2);
        _interval = Math.Max(1, (int)Math.Round(_frameRate / 6));
        _ring = new double[_capacity];
        _history = new double[_capacity];
        _acf = new double[_capacity];
        _score = new double[_maxLag + 2];
        _fft = new RealFft((int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(2 * _capacity)));
        _padded = new float[_fft.Size];
        _re = new float[_fft.Bins];
        _im = new float[_fft.Bins];
    }

    /// <summary>Frames per second of the onset function this tracker reads.</summary>
    public double FrameRate => _frameRate;

    /// <summary>The current tempo in BPM; 0 until the first estimate.</summary>
    public double TempoBpm => _period > 0 ? _frameRate * 60 / _period : 0;

    /// <summary>The current beat period in frames; 0 until the first estimate.</summary>
    public double PeriodFrames => _period;

    /// <summary>True once beats are being predicted.</summary>
    public bool IsLocked => !double.IsNaN(_next);

    /// <summary>
    /// The beat phase θ at the newest frame, radians in [0, 2π): 0 on a beat, π half way to the next.
    /// 0 until locked.
    /// </summary>
    public double Phase
    {
        get
        {
            if (!IsLocked)
            {
                return 0;
            }

            double since = (_frames - 1 - (_next - _period)) / _period;
            since -= Math.Floor(since);
            return 2 * Math.PI * since;
        }
    }

    /// <summary>
    /// Takes the onset function of the next frame. Returns true when a beat falls on this frame; its position, in
    /// frames from the first (with a fraction), is then in <paramref name="beatFrame"/>.
    /// </summary>
    public bool Update(double onsetStrength, out double beatFrame)
    {
        beatFrame = 0;
        if (!double.IsFinite(onsetStrength) || onsetStrength < 0)
        {
            onsetStrength = 0;
        }

        _ring[_frames % _capacity] = onsetStrength;
        long frame = _frames++;
        if (_frames < _warmUp)
        {
            return false;
        }

        if (!IsLocked || (_frames - _warmUp) % _interval == 0)
        {
            Estimate();
        }

        if (!IsLocked || frame < _next)
        {
            return false;
        }

        double beat = _next;
        _next += _period;
        if (beat - _lastEmitted < 0.6 * _period)
        {
            return false;
        }

        _lastEmitted = beat;
        beatFrame = beat;
        return true;
    }

    /// <summary>Forgets everything: tempo, phase and history.</summary>
    public void Reset()
    {
        Array.Clear(_ring);
        _frames = 0;
        _period = 0;
        _next = double.NaN;
        _lastEmitted = double.NegativeInfinity;
        _votes = 0;
    }

    private void Estimate()
    {
        int n = (int)Math.Min(_frames, _capacity);
        Span<double> x = _history.AsSpan(0, n);
        long start = _frames - n;
        double mean = 0;
        for (int i = 0; i < n; i++)
        {
            x[i] = _ring[(start + i) % _capacity];
            mean += x[i];
        }

        mean /= n;
        for (int i = 0; i < n; i++)
        {
            x[i] -= mean;
        }

        // Biased autocorrelation up to the longest lag any harmonic term can use, as the inverse transform of the
        // power spectrum; zero padding to at least 2n leaves no wrap-around.
        int maxLag = Math.Min(n - 1, HarmonicTerms * _maxLag);
        for (int i = 0; i < n; i++)
        {
            _padded[i] = (float)x[i];
        }

        _padded.AsSpan(n).Clear();
        _fft.Forward(_padded, _re, _im);
        for (int k = 0; k < _re.Length; k++)
        {
            _re[k] = (_re[k] * _re[k]) + (_im[k] * _im[k]);
            _im[k] = 0;
        }

        _fft.Inverse(_re, _im, _padded);
        for (int lag = 0; lag <= maxLag; lag++)
        {
            _acf[lag] = _padded[lag] / n;
        }

        if (_acf[0] <= 1e-18)
        {
            return;
        }

        int lastLag = Math.Min(_maxLag, maxLag);
        int best = -1;
        for (int lag = _minLag; lag <= lastLag; lag++)
        {
            _score[lag] = LagScore(lag, maxLag);
            if (best < 0 || _score[lag] > _score[best])
            {
                best = lag;
            }
        }

        if (best < 0 || _score[best] <= 0)
        {
            return;
        }

        double candidate = Refine(best, maxLag);
        if (_period <= 0 || Math.Abs(candidate - _period) < 0.08 * _period)
        {
            _period = _period <= 0 ? candidate : (0.7 * _period) + (0.3 * candidate);
            _votes = 0;
        }
        else
        {
            int current = (int)Math.Round(_period);
            double currentScore = current >= _minLag && current <= lastLag ? _score[current] : 0;
            _votes = _score[best] > 1.15 * currentScore ? _votes + 1 : 0;
            if (_votes >= SwitchVotes)
            {
                _period = candidate;
                _votes = 0;
                _next = double.NaN;
            }
        }

        SchedulePhase(n);
    }

    private double LagScore(int lag, int maxLag)
    {
        double sum = 0;
        double weight = 0;
        for (int k = 1; k <= HarmonicTerms && k * lag <= maxLag; k++)
        {
            sum += _acf[k * lag] / k;
            weight += 1.0 / k;
        }

        double octaves = Math.Log2(lag / _preferredLag);
        return sum / weight * Math.Exp(-0.5 * octaves * octaves);
    }

    /// <summary>The period with a fraction: each multiple k·lag's autocorrelation peak, refined, divided by k, averaged.</summary>
    private double Refine(int lag, int maxLag)
    {
        double total = 0;
        double weight = 0;
        for (int k = 1; k <= HarmonicTerms; k++)
        {
            int centre = k * lag;
            if (centre + k + 1 > maxLag)
            {
                break;
            }

            int peak = centre;
            for (int j = centre - k; j <= centre + k; j++)
            {
                if (_acf[j] > _acf[peak])
                {
                    peak = j;
                }
            }

            // (peak_k / k) weighted by k: the longer multiples pin the period down k times more finely.
            total += peak + Parabola(_acf[peak - 1], _acf[peak], _acf[peak + 1]);
            weight += k;
        }

        return weight > 0 ? total / weight : lag;
    }

    /// <summary>Lays a comb of the current period back over the history and schedules the next beat on its best phase.</summary>
    private void SchedulePhase(int n)
    {
        Span<double> x = _history.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            x[i] = _ring[(_frames - n + i) % _capacity];
        }

        int offsets = (int)Math.Ceiling(_period);
        double bestScore = double.NegativeInfinity;
        int bestOffset = 0;
        Span<double> scores = _score.AsSpan(0, Math.Min(_score.Length, offsets + 2));
        for (int offset = 0; offset < scores.Length; offset++)
        {
            double s = 0;
            double w = 1;
            for (double at = n - 1 - offset; at >= 1; at -= _period)
            {
                int i = (int)at;
                double f = at - i;
                s += w * ((x[i] * (1 - f)) + (i + 1 < n ? x[i + 1] * f : 0));
                w *= PhaseDecay;
            }

            scores[offset] = s;
            if (offset < offsets && s > bestScore)
            {
                bestScore = s;
                bestOffset = offset;
            }
        }

        double refined = bestOffset;
        if (bestOffset > 0 && bestOffset + 1 < scores.Length)
        {
            refined += Parabola(scores[bestOffset - 1], scores[bestOffset], scores[bestOffset + 1]);
        }

        double lastBeat = _frames - 1 - refined;
        double now = _frames - 1;
        double predicted = lastBeat + (_period * Math.Ceiling((now - lastBeat) / _period));
        if (double.IsNaN(_next))
        {
            _next = predicted <= now ? predicted + _period : predicted;
            return;
        }

        double error = predicted - _next;
        error -= _period * Math.Round(error / _period);
        _next += 0.5 * error;
    }

    private static double Parabola(double y0, double y1, double y2)
    {
        double curvature = y0 - (2 * y1) + y2;
        return curvature < 0 ? Math.Clamp(0.5 * (y0 - y2) / curvature, -0.5, 0.5) : 0;
    }
}
