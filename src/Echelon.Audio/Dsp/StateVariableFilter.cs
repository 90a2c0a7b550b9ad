using System.Runtime.CompilerServices;

namespace Echelon.Audio.Dsp;

/// <summary>
/// Two-pole state-variable filter (low, band, high pass, notch) discretised with the trapezoidal rule,
/// after Andrew Simper ("Linear trapezoidal integrated state variable filter", Cytomic technical paper
/// SvfLinearTrapOptimised2, 2013).
/// </summary>
/// <remarks>
/// <para>
/// With g = tan(π·fc/fs), k = 1/Q, a1 = 1/(1 + g(g + k)), a2 = g·a1, a3 = g·a2, each sample computes
/// v3 = x − ic2, v1 = a1·ic1 + a2·v3, v2 = ic2 + a2·ic1 + a3·v3, then ic1 = 2v1 − ic1, ic2 = 2v2 − ic2.
/// Low-pass is v2, band-pass v1 (scaled by k here for unit peak gain), high-pass x − k·v1 − v2, notch
/// x − k·v1. This is exactly the bilinear transform of the analog prototype, pre-warped at the cutoff,
/// so the response matches the analog one at fc and stays stable for every cutoff below Nyquist and every
/// Q, even when either changes between blocks (the states are integrator charges, not past outputs).
/// </para>
/// <para>
/// Coefficients are computed when a parameter is set, not per sample; states are double precision and
/// flushed against subnormals. Threading: one rendering thread; <see cref="Process"/> and <see cref="Tick"/>
/// never allocate, lock or throw after <see cref="Prepare"/>.
/// </para>
/// </remarks>
public sealed class StateVariableFilter : IStateVariableFilter
{
    private int _sampleRate;
    private double _cutoff = 1000;
    private double _q = Math.Sqrt(0.5);
    private FilterMode _mode;

    private SvfCoefficients _c;
    private double _ic1, _ic2;

    /// <summary>The sample rate given to <see cref="Prepare"/>, or 0 before it.</summary>
    public int SampleRate => _sampleRate;

    /// <summary>Cutoff (centre) frequency in Hz: 0 &lt; fc &lt; SampleRate / 2. Default 1000.</summary>
    public double Cutoff
    {
        get => _cutoff;
        set
        {
            DspGuard.Open(value, 0, _sampleRate > 0 ? _sampleRate / 2.0 : double.PositiveInfinity, nameof(Cutoff), " Hz");
            _cutoff = value;
            UpdateCoefficients();
        }
    }

    /// <summary>Resonance as the quality factor Q, [0.05, 50]; 0.7071 is maximally flat (Butterworth). Default √½.</summary>
    public double Resonance
    {
        get => _q;
        set
        {
            DspGuard.Closed(value, 0.05, 50, nameof(Resonance), string.Empty);
            _q = value;
            UpdateCoefficients();
        }
    }

    /// <summary>The response. Default <see cref="FilterMode.LowPass"/>.</summary>
    public FilterMode Mode
    {
        get => _mode;
        set
        {
            DspGuard.Defined(value, nameof(Mode));
            _mode = value;
            UpdateCoefficients();
        }
    }

    /// <summary>Sets the sample rate, checks <see cref="Cutoff"/> against its Nyquist frequency, and clears the state.</summary>
    /// <param name="sampleRate">Samples per second, 8,000–384,000.</param>
    public void Prepare(int sampleRate)
    {
        DspGuard.SampleRate(sampleRate, nameof(sampleRate));
        DspGuard.BelowNyquist(_cutoff, sampleRate, nameof(Cutoff));
        _sampleRate = sampleRate;
        UpdateCoefficients();
        Reset();
    }

    /// <summary>Clears the integrator states.</summary>
    public void Reset()
    {
        _ic1 = 0;
        _ic2 = 0;
    }

    /// <summary>Filters one sample: the per-sample reference of <see cref="Process"/>.</summary>
    /// <param name="input">The input sample.</param>
    /// <returns>The filtered sample.</returns>
    public float Tick(float input)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(StateVariableFilter));
        return Next(input);
    }

    /// <summary>Filters <paramref name="buffer"/> in place; any length, zero included.</summary>
    /// <param name="buffer">The samples.</param>
    public void Process(Span<float> buffer)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(StateVariableFilter));
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = Next(buffer[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal float Next(float input)
    {
        double v0 = input;
        double v3 = v0 - _ic2;
        double v1 = (_c.A1 * _ic1) + (_c.A2 * v3);
        double v2 = _ic2 + (_c.A2 * _ic1) + (_c.A3 * v3);
        _ic1 = Denormal.Flush((2 * v1) - _ic1);
        _ic2 = Denormal.Flush((2 * v2) - _ic2);
        return Denormal.Flush((float)((_c.M0 * v0) + (_c.M1 * v1) + (_c.M2 * v2)));
    }

    private void UpdateCoefficients()
    {
        if (_sampleRate == 0)
        {
            return;
        }

        _c = SvfCoefficients.Compute(_cutoff, _q, _mode, _sampleRate);
    }
}
