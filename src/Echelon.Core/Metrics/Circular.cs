namespace Echelon.Core.Metrics;

/// <summary>
/// Circular statistics for phase tracking (DESIGN §3, "Metrics"): wrapping, circular RMSE, phase
/// coherence, mean direction and re-lock time after a sensor dropout.
/// </summary>
/// <remarks>
/// Pure functions over spans: thread-safe, allocation-free, and safe to call from the control
/// thread. Angles are in radians. A phase error is always taken as <c>wrap(ψ − θ)</c>, so an
/// estimate of 3.1 rad against a truth of −3.1 rad is 0.083 rad off, not 6.2.
/// </remarks>
public static class Circular
{
    private const double TwoPi = 2.0 * Math.PI;

    /// <summary>Wraps <paramref name="angle"/> into the half-open interval (−π, π].</summary>
    /// <param name="angle">Any angle in radians.</param>
    /// <returns>
    /// The angle congruent to <paramref name="angle"/> modulo 2π in (−π, π]; π and −π both map to π.
    /// NaN and ±∞ give NaN.
    /// </returns>
    public static double Wrap(double angle)
    {
        // Fast path keeps in-range angles bit-exact (most phase errors are already small).
        if (angle > -Math.PI && angle <= Math.PI)
        {
            return angle;
        }

        // ceil((a − π) / 2π) turns counts so that the result lands in (−π, π]; the two checks
        // below only mop up the last ulp of rounding at the edges.
        double wrapped = angle - (TwoPi * Math.Ceiling((angle - Math.PI) / TwoPi));
        if (wrapped <= -Math.PI)
        {
            wrapped += TwoPi;
        }
        else if (wrapped > Math.PI)
        {
            wrapped -= TwoPi;
        }

        return wrapped;
    }

    /// <summary>
    /// Circular RMSE: <c>sqrt(mean(wrap(ψ − θ)²))</c>, in radians, in [0, π].
    /// </summary>
    /// <param name="psi">Estimated phase ψ per frame.</param>
    /// <param name="theta">Reference phase θ per frame, same length as <paramref name="psi"/>.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or are empty.</exception>
    public static double Rmse(ReadOnlySpan<double> psi, ReadOnlySpan<double> theta)
    {
        CheckPair(psi, theta);
        double sumSquares = 0.0;
        for (int i = 0; i < psi.Length; i++)
        {
            double e = Wrap(psi[i] - theta[i]);
            sumSquares += e * e;
        }

        return Math.Sqrt(sumSquares / psi.Length);
    }

    /// <summary>
    /// Phase coherence (mean resultant length of the phase error): <c>|mean(exp(i(ψ − θ)))|</c>, in [0, 1].
    /// </summary>
    /// <remarks>1 means a constant offset (locked, perhaps late or early); near 0 means the errors
    /// are spread all round the circle.</remarks>
    /// <param name="psi">Estimated phase ψ per frame.</param>
    /// <param name="theta">Reference phase θ per frame, same length as <paramref name="psi"/>.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or are empty.</exception>
    public static double Coherence(ReadOnlySpan<double> psi, ReadOnlySpan<double> theta)
    {
        CheckPair(psi, theta);
        double sumCos = 0.0;
        double sumSin = 0.0;
        for (int i = 0; i < psi.Length; i++)
        {
            (double sin, double cos) = Math.SinCos(psi[i] - theta[i]);
            sumCos += cos;
            sumSin += sin;
        }

        // Rounding can push |Σ e^{iφ}| / n a hair above 1 for a constant offset; the metric is a
        // length of a mean of unit vectors, so clamp to its mathematical range.
        return Math.Min(1.0, Math.Sqrt((sumCos * sumCos) + (sumSin * sumSin)) / psi.Length);
    }

    /// <summary>Circular mean direction: <c>atan2(mean sin, mean cos)</c>, wrapped into (−π, π].</summary>
    /// <remarks>Undefined when the angles cancel out exactly (zero resultant); it then returns 0.</remarks>
    /// <param name="angles">Angles in radians.</param>
    /// <exception cref="ArgumentException"><paramref name="angles"/> is empty.</exception>
    public static double MeanAngle(ReadOnlySpan<double> angles)
    {
        if (angles.IsEmpty)
        {
            MetricsThrow.Empty(nameof(angles));
        }

        double sumCos = 0.0;
        double sumSin = 0.0;
        for (int i = 0; i < angles.Length; i++)
        {
            (double sin, double cos) = Math.SinCos(angles[i]);
            sumCos += cos;
            sumSin += sin;
        }

        // Dividing both sums by n does not change atan2; Wrap maps atan2's −π onto π.
        return Wrap(Math.Atan2(sumSin, sumCos));
    }

