using Echelon.Core;

namespace Echelon.Audio.Analysis;

/// <summary>
/// Settings of the listening analyzers (<see cref="ListeningAnalyzer"/>). The defaults suit music and voice at
/// 44.1 and 48 kHz; sizes are in samples and are the same at both rates (a 1024-sample spectrum is 21–23 ms).
/// </summary>
/// <remarks>Immutable; <see cref="Validate"/> names the first bad setting and what is allowed.</remarks>
public sealed record ListeningOptions
{
    /// <summary>Input sample rate in Hz (8 000–192 000).</summary>
    public int SampleRate { get; init; } = 48_000;

    /// <summary>Samples between analysis frames; a power of two, 32–2048. Default 256 (5.3 ms at 48 kHz).</summary>
    public int HopSize { get; init; } = 256;

    /// <summary>Window of the onset and centroid spectrum; a power of two, at least the hop, at most 8192. Default 1024.</summary>
    public int SpectrumSize { get; init; } = 1024;

    /// <summary>
    /// YIN's integration window W; the pitch analyzer reads 2·W samples and finds periods up to W. A power of two,
    /// at least the hop, at most 8192. Default 1024 (lowest pitch about 47 Hz at 48 kHz, 43 Hz at 44.1 kHz).
    /// </summary>
    public int PitchWindow { get; init; } = 1024;

    /// <summary>Lowest pitch reported, Hz. Default 50 (the contrabass's low G is 49 Hz).</summary>
    public double MinPitchHz { get; init; } = 50;

    /// <summary>Highest pitch reported, Hz. Default 2000.</summary>
    public double MaxPitchHz { get; init; } = 2000;

    /// <summary>
    /// YIN's absolute threshold on the cumulative mean normalised difference: the first dip below it is the
    /// period (de Cheveigné and Kawahara 2002 use 0.1–0.15). Default 0.15.
    /// </summary>
    public double PitchThreshold { get; init; } = 0.15;

    /// <summary>
    /// A frame is voiced when its aperiodicity (the normalised difference at the chosen period) is below this.
    /// Default 0.25; raise it to accept breathier sounds.
    /// </summary>
    public double VoicingThreshold { get; init; } = 0.25;

    /// <summary>Frames quieter than this (RMS over the pitch window, dBFS) are silent: no pitch, no onset. Default −60.</summary>
    public double SilenceDbfs { get; init; } = -60;

    /// <summary>
    /// Onset peak-picking sensitivity λ: a peak of the onset function counts when it rises above the local median
    /// plus λ times the local mean. Lower finds more onsets. Default 1.0.
    /// </summary>
    public double OnsetThreshold { get; init; } = 1.0;

    /// <summary>Shortest time between two onsets, seconds. Default 0.03.</summary>
    public double MinOnsetIntervalSeconds { get; init; } = 0.03;

    /// <summary>
    /// How long the adaptive whitening remembers a bin's peak, seconds (the peak decays by 60 dB over this time;
    /// Stowell and Plumbley 2007). Default 10.
    /// </summary>
    public double WhiteningMemorySeconds { get; init; } = 10;

    /// <summary>Slowest tempo the beat tracker considers, BPM (the transport's range is 40–200). Default 40.</summary>
    public double MinBpm { get; init; } = 40;

    /// <summary>Fastest tempo the beat tracker considers, BPM. Default 200.</summary>
    public double MaxBpm { get; init; } = 200;

    /// <summary>Centre of the tempo prior, BPM (a log-normal weight, one octave wide). Default 120.</summary>
    public double PreferredBpm { get; init; } = 120;

    /// <summary>Seconds of onset history the tempo and phase are estimated over. Default 8.</summary>
    public double TempoHistorySeconds { get; init; } = 8;

    /// <summary>Seconds of history needed before the first beat is predicted. Default 1.2.</summary>
    public double BeatWarmUpSeconds { get; init; } = 1.2;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range and the allowed range.</summary>
    public ListeningOptions Validate()
    {
        Range(SampleRate, 8_000, 192_000, nameof(SampleRate), "Hz");
        PowerOfTwo(HopSize, 32, 2048, nameof(HopSize));
        PowerOfTwo(SpectrumSize, HopSize, 8192, nameof(SpectrumSize));
        PowerOfTwo(PitchWindow, HopSize, 8192, nameof(PitchWindow));
        Range(MinPitchHz, (double)SampleRate / PitchWindow, SampleRate / 4.0, nameof(MinPitchHz), "Hz (the window's longest period to a quarter of the rate)");
        Range(MaxPitchHz, MinPitchHz, SampleRate / 4.0, nameof(MaxPitchHz), "Hz");
        Range(PitchThreshold, 0.01, 1.0, nameof(PitchThreshold), "");
        Range(VoicingThreshold, 0.01, 1.0, nameof(VoicingThreshold), "");
        Range(SilenceDbfs, -140, 0, nameof(SilenceDbfs), "dBFS");
        Range(OnsetThreshold, 0, 100, nameof(OnsetThreshold), "");
        Range(MinOnsetIntervalSeconds, 0, 1, nameof(MinOnsetIntervalSeconds), "s");
        Range(WhiteningMemorySeconds, 0.1, 1000, nameof(WhiteningMemorySeconds), "s");
        Range(MinBpm, 20, 400, nameof(MinBpm), "BPM");
        Range(MaxBpm, MinBpm * 1.5, 400, nameof(MaxBpm), "BPM (at least 1.5 × MinBpm)");
        Range(PreferredBpm, MinBpm, MaxBpm, nameof(PreferredBpm), "BPM (between MinBpm and MaxBpm)");
        Range(TempoHistorySeconds, 2 * 60.0 / MinBpm, 60, nameof(TempoHistorySeconds), "s (at least two of the slowest beats)");
        Range(BeatWarmUpSeconds, 0.5, TempoHistorySeconds, nameof(BeatWarmUpSeconds), "s (at most the history)");
        return this;
    }

    private static void Range(double value, double min, double max, string name, string unit) =>
        ParameterGuard.Require(value >= min && value <= max, name, value, $"from {min:G4} to {max:G4} {unit}".TrimEnd());

    private static void PowerOfTwo(int value, int min, int max, string name) =>
        ParameterGuard.Require(value >= min && value <= max && (value & (value - 1)) == 0, name, value, $"a power of two from {min} to {max}");
}
