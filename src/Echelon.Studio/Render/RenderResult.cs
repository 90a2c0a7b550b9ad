namespace Echelon.Studio.Render;

/// <summary>What a render produced.</summary>
/// <param name="Seconds">Length of the audio, seconds.</param>
/// <param name="RealtimeFactor">Seconds of audio per second of wall time for synthesis and mixing (composition and file writing excluded).</param>
/// <param name="PeakDbfs">Peak sample of the mix, dBFS.</param>
/// <param name="RmsDbfs">RMS of the mix, dBFS.</param>
/// <param name="Notes">Notes rendered.</param>
/// <param name="AgentNotes">Notes per agent, by stem name.</param>
public sealed record RenderResult(double Seconds, double RealtimeFactor, double PeakDbfs, double RmsDbfs, int Notes, IReadOnlyDictionary<string, int> AgentNotes);
