namespace Echelon.Audio.Tests.Devices.Infrastructure;

/// <summary>Measures a recorded sine: its frequency, its level, and the places where it breaks.</summary>
public static class CapturedSine
{
    /// <summary>Cycles per second from the rising zero crossings (interpolated between samples).</summary>
    public static double Frequency(ReadOnlySpan<float> x, int sampleRate)
    {
        double first = -1, last = -1;
        int cycles = -1;
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i - 1] < 0 && x[i] >= 0)
            {
                double t = i - 1 + (x[i - 1] / (x[i - 1] - x[i]));
                first = first < 0 ? t : first;
                last = t;
                cycles++;
            }
        }

        return cycles <= 0 ? 0 : cycles * sampleRate / (last - first);
    }

    public static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x)
        {
            sum += (double)v * v;
        }

        return x.Length == 0 ? 0 : Math.Sqrt(sum / x.Length);
    }

    /// <summary>
    /// Places where the sine breaks: the second difference of a clean sine of amplitude A at ω rad/sample is at most
    /// A·ω² (0.014 for 1.25 kHz at 0.5 and 48 kHz), a gap or a jump makes it far larger. Breaks closer together than
    /// 256 samples (a gap's two edges) count once.
    /// </summary>
    public static int Breaks(ReadOnlySpan<float> x, float threshold = 0.05f)
    {
        int count = 0, lastAt = int.MinValue / 2;
        for (int i = 2; i < x.Length; i++)
        {
            if (Math.Abs(x[i] - (2 * x[i - 1]) + x[i - 2]) > threshold && i - lastAt > 256)
            {
                count++;
                lastAt = i;
            }
        }

        return count;
    }
}
