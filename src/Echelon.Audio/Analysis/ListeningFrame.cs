namespace Echelon.Audio.Analysis;

/// <summary>What the listening analyzers make of one analysis frame: the live features the engine reads.</summary>
/// <param name="TimeSeconds">Input time at the end of the frame, seconds from the first sample.</param>
/// <param name="LevelDbfs">RMS level over the spectrum window, dBFS (a full-scale sine reads −3); −120 at most quiet.</param>
/// <param name="OnsetStrength">The onset function (whitened spectral flux, mean over bins), 0 upwards.</param>
/// <param name="Pitch">The latest pitch estimate (it describes the input <see cref="ListeningAnalyzer.PitchLatencySeconds"/> ago).</param>
/// <param name="CentroidHz">Spectral centroid of the window, Hz; 0 when silent.</param>
/// <param name="TempoBpm">The beat tracker's tempo, BPM; 0 until it has one.</param>
/// <param name="BeatPhase">Beat phase θ at <paramref name="TimeSeconds"/>, radians in [0, 2π), 0 on the beat; 0 until locked.</param>
/// <param name="BeatLocked">True once the tracker predicts beats.</param>
public readonly record struct ListeningFrame(
    double TimeSeconds,
    double LevelDbfs,
    double OnsetStrength,
    PitchEstimate Pitch,
    double CentroidHz,
    double TempoBpm,
    double BeatPhase,
    bool BeatLocked);
