using Echelon.Core.Numerics;

namespace Echelon.Core.Equilibrium;

/// <summary>
/// The fast equilibrium: a monotone-operator implicit layer solved per frame by relaxed
/// Peaceman–Rachford splitting with a diagonal preconditioner (metric and step field).
/// </summary>
/// <remarks>
/// <para>
/// Splitting the inclusion into the linear part 𝒜(z) = L z − c (L = (m+λ)I + AᵀA − B + Bᵀ,
/// c = U u + b + λ z_{t−1} − F_ext) and ∂g, with per-coordinate steps s = α·σ ⊘ D, one step is
/// <code>
/// z_k = prox(a_k);  w_k = (I + S L)⁻¹ (2 z_k − a_k + S c);  a_{k+1} = a_k + 2γ (w_k − z_k)
/// </code>
/// The resolvent matrix (I + S L)⁻¹ is factored once at construction, so a step costs one d×d
/// matrix-vector product plus the prox. S𝒜 is monotone in the S⁻¹-weighted inner product, so
/// both reflected resolvents are nonexpansive there and the relaxed iteration converges for any
/// bounded geometry (Bauschke and Combettes, Convex Analysis and Monotone Operator Theory, §26).
/// </para>
/// <para>
/// Threading: single-threaded; call <c>Step</c> from the control thread only. After the
/// constructor nothing allocates: every buffer is owned and reused.
/// </para>
/// </remarks>
public sealed class LimRpsSolver
{
    private const double ResidualEpsilon = 1e-8;

    private readonly DenseMatrix _input;
    private readonly double[] _bias;
    private readonly DenseMatrix _resolvent;
    private readonly double[] _steps;
    private readonly double[] _thresholds;
    private readonly ProxKind _prox;
    private readonly double _boxLower;
    private readonly double _boxUpper;
    private readonly double _coupling;
    private readonly double _relaxation;
    private readonly int _maxIterations;
    private int _iterationLimit;
    private readonly double _tolerance;
    private readonly WarmStart _warmStart;

    private readonly double[] _z;
    private readonly double[] _aux;
    private readonly double[] _auxPrevious;
    private readonly double[] _c;
    private readonly double[] _q;
    private readonly double[] _v;
    private readonly double[] _w;
    private readonly double[] _zk;
    private readonly double[] _zNext;
    private readonly double[] _auxBackup;
    private readonly double[] _residuals;
    private readonly double[] _ratios;
    private int _framesSolved;
    private int _lastIterations;

    /// <summary>Validates the parameters and prepares the solver (allocates; prepare time).</summary>
    public LimRpsSolver(LimRpsParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        int d = parameters.LatentSize;
        LatentSize = d;
        InputSize = parameters.InputSize;
        _input = parameters.U.Clone();
        _bias = (double[])parameters.Bias.Clone();
        _prox = parameters.Prox;
        _boxLower = parameters.BoxLower;
        _boxUpper = parameters.BoxUpper;
        _coupling = parameters.TemporalCoupling;
        _relaxation = parameters.Relaxation;
        _maxIterations = parameters.MaxIterations;
        _iterationLimit = _maxIterations;
        _tolerance = parameters.Tolerance;
        _warmStart = parameters.WarmStart;

        ReadOnlySpan<double> metric = parameters.BuildMetric().Values;
        ReadOnlySpan<double> field = parameters.BuildStepField().Values;
        _steps = new double[d];
        _thresholds = new double[d];
        for (int i = 0; i < d; i++)
        {
            _steps[i] = parameters.Step * field[i] / metric[i];
            _thresholds[i] = _steps[i] * parameters.ProxThreshold;
        }

        DenseMatrix l = parameters.BuildLinearOperator();
        var system = DenseMatrix.Identity(d);
        for (int r = 0; r < d; r++)
        {
            for (int col = 0; col < d; col++)
            {
                system[r, col] += _steps[r] * l[r, col];
            }
        }

        _resolvent = system.Inverse();
        _z = new double[d];
        _aux = new double[d];
        _auxPrevious = new double[d];
        _c = new double[d];
        _q = new double[d];
        _v = new double[d];
        _w = new double[d];
        _zk = new double[d];
        _zNext = new double[d];
        _auxBackup = new double[d];
        _residuals = new double[_maxIterations];
        _ratios = new double[_maxIterations];
    }

    /// <summary>d: latent size.</summary>
    public int LatentSize { get; }

    /// <summary>n: input size.</summary>
    public int InputSize { get; }

    /// <summary>K: the most splitting steps per frame.</summary>
    public int MaxIterations => _maxIterations;

