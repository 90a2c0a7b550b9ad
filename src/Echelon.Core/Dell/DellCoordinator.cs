using Echelon.Core.Equilibrium;
using Echelon.Core.Numerics;
using Echelon.Core.Operators;
using Echelon.Core.Phase;

namespace Echelon.Core.Dell;

/// <summary>
/// Dual equilibria, fast and slow (DESIGN §3). Every frame: the coupler's force κ∇ₓφ(x_{t−1}, y*)
/// enters the fast LIM-RPS solve → x*; the phase head measures the beat phase from x* and the
/// phase-locked loop advances ψ. On every transport beat: the frame latents of that beat are pooled
/// (mean and last) and the slow LIM-RPS solve, with the pooled force κ∇_yφ, gives y*.
/// </summary>
/// <remarks>
/// A frame with no data (empty input: a sensor dropout) or a rejected one (non-finite input, counted
/// in <see cref="Rejections"/>) skips the fast solve; the head and the loop flywheel on the tempo.
/// Single-threaded (the control thread); allocation-free after construction.
/// </remarks>
public sealed class DellCoordinator
{
    private readonly LimRpsSolver _fast;
    private readonly LimRpsSolver _slow;
    private readonly CouplerEnergy _coupler;
    private readonly PhaseHead _head;
    private readonly PhaseLockedLoop _loop;
    private readonly double _coupling;
    private readonly double _confidenceThreshold;
    private readonly double _frameRate;
    private readonly double[] _fastForce;
    private readonly double[] _slowForce;
    private readonly double[] _pooled;
    private readonly double[] _poolSum;
    private int _poolCount;

    /// <summary>Validates the parameters and prepares both solvers (allocates; prepare time).</summary>
    public DellCoordinator(DellParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        _fast = new LimRpsSolver(parameters.Fast);
        _slow = new LimRpsSolver(parameters.Slow);
        _coupler = new CouplerEnergy(parameters.Projection.Clone(), parameters.BuildCouplerMetric());
        _head = new PhaseHead(parameters.HeadWeights, parameters.HeadOffset, parameters.HeadGroupDelayFrames, parameters.ResonatorBeats, parameters.MeanBeats);
        _loop = new PhaseLockedLoop(parameters.PllPhaseGain, parameters.PllFrequencyGain, parameters.PllMaxTempoDeviation);
        _coupling = parameters.CouplingStrength;
        _confidenceThreshold = parameters.ConfidenceThreshold;
        _frameRate = parameters.FrameRate;
        int d = parameters.Fast.LatentSize;
        _fastForce = new double[d];
        _slowForce = new double[parameters.Slow.LatentSize];
        _pooled = new double[2 * d];
        _poolSum = new double[d];
    }

    /// <summary>n: input size.</summary>
    public int InputSize => _fast.InputSize;

    /// <summary>d: fast latent size.</summary>
    public int FastSize => _fast.LatentSize;

    /// <summary>d_s: slow latent size.</summary>
    public int SlowSize => _slow.LatentSize;

    /// <summary>x*: the latest fast equilibrium.</summary>
    public ReadOnlySpan<double> Fast => _fast.State;

    /// <summary>y*: the latest slow equilibrium.</summary>
    public ReadOnlySpan<double> Slow => _slow.State;

    /// <summary>The fast solver (its residual and ratio history describe the latest frame).</summary>
    public LimRpsSolver FastSolver => _fast;

    /// <summary>The slow solver.</summary>
    public LimRpsSolver SlowSolver => _slow;

    /// <summary>ψ: the beat phase in (−π, π].</summary>
    public double Phase => _loop.Phase;

    /// <summary>The phase head's latest (c, s).</summary>
    public (double Cos, double Sin) HeadOutput => _head.Output;

    /// <summary>The loop's learned relative tempo correction.</summary>
    public double TempoCorrection => _loop.TempoCorrection;

    /// <summary>Rejected fast frames by reason (non-finite input or force).</summary>
    public RejectionCounters Rejections => _fast.Rejections;

    /// <summary>Frames that carried no data (dropouts), not counting rejections.</summary>
    public long DropoutFrames { get; private set; }

    /// <summary>
    /// Runs one control frame. <paramref name="input"/> is the frame's input vector, or empty when the
    /// sensors delivered nothing; <paramref name="tempoBpm"/> is the transport tempo; <paramref name="beat"/>
    /// is true on the frame where the transport crosses a beat.
    /// </summary>
    /// <exception cref="ArgumentException">A non-empty input has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The tempo is not finite and positive.</exception>
    public DellFrameReport Step(ReadOnlySpan<double> input, double tempoBpm, bool beat)
    {
        if (!input.IsEmpty && input.Length != InputSize)
        {
            ThrowHelper.ThrowWrongSize("input", InputSize, input.Length);
        }

        if (!double.IsFinite(tempoBpm) || tempoBpm <= 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(tempoBpm), tempoBpm, "must be finite and > 0.");
        }

        double omega = 2.0 * Math.PI * tempoBpm / 60.0 / _frameRate;
        SolveReport fastReport = default;
        bool dropout = input.IsEmpty;
        if (dropout)
        {
            DropoutFrames++;
        }
        else
        {
            _coupler.GradientFast(_fast.State, _slow.State, _fastForce);
            Vec.Scale(_fastForce, _coupling, _fastForce);
            fastReport = _fast.Step(input, _fastForce);
            dropout = !fastReport.Accepted;
        }

        bool measured = false;
        if (dropout)
        {
            _head.Flywheel(omega);
        }
        else
        {
            Vec.Axpy(1.0, _fast.State, _poolSum);
            _fast.State.CopyTo(_pooled.AsSpan(FastSize));
            _poolCount++;
            _head.Measure(_fast.State, omega);
            measured = _head.Confidence >= _confidenceThreshold;
        }

        _loop.Advance(omega, measured, _head.MeasuredPhase);

        bool slowSolved = false;
        SolveReport slowReport = default;
        if (beat && _poolCount > 0)
        {
            Span<double> mean = _pooled.AsSpan(0, FastSize);
            Vec.Scale(_poolSum, 1.0 / _poolCount, mean);
            _coupler.GradientSlow(mean, _slow.State, _slowForce);
            Vec.Scale(_slowForce, _coupling, _slowForce);
            slowReport = _slow.Step(_pooled, _slowForce);
            slowSolved = slowReport.Accepted;
            Array.Clear(_poolSum);
            _poolCount = 0;
        }

        double energy = _coupler.Energy(_fast.State, _slow.State);
        return new DellFrameReport(fastReport, slowSolved, slowReport, dropout, _loop.Phase, _head.MeasuredPhase, _head.Confidence, energy);
    }

    /// <summary>Forgets all temporal state (latents, pools, phase lock, counters).</summary>
    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _head.Reset();
        _loop.Reset();
        Array.Clear(_poolSum);
        _poolCount = 0;
        DropoutFrames = 0;
    }
}
