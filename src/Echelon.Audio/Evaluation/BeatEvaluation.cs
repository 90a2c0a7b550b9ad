namespace Echelon.Audio.Evaluation;

/// <summary>
/// Beat tracking evaluation, every metric of <c>mir_eval.beat</c> (0.7) under its definitions,
/// including the edge cases it settles on its own way (see each method).
/// </summary>
/// <remarks>
/// Beat times are seconds in increasing order (equal neighbours allowed), at most 30 000 s, finite;
/// anything else throws <see cref="ArgumentException"/>, where mir_eval raises <c>ValueError</c>.
/// mir_eval accepts NaN in places (its trimming drops it silently); here it is always rejected.
/// Offline: pure, thread-safe, allocates.
/// </remarks>
public static class BeatEvaluation
{
    /// <summary>Beats earlier than this are dropped by <see cref="Evaluate"/> (mir_eval's <c>min_beat_time</c>).</summary>
    public const double DefaultMinBeatTime = 5.0;

    /// <summary>F-measure tolerance: ±70 ms.</summary>
    public const double DefaultFMeasureWindow = 0.07;

    /// <summary>Cemgil's Gaussian width: 40 ms.</summary>
    public const double DefaultCemgilSigma = 0.04;

    /// <summary>P-score window, as a share of the median reference beat interval.</summary>
    public const double DefaultPScoreThreshold = 0.2;

    /// <summary>Continuity metrics' phase and period tolerance (17.5 %).</summary>
    public const double DefaultContinuityThreshold = 0.175;

    /// <summary>Information gain histogram bins.</summary>
    public const int DefaultInformationGainBins = 41;

    private const double GotoThreshold = 0.35;
    private const double GotoMu = 0.2;
    private const double GotoSigma = 0.2;

    /// <summary>The beats at or after <paramref name="minBeatTime"/> (<c>mir_eval.beat.trim_beats</c>).</summary>
    /// <param name="beats">Beat times in seconds.</param>
    /// <param name="minBeatTime">Earliest time kept, in seconds.</param>
    public static double[] TrimBeats(ReadOnlySpan<double> beats, double minBeatTime = DefaultMinBeatTime)
    {
        var kept = new List<double>(beats.Length);
        foreach (double beat in beats)
        {
            if (beat >= minBeatTime)
            {
                kept.Add(beat);
            }
        }

        return [.. kept];
    }

    /// <summary>
    /// All scores with mir_eval's default parameters (<c>mir_eval.beat.evaluate</c>). With
    /// <paramref name="trim"/> (the default, as mir_eval does) both sequences first lose their beats
    /// before 5 s, which many annotations leave out while a listener settles.
    /// </summary>
    /// <param name="reference">Reference beat times in seconds.</param>
    /// <param name="estimated">Estimated beat times in seconds.</param>
    /// <param name="trim">Drop beats before <see cref="DefaultMinBeatTime"/> first.</param>
    /// <exception cref="ArgumentException">A time is invalid (see the type's remarks), or see <see cref="PScore"/>.</exception>
    public static BeatScores Evaluate(ReadOnlySpan<double> reference, ReadOnlySpan<double> estimated, bool trim = true)
    {
        RequireFinite(reference, nameof(reference));
        RequireFinite(estimated, nameof(estimated));
        double[] r = trim ? TrimBeats(reference) : reference.ToArray();
        double[] e = trim ? TrimBeats(estimated) : estimated.ToArray();
        (double cemgil, double cemgilBest) = Cemgil(r, e);
        (double cmlc, double cmlt, double amlc, double amlt) = Continuity(r, e);
        return new BeatScores(FMeasure(r, e), cemgil, cemgilBest, Goto(r, e), PScore(r, e), cmlc, cmlt, amlc, amlt, InformationGain(r, e));
    }

    /// <summary>
    /// F-measure of a maximum one-to-one matching within ±<paramref name="window"/>
    /// (<c>mir_eval.beat.f_measure</c>); 0 when either sequence is empty.
    /// </summary>
    /// <param name="reference">Reference beat times in seconds.</param>
    /// <param name="estimated">Estimated beat times in seconds.</param>
    /// <param name="window">Tolerance in seconds.</param>
    public static double FMeasure(ReadOnlySpan<double> reference, ReadOnlySpan<double> estimated, double window = DefaultFMeasureWindow)
    {
        Validate(reference, estimated);
        if (reference.Length == 0 || estimated.Length == 0)
        {
            return 0.0;
        }

        int matches = EventMatching.Match(reference, estimated, window).Length;
        return OnsetEvaluation.FMeasure((double)matches / estimated.Length, (double)matches / reference.Length);
    }

