using Echelon.Core.Numerics;

namespace Echelon.Core.Phase;

/// <summary>
/// The phase head h: x* → (c, s). A linear read-out of the fast latent gives the rhythmic drive;
/// its slowly tracked mean is removed and a <see cref="QuadratureResonator"/> tuned to the tempo
/// turns it into an analytic signal whose angle, corrected by a fixed offset δ₀ and by the latent
/// pathway's group delay τ·ω, is the measured beat phase ψ = atan2(s, c).
/// </summary>
/// <remarks>
/// Confidence is |q| relative to the tracked drive deviation: near 0 for aperiodic motion, larger
/// for motion that repeats on the beat. Single-threaded, allocation-free.
/// </remarks>
public sealed class PhaseHead
{
    private readonly double[] _weights;
    private readonly QuadratureResonator _resonator;
    private readonly double _meanBeats;
    private double _mean;
    private double _deviation;
    private bool _started;

    /// <summary>Creates a head from its read-out weights and calibration.</summary>
    public PhaseHead(ReadOnlySpan<double> weights, double offsetRadians, double groupDelayFrames, double resonatorBeats, double meanBeats)
    {
        if (!Vec.AllFinite(weights) || weights.IsEmpty)
        {
            throw new ArgumentException("Phase head weights must be non-empty and finite.", nameof(weights));
        }

        if (!double.IsFinite(offsetRadians))
        {
            throw new ArgumentOutOfRangeException(nameof(offsetRadians), offsetRadians, "must be finite.");
        }

        if (!double.IsFinite(groupDelayFrames) || groupDelayFrames < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(groupDelayFrames), groupDelayFrames, "must be finite and >= 0.");
        }

        if (!double.IsFinite(meanBeats) || meanBeats <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(meanBeats), meanBeats, "must be finite and > 0.");
        }

        _weights = weights.ToArray();
        OffsetRadians = offsetRadians;
        GroupDelayFrames = groupDelayFrames;
        _meanBeats = meanBeats;
        _resonator = new QuadratureResonator(resonatorBeats);
    }

    /// <summary>δ₀: fixed phase offset added to the resonator angle.</summary>
    public double OffsetRadians { get; }

    /// <summary>τ: latent pathway group delay in frames, compensated as τ·ω.</summary>
    public double GroupDelayFrames { get; }

    /// <summary>The latest (c, s) = (cos ψ_m, sin ψ_m).</summary>
    public (double Cos, double Sin) Output { get; private set; } = (1.0, 0.0);

    /// <summary>The latest measured phase ψ_m.</summary>
    public double MeasuredPhase { get; private set; }

    /// <summary>The latest confidence (|q| over the drive's tracked mean absolute deviation).</summary>
    public double Confidence { get; private set; }

    /// <summary>The drive hᵀx.</summary>
    public double Drive(ReadOnlySpan<double> latent) => Vec.Dot(_weights, latent);

    /// <summary>Measures one frame; returns the measured phase. ω is the beat frequency in radians per frame.</summary>
    public double Measure(ReadOnlySpan<double> latent, double omegaPerFrame)
    {
        double drive = Drive(latent);
        double framesPerBeat = 2.0 * Math.PI / Math.Max(omegaPerFrame, 1e-6);
        double a = 1.0 - Math.Exp(-1.0 / (_meanBeats * framesPerBeat));
        if (!_started)
        {
            _mean = drive;
            _started = true;
        }

        _mean += a * (drive - _mean);
        double centred = drive - _mean;
        _deviation += a * (Math.Abs(centred) - _deviation);
        _resonator.Update(centred, omegaPerFrame);
        return Publish(omegaPerFrame);
    }

    /// <summary>Advances through a frame with no data (the resonator flywheels).</summary>
    public double Flywheel(double omegaPerFrame)
    {
        _resonator.Rotate(omegaPerFrame);
        return Publish(omegaPerFrame);
    }

    /// <summary>Clears the state.</summary>
    public void Reset()
    {
        _resonator.Reset();
        _mean = 0.0;
        _deviation = 0.0;
        _started = false;
        Confidence = 0.0;
    }

    private double Publish(double omegaPerFrame)
    {
        double phase = _resonator.Phase + OffsetRadians + (GroupDelayFrames * omegaPerFrame);
        MeasuredPhase = Metrics.Circular.Wrap(phase);
        Output = (Math.Cos(MeasuredPhase), Math.Sin(MeasuredPhase));
        Confidence = _deviation > 1e-12 ? _resonator.Magnitude / _deviation : 0.0;
        return MeasuredPhase;
    }
}
