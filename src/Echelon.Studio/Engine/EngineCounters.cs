namespace Echelon.Studio.Engine;

/// <summary>The engine's counters at one moment, for <c>/metrics</c> and <c>echelon bench studio</c>.</summary>
/// <param name="ControlFrames">Control frames run.</param>
/// <param name="ControlOverruns">Control frames that took longer than their budget.</param>
/// <param name="SkippedSlowSolves">Beat-rate slow solves skipped to recover from an overrun.</param>
/// <param name="AudioBlocks">Audio blocks rendered.</param>
/// <param name="Xruns">Output underflows the audio device reported.</param>
/// <param name="AudioOverruns">Audio callbacks that took longer than their block.</param>
/// <param name="AudioFallbacks">Times the engine fell back to the null output after losing its device.</param>
/// <param name="LateNotes">Notes that reached the audio thread after their start.</param>
/// <param name="DroppedNotes">Notes dropped because the control-to-audio ring was full.</param>
/// <param name="SensorFrames">Sensor frames taken in.</param>
/// <param name="DroppedSensorFrames">Sensor frames dropped because the sensor queue was full.</param>
/// <param name="RejectedSensorFrames">Sensor frames rejected as unusable (non-finite, unknown device…).</param>
/// <param name="ExpressUpdates">Times sensor frames were answered between control frames by the express mappings.</param>
public sealed record EngineCounters(
    long ControlFrames,
    long ControlOverruns,
    long SkippedSlowSolves,
    long AudioBlocks,
    long Xruns,
    long AudioOverruns,
    long AudioFallbacks,
    long LateNotes,
    long DroppedNotes,
    long SensorFrames,
    long DroppedSensorFrames,
    long RejectedSensorFrames,
    long ExpressUpdates = 0);
