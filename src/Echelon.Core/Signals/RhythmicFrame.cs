namespace Echelon.Core.Signals;

/// <summary>One frame of a <see cref="RhythmicTestSignal"/>, with its ground truth.</summary>
/// <param name="Index">Frame number from 0.</param>
/// <param name="Time">Seconds from the start.</param>
/// <param name="Theta">θ: the true beat phase in (−π, π], 0 on each (jittered) beat.</param>
/// <param name="BeatPosition">Beats elapsed (fractional) on the true, jittered beat grid.</param>
/// <param name="TransportBeat">True on the frame where the transport's nominal grid crosses a beat.</param>
/// <param name="Dropout">True inside the scripted sensor dropout: the frame carries no data.</param>
public readonly record struct RhythmicFrame(int Index, double Time, double Theta, double BeatPosition, bool TransportBeat, bool Dropout);
