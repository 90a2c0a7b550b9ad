namespace Echelon.Audio.Tests.Peers;

/// <summary>One hop of <c>aubiopitch</c> output: the frame time and the estimated fundamental (0 when unvoiced).</summary>
public readonly record struct PitchFrame(double TimeSeconds, double FrequencyHz);
