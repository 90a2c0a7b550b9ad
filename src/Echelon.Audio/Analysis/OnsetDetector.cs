using System.Runtime.CompilerServices;

namespace Echelon.Audio.Analysis;

/// <summary>
/// Onsets from the spectrum: adaptive whitening (Stowell and Plumbley 2007) brings every bin's recent peak to 1,
/// the half-wave rectified spectral flux of the whitened magnitudes is the onset function, and a peak picker with
/// a short look-ahead keeps the local maxima that rise above the local median plus λ times the local mean.
/// </summary>
/// <remarks>
/// <para>
/// One call of <see cref="Update"/> per analysis frame, in order. A peak at frame c is decided when frame
/// c + <see cref="LookAheadFrames"/> arrives: that look-ahead is the picker's latency.
/// </para>
/// <para>Threading: one instance per thread. <see cref="Update"/> allocates nothing.</para>
/// </remarks>
public sealed class OnsetDetector
{
    private const int PastFrames = 10;
    private const int FutureFrames = 3;
    private const int Span = PastFrames + FutureFrames + 1;

    private readonly float[] _peak;
    private readonly float[] _previous;
    private readonly float _decay;
    private readonly float _floor;
    private readonly float _lambda;
    private readonly int _minGapFrames;
    private readonly float[] _history = new float[Span];
    private readonly bool[] _audible = new bool[Span];
    private readonly float[] _sorted = new float[Span];
    private long _frames;
    private long _lastOnset = long.MinValue / 2;

    /// <summary>Prepares the whitening state for spectra of <paramref name="bins"/> bins at <paramref name="options"/>' hop.</summary>
    public OnsetDetector(ListeningOptions options, int bins)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        double frameRate = (double)options.SampleRate / options.HopSize;
        _decay = (float)Math.Pow(10, -60.0 / 20 / (options.WhiteningMemorySeconds * frameRate));
        _floor = (float)Math.Pow(10, options.SilenceDbfs / 20);
        _lambda = (float)options.OnsetThreshold;
        _minGapFrames = (int)Math.Round(options.MinOnsetIntervalSeconds * frameRate);
        _peak = new float[bins];
        _previous = new float[bins];
        Reset();
    }

    /// <summary>Frames a peak waits for before it is decided.</summary>
    public static int LookAheadFrames => FutureFrames;

    /// <summary>The onset function of the last frame (the whitened flux, mean over bins), 0 upwards.</summary>
    public float Strength { get; private set; }

    /// <summary>
    /// Takes frame n's magnitude spectrum (scaled so a full-scale sine peaks near 1) and whether the frame is above
    /// the silence gate. Returns true when frame n − <see cref="LookAheadFrames"/> is an onset; its onset function
    /// value is then in <paramref name="onsetStrength"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Update(ReadOnlySpan<float> magnitudes, bool audible, out float onsetStrength)
    {
        if (magnitudes.Length != _peak.Length)
        {
            throw new ArgumentException($"the onset detector was prepared for {_peak.Length} bins; got {magnitudes.Length}", nameof(magnitudes));
        }

        float flux = 0;
        for (int k = 0; k < magnitudes.Length; k++)
        {
            float m = magnitudes[k];
            float p = Math.Max(Math.Max(m, _peak[k] * _decay), _floor);
            _peak[k] = p;
            float white = m / p;
            float rise = white - _previous[k];
            if (rise > 0)
            {
                flux += rise;
            }

            _previous[k] = white;
        }

        flux /= magnitudes.Length;
        Strength = flux;
        Array.Copy(_history, 1, _history, 0, Span - 1);
        Array.Copy(_audible, 1, _audible, 0, Span - 1);
        _history[Span - 1] = flux;
        _audible[Span - 1] = audible;
        long frame = _frames++;
        onsetStrength = 0;

        // The candidate sits FutureFrames back from the newest frame.
        const int c = PastFrames;
        long candidate = frame - FutureFrames;
        if (candidate < 0 || !_audible[c])
        {
            return false;
        }

        float value = _history[c];
        for (int i = 0; i < Span; i++)
        {
            if ((i < c && _history[i] >= value) || (i > c && _history[i] > value))
            {
                return false;
            }
        }

        float mean = 0;
        for (int i = 0; i < Span; i++)
        {
            mean += _history[i];
            _sorted[i] = _history[i];
        }

        mean /= Span;
        Array.Sort(_sorted);
        float median = _sorted[Span / 2];
        if (value - median <= (_lambda * mean) + 1e-4f || candidate - _lastOnset < _minGapFrames)
        {
            return false;
        }

        _lastOnset = candidate;
        onsetStrength = value;
        return true;
    }

    /// <summary>Forgets the whitening peaks, the history and the last onset.</summary>
    public void Reset()
    {
        _peak.AsSpan().Fill(_floor);
        _previous.AsSpan().Clear();
        _history.AsSpan().Clear();
        _audible.AsSpan().Clear();
        _frames = 0;
        _lastOnset = long.MinValue / 2;
        Strength = 0;
    }
}
