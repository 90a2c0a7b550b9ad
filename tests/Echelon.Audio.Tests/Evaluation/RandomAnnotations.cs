using Echelon.Audio.Tests.Peers;

namespace Echelon.Audio.Tests.Evaluation;

/// <summary>
/// Seeded reference/estimate pairs for comparing our metrics with mir_eval: plausible annotations and
/// trackers' typical mistakes (jitter, misses, extras, octave and metrical-level errors), plus the
/// corners mir_eval settles in its own way (empty, one beat, equal neighbours, times on a coarse grid so
/// that distances land exactly on tolerance edges).
/// </summary>
internal sealed class RandomAnnotations(ulong seed)
{
    private TestRandom _rng = new(seed);

    public double Unit() => _rng.NextUnit();

    public double Between(double lo, double hi) => lo + ((hi - lo) * _rng.NextUnit());

    public int Below(int n) => Math.Min(n - 1, (int)(_rng.NextUnit() * n));

    public bool Chance(double p) => _rng.NextUnit() < p;

    /// <summary>A beat or onset reference and an estimate of it, sorted, non-negative.</summary>
    public (double[] Reference, double[] Estimated) EventPair(double maxSeconds)
    {
        int kind = Below(20);
        if (kind == 0)
        {
            // Tiny sequences: 0–3 events on either side.
            return (Events(Below(4), maxSeconds), Events(Below(4), maxSeconds));
        }

        double period = Between(0.25, 1.1);
        double start = Chance(0.3) ? 0 : Between(0, 3);
        double seconds = Between(2, maxSeconds);
        var reference = new List<double>();
        for (double t = start; t < seconds; t += period * Between(0.97, 1.03))
        {
            reference.Add(t + Between(-0.01, 0.01));
        }

        List<double> estimated = (kind % 6) switch
        {
            1 => [.. reference.Select((t, i) => (t, i)).Where(x => x.i % 2 == 1).Select(x => x.t)],                                  // half tempo
            2 => [.. reference.SelectMany((t, i) => i + 1 < reference.Count ? new[] { t, (t + reference[i + 1]) / 2 } : [t])],     // double tempo
            3 => [.. reference.Select(t => t + (period / 2))],                                                                          // off-beat
            4 => [.. Events((int)(seconds / Between(0.3, 1.0)), seconds)],                                                             // unrelated
            _ => Jittered(reference, Between(0, 0.1), Between(0, 0.3), Between(0, 0.3)),
        };

        if (Chance(0.2))
        {
            // A constant lag, as a tracker with latency has.
            double lag = Between(-0.1, 0.1);
            estimated = [.. estimated.Select(t => t + lag)];
        }

        if (Chance(0.1) && estimated.Count > 2)
        {
            estimated.Insert(1, estimated[1]); // equal neighbours are valid in mir_eval
        }

        double grid = Chance(0.4) ? (Chance(0.5) ? 0.01 : 0.001) : 0;
        return (Tidy(reference, grid), Tidy(estimated, grid));
    }

    /// <summary>A reference melody (Hz, 0 unvoiced) with its times, and a pitch tracker's estimate.</summary>
    public MelodyPair MelodyPair()
    {
        double refHop = new[] { 0.0058, 0.01, 128.0 / 44100, 0.005 }[Below(4)];
        double seconds = Between(0.5, 12);
        double refStart = Chance(0.5) ? 0 : Between(0.001, 0.3);
        bool coarse = Chance(0.5);
        var refTimes = new List<double>();
        for (int k = 0; refStart + (k * refHop) < seconds; k++)
        {
            double t = refStart + (k * refHop);
            refTimes.Add(coarse ? Math.Round(t, 3) : t);
        }

        refTimes = [.. refTimes.Distinct()];
        double[] refFreqs = Melody(refTimes);

        int kind = Below(5);
        List<double> estTimes;
        if (kind == 0)
        {
            estTimes = [.. refTimes]; // the same time base: mir_eval does not resample
        }
        else if (kind == 1)
        {
            estTimes = [.. refTimes.Select(t => t * (1 + 1e-7))]; // equal within numpy.allclose, so not resampled either
        }
        else
        {
            double estHop = new[] { 0.01, 0.0058, 0.02, 0.0029 }[Below(4)];
            double estStart = Chance(0.5) ? 0 : Between(0.001, 0.2);
            double estEnd = seconds * Between(0.7, 1.3);
            estTimes = [];
            for (int k = 0; estStart + (k * estHop) < estEnd; k++)
            {
                estTimes.Add(Math.Round(estStart + (k * estHop), kind == 2 ? 2 : 6));
            }

            estTimes = [.. estTimes.Distinct()];
        }

        double[] estFreqs = new double[estTimes.Count];
        for (int i = 0; i < estFreqs.Length; i++)
        {
            double truth = NearestValue(refTimes, refFreqs, estTimes[i]);
            double cents = Chance(0.8) ? Between(-30, 30) : Between(-150, 150);
            if (Chance(0.1))
            {
                cents += 1200 * (Chance(0.5) ? 1 : -1);
            }

            double f = truth > 0 ? truth * Math.Pow(2, cents / 1200) : Between(80, 800);
            bool voiced = truth > 0 ? Chance(0.85) : Chance(0.15);
            estFreqs[i] = voiced ? f : Chance(0.5) ? -f : 0;
        }

        double[]? estVoicing = null, refReward = null;
        if (Chance(0.25))
        {
            estVoicing = [.. estFreqs.Select(f => Chance(0.2) ? Math.Round(Unit()) : f > 0 ? Between(0.5, 1) : Between(0, 0.5))];
        }

        if (Chance(0.2))
        {
            refReward = [.. refTimes.Select(_ => Chance(0.3) ? 1.0 : Unit())];
        }

        double? hop = Chance(0.2) ? new[] { 0.01, 0.005, 0.02 }[Below(3)] : null;
        return new MelodyPair([.. refTimes], refFreqs, [.. estTimes], estFreqs, estVoicing, refReward, hop);
    }

    private double[] Melody(List<double> times)
    {
        double[] freqs = new double[times.Count];
        int i = 0;
        while (i < times.Count)
        {
            double length = Between(0.05, 0.8);
            double end = times[i] + length;
            bool rest = Chance(0.3);
            double midi = Between(45, 84);
            double vibrato = Between(0, 30);
            double start = times[i];
            for (; i < times.Count && times[i] < end; i++)
            {
                freqs[i] = rest ? 0 : 440 * Math.Pow(2, ((midi - 69) * 100 + vibrato * Math.Sin(2 * Math.PI * 5.5 * (times[i] - start))) / 1200);
            }
        }

        return freqs;
    }

    private static double NearestValue(List<double> times, double[] values, double t)
    {
        int j = times.BinarySearch(t);
        j = j >= 0 ? j : Math.Min(~j, times.Count - 1);
        return values[j];
    }

    private double[] Events(int count, double seconds) =>
        [.. Enumerable.Range(0, count).Select(_ => Between(0, seconds)).Order()];

    private List<double> Jittered(List<double> reference, double jitter, double missRate, double extraRate)
    {
        var estimated = new List<double>();
        foreach (double t in reference)
        {
            if (!Chance(missRate))
            {
                estimated.Add(t + Between(-jitter, jitter));
            }

            if (Chance(extraRate))
            {
                estimated.Add(t + Between(0.02, 0.4));
            }
        }

        return estimated;
    }

    private static double[] Tidy(List<double> times, double grid) =>
        [.. times.Select(t => grid > 0 ? Math.Round(t / grid) * grid : t).Where(t => t >= 0).Order()];
}
