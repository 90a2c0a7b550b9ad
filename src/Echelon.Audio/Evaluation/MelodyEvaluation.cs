using System.Globalization;

namespace Echelon.Audio.Evaluation;

/// <summary>
/// Melody (single-f0) evaluation as <c>mir_eval.melody</c> (0.7) defines it: voicing recall and false
/// alarm, raw pitch and raw chroma accuracy, overall accuracy, including its continuous-voicing
/// generalisation and the way it resamples an estimate onto the reference's times.
/// </summary>
/// <remarks>
/// <para>
/// Frequencies are in Hz. A reference frame of 0 Hz is unvoiced; an estimated frame of 0 Hz or below is
/// unvoiced, and a negative one still carries a pitch (its magnitude) for the raw accuracies.
/// </para>
/// <para>
/// Resampling follows mir_eval with its default linear interpolation: a series that does not start at
/// 0 s gets a frame at 0 s repeating its first value; if the two time bases are already the same within
/// numpy's <c>allclose</c> tolerance nothing moves; otherwise times are rounded to 1e-10 s, the estimate
/// is extended with an unvoiced frame at the last reference time if it ends earlier, pitches are
/// interpolated linearly in cents across unvoiced gaps (each 0 held at the last pitch) and then zeroed
/// wherever the previous estimated frame had no pitch, and voicing is held from the previous frame
/// (interpolated linearly when it is not all 0 or 1).
/// </para>
/// <para>
/// Deliberate differences, all where mir_eval would fail or silently reorder: times must be finite,
/// 0 or more and strictly increasing; an empty series throws (mir_eval raises IndexError); times that
/// collide after rounding to 1e-10 s throw (scipy raises). Offline: pure, thread-safe, allocates.
/// </para>
/// </remarks>
public static class MelodyEvaluation
{
    /// <summary>Largest resampling grid <see cref="MelodyOptions.Hop"/> may ask for.</summary>
    private const int MaxHopFrames = 100_000_000;

