namespace Echelon.Audio.Analysis;

/// <summary>
/// The plain, obviously correct YIN difference function: the direct O(W²) sum in double precision. It is the
/// reference twin of <see cref="PitchDetector"/>'s FFT-based one; tests and benchmarks compare the two.
/// </summary>
internal static class YinReference
{
    /// <summary>d′(τ) for τ &lt; W of <paramref name="buffer"/> (2·W samples) into <paramref name="normalised"/> (W values).</summary>
    public static void NormalisedDifference(ReadOnlySpan<float> buffer, int window, Span<double> normalised)
    {
        normalised[0] = 1;
        double running = 0;
        for (int tau = 1; tau < window; tau++)
        {
            double d = 0;
            for (int j = 0; j < window; j++)
            {
                double diff = (double)buffer[j] - buffer[j + tau];
                d += diff * diff;
            }

            running += d;
            normalised[tau] = running > 0 ? d * tau / running : 1;
        }
    }

    /// <summary>The estimate <paramref name="detector"/> would give if its difference function were the direct sum.</summary>
    public static PitchEstimate Estimate(PitchDetector detector, ReadOnlySpan<float> buffer, int window, double silenceDbfs)
    {
        double energy = 0;
        for (int j = 0; j < window; j++)
        {
            energy += (double)buffer[j] * buffer[j];
        }

        if (energy <= Math.Pow(10, silenceDbfs / 10) * window)
        {
            return PitchEstimate.Silent;
        }

        var normalised = new double[window];
        NormalisedDifference(buffer, window, normalised);
        var asFloat = new float[window];
        for (int i = 0; i < window; i++)
        {
            asFloat[i] = (float)normalised[i];
        }

        return detector.Choose(asFloat);
    }
}
