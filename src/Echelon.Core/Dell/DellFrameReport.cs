using Echelon.Core.Equilibrium;

namespace Echelon.Core.Dell;

/// <summary>What one DELL frame did.</summary>
/// <param name="Fast">The fast solve (rejected or zero iterations during a dropout).</param>
/// <param name="SlowSolved">Whether this frame ran the slow solve (a beat with pooled frames).</param>
/// <param name="Slow">The slow solve when <paramref name="SlowSolved"/>, else default.</param>
/// <param name="Dropout">True when the frame had no usable sensor data (empty or rejected input).</param>
/// <param name="Phase">ψ: the loop's beat phase in (−π, π].</param>
/// <param name="MeasuredPhase">The head's raw measurement this frame.</param>
/// <param name="PhaseConfidence">The head's confidence; below the threshold the loop flywheels.</param>
/// <param name="CouplingEnergy">φ(x*, y*) after this frame.</param>
public readonly record struct DellFrameReport(
    SolveReport Fast,
    bool SlowSolved,
    SolveReport Slow,
    bool Dropout,
    double Phase,
    double MeasuredPhase,
    double PhaseConfidence,
    double CouplingEnergy);