    /// <summary>
    /// The cap in force, 1 to <see cref="MaxIterations"/> (initially K): a real-time caller lowers it when frames
    /// overrun their budget and raises it again when there is time; the solve stops there unconverged.
    /// </summary>
    public int IterationLimit
    {
        get => _iterationLimit;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, _maxIterations);
            _iterationLimit = value;
        }
    }

    /// <summary>The latest equilibrium z* (the previous frame's until the next accepted step).</summary>
    public ReadOnlySpan<double> State => _z;

    /// <summary>Relative residuals of the latest frame's steps, one per step taken.</summary>
    public ReadOnlySpan<double> ResidualHistory => _residuals.AsSpan(0, _lastIterations);

    /// <summary>ρ_k of the latest frame, one per step from the second on (NaN where a step vanished).</summary>
    public ReadOnlySpan<double> RatioHistory => _ratios.AsSpan(0, Math.Max(0, _lastIterations - 1));

    /// <summary>Rejected frames by reason.</summary>
    public RejectionCounters Rejections { get; } = new();

    /// <summary>Frames solved since construction or the last <see cref="Reset"/>.</summary>
    public int FramesSolved => _framesSolved;

    /// <summary>Forgets the temporal state (the next frame starts cold with z_{t−1} = 0) and clears the rejection counts.</summary>
    public void Reset()
    {
        Array.Clear(_z);
        Array.Clear(_aux);
        Array.Clear(_auxPrevious);
        _framesSolved = 0;
        _lastIterations = 0;
        Rejections.Reset();
    }

    /// <summary>Solves one frame with no external force.</summary>
    public SolveReport Step(ReadOnlySpan<double> input) => Step(input, ReadOnlySpan<double>.Empty);

    /// <summary>
    /// Solves one frame. <paramref name="externalForce"/> is F_ext (length d) or empty for none.
    /// A non-finite input or force rejects the frame (counted) and leaves every state untouched.
    /// </summary>
    /// <exception cref="ArgumentException">The input or force has the wrong length.</exception>
    public SolveReport Step(ReadOnlySpan<double> input, ReadOnlySpan<double> externalForce)
    {
        if (input.Length != InputSize)
        {
            ThrowHelper.ThrowWrongSize("input", InputSize, input.Length);
        }

        if (!externalForce.IsEmpty && externalForce.Length != LatentSize)
        {
            ThrowHelper.ThrowWrongSize("externalForce", LatentSize, externalForce.Length);
        }

        if (!Vec.AllFinite(input))
        {
            return Reject(FrameRejection.NonFiniteInput);
        }

        if (!Vec.AllFinite(externalForce))
        {
            return Reject(FrameRejection.NonFiniteForce);
        }

        // c = U u + b + λ z_{t−1} − F_ext, then q = (I + S L)⁻¹ S c: the constant part of the resolvent.
        _input.Multiply(input, _c);
        Vec.Axpy(1.0, _bias, _c);
        Vec.Axpy(_coupling, _z, _c);
        if (!externalForce.IsEmpty)
        {
            Vec.Axpy(-1.0, externalForce, _c);
        }

        System.Numerics.Tensors.TensorPrimitives.Multiply(_c, _steps, _c);
        _resolvent.Multiply(_c, _q);

        _aux.CopyTo(_auxBackup, 0);
        StartAuxiliary();

        Prox.Apply(_prox, _aux, _thresholds, _boxLower, _boxUpper, _zk);
        double previousStep = 0.0;
        double firstStep = 0.0;
        double lastStep = 0.0;
        double residual = double.PositiveInfinity;
        int k = 0;
        bool converged = false;
        while (k < _iterationLimit)
        {
            // w = R_A(2 z_k − a_k); a ← a + 2γ (w − z_k); z_{k+1} = prox(a).
            for (int i = 0; i < _v.Length; i++)
            {
                _v[i] = (2.0 * _zk[i]) - _aux[i];
            }

            _resolvent.Multiply(_v, _w);
            Vec.Axpy(1.0, _q, _w);
            double gain = 2.0 * _relaxation;
            for (int i = 0; i < _aux.Length; i++)
            {
                _aux[i] += gain * (_w[i] - _zk[i]);
            }

            Prox.Apply(_prox, _aux, _thresholds, _boxLower, _boxUpper, _zNext);
            double step = Vec.Distance(_zNext, _zk);
            residual = step / (Vec.Norm(_zk) + ResidualEpsilon);
            _residuals[k] = residual;
            if (k == 0)
            {
                firstStep = step;
            }
            else
            {
                _ratios[k - 1] = previousStep > 0.0 ? step / previousStep : double.NaN;
            }

            previousStep = step;
            lastStep = step;
            _zNext.CopyTo(_zk, 0);
            k++;
            if (residual < _tolerance)
            {
                converged = true;
                break;
            }
        }

        if (!Vec.AllFinite(_zk))
        {
            _auxBackup.CopyTo(_aux, 0);
            return Reject(FrameRejection.NonFiniteState);
        }

        _auxBackup.CopyTo(_auxPrevious, 0);
        _zk.CopyTo(_z, 0);
        _framesSolved++;
        _lastIterations = k;
        double ratio = k >= 2 && firstStep > 0.0 && lastStep > 0.0
            ? Math.Pow(lastStep / firstStep, 1.0 / (k - 1))
            : double.NaN;
        return new SolveReport(FrameRejection.None, k, residual, ratio, converged);
    }

    private void StartAuxiliary()
    {
        if (_framesSolved == 0 || _warmStart == WarmStart.Cold)
        {
            Array.Clear(_aux);
            return;
        }

        if (_warmStart == WarmStart.Extrapolate && _framesSolved >= 2)
        {
            for (int i = 0; i < _aux.Length; i++)
            {
                _aux[i] = (2.0 * _aux[i]) - _auxPrevious[i];
            }
        }
    }

    private SolveReport Reject(FrameRejection reason)
    {
        // A rejected frame took no steps: its history must not show the previous frame's.
        _lastIterations = 0;
        Rejections.Count(reason);
        return new SolveReport(reason, 0, double.NaN, double.NaN, false);
    }
}
