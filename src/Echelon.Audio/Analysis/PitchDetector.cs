using System.Runtime.CompilerServices;

namespace Echelon.Audio.Analysis;

/// <summary>
/// YIN (de Cheveigné and Kawahara 2002): the difference function d(τ) = Σ_{j&lt;W} (x_j − x_{j+τ})², its
/// cumulative mean normalisation d′, the first dip below an absolute threshold followed down to its minimum,
/// and parabolic interpolation around it. The difference function comes from two energy sums and one
/// cross-correlation computed with <see cref="RealFft"/> (three transforms of 2·W), not the direct O(W²) sum.
/// </summary>
/// <remarks>
/// <para>
/// The voicing decision: a frame is voiced when it is louder than <see cref="ListeningOptions.SilenceDbfs"/> and
/// its aperiodicity d′(τ) is below <see cref="ListeningOptions.VoicingThreshold"/>. The confidence is 1 − d′(τ).
/// </para>
/// <para>
/// The reference twin is <see cref="YinReference"/> (the direct sum in double precision); <c>PitchDetectorTests</c>
/// checks the fast difference function against it and the chosen periods against each other.
/// </para>
/// <para>Threading: one instance per thread. <see cref="Estimate"/> allocates nothing.</para>
/// </remarks>
public sealed class PitchDetector
{
    private readonly int _window;
    private readonly int _sampleRate;
    private readonly int _minLag;
    private readonly int _maxLag;
    private readonly float _threshold;
    private readonly float _voicing;
    private readonly double _silenceEnergy;
    private readonly RealFft _fft;
    private readonly float[] _padded;
    private readonly float[] _aRe;
    private readonly float[] _aIm;
    private readonly float[] _bRe;
    private readonly float[] _bIm;
    private readonly float[] _correlation;
    private readonly double[] _prefix;
    private readonly float[] _normalised;

    /// <summary>Prepares the tables and scratch space for <paramref name="options"/>.</summary>
    public PitchDetector(ListeningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _window = options.PitchWindow;
        _sampleRate = options.SampleRate;
        _minLag = Math.Max(2, (int)Math.Floor(options.SampleRate / options.MaxPitchHz));
        _maxLag = Math.Min(_window - 2, (int)Math.Ceiling(options.SampleRate / options.MinPitchHz));
        _threshold = (float)options.PitchThreshold;
        _voicing = (float)options.VoicingThreshold;
        _silenceEnergy = Math.Pow(10, options.SilenceDbfs / 10) * _window;
        int size = 2 * _window;
        _fft = new RealFft(size);
        _padded = new float[size];
        _aRe = new float[_fft.Bins];
        _aIm = new float[_fft.Bins];
        _bRe = new float[_fft.Bins];
        _bIm = new float[_fft.Bins];
        _correlation = new float[size];
        _prefix = new double[size + 1];
        _normalised = new float[_window];
    }

    /// <summary>Samples <see cref="Estimate"/> reads: 2·W, oldest first.</summary>
    public int InputSize => 2 * _window;

    /// <summary>The normalised difference d′(τ), τ &lt; W, of the last frame estimated (for inspection and tests).</summary>
    public ReadOnlySpan<float> NormalisedDifference => _normalised;

    /// <summary>Estimates the pitch of <paramref name="buffer"/> (<see cref="InputSize"/> samples, oldest first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PitchEstimate Estimate(ReadOnlySpan<float> buffer)
    {
        if (buffer.Length != InputSize)
        {
            throw new ArgumentException($"the pitch detector reads exactly {InputSize} samples (2 × the window); got {buffer.Length}", nameof(buffer));
        }

        int w = _window;
        double[] prefix = _prefix;
        prefix[0] = 0;
        for (int i = 0; i < buffer.Length; i++)
        {
            prefix[i + 1] = prefix[i] + ((double)buffer[i] * buffer[i]);
        }

        double e0 = prefix[w];
        if (e0 <= _silenceEnergy)
        {
            _normalised.AsSpan().Fill(1f);
            return PitchEstimate.Silent;
        }

        // r(τ) = Σ_{j<W} x_j·x_{j+τ}: the circular correlation of x[0..W) (zero-padded) with x over 2·W samples
        // has no wrap-around for τ < W.
        buffer[..w].CopyTo(_padded);
        _padded.AsSpan(w).Clear();
        _fft.Forward(_padded, _aRe, _aIm);
        _fft.Forward(buffer, _bRe, _bIm);
        for (int k = 0; k < _aRe.Length; k++)
        {
            float ar = _aRe[k], ai = _aIm[k], br = _bRe[k], bi = _bIm[k];
            _aRe[k] = (ar * br) + (ai * bi);
            _aIm[k] = (ar * bi) - (ai * br);
        }

        _fft.Inverse(_aRe, _aIm, _correlation);

        // d′(τ) = d(τ)·τ / Σ_{j=1..τ} d(j), d′(0) = 1.
        float[] dn = _normalised;
        dn[0] = 1f;
        double running = 0;
        for (int tau = 1; tau < w; tau++)
        {
            double d = e0 + (prefix[tau + w] - prefix[tau]) - (2.0 * _correlation[tau]);
            if (d < 0)
            {
                d = 0;
            }

            running += d;
            dn[tau] = running > 0 ? (float)(d * tau / running) : 1f;
        }

        return Choose(dn);
    }

    /// <summary>The period choice on d′ (shared with <see cref="YinReference"/>): first dip below the threshold, its minimum, parabolic refinement.</summary>
    internal PitchEstimate Choose(ReadOnlySpan<float> dn)
    {
        int tau = -1;
        for (int t = _minLag; t <= _maxLag; t++)
        {
            if (dn[t] < _threshold)
            {
                while (t + 1 <= _maxLag && dn[t + 1] < dn[t])
                {
                    t++;
                }

                tau = t;
                break;
            }
        }

        if (tau < 0)
        {
            // No dip below the threshold: the global minimum is the best candidate (reported, but unvoiced below).
            tau = _minLag;
            for (int t = _minLag + 1; t <= _maxLag; t++)
            {
                if (dn[t] < dn[tau])
                {
                    tau = t;
                }
            }
        }

        double shift = 0;
        double minimum = dn[tau];
        if (tau > 1 && tau + 1 < dn.Length)
        {
            double y0 = dn[tau - 1], y1 = dn[tau], y2 = dn[tau + 1];
            double curvature = y0 - (2 * y1) + y2;
            if (curvature > 0)
            {
                shift = Math.Clamp(0.5 * (y0 - y2) / curvature, -0.5, 0.5);
                minimum = y1 - (0.25 * (y0 - y2) * shift);
            }
        }

        double aperiodicity = Math.Clamp(minimum, 0, 1);
        double frequency = _sampleRate / (tau + shift);
        return new PitchEstimate(frequency, 1 - aperiodicity, aperiodicity < _voicing);
    }
}
