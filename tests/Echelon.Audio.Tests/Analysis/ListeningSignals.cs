using Echelon.Audio.Tests.Peers;

namespace Echelon.Audio.Tests.Analysis;

/// <summary>Synthetic inputs with known answers for the listening analyzers.</summary>
public static class ListeningSignals
{
    /// <summary>A sine of <paramref name="hz"/> at <paramref name="amplitude"/>.</summary>
    public static float[] Sine(double hz, double seconds, int sampleRate = 48_000, double amplitude = 0.5)
    {
        var x = new float[(int)(seconds * sampleRate)];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)(amplitude * Math.Sin(2 * Math.PI * hz * i / sampleRate));
        }

        return x;
    }

    /// <summary>
    /// A click every beat (a 20 ms noise burst, 3 ms decay, peak 0.8) over a noise bed at −40 dBFS, starting at
    /// <paramref name="first"/> seconds; the click times go to <paramref name="clicks"/>.
    /// </summary>
    public static float[] Clicks(double bpm, double seconds, out List<double> clicks, int sampleRate = 48_000, double first = 0.5, ulong seed = 7)
    {
        var x = new float[(int)(seconds * sampleRate)];
        var rng = new TestRandom(seed);
        double bed = Math.Pow(10, -40 / 20.0) * Math.Sqrt(3);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)(bed * rng.NextSigned());
        }

        clicks = [];
        for (double t = first; t < seconds - 0.1; t += 60 / bpm)
        {
            clicks.Add(t);
            int start = (int)Math.Round(t * sampleRate);
            for (int k = 0; k < sampleRate / 50 && start + k < x.Length; k++)
            {
                x[start + k] += (float)(0.8 * Math.Exp(-k / (0.003 * sampleRate)) * rng.NextSigned());
            }
        }

        return x;
    }

    /// <summary>White noise at <paramref name="rmsDbfs"/>.</summary>
    public static float[] Noise(double seconds, double rmsDbfs, int sampleRate = 48_000, ulong seed = 3)
    {
        var x = new float[(int)(seconds * sampleRate)];
        var rng = new TestRandom(seed);
        double a = Math.Pow(10, rmsDbfs / 20) * Math.Sqrt(3);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)(a * rng.NextSigned());
        }

        return x;
    }

    /// <summary>Distance from <paramref name="t"/> to the nearest of <paramref name="times"/>.</summary>
    public static double Nearest(IReadOnlyList<double> times, double t) => times.Min(x => Math.Abs(x - t));
}