    /// <summary>
    /// Cemgil's accuracy (<c>mir_eval.beat.cemgil</c>): for every reference beat a Gaussian of its distance
    /// to the nearest estimate, summed and divided by the mean of the two counts; also the best value
    /// over the five metrical variations of the reference (as annotated, off-beat, double, half odd, half
    /// even). Both are 0 when either sequence is empty.
    /// </summary>
    /// <param name="reference">Reference beat times in seconds.</param>
    /// <param name="estimated">Estimated beat times in seconds.</param>
    /// <param name="sigma">Width of the Gaussian in seconds.</param>
    public static (double Accuracy, double BestMetricLevel) Cemgil(ReadOnlySpan<double> reference, ReadOnlySpan<double> estimated, double sigma = DefaultCemgilSigma)
    {
        Validate(reference, estimated);
        if (reference.Length == 0 || estimated.Length == 0)
        {
            return (0.0, 0.0);
        }

        double[][] variations = ReferenceVariations(reference);
        double[] accuracies = new double[variations.Length];
        for (int v = 0; v < variations.Length; v++)
        {
            double accuracy = 0.0;
            foreach (double beat in variations[v])
            {
                double nearest = double.PositiveInfinity;
                foreach (double e in estimated)
                {
                    nearest = Math.Min(nearest, Math.Abs(beat - e));
                }

                accuracy += Math.Exp(-(nearest * nearest) / (2.0 * (sigma * sigma)));
            }

            accuracies[v] = accuracy / (0.5 * (estimated.Length + variations[v].Length));
        }

        return (accuracies[0], accuracies.Max());
    }

    /// <summary>
    /// Goto's score (<c>mir_eval.beat.goto</c>): 1 when some run of correctly placed beats (error under
    /// 35 % of the half-interval) spans more than a quarter of the reference and its errors have mean and
    /// standard deviation under 0.2, else 0. 0 when either sequence is empty.
    /// </summary>
    /// <remarks>
    /// mir_eval's own arithmetic is kept: the first and last reference beats always count as incorrect;
    /// when no inner beat is incorrect the run examined leaves out the last inner beat; otherwise the run
    /// includes the two incorrect beats that bound it; a run of fewer than two beats has no standard
    /// deviation and scores 0.
    /// </remarks>
    /// <param name="reference">Reference beat times in seconds.</param>
    /// <param name="estimated">Estimated beat times in seconds.</param>
    public static double Goto(ReadOnlySpan<double> reference, ReadOnlySpan<double> estimated)
    {
        Validate(reference, estimated);
        if (reference.Length == 0 || estimated.Length == 0)
        {
            return 0.0;
        }

        int n = reference.Length;
        double[] error = new double[n];
        Array.Fill(error, 1.0);
        for (int i = 1; i < n - 1; i++)
        {
            double previousInterval = 0.5 * (reference[i] - reference[i - 1]);
            double windowMin = reference[i] - previousInterval;
            double nextInterval = 0.5 * (reference[i + 1] - reference[i]);
            double windowMax = reference[i] + nextInterval;
            int inWindow = 0;
            double found = 0;
            foreach (double e in estimated)
            {
                if (e >= windowMin && e < windowMax)
                {
                    inWindow++;
                    found = e;
                }
            }

            if (inWindow == 1)
            {
                double offset = found - reference[i];
                error[i] = offset < 0 ? offset / previousInterval : offset / nextInterval;
            }
        }

        var incorrect = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (Math.Abs(error[i]) > GotoThreshold)
            {
                incorrect.Add(i);
            }
        }

        double[]? track = null;
        if (incorrect.Count < 3)
        {
            track = PythonSlice(error, incorrect[0] + 1, incorrect[^1] - 1);
        }
        else
        {
            int longest = 0, longestAt = 0;
            for (int k = 0; k + 1 < incorrect.Count; k++)
            {
                int gap = incorrect[k + 1] - incorrect[k];
                if (gap > longest)
                {
                    longest = gap;
                    longestAt = k;
                }
            }

            if (longest - 1 > 0.25 * (n - 2))
            {
                track = error[incorrect[longestAt]..(incorrect[longestAt + 1] + 1)];
            }
        }

        if (track is null)
        {
            return 0.0;
        }

