namespace Echelon.Studio.SuperCollider;

/// <summary>What <see cref="ScRenderJob.Run"/> produced.</summary>
/// <param name="Seconds">Length of the piece.</param>
/// <param name="Notes">Notes in the score.</param>
/// <param name="Messages">OSC messages in the score.</param>
/// <param name="ScorePath">The score file (<c>score.osc</c>).</param>
/// <param name="WavPath">The audio scsynth rendered (<c>sc.wav</c>).</param>
/// <param name="PeakDbfs">Peak of the rendered audio, dBFS.</param>
/// <param name="RmsDbfs">RMS of the rendered audio over both channels, dBFS.</param>
/// <param name="ScsynthSeconds">Wall-clock seconds scsynth took.</param>
public sealed record ScRenderResult(double Seconds, int Notes, int Messages, string ScorePath, string WavPath, double PeakDbfs, double RmsDbfs, double ScsynthSeconds);
