namespace Echelon.Audio.Analysis;

/// <summary>
/// Everything the listening analyzers heard in a finite recording: onset and beat times, the tempo, the pitch
/// series, and the latencies they were found with. <see cref="Analyze"/> runs the causal analyzers over the
/// recording block by block, exactly as they would run live.
/// </summary>
/// <remarks>Offline and allocating (the lists grow); use <see cref="ListeningAnalyzer"/> directly on a real-time thread.</remarks>
public sealed class ListeningReport
{
    private ListeningReport(ListeningAnalyzer analyzer, Collector collector, double durationSeconds)
    {
        SampleRate = analyzer.Options.SampleRate;
        DurationSeconds = durationSeconds;
        Onsets = collector.Onsets;
        Beats = collector.Beats;
        PitchHopSeconds = analyzer.HopSeconds;
        Pitch = collector.Pitch;
        TempoBpm = Median(collector.Tempi);
        OnsetLatencySeconds = analyzer.OnsetLatencySeconds;
        PitchLatencySeconds = analyzer.PitchLatencySeconds;
        BeatLatencySeconds = analyzer.BeatLatencySeconds;
        NonFiniteSamples = analyzer.NonFiniteSamples;
    }

    /// <summary>The recording's sample rate, Hz.</summary>
    public int SampleRate { get; }

    /// <summary>The recording's length, seconds.</summary>
    public double DurationSeconds { get; }

    /// <summary>Onset times, seconds, ascending.</summary>
    public IReadOnlyList<double> Onsets { get; }

    /// <summary>Beat times, seconds, ascending.</summary>
    public IReadOnlyList<double> Beats { get; }

    /// <summary>The tempo: the median of the tracker's tempo over the frames it was locked; 0 when it never locked.</summary>
    public double TempoBpm { get; }

    /// <summary>Spacing of the pitch series, seconds: <see cref="Pitch"/>[i] describes i × this.</summary>
    public double PitchHopSeconds { get; }

    /// <summary>The pitch of every hop from time 0 to the end.</summary>
    public IReadOnlyList<PitchEstimate> Pitch { get; }

    /// <summary>From an onset to its report, seconds.</summary>
    public double OnsetLatencySeconds { get; }

    /// <summary>From the instant a pitch frame describes to its report, seconds.</summary>
    public double PitchLatencySeconds { get; }

    /// <summary>From a beat to its report, seconds.</summary>
    public double BeatLatencySeconds { get; }

    /// <summary>The largest latency of the three, seconds.</summary>
    public double LatencySeconds => Math.Max(OnsetLatencySeconds, Math.Max(PitchLatencySeconds, BeatLatencySeconds));

    /// <summary>NaN or infinite samples in the input, analysed as silence.</summary>
    public long NonFiniteSamples { get; }

    /// <summary>
    /// Analyses <paramref name="channels"/> (one array per channel, equal lengths) at <paramref name="sampleRate"/>,
    /// mixed to mono, fed in blocks of <paramref name="blockSize"/> samples.
    /// </summary>
    public static ListeningReport Analyze(IReadOnlyList<float[]> channels, int sampleRate, ListeningOptions? options = null, int blockSize = 4096)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        if (channels.Count == 0)
        {
            throw new ArgumentException("there are no channels to analyse", nameof(channels));
        }

        int frames = channels[0].Length;
        for (int c = 1; c < channels.Count; c++)
        {
            if (channels[c].Length != frames)
            {
                throw new ArgumentException($"channel {c} has {channels[c].Length} samples; channel 0 has {frames}", nameof(channels));
            }
        }

        var analyzer = new ListeningAnalyzer((options ?? new ListeningOptions()) with { SampleRate = sampleRate });
        var collector = new Collector();
        var mono = new float[Math.Min(blockSize, Math.Max(frames, 1))];
        float gain = 1f / channels.Count;
        for (int start = 0; start < frames; start += mono.Length)
        {
            int count = Math.Min(mono.Length, frames - start);
            Span<float> block = mono.AsSpan(0, count);
            channels[0].AsSpan(start, count).CopyTo(block);
            for (int c = 1; c < channels.Count; c++)
            {
                ReadOnlySpan<float> source = channels[c].AsSpan(start, count);
                for (int i = 0; i < count; i++)
                {
                    block[i] += source[i];
                }
            }

            if (channels.Count > 1)
            {
                for (int i = 0; i < count; i++)
                {
                    block[i] *= gain;
                }
            }

            analyzer.Process(block, collector);
        }

        collector.EndSeconds = (double)frames / sampleRate;
        analyzer.Finish(collector);
        return new ListeningReport(analyzer, collector, (double)frames / sampleRate);
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        int mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
    }

    private sealed class Collector : IListeningSink
    {
        public List<double> Onsets { get; } = [];

        public List<double> Beats { get; } = [];

        public List<PitchEstimate> Pitch { get; } = [];

        public List<double> Tempi { get; } = [];

        /// <summary>The recording's end: frames after it are the silence <see cref="ListeningAnalyzer.Finish"/> feeds, not the music.</summary>
        public double EndSeconds { get; set; } = double.PositiveInfinity;

        public void OnFrame(in ListeningFrame frame)
        {
            if (frame.BeatLocked && frame.TimeSeconds <= EndSeconds)
            {
                Tempi.Add(frame.TempoBpm);
            }
        }

        public void OnOnset(double seconds, float strength) => Onsets.Add(seconds);

        public void OnBeat(double seconds, double tempoBpm) => Beats.Add(seconds);

        public void OnPitch(long index, in PitchEstimate estimate) => Pitch.Add(estimate);
    }
}
