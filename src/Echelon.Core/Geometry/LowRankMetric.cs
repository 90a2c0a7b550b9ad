using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Echelon.Core.Numerics;

namespace Echelon.Core.Geometry;

/// <summary>
/// The diagonal-plus-low-rank metric M = D + V Vᵀ (DESIGN §3, "the richer option" of the adaptive
/// geometry): D is diagonal with entries clamp(softplus(raw), min, max) and V is a d×r factor whose
/// Frobenius norm is capped, so for any finite raw parameters
/// <c>minDiagonal·I ⪯ M ⪯ (maxDiagonal + maxFactorNorm²)·I</c>.
/// </summary>
/// <remarks>
/// <para>
/// Bounds hold by construction (softplus, clamp, norm cap), never by hope: a learner may hand in
/// any finite raw parameters and the solver's contraction guarantees survive.
/// </para>
/// <para>
/// <see cref="Solve"/> uses the Woodbury identity
/// M⁻¹ = D⁻¹ − D⁻¹V (I_r + VᵀD⁻¹V)⁻¹ VᵀD⁻¹ with the r×r capacitance matrix Cholesky-factorised
/// once in the constructor, so <see cref="Apply"/>, <see cref="Solve"/> and
/// <see cref="SquaredNorm"/> all cost O(d·r) and allocate nothing. The input and output spans
/// of <see cref="Apply"/> and <see cref="Solve"/> may be the same span (in-place use).
/// </para>
/// <para>
/// Threading: construction allocates (prepare time, off the real-time threads). The three
/// operations share one r-length scratch buffer, so an instance belongs to one thread at a time
/// (the solver's). To change the geometry while the solver runs, build a new instance off-thread
/// and publish it with one reference write.
/// </para>
/// </remarks>
public sealed class LowRankMetric : IMetric
{
    private readonly double[] _diagonal;
    private readonly double[] _inverseDiagonal;
    private readonly DenseMatrix _factor;
    private readonly double[] _choleskyLower;
    private readonly double[] _scratch;