    /// <summary>
    /// Converts both melodies to cents and voicing on the reference's time base (or on the hop grid of
    /// <see cref="MelodyOptions.Hop"/>), as <c>mir_eval.melody.to_cent_voicing</c> does.
    /// </summary>
    /// <param name="referenceTimes">Reference frame times in seconds.</param>
    /// <param name="referenceFrequencies">Reference f0 per frame in Hz; 0 is unvoiced.</param>
    /// <param name="estimatedTimes">Estimated frame times in seconds.</param>
    /// <param name="estimatedFrequencies">Estimated f0 per frame in Hz; 0 or negative is unvoiced.</param>
    /// <param name="options">Continuous voicing, reward, base frequency, hop; null for mir_eval's defaults.</param>
    /// <exception cref="ArgumentException">An input breaks the rules in the type's remarks, or lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The base frequency or hop is not a positive finite number.</exception>
    public static MelodyFrames ToCentVoicing(
        ReadOnlySpan<double> referenceTimes,
        ReadOnlySpan<double> referenceFrequencies,
        ReadOnlySpan<double> estimatedTimes,
        ReadOnlySpan<double> estimatedFrequencies,
        MelodyOptions? options = null)
    {
        options ??= new MelodyOptions();
        CheckSeries(referenceTimes, referenceFrequencies, "reference");
        CheckSeries(estimatedTimes, estimatedFrequencies, "estimated");
        double[]? reward = Weights(options.ReferenceReward, referenceTimes.Length, nameof(options.ReferenceReward), nameof(options));
        double[]? confidence = Weights(options.EstimatedVoicing, estimatedTimes.Length, nameof(options.EstimatedVoicing), nameof(options));
        double baseFrequency = options.BaseFrequency;
        if (!double.IsFinite(baseFrequency) || baseFrequency <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), baseFrequency, "The base frequency must be a positive number of Hz.");
        }

        (double[] refTimes, double[] refFreqs, reward) = StartAtZero(referenceTimes, referenceFrequencies, reward);
        (double[] estTimes, double[] estFreqs, confidence) = StartAtZero(estimatedTimes, estimatedFrequencies, confidence);
        double[] refVoicing = Voicing(refFreqs, reward);
        double[] estVoicing = Voicing(estFreqs, confidence);
        double[] refCents = Cents(refFreqs, baseFrequency);
        double[] estCents = Cents(estFreqs, baseFrequency);

        if (options.Hop is double hop)
        {
            if (!double.IsFinite(hop) || hop <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(options), hop, "The hop must be a positive number of seconds.");
            }

            (refCents, refVoicing) = Resample(refTimes, refCents, refVoicing, nameof(referenceTimes), HopTimebase(hop, refTimes[^1], nameof(options)));
            (estCents, estVoicing) = Resample(estTimes, estCents, estVoicing, nameof(estimatedTimes), HopTimebase(hop, estTimes[^1], nameof(options)));
        }
        else
        {
            (estCents, estVoicing) = Resample(estTimes, estCents, estVoicing, nameof(estimatedTimes), refTimes);
        }

        // Pad with unvoiced, pitchless frames or cut, to the reference's length.
        Array.Resize(ref estCents, refCents.Length);
        Array.Resize(ref estVoicing, refCents.Length);
        return new MelodyFrames(refVoicing, refCents, estVoicing, estCents);
    }

    /// <summary>Every score of <c>mir_eval.melody.evaluate</c>: <see cref="ToCentVoicing"/>, then each metric.</summary>
    /// <param name="referenceTimes">Reference frame times in seconds.</param>
    /// <param name="referenceFrequencies">Reference f0 per frame in Hz; 0 is unvoiced.</param>
    /// <param name="estimatedTimes">Estimated frame times in seconds.</param>
    /// <param name="estimatedFrequencies">Estimated f0 per frame in Hz; 0 or negative is unvoiced.</param>
    /// <param name="options">Continuous voicing, reward, base frequency, hop, tolerance; null for mir_eval's defaults.</param>
    /// <exception cref="ArgumentException">See <see cref="ToCentVoicing"/>.</exception>
    public static MelodyScores Evaluate(
        ReadOnlySpan<double> referenceTimes,
        ReadOnlySpan<double> referenceFrequencies,
        ReadOnlySpan<double> estimatedTimes,
        ReadOnlySpan<double> estimatedFrequencies,
        MelodyOptions? options = null)
    {
        options ??= new MelodyOptions();
        return Evaluate(ToCentVoicing(referenceTimes, referenceFrequencies, estimatedTimes, estimatedFrequencies, options), options.CentTolerance);
    }

    /// <summary>Every score of <c>mir_eval.melody.evaluate</c> on melodies already on one time base.</summary>
    /// <param name="frames">Both melodies, from <see cref="ToCentVoicing"/> or built directly.</param>
    /// <param name="centTolerance">Largest pitch error counted correct, in cents (exclusive).</param>
    public static MelodyScores Evaluate(MelodyFrames frames, double centTolerance = 50.0)
    {
        ArgumentNullException.ThrowIfNull(frames);
        return new MelodyScores(
            VoicingRecall(frames.ReferenceVoicing, frames.EstimatedVoicing),
            VoicingFalseAlarm(frames.ReferenceVoicing, frames.EstimatedVoicing),
            RawPitchAccuracy(frames, centTolerance),
            RawChromaAccuracy(frames, centTolerance),
            OverallAccuracy(frames, centTolerance));
    }

    /// <summary>
    /// Estimated voicing summed over the reference's voiced frames, as a share of them
    /// (<c>mir_eval.melody.voicing_recall</c>). 0 when either is empty; 1 when the reference has no voiced frame.
    /// </summary>
    /// <param name="referenceVoicing">Reference voicing per frame.</param>
    /// <param name="estimatedVoicing">Estimated voicing per frame, as many.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double VoicingRecall(ReadOnlySpan<double> referenceVoicing, ReadOnlySpan<double> estimatedVoicing)
    {
        if (referenceVoicing.Length == 0 || estimatedVoicing.Length == 0)
        {
            return 0.0;
        }

        SameLength(referenceVoicing, estimatedVoicing, nameof(estimatedVoicing));
        double[] indicator = new double[referenceVoicing.Length];
        double[] hit = new double[referenceVoicing.Length];
        for (int i = 0; i < indicator.Length; i++)
        {
            indicator[i] = referenceVoicing[i] > 0 ? 1.0 : 0.0;
            hit[i] = estimatedVoicing[i] * indicator[i];
        }

        double voiced = NumpySum.Pairwise(indicator);
        return voiced == 0 ? 1.0 : NumpySum.Pairwise(hit) / voiced;
    }

    /// <summary>
    /// Estimated voicing summed over the reference's unvoiced frames, as a share of them
    /// (<c>mir_eval.melody.voicing_false_alarm</c>). 0 when either is empty or the reference has no unvoiced frame.
    /// </summary>
    /// <param name="referenceVoicing">Reference voicing per frame.</param>
    /// <param name="estimatedVoicing">Estimated voicing per frame, as many.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double VoicingFalseAlarm(ReadOnlySpan<double> referenceVoicing, ReadOnlySpan<double> estimatedVoicing)
    {
        if (referenceVoicing.Length == 0 || estimatedVoicing.Length == 0)
        {
            return 0.0;
        }

        SameLength(referenceVoicing, estimatedVoicing, nameof(estimatedVoicing));
        double[] indicator = new double[referenceVoicing.Length];
        double[] alarm = new double[referenceVoicing.Length];
        for (int i = 0; i < indicator.Length; i++)
        {
            indicator[i] = referenceVoicing[i] == 0 ? 1.0 : 0.0;
            alarm[i] = estimatedVoicing[i] * indicator[i];
        }

        double unvoiced = NumpySum.Pairwise(indicator);
        return unvoiced == 0 ? 0.0 : NumpySum.Pairwise(alarm) / unvoiced;
    }

    /// <summary>
    /// Reference voicing summed over the frames where both have a pitch and they are within
    /// <paramref name="centTolerance"/>, as a share of all reference voicing; the estimate's voicing is
    /// ignored (<c>mir_eval.melody.raw_pitch_accuracy</c>). 0 when empty, when the reference is all
    /// unvoiced, or when no frame has both pitches.
    /// </summary>
    /// <param name="frames">Both melodies on one time base.</param>
    /// <param name="centTolerance">Largest error counted correct, in cents (exclusive).</param>
    public static double RawPitchAccuracy(MelodyFrames frames, double centTolerance = 50.0) =>
        RawAccuracy(frames, centTolerance, chroma: false);

    /// <summary>
    /// <see cref="RawPitchAccuracy"/> with the error first reduced by the nearest whole number of
    /// octaves (<c>mir_eval.melody.raw_chroma_accuracy</c>).
    /// </summary>
    /// <param name="frames">Both melodies on one time base.</param>
    /// <param name="centTolerance">Largest error counted correct, in cents (exclusive).</param>
    public static double RawChromaAccuracy(MelodyFrames frames, double centTolerance = 50.0) =>
        RawAccuracy(frames, centTolerance, chroma: true);

    /// <summary>
    /// Share of frames right on both counts (<c>mir_eval.melody.overall_accuracy</c>): on frames where both
    /// have a pitch within tolerance, reference voicing × estimated voicing (scaled by voiced frames over
    /// total reference voicing, which is 1 for binary voicing), plus, on the reference's unvoiced frames,
    /// 1 − estimated voicing; divided by the number of frames. 0 when empty.
    /// </summary>
    /// <param name="frames">Both melodies on one time base.</param>
    /// <param name="centTolerance">Largest error counted correct, in cents (exclusive).</param>
    public static double OverallAccuracy(MelodyFrames frames, double centTolerance = 50.0)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0)
        {
            return 0.0;
        }

        ReadOnlySpan<double> refVoicing = frames.ReferenceVoicing, refCents = frames.ReferenceCents;
        ReadOnlySpan<double> estVoicing = frames.EstimatedVoicing, estCents = frames.EstimatedCents;
        double[] binary = new double[frames.Count];
        double[] unvoicedRight = new double[frames.Count];
        var voicedRight = new List<double>();
        for (int i = 0; i < frames.Count; i++)
        {
            binary[i] = refVoicing[i] > 0 ? 1.0 : 0.0;
            unvoicedRight[i] = (1.0 - binary[i]) * (1.0 - estVoicing[i]);
            if (estCents[i] != 0 && refCents[i] != 0)
            {
                double correct = Math.Abs(refCents[i] - estCents[i]) < centTolerance ? 1.0 : 0.0;
                voicedRight.Add(refVoicing[i] * estVoicing[i] * correct);
            }
        }

        double voicingSum = NumpySum.Pairwise(refVoicing);
        double ratio = voicingSum == 0 ? 0.0 : NumpySum.Pairwise(binary) / voicingSum;
        return ((ratio * NumpySum.Pairwise([.. voicedRight])) + NumpySum.Pairwise(unvoicedRight)) / frames.Count;
    }

    /// <summary>
    /// <c>mir_eval.melody.hz2cents</c> for one value: 1200·log₂(|f| / base), and 0 for 0 Hz.
    /// </summary>
    /// <param name="hz">Frequency in Hz.</param>
    /// <param name="baseFrequency">Frequency that is 0 cents.</param>
    public static double HzToCents(double hz, double baseFrequency = 10.0) =>
        hz == 0 ? 0.0 : 1200.0 * Math.Log2(Math.Abs(hz) / baseFrequency);

    private static double RawAccuracy(MelodyFrames frames, double centTolerance, bool chroma)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ReadOnlySpan<double> refVoicing = frames.ReferenceVoicing, refCents = frames.ReferenceCents, estCents = frames.EstimatedCents;
        double voicingSum = NumpySum.Pairwise(refVoicing);
        if (frames.Count == 0 || voicingSum == 0)
        {
            return 0.0;
        }

        var correctVoicing = new List<double>();
        for (int i = 0; i < frames.Count; i++)
        {
            if (estCents[i] == 0 || refCents[i] == 0)
            {
                continue;
            }

            double difference = Math.Abs(refCents[i] - estCents[i]);
            if (chroma)
            {
                double octave = 1200.0 * Math.Floor((difference / 1200) + 0.5);
                difference = Math.Abs(difference - octave);
            }

            correctVoicing.Add(refVoicing[i] * (difference < centTolerance ? 1.0 : 0.0));
        }

        return correctVoicing.Count == 0 ? 0.0 : NumpySum.Pairwise([.. correctVoicing]) / voicingSum;
    }

    private static void CheckSeries(ReadOnlySpan<double> times, ReadOnlySpan<double> frequencies, string which)
    {
        if (times.Length != frequencies.Length)
        {
            throw new ArgumentException(Invariant($"the {which} melody has {times.Length} times but {frequencies.Length} frequencies."), which + "Frequencies");
        }

        if (times.Length == 0)
        {
            throw new ArgumentException(Invariant($"the {which} melody is empty; it needs at least one frame."), which + "Times");
        }

        for (int i = 0; i < times.Length; i++)
        {
            if (!double.IsFinite(times[i]) || times[i] < 0)
            {
                throw new ArgumentException(Invariant($"{which} frame {i} is at {times[i]} s; times must be finite and 0 or more."), which + "Times");
            }

            if (i > 0 && !(times[i] > times[i - 1]))
            {
                throw new ArgumentException(Invariant($"{which} frame {i} ({times[i]} s) does not come after frame {i - 1} ({times[i - 1]} s); times must be strictly increasing."), which + "Times");
            }

            if (!double.IsFinite(frequencies[i]))
            {
                throw new ArgumentException(Invariant($"{which} frame {i} has frequency {frequencies[i]}; frequencies must be finite Hz."), which + "Frequencies");
            }
        }
    }

    private static double[]? Weights(IReadOnlyList<double>? weights, int frames, string name, string parameter)
    {
        if (weights is null)
        {
            return null;
        }

        if (weights.Count != frames)
        {
            throw new ArgumentException(Invariant($"{name} has {weights.Count} values for {frames} frames."), parameter);
        }

        for (int i = 0; i < weights.Count; i++)
        {
            if (!(weights[i] >= 0 && weights[i] <= 1))
            {
                throw new ArgumentException(Invariant($"{name} frame {i} is {weights[i]}; it must lie in 0–1."), parameter);
            }
        }

        return [.. weights];
    }

    /// <summary>Adds a frame at 0 s repeating the first one when the series starts later.</summary>
    private static (double[] Times, double[] Values, double[]? Weights) StartAtZero(ReadOnlySpan<double> times, ReadOnlySpan<double> values, double[]? weights)
    {
        if (times[0] > 0)
        {
            return ([0.0, .. times], [values[0], .. values], weights is null ? null : [weights[0], .. weights]);
        }

        return (times.ToArray(), values.ToArray(), weights);
    }

    /// <summary>mir_eval's <c>freq_to_voicing</c> (without the absolute value, which <see cref="Cents"/> takes).</summary>
    private static double[] Voicing(double[] frequencies, double[]? given)
    {
        double[] voicing = new double[frequencies.Length];
        for (int i = 0; i < voicing.Length; i++)
        {
            voicing[i] = given is null
                ? (frequencies[i] > 0 ? 1.0 : 0.0)
                : (frequencies[i] == 0 ? 0.0 : given[i]);
        }

        return voicing;
    }

    private static double[] Cents(double[] frequencies, double baseFrequency)
    {
        double[] cents = new double[frequencies.Length];
        for (int i = 0; i < cents.Length; i++)
        {
            cents[i] = HzToCents(frequencies[i], baseFrequency);
        }

        return cents;
    }

    /// <summary>mir_eval's <c>constant_hop_timebase</c>: numpy's linspace from 0 to the last whole hop, rounded to 1e-10 s.</summary>
    private static double[] HopTimebase(double hop, double endTime, string parameter)
    {
        double frames = Math.Floor(Round10(endTime) / hop);
        if (frames + 1 > MaxHopFrames)
        {
            throw new ArgumentOutOfRangeException(parameter, hop, Invariant($"a hop of {hop} s over {endTime} s makes more than {MaxHopFrames} frames."));
        }

        int n = (int)frames;
        double stop = hop * n;
        double[] times = new double[n + 1];
        if (n > 0)
        {
            double step = stop / n;
            for (int i = 0; i < n; i++)
            {
                times[i] = step == 0 ? i / (double)n * stop : (i * step) + 0.0;
            }

            times[n] = stop;
        }

        for (int i = 0; i < times.Length; i++)
        {
            times[i] = Round10(times[i]);
        }

        return times;
    }

    /// <summary>mir_eval's <c>resample_melody_series</c> with <c>kind='linear'</c>.</summary>
    private static (double[] Cents, double[] Voicing) Resample(double[] times, double[] cents, double[] voicing, string parameter, double[] timesNew)
    {
        if (times.Length == timesNew.Length && AllClose(times, timesNew))
        {
            return (cents, voicing);
        }

        var t = times.Select(Round10).ToList();
        double[] tNew = [.. timesNew.Select(Round10)];
        var c = cents.ToList();
        var v = voicing.ToList();
        double newEnd = tNew.Max();
        if (newEnd > t.Max())
        {
            t.Add(newEnd);
            c.Add(0);
            v.Add(0);
        }

        for (int i = 1; i < t.Count; i++)
        {
            if (!(t[i] > t[i - 1]))
            {
                throw new ArgumentException(Invariant($"two frames fall on {t[i]} s after rounding to 1e-10 s, so the melody cannot be resampled (scipy refuses too)."), parameter);
            }
        }

        double[] x = [.. t];
        double[] pitch = [.. c];
        double[] held = [.. c];
        for (int i = 1; i < held.Length; i++)
        {
            if (held[i] == 0)
            {
                held[i] = held[i - 1];
            }
        }

        double[] voiced = [.. v];
        bool binary = voiced.All(a => a is 0 or 1);
        double[] newCents = new double[tNew.Length];
        double[] newVoicing = new double[tNew.Length];
        for (int k = 0; k < tNew.Length; k++)
        {
            double mask = Previous(x, pitch, tNew[k]) != 0 ? 1.0 : 0.0;
            newCents[k] = Linear(x, held, tNew[k]) * mask;
            newVoicing[k] = binary ? Previous(x, voiced, tNew[k]) : Linear(x, voiced, tNew[k]);
        }

        return (newCents, newVoicing);
    }

    /// <summary>numpy.interp inside the range (the resampler never asks outside it), with its exact-knot and NaN rules.</summary>
    private static double Linear(double[] xp, double[] fp, double x)
    {
        int j = LastAtOrBefore(xp, x);
        if (j == xp.Length - 1 || xp[j] == x)
        {
            return fp[j];
        }

        double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
        double y = (slope * (x - xp[j])) + fp[j];
        if (double.IsNaN(y))
        {
            y = (slope * (x - xp[j + 1])) + fp[j + 1];
            if (double.IsNaN(y) && fp[j] == fp[j + 1])
            {
                y = fp[j];
            }
        }

        return y;
    }

    /// <summary>scipy's zero-order ("zero") interpolation: the value of the last frame at or before <paramref name="x"/>.</summary>
    private static double Previous(double[] xp, double[] fp, double x) => fp[LastAtOrBefore(xp, x)];

    private static int LastAtOrBefore(double[] xp, double x)
    {
        int lo = 0, hi = xp.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (xp[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return Math.Max(lo - 1, 0);
    }

    /// <summary>numpy.allclose with its defaults: |a − b| ≤ 1e-8 + 1e-5·|b| everywhere.</summary>
    private static bool AllClose(double[] a, double[] b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (!(Math.Abs(a[i] - b[i]) <= 1e-8 + (1e-5 * Math.Abs(b[i]))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>numpy.round(x, 10): scale, round half to even, scale back.</summary>
    private static double Round10(double x) => Math.Round(x * 1e10, MidpointRounding.ToEven) / 1e10;

    private static void SameLength(ReadOnlySpan<double> reference, ReadOnlySpan<double> estimated, string parameter)
    {
        if (reference.Length != estimated.Length)
        {
            throw new ArgumentException(Invariant($"the reference has {reference.Length} voicing frames and the estimate {estimated.Length}; they must be the same length."), parameter);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
