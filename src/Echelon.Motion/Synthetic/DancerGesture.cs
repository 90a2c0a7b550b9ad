namespace Echelon.Motion.Synthetic;

/// <summary>A scripted gesture: what, starting on which beat (0-based, fractional allowed), for how many beats.</summary>
public sealed record DancerGesture(GestureKind Kind, double AtBeat, double Beats);