    /// <summary>
    /// Builds the metric from raw (unconstrained, learnable) parameters.
    /// </summary>
    /// <param name="rawDiagonal">d raw values; D_i = clamp(softplus(raw_i), minDiagonal, maxDiagonal).</param>
    /// <param name="factor">The d×r raw factor, 1 ≤ r ≤ d. Copied (never mutated), then scaled down
    /// if needed so that ‖V‖_F ≤ <paramref name="maxFactorNorm"/>.</param>
    /// <param name="minDiagonal">Lower bound on D (finite, &gt; 0); also a lower bound on M's eigenvalues.</param>
    /// <param name="maxDiagonal">Upper bound on D (finite, ≥ <paramref name="minDiagonal"/>).</param>
    /// <param name="maxFactorNorm">Cap on the Frobenius norm of V (finite, ≥ 0).</param>
    /// <exception cref="ArgumentException">A bound, a shape or a value is out of range; the
    /// exception names the parameter and the bad value or index.</exception>
    public LowRankMetric(
        ReadOnlySpan<double> rawDiagonal,
        DenseMatrix factor,
        double minDiagonal,
        double maxDiagonal,
        double maxFactorNorm)
    {
        ArgumentNullException.ThrowIfNull(factor);
        BoundedSoftplus.ValidateBounds(minDiagonal, maxDiagonal, nameof(minDiagonal), nameof(maxDiagonal));
        if (!double.IsFinite(maxFactorNorm) || maxFactorNorm < 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxFactorNorm), maxFactorNorm, "must be finite and >= 0.");
        }

        int d = rawDiagonal.Length;
        if (d == 0)
        {
            throw new ArgumentException("The metric needs at least one dimension; rawDiagonal is empty.", nameof(rawDiagonal));
        }

        if (factor.Rows != d)
        {
            throw new ArgumentException(
                $"factor must have one row per diagonal entry ({d}), got {factor.Rows}.", nameof(factor));
        }

        if (factor.Cols > d)
        {
            throw new ArgumentException(
                $"factor rank (columns) must be between 1 and the dimension {d}, got {factor.Cols}.", nameof(factor));
        }

        for (int i = 0; i < d; i++)
        {
            if (!double.IsFinite(rawDiagonal[i]))
            {
                throw new ArgumentException($"rawDiagonal[{i}] is {rawDiagonal[i]}; every value must be finite.", nameof(rawDiagonal));
            }
        }

        int r = factor.Cols;
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < r; j++)
            {
                if (!double.IsFinite(factor[i, j]))
                {
                    throw new ArgumentException($"factor[{i}, {j}] is {factor[i, j]}; every value must be finite.", nameof(factor));
                }
            }
        }

        _diagonal = new double[d];
        _inverseDiagonal = new double[d];
        for (int i = 0; i < d; i++)
        {
            _diagonal[i] = BoundedSoftplus.Map(rawDiagonal[i], minDiagonal, maxDiagonal);
            _inverseDiagonal[i] = 1.0 / _diagonal[i];
        }

        _factor = factor.Clone();
        CapFrobeniusNorm(_factor.Data, maxFactorNorm);
        FactorNorm = RobustNorm(_factor.Data);
        _choleskyLower = FactorCapacitance(_factor, _inverseDiagonal);
        _scratch = new double[r];
        MinEigenvalueBound = Min(_diagonal);
        MaxEigenvalueBound = Max(_diagonal) + (FactorNorm * FactorNorm);
    }

    /// <inheritdoc />
    public int Dimension => _diagonal.Length;

    /// <summary>The rank r of the low-rank part (columns of V).</summary>
    public int Rank => _factor.Cols;

    /// <summary>The diagonal D, each entry in [minDiagonal, maxDiagonal].</summary>
    public ReadOnlySpan<double> Diagonal => _diagonal;

    /// <summary>A copy of the norm-capped d×r factor V (allocates; prepare-time use).</summary>
    public DenseMatrix Factor => _factor.Clone();

    /// <summary>‖V‖_F after the cap.</summary>
    public double FactorNorm { get; }

    /// <summary>A lower bound on M's eigenvalues: min(D), since M ⪰ D.</summary>
    public double MinEigenvalueBound { get; }

    /// <summary>An upper bound on M's eigenvalues: max(D) + ‖V‖_F², since ‖VVᵀ‖₂ = ‖V‖₂² ≤ ‖V‖_F².</summary>
    public double MaxEigenvalueBound { get; }

    /// <inheritdoc />
    /// <remarks>y ← D x + V (Vᵀ x). Allocation-free; <paramref name="y"/> may be <paramref name="x"/>.</remarks>
    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != _diagonal.Length || y.Length != _diagonal.Length)
        {
            ThrowLengths(nameof(x), x.Length, nameof(y), y.Length, _diagonal.Length);
        }

        Span<double> t = _scratch;
        _factor.MultiplyTransposed(x, t);

        // Row i reads only x[i] after t is formed, so writing y[i] in place is safe.
        for (int i = 0; i < _diagonal.Length; i++)
        {
            y[i] = (_diagonal[i] * x[i]) + Vec.Dot(_factor.Row(i), t);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Woodbury: x = D⁻¹ (b − V s) with s = C⁻¹ Vᵀ D⁻¹ b and C = I + Vᵀ D⁻¹ V, so the cost is two
    /// passes over V plus two r×r triangular solves. Allocation-free; <paramref name="x"/> may be
    /// <paramref name="b"/>.
    /// </remarks>
    public void Solve(ReadOnlySpan<double> b, Span<double> x)
    {
        if (b.Length != _diagonal.Length || x.Length != _diagonal.Length)
        {
            ThrowLengths(nameof(b), b.Length, nameof(x), x.Length, _diagonal.Length);
        }

        Span<double> s = _scratch;
        s.Clear();
        for (int i = 0; i < _diagonal.Length; i++)
        {
            Vec.Axpy(b[i] * _inverseDiagonal[i], _factor.Row(i), s);
        }

        CholeskySolveInPlace(_choleskyLower, s);
        for (int i = 0; i < _diagonal.Length; i++)
        {
            x[i] = (b[i] - Vec.Dot(_factor.Row(i), s)) * _inverseDiagonal[i];
        }
    }

    /// <inheritdoc />
    /// <remarks>xᵀ D x + ‖Vᵀ x‖². Allocation-free.</remarks>
    public double SquaredNorm(ReadOnlySpan<double> x)
    {
        if (x.Length != _diagonal.Length)
        {
            ThrowLengths(nameof(x), x.Length, nameof(x), x.Length, _diagonal.Length);
        }

        Span<double> t = _scratch;
        _factor.MultiplyTransposed(x, t);
        double sum = Vec.Dot(t, t);
        for (int i = 0; i < _diagonal.Length; i++)
        {
            sum += _diagonal[i] * x[i] * x[i];
        }

        return sum;
    }

    /// <summary>
    /// Cholesky factor L (row-major r×r, lower) of C = I + Vᵀ D⁻¹ V. C ⪰ I, so every pivot is ≥ 1
    /// and the factorisation cannot fail.
    /// </summary>
    private static double[] FactorCapacitance(DenseMatrix factor, ReadOnlySpan<double> inverseDiagonal)
    {
        int r = factor.Cols;
        var c = new double[r * r];
        for (int i = 0; i < factor.Rows; i++)
        {
            Span<double> row = factor.Row(i);
            for (int a = 0; a < r; a++)
            {
                double va = row[a] * inverseDiagonal[i];
                for (int b = 0; b <= a; b++)
                {
                    c[(a * r) + b] += va * row[b];
                }
            }
        }

        for (int a = 0; a < r; a++)
        {
            c[(a * r) + a] += 1.0;
        }

        // In-place Cholesky–Banachiewicz on the lower triangle.
        for (int a = 0; a < r; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double sum = c[(a * r) + b];
                for (int k = 0; k < b; k++)
                {
                    sum -= c[(a * r) + k] * c[(b * r) + k];
                }

                if (a == b)
                {
                    Debug.Assert(sum >= 1.0 - 1e-9, "The capacitance matrix is I plus a PSD matrix.");
                    c[(a * r) + a] = Math.Sqrt(sum);
                }
                else
                {
                    c[(a * r) + b] = sum / c[(b * r) + b];
                }
            }

            for (int b = a + 1; b < r; b++)
            {
                c[(a * r) + b] = 0.0;
            }
        }

        return c;
    }

    /// <summary>s ← (L Lᵀ)⁻¹ s by a forward then a backward substitution.</summary>
    private static void CholeskySolveInPlace(ReadOnlySpan<double> lower, Span<double> s)
    {
        int r = s.Length;
        for (int a = 0; a < r; a++)
        {
            double sum = s[a];
            for (int k = 0; k < a; k++)
            {
                sum -= lower[(a * r) + k] * s[k];
            }

            s[a] = sum / lower[(a * r) + a];
        }

        for (int a = r - 1; a >= 0; a--)
        {
            double sum = s[a];
            for (int k = a + 1; k < r; k++)
            {
                sum -= lower[(k * r) + a] * s[k];
            }

            s[a] = sum / lower[(a * r) + a];
        }
    }

    /// <summary>
    /// Scales <paramref name="a"/> so that ‖a‖₂ ≤ <paramref name="cap"/>. Works on a / max|a_i| so
    /// that finite entries as large as 1e300 neither overflow to ∞ nor collapse the factor to zero.
    /// </summary>
    private static void CapFrobeniusNorm(Span<double> a, double cap)
    {
        double largest = MaxMagnitude(a);
        if (largest == 0.0)
        {
            return;
        }

        double relativeNorm = RelativeNorm(a, largest);
        double limit = cap / largest;
        if (relativeNorm > limit)
        {
            Vec.Scale(a, limit / relativeNorm, a);
        }
    }

    /// <summary>‖a‖₂ computed as max|a_i| · ‖a / max|a_i|‖₂ (no overflow in the squares).</summary>
    private static double RobustNorm(ReadOnlySpan<double> a)
    {
        double largest = MaxMagnitude(a);
        return largest == 0.0 ? 0.0 : largest * RelativeNorm(a, largest);
    }

    private static double RelativeNorm(ReadOnlySpan<double> a, double largest)
    {
        double sum = 0.0;
        foreach (double v in a)
        {
            double scaled = v / largest;
            sum += scaled * scaled;
        }

        return Math.Sqrt(sum);
    }

    private static double MaxMagnitude(ReadOnlySpan<double> a)
    {
        double largest = 0.0;
        foreach (double v in a)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        return largest;
    }

    private static double Min(ReadOnlySpan<double> a)
    {
        double m = double.PositiveInfinity;
        foreach (double v in a)
        {
            m = Math.Min(m, v);
        }

        return m;
    }

    private static double Max(ReadOnlySpan<double> a)
    {
        double m = double.NegativeInfinity;
        foreach (double v in a)
        {
            m = Math.Max(m, v);
        }

        return m;
    }

    [DoesNotReturn]
    private static void ThrowLengths(string firstName, int firstLength, string secondName, int secondLength, int expected) =>
        throw new ArgumentException(
            $"{firstName} and {secondName} must both hold {expected} values (the metric's dimension); got {firstLength} and {secondLength}.",
            firstLength != expected ? firstName : secondName);
}
