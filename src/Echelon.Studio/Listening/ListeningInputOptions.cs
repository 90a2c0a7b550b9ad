namespace Echelon.Studio.Listening;

/// <summary>
/// Settings of <see cref="ListeningInput"/>: where the input's time starts on the host clock, and the curves
/// that turn what it hears into composer hints (<see cref="ListeningHints"/>).
/// </summary>
/// <remarks>Immutable; <see cref="Validate"/> names the first bad setting and what is allowed.</remarks>
public sealed record ListeningInputOptions
{
    /// <summary>
    /// Host time of the analyzer's first input sample, nanoseconds from the session start: an analysis frame at
    /// input time s is stamped this + s·10⁹. Default 0 (input and session start together).
    /// </summary>
    public long InputOriginNs { get; init; }

    /// <summary>Level that maps to intensity 0, dBFS; quieter counts as this. Default −60 (the analyzers' silence gate).</summary>
    public double QuietDbfs { get; init; } = -60;

    /// <summary>Level that maps to intensity 1, dBFS; louder counts as this. Default −6.</summary>
    public double LoudDbfs { get; init; } = -6;

    /// <summary>Time constant of the one-pole smoothing of the level, seconds. Default 0.3 (a phrase's swell, not a note's attack).</summary>
    public double LevelSmoothingSeconds { get; init; } = 0.3;

    /// <summary>The onset rate is counted over the last this many seconds. Default 2.</summary>
    public double OnsetWindowSeconds { get; init; } = 2;

    /// <summary>Onset rate that maps to density 1, onsets per second. Default 8 (sixteenth notes at 120 BPM).</summary>
    public double DenseOnsetsPerSecond { get; init; } = 8;

    /// <summary>Spectral centroid that maps to brightness 0, Hz; darker counts as this. Default 200.</summary>
    public double DarkHz { get; init; } = 200;

    /// <summary>Spectral centroid that maps to brightness 1, Hz; brighter counts as this. Default 5000.</summary>
    public double BrightHz { get; init; } = 5000;

    /// <summary>Time constant of the one-pole smoothing of the centroid (on a log-frequency scale), seconds. Default 0.3.</summary>
    public double BrightnessSmoothingSeconds { get; init; } = 0.3;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range and the allowed range.</summary>
    public ListeningInputOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(InputOriginNs);
        Range(QuietDbfs, -120, 0, nameof(QuietDbfs), "dBFS");
        Range(LoudDbfs, QuietDbfs + 1, 0, nameof(LoudDbfs), "dBFS (at least 1 dB above QuietDbfs)");
        Range(LevelSmoothingSeconds, 0.001, 60, nameof(LevelSmoothingSeconds), "s");
        Range(OnsetWindowSeconds, 0.25, 30, nameof(OnsetWindowSeconds), "s");
        Range(DenseOnsetsPerSecond, 0.5, 64, nameof(DenseOnsetsPerSecond), "onsets/s");
        Range(DarkHz, 20, 20_000, nameof(DarkHz), "Hz");
        Range(BrightHz, DarkHz * 1.5, 24_000, nameof(BrightHz), "Hz (at least 1.5 × DarkHz)");
        Range(BrightnessSmoothingSeconds, 0.001, 60, nameof(BrightnessSmoothingSeconds), "s");
        return this;
    }

    private static void Range(double value, double min, double max, string name, string unit)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be from {min:G4} to {max:G4} {unit}");
        }
    }
}
