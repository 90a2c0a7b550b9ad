using Echelon.Core.Metrics;

namespace Echelon.Core.Phase;

/// <summary>
/// A second-order phase-locked loop: ψ advances at the transport's tempo times (1 + ε) and is
/// pulled toward each phase measurement by k_p·e, while ε integrates k_i·e within ±maxDeviation.
/// With no measurement (sensor dropout) it flywheels on the tempo alone; when measurements return
/// the same corrections re-lock it.
/// </summary>
/// <remarks>Single-threaded, allocation-free.</remarks>
public sealed class PhaseLockedLoop
{
    private readonly double _phaseGain;
    private readonly double _frequencyGain;
    private readonly double _maxDeviation;
    private bool _started;

    /// <summary>Creates a loop with the given gains (per frame) and tempo deviation bound.</summary>
    public PhaseLockedLoop(double phaseGain, double frequencyGain, double maxDeviation)
    {
        if (!(phaseGain is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(phaseGain), phaseGain, "must be in (0, 1].");
        }

        if (!(frequencyGain >= 0 && frequencyGain < phaseGain))
        {
            throw new ArgumentOutOfRangeException(nameof(frequencyGain), frequencyGain, "must be in [0, phaseGain).");
        }

        if (!(maxDeviation is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(maxDeviation), maxDeviation, "must be in [0, 1).");
        }

        _phaseGain = phaseGain;
        _frequencyGain = frequencyGain;
        _maxDeviation = maxDeviation;
    }

    /// <summary>ψ in (−π, π].</summary>
    public double Phase { get; private set; }

    /// <summary>ε: the learned relative tempo correction.</summary>
    public double TempoCorrection { get; private set; }

    /// <summary>The last phase error wrap(measurement − prediction), 0 when flywheeling.</summary>
    public double LastError { get; private set; }

    /// <summary>Advances one frame at ω and, when <paramref name="hasMeasurement"/>, corrects toward it.</summary>
    public void Advance(double omegaPerFrame, bool hasMeasurement, double measuredPhase)
    {
        if (!_started)
        {
            if (!hasMeasurement)
            {
                Phase = Circular.Wrap(Phase + omegaPerFrame);
                return;
            }

            Phase = Circular.Wrap(measuredPhase);
            _started = true;
            return;
        }

        double predicted = Phase + (omegaPerFrame * (1.0 + TempoCorrection));
        if (!hasMeasurement)
        {
            LastError = 0.0;
            Phase = Circular.Wrap(predicted);
            return;
        }

        double error = Circular.Wrap(measuredPhase - predicted);
        LastError = error;
        Phase = Circular.Wrap(predicted + (_phaseGain * error));
        TempoCorrection = Math.Clamp(TempoCorrection + (_frequencyGain * error), -_maxDeviation, _maxDeviation);
    }

    /// <summary>Forgets the lock.</summary>
    public void Reset()
    {
        Phase = 0.0;
        TempoCorrection = 0.0;
        LastError = 0.0;
        _started = false;
    }
}
