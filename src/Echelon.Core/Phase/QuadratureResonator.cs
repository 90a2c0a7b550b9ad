namespace Echelon.Core.Phase;

/// <summary>
/// Two cascaded complex one-pole resonators q ← r·e^{iω}·q + (1 − r)·x tuned to the beat frequency.
/// At the tuned frequency each stage passes e^{iωt} with unit gain and zero phase while the
/// mirror component e^{−iωt}, DC and the harmonics are attenuated, so arg(q) is the instantaneous
/// phase of the drive's fundamental with no group delay at resonance.
/// </summary>
/// <remarks>
/// The pole radius is set from a time constant measured in beats, so the filter behaves the same at
/// every tempo. Single-threaded, allocation-free.
/// </remarks>
public sealed class QuadratureResonator
{
    private double _re1, _im1, _re2, _im2;

    /// <summary>Time constant of each stage, in beats.</summary>
    public double TimeConstantBeats { get; }

    /// <summary>Creates a resonator with the given time constant per stage (beats, &gt; 0).</summary>
    public QuadratureResonator(double timeConstantBeats)
    {
        if (!double.IsFinite(timeConstantBeats) || timeConstantBeats <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeConstantBeats), timeConstantBeats, "must be finite and > 0.");
        }

        TimeConstantBeats = timeConstantBeats;
    }

    /// <summary>Real part of the output (in-phase).</summary>
    public double InPhase => _re2;

    /// <summary>Imaginary part of the output (quadrature).</summary>
    public double Quadrature => _im2;

    /// <summary>|q|: the amplitude of the fundamental (half the peak of a cosine drive).</summary>
    public double Magnitude => Math.Sqrt((_re2 * _re2) + (_im2 * _im2));

    /// <summary>arg(q): the phase of the fundamental, in (−π, π].</summary>
    public double Phase => Math.Atan2(_im2, _re2);

    /// <summary>Feeds one sample of the drive at ω radians per frame.</summary>
    public void Update(double sample, double omegaPerFrame)
    {
        double r = PoleRadius(omegaPerFrame);
        double c = Math.Cos(omegaPerFrame) * r;
        double s = Math.Sin(omegaPerFrame) * r;
        double g = 1.0 - r;
        double re1 = (c * _re1) - (s * _im1) + (g * sample);
        double im1 = (s * _re1) + (c * _im1);
        double re2 = (c * _re2) - (s * _im2) + (g * re1);
        double im2 = (s * _re2) + (c * _im2) + (g * im1);
        _re1 = re1;
        _im1 = im1;
        _re2 = re2;
        _im2 = im2;
    }

    /// <summary>Advances the state by ω with no input and no decay: the flywheel through a dropout.</summary>
    public void Rotate(double omegaPerFrame)
    {
        double c = Math.Cos(omegaPerFrame);
        double s = Math.Sin(omegaPerFrame);
        (_re1, _im1) = ((c * _re1) - (s * _im1), (s * _re1) + (c * _im1));
        (_re2, _im2) = ((c * _re2) - (s * _im2), (s * _re2) + (c * _im2));
    }

    /// <summary>Clears the state.</summary>
    public void Reset() => _re1 = _im1 = _re2 = _im2 = 0.0;

    private double PoleRadius(double omegaPerFrame)
    {
        // ω frames per radian → 2π/ω frames per beat; r = exp(−1 / (τ_beats · frames_per_beat)).
        double framesPerBeat = 2.0 * Math.PI / Math.Max(omegaPerFrame, 1e-6);
        return Math.Exp(-1.0 / (TimeConstantBeats * framesPerBeat));
    }
}
