namespace Echelon.Audio.Dsp;

/// <summary>
/// The coefficients of the trapezoidal state-variable filter (Simper, "SvfLinearTrapOptimised2"), shared by
/// <see cref="StateVariableFilter"/> and <see cref="VectorStateVariableFilter"/> so both run the same filter:
/// per sample v1 = a1·ic1 + a2·(x − ic2), v2 = ic2 + a2·ic1 + a3·(x − ic2), y = m0·x + m1·v1 + m2·v2.
/// </summary>
internal readonly record struct SvfCoefficients(double A1, double A2, double A3, double M0, double M1, double M2)
{
    /// <summary>The coefficients for <paramref name="cutoff"/> Hz, quality <paramref name="q"/> and <paramref name="mode"/> at <paramref name="sampleRate"/>.</summary>
    public static SvfCoefficients Compute(double cutoff, double q, FilterMode mode, int sampleRate)
    {
        double g = Math.Tan(Math.PI * cutoff / sampleRate);
        double k = 1 / q;
        double a1 = 1 / (1 + (g * (g + k)));
        double a2 = g * a1;
        double a3 = g * a2;
        (double m0, double m1, double m2) = mode switch
        {
            FilterMode.LowPass => (0.0, 0.0, 1.0),
            FilterMode.BandPass => (0.0, k, 0.0),
            FilterMode.HighPass => (1.0, -k, -1.0),
            _ => (1.0, -k, 0.0),
        };
        return new SvfCoefficients(a1, a2, a3, m0, m1, m2);
    }
}