    /// <summary>
    /// Re-lock time after a dropout (DESIGN §3): how long after <paramref name="fromTime"/> the
    /// phase error <c>|wrap(ψ − θ)|</c> starts to stay under <paramref name="toleranceRad"/> for
    /// <paramref name="holdSeconds"/>.
    /// </summary>
    /// <remarks>
    /// <para>Candidate window starts are the sample times t₀ ≥ <paramref name="fromTime"/>: lock is
    /// only claimed once a sample shows it, so when <paramref name="fromTime"/> falls between two
    /// samples the answer is at least the gap to the next one. A window holds when every sample
    /// with t in [t₀, t₀ + hold] has an error strictly under the tolerance (NaN counts as out) and
    /// the data reaches at least t₀ + hold. The result is t₀ − <paramref name="fromTime"/> for the
    /// first window that holds: 0 when already locked at <paramref name="fromTime"/> and staying
    /// locked, <see cref="double.PositiveInfinity"/> when no window in the data holds (including
    /// empty data, or data that ends too soon to prove the hold).</para>
    /// <para>Single pass, O(n): only the first sample of each in-tolerance run can start the first
    /// holding window, because any later start in the same run sees the same break.</para>
    /// <para>The DESIGN defaults are a tolerance of 0.3 rad and a hold of half a beat.</para>
    /// </remarks>
    /// <param name="times">Sample times in seconds, non-decreasing.</param>
    /// <param name="psi">Estimated phase ψ per sample.</param>
    /// <param name="theta">Reference phase θ per sample.</param>
    /// <param name="fromTime">The end of the dropout, in seconds.</param>
    /// <param name="holdSeconds">How long the error must stay in tolerance (≥ 0).</param>
    /// <param name="toleranceRad">Error bound in radians (&gt; 0).</param>
    /// <returns>Seconds from <paramref name="fromTime"/> to re-lock, or +∞ if it never re-locks in the data.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, or <paramref name="times"/> decreases or holds NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="holdSeconds"/> is negative or not finite,
    /// <paramref name="toleranceRad"/> is not positive, or <paramref name="fromTime"/> is NaN.</exception>
    public static double RelockTime(
        ReadOnlySpan<double> times,
        ReadOnlySpan<double> psi,
        ReadOnlySpan<double> theta,
        double fromTime,
        double holdSeconds,
        double toleranceRad)
    {
        if (psi.Length != times.Length)
        {
            MetricsThrow.LengthMismatch(nameof(times), times.Length, nameof(psi), psi.Length);
        }

        if (theta.Length != times.Length)
        {
            MetricsThrow.LengthMismatch(nameof(times), times.Length, nameof(theta), theta.Length);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(holdSeconds);
        if (!double.IsFinite(holdSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(holdSeconds), holdSeconds, "The hold must be finite.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toleranceRad);
        if (double.IsNaN(fromTime))
        {
            throw new ArgumentOutOfRangeException(nameof(fromTime), fromTime, "The dropout end must be a number.");
        }

        for (int i = 1; i < times.Length; i++)
        {
            // Written as !(a >= b) so that NaN times are rejected too.
            if (!(times[i] >= times[i - 1]))
            {
                throw new ArgumentException(
                    $"times must be non-decreasing, but times[{i}] = {times[i]} follows times[{i - 1}] = {times[i - 1]}.",
                    nameof(times));
            }
        }

        int runStart = -1;
        for (int i = 0; i < times.Length; i++)
        {
            double t = times[i];
            if (t < fromTime)
            {
                continue;
            }

            // The run that began at runStart has reached past t₀ + hold without a break: every
            // sample inside [t₀, t₀ + hold] was in tolerance and the data reaches beyond it.
            if (runStart >= 0 && t - times[runStart] > holdSeconds)
            {
                return times[runStart] - fromTime;
            }

            bool locked = Math.Abs(Wrap(psi[i] - theta[i])) < toleranceRad;
            if (!locked)
            {
                runStart = -1;
            }
            else if (runStart < 0)
            {
                runStart = i;
            }
        }

        // A run that lasts to the end of the data holds if the data reaches t₀ + hold.
        if (runStart >= 0 && times[^1] - times[runStart] >= holdSeconds)
        {
            return times[runStart] - fromTime;
        }

        return double.PositiveInfinity;
    }

    private static void CheckPair(ReadOnlySpan<double> psi, ReadOnlySpan<double> theta)
    {
        if (psi.Length != theta.Length)
        {
            MetricsThrow.LengthMismatch(nameof(psi), psi.Length, nameof(theta), theta.Length);
        }

        if (psi.IsEmpty)
        {
            MetricsThrow.Empty(nameof(psi));
        }
    }
}
