using Echelon.Music.Theory;
using Echelon.Studio.Engine;

namespace Echelon.Studio.Web;

/// <summary>The controls in force, as <c>GET /api/v1/controls</c> returns them (and <c>PUT</c> accepts them back).</summary>
/// <param name="Key">The key's tonic, spelled with sharps (C, C#, D … B).</param>
/// <param name="Mode">The mode, lower case (ionian … locrian).</param>
/// <param name="Bpm">The set tempo, 40–200.</param>
/// <param name="Intensity">Base intensity, 0–1.</param>
/// <param name="Agents">Each agent's mute and level, by name.</param>
public sealed record ControlsView(string Key, string Mode, double Bpm, double Intensity, IReadOnlyDictionary<string, AgentView> Agents)
{
    /// <summary>The view of <paramref name="controls"/>.</summary>
    public static ControlsView From(StudioControls controls)
    {
        ArgumentNullException.ThrowIfNull(controls);
        return new ControlsView(
            KeyName.Format(controls.Key),
            ModeNames.Format(controls.Mode),
            controls.Bpm.Value,
            controls.Intensity,
            controls.Agents.ToDictionary(a => a.Key, a => new AgentView(a.Value.Mute, a.Value.Level), StringComparer.Ordinal));
    }
}
