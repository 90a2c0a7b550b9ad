using System.Runtime.CompilerServices;

namespace Echelon.Audio.Dsp;

/// <summary>Two-operator FM: a sine modulator at <see cref="Ratio"/>·f shifting the phase of a sine carrier at f.</summary>
/// <remarks>
/// <para>
/// y = sin(2π·φc + I·sin(2π·φm)) with φc advancing at f and φm at Ratio·f (Chowning, "The synthesis of
/// complex audio spectra by means of frequency modulation", JAES 21(7), 1973; implemented as phase
/// modulation, as in the Yamaha DX7). Sidebands lie at f ± k·Ratio·f with Bessel amplitudes J_k(I), so
/// integer ratios give harmonic spectra; bandwidth grows with the index I (Carson's rule: ≈ 2(I + 1)·Ratio·f).
/// Sidebands beyond Nyquist fold back: keep (I + 1)·Ratio·f below about half the sample rate for clean tones.
/// </para>
/// <para>Phases are kept in double precision, so long notes do not drift. Threading as for <see cref="PolyBlepOscillator"/>.</para>
/// </remarks>
public sealed class FmOperatorPair
{
    private const double InverseTwoPi = 1 / (2 * Math.PI);

    private int _sampleRate;
    private double _frequency = 220;
    private double _ratio = 1;
    private double _index = 1;
    private double _carrierIncrement;
    private double _modulatorIncrement;
    private double _carrierPhase;
    private double _modulatorPhase;

    /// <summary>The sample rate given to <see cref="Prepare"/>, or 0 before it.</summary>
    public int SampleRate => _sampleRate;

    /// <summary>Carrier frequency in Hz: 0 &lt; f &lt; SampleRate / 2. Default 220.</summary>
    public double Frequency
    {
        get => _frequency;
        set
        {
            DspGuard.Open(value, 0, _sampleRate > 0 ? _sampleRate / 2.0 : double.PositiveInfinity, nameof(Frequency), " Hz");
            _frequency = value;
            UpdateIncrements();
        }
    }

    /// <summary>Modulator frequency over carrier frequency, in [0.0625, 32]. Default 1.</summary>
    public double Ratio
    {
        get => _ratio;
        set
        {
            DspGuard.Closed(value, 0.0625, 32, nameof(Ratio), string.Empty);
            _ratio = value;
            UpdateIncrements();
        }
    }

    /// <summary>Modulation index: peak phase deviation of the carrier in radians, in [0, 50]. Default 1.</summary>
    public double Index
    {
        get => _index;
        set
        {
            DspGuard.Closed(value, 0, 50, nameof(Index), " rad");
            _index = value;
        }
    }

    /// <summary>Sets the sample rate, checks <see cref="Frequency"/> against its Nyquist frequency, and resets the phases.</summary>
    /// <param name="sampleRate">Samples per second, 8,000–384,000.</param>
    public void Prepare(int sampleRate)
    {
        DspGuard.SampleRate(sampleRate, nameof(sampleRate));
        DspGuard.BelowNyquist(_frequency, sampleRate, nameof(Frequency));
        _sampleRate = sampleRate;
        UpdateIncrements();
        Reset();
    }

    /// <summary>Sets both phases to 0 (the carrier starts at sin 0 = 0, so a note starts without a click).</summary>
    public void Reset()
    {
        _carrierPhase = 0;
        _modulatorPhase = 0;
    }

    /// <summary>Generates one sample: the per-sample reference of <see cref="Render"/>.</summary>
    /// <returns>The next sample, in [−1, 1].</returns>
    public float Tick()
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(FmOperatorPair));
        return Next();
    }

    /// <summary>Writes (overwrites) the next <c>output.Length</c> samples; any length, zero included.</summary>
    /// <param name="output">Where the samples go.</param>
    public void Render(Span<float> output)
    {
        DspGuard.Prepared(_sampleRate > 0, nameof(FmOperatorPair));
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = Next();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float Next()
    {
        double modulator = FastSine.Sin2Pi(_modulatorPhase);
        double y = FastSine.Sin2Pi(_carrierPhase + (_index * modulator * InverseTwoPi));
        _carrierPhase += _carrierIncrement;
        if (_carrierPhase >= 1)
        {
            _carrierPhase -= 1;
        }

        _modulatorPhase += _modulatorIncrement;
        if (_modulatorPhase >= 1)
        {
            _modulatorPhase -= Math.Floor(_modulatorPhase);
        }

        return Denormal.Flush((float)y);
    }

    private void UpdateIncrements()
    {
        if (_sampleRate > 0)
        {
            _carrierIncrement = _frequency / _sampleRate;
            _modulatorIncrement = _frequency * _ratio / _sampleRate;
        }
    }
}
