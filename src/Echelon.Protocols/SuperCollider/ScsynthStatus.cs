namespace Echelon.Protocols.SuperCollider;

/// <summary>scsynth's answer to <c>/status</c> (<c>/status.reply</c>, type tags <c>iiiiiffdd</c>).</summary>
/// <param name="UGens">Unit generators running.</param>
/// <param name="Synths">Synths running.</param>
/// <param name="Groups">Groups.</param>
/// <param name="SynthDefs">SynthDefs loaded.</param>
/// <param name="AverageCpu">Average CPU use, percent.</param>
/// <param name="PeakCpu">Peak CPU use, percent.</param>
/// <param name="NominalSampleRate">The sample rate asked for.</param>
/// <param name="ActualSampleRate">The sample rate measured.</param>
public sealed record ScsynthStatus(int UGens, int Synths, int Groups, int SynthDefs, float AverageCpu, float PeakCpu, double NominalSampleRate, double ActualSampleRate);
