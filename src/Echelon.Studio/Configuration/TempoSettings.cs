namespace Echelon.Studio.Configuration;

/// <summary>The <c>tempo</c> section: whether the transport follows the dancer or holds a tempo, and within which limits.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record TempoSettings
{
    /// <summary><c>mode</c>: <c>follow</c> or <c>fixed</c>.</summary>
    public TempoMode Mode { get; init; } = TempoMode.Follow;

    /// <summary><c>bpm</c>: the held tempo (fixed) or the starting tempo (follow), 40–200 and, when following, within the limits.</summary>
    public double Bpm { get; init; } = 120.0;

    /// <summary>
    /// <c>min_bpm</c>: the slowest tempo following may reach, 40–200, below <see cref="MaxBpm"/>. 60 by default: a
    /// dancer's tempo estimate below that is more likely half the real one than a real tempo.
    /// </summary>
    public double MinBpm { get; init; } = 60.0;

    /// <summary><c>max_bpm</c>: the fastest tempo following may reach, 40–200, above <see cref="MinBpm"/>; 180 by default, for the same reason doubled.</summary>
    public double MaxBpm { get; init; } = 180.0;

    /// <summary>
    /// <c>max_change_per_second</c>: how fast following may move the tempo, BPM per second, (0, 100]. 4 by default:
    /// a 10 % change at 120 BPM takes three seconds, a DJ's pitch-fader ride rather than an audible jump.
    /// </summary>
    public double MaxChangePerSecond { get; init; } = 4.0;
}
