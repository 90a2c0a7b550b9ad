using Echelon.Audio.Analysis;
using Echelon.Audio.Tests.Peers;
using Echelon.Motion.Dynamics;
using Echelon.Studio.Listening;

namespace Echelon.Studio.Tests.Listening;

/// <summary>
/// Synthetic input with known answers, and the loop the live engine will run: the analyzer takes a 10 ms block,
/// the listening input hands the newest features to the builder, the builder builds the vector for the block's end.
/// </summary>
internal static class ListeningRig
{
    public const int SampleRate = 48_000;

    /// <summary>One control tick of audio: 10 ms at 48 kHz (not a multiple of the analyzer's hop, on purpose).</summary>
    public const int Block = 480;

    /// <summary>A sine whose RMS is <paramref name="rmsDbfs"/>.</summary>
    public static float[] Sine(double frequencyHz, double rmsDbfs, double seconds)
    {
        double amplitude = Math.Sqrt(2) * Math.Pow(10, rmsDbfs / 20);
        var x = new float[(int)Math.Round(seconds * SampleRate)];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequencyHz * i / SampleRate));
        }

        return x;
    }

    /// <summary>White noise of RMS <paramref name="rmsDbfs"/>.</summary>
    public static float[] Noise(double rmsDbfs, double seconds, ulong seed = 3)
    {
        var rng = new TestRandom(seed);
        double amplitude = Math.Pow(10, rmsDbfs / 20) * Math.Sqrt(3);
        var x = new float[(int)Math.Round(seconds * SampleRate)];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)(amplitude * rng.NextSigned());
        }

        return x;
    }

    /// <summary>
    /// A click every 1/<paramref name="clicksPerSecond"/> s from 0.5 s over a −40 dBFS noise bed: each click a 20 ms noise
    /// burst decaying with a 3 ms time constant, peak 0.8 (the click track the analyzer's peers are measured on).
    /// </summary>
    public static float[] Clicks(double clicksPerSecond, double seconds, ulong seed = 1)
    {
        var rng = new TestRandom(seed);
        float[] x = Noise(-40, seconds, seed + 100);
        int burst = (int)(0.020 * SampleRate);
        for (double t = 0.5; t < seconds - 0.05; t += 1 / clicksPerSecond)
        {
            int start = (int)Math.Round(t * SampleRate);
            for (int k = 0; k < burst && start + k < x.Length; k++)
            {
                x[start + k] += (float)(0.8 * Math.Exp(-k / (0.003 * SampleRate)) * rng.NextSigned());
            }
        }

        return x;
    }

    /// <summary>
    /// Plays <paramref name="signal"/> through a fresh analyzer into <paramref name="input"/> block by block; after each
    /// block feeds <paramref name="builder"/> and builds at the block's end. <paramref name="onTick"/> sees each vector
    /// (reused: copy what you keep) with the hints and the time in seconds.
    /// </summary>
    public static void Play(float[] signal, ListeningInput input, Dynamics128Builder builder, Action<Dynamics128Vector, ListeningHints, double> onTick)
    {
        var analyzer = new ListeningAnalyzer(new ListeningOptions { SampleRate = SampleRate });
        var v = new Dynamics128Vector();
        for (int start = 0; start < signal.Length; start += Block)
        {
            analyzer.Process(signal.AsSpan(start, Math.Min(Block, signal.Length - start)), input);
            double seconds = (double)analyzer.SamplesIn / SampleRate;
            input.FeedBuilder(builder);
            builder.Build(input.ToHostNs(seconds), v);
            input.TryReadHints(out ListeningHints hints);
            onTick(v, hints, seconds);
        }
    }

    /// <summary>The hints at the last tick at or before <paramref name="atSeconds"/> (the end when omitted).</summary>
    public static ListeningHints HintsAfter(float[] signal, double atSeconds = double.PositiveInfinity)
    {
        var input = new ListeningInput();
        ListeningHints last = default;
        Play(signal, input, new Dynamics128Builder(), (_, h, t) =>
        {
            if (t <= atSeconds + 1e-9)
            {
                last = h;
            }
        });
        return last;
    }

    /// <summary>The raw value of a slot, undoing the layout's normalisation (valid inside the clip range).</summary>
    public static double Raw(Dynamics128Vector v, int slot)
    {
        SlotDefinition s = Dynamics128Layout.Slots[slot];
        return (v.Values[slot] / s.Scale) + s.Offset;
    }

    public static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
