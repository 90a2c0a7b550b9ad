namespace Echelon.Motion.Dynamics;

/// <summary>
/// What the listening analyzers heard at one instant, in the terms of the Dynamics128 audio slots
/// (112–119): the value <see cref="Dynamics128Builder.IngestAudio"/> takes. Echelon.Motion does not know
/// the analyzers; the Studio's listening input converts their frames into this.
/// </summary>
/// <param name="TimeNs">Host time the features describe (the end of the analysed audio), nanoseconds from the session start.</param>
/// <param name="LevelDbfs">RMS input level, dBFS (a full-scale sine reads −3).</param>
/// <param name="OnsetStrength">The onset function, 0 upwards.</param>
/// <param name="PitchMidi">The pitch as a MIDI note number with a fraction (69 = A4 = 440 Hz); NaN when the input is unvoiced (no pitch).</param>
/// <param name="PitchConfidence">How periodic the input is, 0–1 (meaningful voiced or not).</param>
/// <param name="CentroidHz">Spectral centroid, Hz; 0 when silent.</param>
/// <param name="TempoBpm">Tempo of the heard music, BPM; 0 while there is none.</param>
/// <param name="BeatPhase">Beat phase θ of the heard music at <paramref name="TimeNs"/>, radians, 0 on the beat.</param>
/// <param name="BeatLocked">True once the beat tracker predicts beats: only then are tempo and phase used.</param>
/// <remarks>Immutable. <see cref="IsFinite"/> is the builder's edge check: NaN is allowed in <see cref="PitchMidi"/> only.</remarks>
public readonly record struct AudioFeatures(
    long TimeNs,
    double LevelDbfs,
    double OnsetStrength,
    double PitchMidi,
    double PitchConfidence,
    double CentroidHz,
    double TempoBpm,
    double BeatPhase,
    bool BeatLocked)
{
    /// <summary>True when the input carries a pitch (<see cref="PitchMidi"/> is a number).</summary>
    public bool IsVoiced => double.IsFinite(PitchMidi);

    /// <summary>True when tempo and phase are usable: locked, a positive tempo.</summary>
    public bool HasBeat => BeatLocked && TempoBpm > 0;

    /// <summary>
    /// True when every field is a finite number, except <see cref="PitchMidi"/>, which may be NaN (unvoiced)
    /// but not infinite.
    /// </summary>
    public bool IsFinite() =>
        double.IsFinite(LevelDbfs)
        && double.IsFinite(OnsetStrength)
        && !double.IsInfinity(PitchMidi)
        && double.IsFinite(PitchConfidence)
        && double.IsFinite(CentroidHz)
        && double.IsFinite(TempoBpm)
        && double.IsFinite(BeatPhase);
}