        // An empty run has a NaN mean and a one-beat run a NaN deviation (n − 1 = 0): both fail, as in numpy.
        double meanAbs = NumpySum.Pairwise([.. track.Select(Math.Abs)]) / track.Length;
        double mean = NumpySum.Pairwise(track) / track.Length;
        double deviation = Math.Sqrt(NumpySum.Pairwise([.. track.Select(x => (x - mean) * (x - mean))]) / (track.Length - 1));
        return meanAbs < GotoMu && deviation < GotoSigma ? 1.0 : 0.0;
    }

    /// <summary>
    /// McKinney's P-score (<c>mir_eval.beat.p_score</c>): both sequences become 10 ms impulse trains
    /// (shifted so the earliest beat is at 0, each beat at the ceiling of its time in 10 ms steps),
    /// their cross-correlation is summed over lags within 20 % of the median reference interval, and
    /// divided by the larger beat count. 0 when either sequence has fewer than two beats.
    /// </summary>
    /// <param name="reference">Reference beat times in seconds.</param>
    /// <param name="estimated">Estimated beat times in seconds.</param>
    /// <param name="threshold">Window as a share of the median reference interval.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is negative or not finite.</exception>
    /// <exception cref="ArgumentException">
    /// Every reference beat falls in the same 10 ms step, so there is no interval (mir_eval fails here
    /// too, converting the NaN median to an integer).
    /// </exception>
    public static double PScore(ReadOnlySpan<double> reference, ReadOnlySpan<double> estimated, double threshold = DefaultPScoreThreshold)
    {
        Validate(reference, estimated);
        if (!double.IsFinite(threshold) || threshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The P-score threshold must be a finite share, 0 or more.");
        }

        if (reference.Length <= 1 || estimated.Length <= 1)
        {
            return 0.0;
        }

        const int SamplingRate = 100;
        double offset = Math.Min(Min(estimated), Min(reference));
        double[] r = Shifted(reference, offset);
        double[] e = Shifted(estimated, offset);
        int endPoint = (int)Math.Ceiling(Math.Max(r.Max(), e.Max()));
        int length = (endPoint * SamplingRate) + 1;
        bool[] referenceTrain = Train(r, length, SamplingRate);
        bool[] estimatedTrain = Train(e, length, SamplingRate);

        var referenceIndices = new List<int>();
        for (int i = 0; i < length; i++)
        {
            if (referenceTrain[i])
            {
                referenceIndices.Add(i);
            }
        }

        if (referenceIndices.Count < 2)
        {
            throw new ArgumentException("every reference beat falls in the same 10 ms step, so the P-score has no beat interval to scale its window by.", nameof(reference));
        }

        int[] intervals = new int[referenceIndices.Count - 1];
        for (int i = 0; i < intervals.Length; i++)
        {
            intervals[i] = referenceIndices[i + 1] - referenceIndices[i];
        }

        int window = (int)Math.Round(threshold * Median(intervals), MidpointRounding.ToEven);

        // Σ over lags |k| ≤ window of Σₙ ref[n + k]·est[n] is the number of (reference, estimate) impulse pairs at most `window` steps apart.
        int[] estimatedBefore = new int[length + 1];
        for (int i = 0; i < length; i++)
        {
            estimatedBefore[i + 1] = estimatedBefore[i] + (estimatedTrain[i] ? 1 : 0);
        }

        long pairs = 0;
        foreach (int i in referenceIndices)
        {
            int lo = Math.Max(0, i - window);
            int hi = Math.Min(length - 1, i + window);
            pairs += estimatedBefore[hi + 1] - estimatedBefore[lo];
        }

        return pairs / (double)Math.Max(estimated.Length, reference.Length);
    }

    /// <summary>
    /// The continuity metrics (<c>mir_eval.beat.continuity</c>): an estimate is correct when it lies within
    /// 17.5 % of the reference interval of its nearest unused reference beat and its own interval is
    /// within 17.5 % of that interval. CMLc and CMLt score the longest run of correct beats and all of
    /// them against the reference as annotated; AMLc and AMLt take the best over it and its off-beat,
    /// double-tempo and two half-tempo variations. The shares are of the larger of the two counts.
    /// All four are 0 when either sequence has fewer than two beats.
    /// </summary>
    /// <param name="reference">Reference beat times in seconds.</param>
    /// <param name="estimated">Estimated beat times in seconds.</param>
    /// <param name="phaseThreshold">Largest allowed distance to the reference beat, as a share of its interval.</param>
    /// <param name="periodThreshold">Largest allowed relative difference of the beat intervals.</param>
    public static (double Cmlc, double Cmlt, double Amlc, double Amlt) Continuity(
        ReadOnlySpan<double> reference,
        ReadOnlySpan<double> estimated,
        double phaseThreshold = DefaultContinuityThreshold,
        double periodThreshold = DefaultContinuityThreshold)
    {
        Validate(reference, estimated);
        if (reference.Length <= 1 || estimated.Length <= 1)
        {
            return (0.0, 0.0, 0.0, 0.0);
        }

        double[][] variations = ReferenceVariations(reference);
        double[] continuous = new double[variations.Length];
        double[] total = new double[variations.Length];
        for (int v = 0; v < variations.Length; v++)
        {
            (continuous[v], total[v]) = ContinuityAgainst(variations[v], estimated, phaseThreshold, periodThreshold);
        }

        return (continuous[0], total[0], continuous.Max(), total.Max());
    }

    /// <summary>
    /// Information gain (<c>mir_eval.beat.information_gain</c>): beat errors, as a share of the local
    /// reference interval, folded into [−0.5, 0.5] and binned into <paramref name="bins"/> equal bins; the
    /// score is 1 − H/log₂(bins) for the larger of the two entropies (estimates against references and the
    /// reverse). 0 when either sequence has fewer than two beats.
    /// </summary>
    /// <remarks>
    /// mir_eval's arithmetic is kept: when an estimate is nearest the first reference beat but before it,
    /// the "previous interval" it divides by wraps round to the last reference beat (Python's index −1),
    /// so the interval is negative.
    /// </remarks>
    /// <param name="reference">Reference beat times in seconds.</param>
    /// <param name="estimated">Estimated beat times in seconds.</param>
    /// <param name="bins">Histogram bins; odd gives a bin centred on zero error.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is less than 1.</exception>
    public static double InformationGain(ReadOnlySpan<double> reference, ReadOnlySpan<double> estimated, int bins = DefaultInformationGainBins)
    {
        Validate(reference, estimated);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (reference.Length <= 1 || estimated.Length <= 1)
        {
            return 0.0;
        }

        double forward = Entropy(reference, estimated, bins);
        double backward = Entropy(estimated, reference, bins);
        double norm = Math.Log2(bins);
        return forward > backward ? (norm - forward) / norm : (norm - backward) / norm;
    }

    private static (double Continuous, double Total) ContinuityAgainst(double[] reference, ReadOnlySpan<double> estimated, double phaseThreshold, double periodThreshold)
    {
        int annotations = Math.Max(reference.Length, estimated.Length);
        bool[] used = new bool[annotations];
        bool[] success = new bool[annotations];
        for (int m = 0; m < estimated.Length; m++)
        {
            int nearest = 0;
            double minDifference = Math.Abs(estimated[m] - reference[0]);
            for (int k = 1; k < reference.Length; k++)
            {
                double difference = Math.Abs(estimated[m] - reference[k]);
                if (difference < minDifference)
                {
                    minDifference = difference;
                    nearest = k;
                }
            }

            if (used[nearest])
            {
                continue;
            }

            double phase, period;
            if (m == 0 || nearest == 0)
            {
                // At the start look forward; at the very end fall back to the interval before.
                double referenceInterval = nearest + 1 < reference.Length
                    ? reference[nearest + 1] - reference[nearest]
                    : reference[nearest] - At(reference, nearest - 1);
                double estimatedInterval = m + 1 < estimated.Length
                    ? estimated[m + 1] - estimated[m]
                    : estimated[m] - estimated[m - 1];
                if (referenceInterval == 0)
                {
                    phase = minDifference == 0 ? 1 : double.PositiveInfinity;
                    period = estimatedInterval == 0 ? 0 : double.PositiveInfinity;
                }
                else
                {
                    phase = Math.Abs(minDifference / referenceInterval);
                    period = Math.Abs(1 - (estimatedInterval / referenceInterval));
                }
            }
            else
            {
                double referenceInterval = reference[nearest] - reference[nearest - 1];
                phase = Math.Abs(minDifference / referenceInterval);
                period = Math.Abs(1 - ((estimated[m] - estimated[m - 1]) / referenceInterval));
            }

            if (phase < phaseThreshold && period < periodThreshold)
            {
                used[nearest] = true;
                success[m] = true;
            }
        }

        // The longest run of successes, counting the (virtual) failures just before and after the sequence.
        int longest = 0, run = 0, correct = 0;
        foreach (bool s in success)
        {
            run = s ? run + 1 : 0;
            longest = Math.Max(longest, run);
            correct += s ? 1 : 0;
        }

        return (longest / (1.0 * annotations), correct / (1.0 * annotations));
    }

    private static double Entropy(ReadOnlySpan<double> reference, ReadOnlySpan<double> estimated, int bins)
    {
        int last = reference.Length - 1;
        int[] counts = new int[bins];
        double step = 1.0 / bins;
        foreach (double beat in estimated)
        {
            int closest = 0;
            double best = Math.Abs(beat - reference[0]);
            for (int k = 1; k < reference.Length; k++)
            {
                double distance = Math.Abs(beat - reference[k]);
                if (distance < best)
                {
                    best = distance;
                    closest = k;
                }
            }

            double absoluteError = beat - reference[closest];
            double interval = closest == last
                ? 0.5 * (reference[last] - reference[last - 1])
                : absoluteError < 0
                    ? 0.5 * (reference[closest] - At(reference, closest - 1))
                    : 0.5 * (reference[closest + 1] - reference[closest]);
            double error = NumpyMod((0.5 * absoluteError / interval) + 0.5, -1.0) + 0.5;

            // numpy.histogram over linspace(−0.5, 0.5, bins + 1): half-open bins, the last one closed; NaN lands nowhere.
            if (!(error >= -0.5 && error <= 0.5))
            {
                continue;
            }

            int bin = bins - 1;
            for (int b = 1; b < bins; b++)
            {
                if (error < (b * step) + -0.5)
                {
                    bin = b - 1;
                    break;
                }
            }

            counts[bin]++;
        }

        double total = counts.Sum();
        double[] terms = new double[bins];
        for (int b = 0; b < bins; b++)
        {
            double p = counts[b] / total;
            if (p == 0)
            {
                p = 1;
            }

            terms[b] = p * Math.Log2(p);
        }

        return -NumpySum.Pairwise(terms);
    }

    /// <summary>The reference as annotated, off-beat, double tempo, half tempo (odd) and half tempo (even).</summary>
    private static double[][] ReferenceVariations(ReadOnlySpan<double> reference)
    {
        int n = reference.Length;
        double[] doubled = new double[(2 * n) - 1];
        for (int k = 0; k < doubled.Length; k++)
        {
            int j = k / 2;
            doubled[k] = k % 2 == 0 ? reference[j] : ((reference[j + 1] - reference[j]) * 0.5) + reference[j];
        }

        return
        [
            reference.ToArray(),
            EveryOther(doubled, 1),
            doubled,
            EveryOther(reference.ToArray(), 0),
            EveryOther(reference.ToArray(), 1),
        ];
    }

    private static double[] EveryOther(double[] values, int start)
    {
        var picked = new List<double>();
        for (int i = start; i < values.Length; i += 2)
        {
            picked.Add(values[i]);
        }

        return [.. picked];
    }

    /// <summary><c>values[start:stop]</c> with Python's meaning of a negative stop.</summary>
    private static double[] PythonSlice(double[] values, int start, int stop)
    {
        if (stop < 0)
        {
            stop += values.Length;
        }

        start = Math.Min(start, values.Length);
        return stop > start ? values[start..stop] : [];
    }

    /// <summary>Python's <c>values[i]</c>, where −1 is the last element.</summary>
    private static double At(double[] values, int i) => values[i < 0 ? i + values.Length : i];

    private static double At(ReadOnlySpan<double> values, int i) => values[i < 0 ? i + values.Length : i];

    /// <summary><c>numpy.mod</c> for doubles: the remainder takes the divisor's sign.</summary>
    private static double NumpyMod(double a, double b)
    {
        double mod = a % b;
        if (mod != 0)
        {
            if ((b < 0) != (mod < 0))
            {
                mod += b;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, b);
        }

        return mod;
    }

    private static double Median(int[] values)
    {
        int[] sorted = [.. values.Order()];
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + (double)sorted[mid]) / 2.0;
    }

    private static double Min(ReadOnlySpan<double> values)
    {
        double min = values[0];
        foreach (double v in values)
        {
            min = Math.Min(min, v);
        }

        return min;
    }

    private static double[] Shifted(ReadOnlySpan<double> values, double offset)
    {
        double[] shifted = new double[values.Length];
        for (int i = 0; i < shifted.Length; i++)
        {
            shifted[i] = values[i] - offset;
        }

        return shifted;
    }

    private static bool[] Train(double[] beats, int length, int samplingRate)
    {
        bool[] train = new bool[length];
        foreach (double beat in beats)
        {
            train[(int)Math.Ceiling(beat * samplingRate)] = true;
        }

        return train;
    }

    private static void Validate(ReadOnlySpan<double> reference, ReadOnlySpan<double> estimated)
    {
        EventTimes.Validate(reference, nameof(reference));
        EventTimes.Validate(estimated, nameof(estimated));
    }

    private static void RequireFinite(ReadOnlySpan<double> beats, string parameter)
    {
        for (int i = 0; i < beats.Length; i++)
        {
            if (!double.IsFinite(beats[i]))
            {
                throw new ArgumentException($"beat {i} is {beats[i]}; beat times must be finite seconds.", parameter);
            }
        }
    }
}
