using Echelon.Music.Composition;
using Echelon.Music.Transport;

namespace Echelon.Studio.Listening;

/// <summary>
/// What the music heard so far suggests to the composer: intensity, density and brightness on the
/// <see cref="ControlState"/> scale, and the heard tempo and beat phase for the transport to follow
/// (<see cref="TransportClock.FollowTempo"/>). <see cref="ListeningInput"/> derives them; its remarks give each
/// mapping's range, curve and smoothing.
/// </summary>
/// <param name="TimeNs">Host time of the analysis frame the hints were derived at, nanoseconds from the session start.</param>
/// <param name="Intensity">0–1 from the smoothed level.</param>
/// <param name="Density">0–1 from the onset rate.</param>
/// <param name="Brightness">0–1 from the smoothed spectral centroid.</param>
/// <param name="LevelDbfs">The smoothed level intensity is read from, dBFS (never below the quiet end of its range).</param>
/// <param name="OnsetsPerSecond">Onsets in the onset window divided by its length.</param>
/// <param name="CentroidHz">The smoothed centroid brightness is read from, Hz (held through silence).</param>
/// <param name="TempoLocked">True when the beat tracker has a tempo and predicts beats: only then are <paramref name="Tempo"/> and <paramref name="BeatPhase"/> heard.</param>
/// <param name="Tempo">The heard tempo, clamped to the transport's range; 120 (default) while not locked.</param>
/// <param name="BeatPhase">The heard beat phase θ at <paramref name="TimeNs"/>, radians in [0, 2π), 0 on the beat; 0 while not locked.</param>
/// <remarks>Immutable.</remarks>
public readonly record struct ListeningHints(
    long TimeNs,
    float Intensity,
    float Density,
    float Brightness,
    double LevelDbfs,
    double OnsetsPerSecond,
    double CentroidHz,
    bool TempoLocked,
    Bpm Tempo,
    double BeatPhase)
{
    /// <summary>
    /// The hints laid over <paramref name="current"/>: its intensity, density and brightness replaced by what was
    /// heard; tension and section, which listening does not measure, kept.
    /// </summary>
    public ControlState ApplyTo(ControlState current) =>
        current with { Intensity = Intensity, Density = Density, Brightness = Brightness };

    /// <summary>The hints as a whole control state: <see cref="ControlState.Default"/>'s tension and section, the heard rest.</summary>
    public ControlState Suggestion => ApplyTo(ControlState.Default);

    /// <summary>
    /// The heard beat phase carried forward to <paramref name="timeNs"/> at the heard tempo, radians in [0, 2π);
    /// 0 while not locked.
    /// </summary>
    public double BeatPhaseAt(long timeNs)
    {
        if (!TempoLocked)
        {
            return 0;
        }

        double turns = (BeatPhase / (2 * Math.PI)) + ((timeNs - TimeNs) * 1e-9 / Tempo.SecondsPerBeat);
        turns -= Math.Floor(turns);
        double phase = 2 * Math.PI * turns;
        return phase >= 2 * Math.PI ? 0 : phase;
    }
}
