using System.Numerics;

namespace Echelon.Audio.Tests.Dsp;

/// <summary>Shared checks for the DSP kernels: block equivalence, clean numbers, allocations, spectra.</summary>
internal static class DspTestKit
{
    public const int SampleRate = 48_000;

    /// <summary>The block sizes every kernel must be bit-identical across (plus one long block).</summary>
    public static readonly int[] BlockSizes = [1, 7, 128, 4096];

    public delegate void BlockAction(int offset, int length);

    /// <summary>
    /// Drives a kernel through <paramref name="total"/> samples in blocks of <paramref name="blockSize"/>,
    /// splitting blocks at event times as a render loop does, with a zero-length block before every block.
    /// </summary>
    public static void Drive(int total, int blockSize, ReadOnlySpan<int> eventTimes, Action<int> onEvent, BlockAction block)
    {
        int position = 0;
        int next = 0;
        while (position < total)
        {
            while (next < eventTimes.Length && eventTimes[next] == position)
            {
                onEvent(next++);
            }

            int end = Math.Min(total, position + blockSize);
            if (next < eventTimes.Length && eventTimes[next] < end)
            {
                end = eventTimes[next];
            }

            block(position, 0);
            block(position, end - position);
            position = end;
        }
    }

    /// <summary>The block sizes to compare against the per-sample reference: 1, 7, 128, 4096 and one block of everything.</summary>
    public static IEnumerable<int> SizesWithWhole(int total) => [.. BlockSizes, total];

    public static void AssertBitIdentical(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string label)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
            {
                Assert.Fail($"{label}: sample {i} is {actual[i]:R}, the reference is {expected[i]:R}.");
            }
        }
    }

    /// <summary>No NaN, no infinity, no subnormal number anywhere.</summary>
    public static void AssertClean(ReadOnlySpan<float> samples, string label = "output")
    {
        for (int i = 0; i < samples.Length; i++)
        {
            float x = samples[i];
            if (!float.IsFinite(x) || float.IsSubnormal(x))
            {
                Assert.Fail($"{label}: sample {i} is {x:R}.");
            }
        }
    }

    /// <summary>Bytes allocated per <see cref="Echelon.Testing.AllocationProbe.SteadyStateBytes"/>: the least of three warm rounds.</summary>
    public static long AllocatedBytes(Action action, int warmUp = 20, int iterations = 200) =>
        Echelon.Testing.AllocationProbe.SteadyStateBytes(action, warmUp, iterations);

    /// <summary>Amplitude of the component at <paramref name="frequency"/> by a single-bin DFT (exact for whole periods).</summary>
    public static double Amplitude(ReadOnlySpan<float> x, double frequency, int sampleRate = SampleRate)
    {
        double w = 2 * Math.PI * frequency / sampleRate;
        double re = 0;
        double im = 0;
        for (int n = 0; n < x.Length; n++)
        {
            re += x[n] * Math.Cos(w * n);
            im += x[n] * Math.Sin(w * n);
        }

        return 2 * Math.Sqrt((re * re) + (im * im)) / x.Length;
    }

    /// <summary>Folds <paramref name="frequency"/> into [0, sampleRate/2] as sampling does.</summary>
    public static double Alias(double frequency, int sampleRate = SampleRate)
    {
        double f = frequency % sampleRate;
        return f > sampleRate / 2.0 ? sampleRate - f : f;
    }

    public static double Db(double ratio) => 20 * Math.Log10(ratio);

    /// <summary>Power per FFT bin (zero-padded to a power of two) and the bin width in Hz.</summary>
    public static double[] PowerSpectrum(ReadOnlySpan<float> x, out double binHz, int sampleRate = SampleRate)
    {
        int n = (int)BitOperations.RoundUpToPowerOf2((uint)x.Length);
        var data = new Complex[n];
        for (int i = 0; i < x.Length; i++)
        {
            data[i] = x[i];
        }

        Fft(data);
        var power = new double[(n / 2) + 1];
        for (int k = 0; k < power.Length; k++)
        {
            power[k] = data[k].Magnitude * data[k].Magnitude;
        }

        binHz = (double)sampleRate / n;
        return power;
    }

    /// <summary>Share of the spectrum's power between <paramref name="lowHz"/> and <paramref name="highHz"/>.</summary>
    public static double EnergyFraction(double[] power, double binHz, double lowHz, double highHz)
    {
        double total = 0;
        double band = 0;
        for (int k = 0; k < power.Length; k++)
        {
            double f = k * binHz;
            total += power[k];
            if (f >= lowHz && f < highHz)
            {
                band += power[k];
            }
        }

        return band / total;
    }

    public static double Peak(ReadOnlySpan<float> x)
    {
        double peak = 0;
        foreach (float v in x)
        {
            peak = Math.Max(peak, Math.Abs(v));
        }

        return peak;
    }

    public static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x)
        {
            sum += v * (double)v;
        }

        return Math.Sqrt(sum / Math.Max(1, x.Length));
    }

    /// <summary>Deterministic uniform noise in [−amplitude, amplitude].</summary>
    public static float[] Noise(int length, double amplitude, int seed)
    {
        var random = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)(amplitude * ((2 * random.NextDouble()) - 1));
        }

        return x;
    }

    public static float[] Sine(int length, double frequency, double amplitude, int sampleRate = SampleRate)
    {
        var x = new float[length];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return x;
    }

    private static void Fft(Complex[] data)
    {
        int n = data.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (data[i], data[j]) = (data[j], data[i]);
            }
        }

        for (int length = 2; length <= n; length <<= 1)
        {
            double angle = -2 * Math.PI / length;
            for (int start = 0; start < n; start += length)
            {
                for (int k = 0; k < length / 2; k++)
                {
                    Complex w = Complex.FromPolarCoordinates(1, angle * k);
                    Complex u = data[start + k];
                    Complex v = data[start + k + (length / 2)] * w;
                    data[start + k] = u + v;
                    data[start + k + (length / 2)] = u - v;
                }
            }
        }
    }
}
