namespace Echelon.Studio.Web;

/// <summary>Changes to one composer agent's mixer settings; a null field is left as it is.</summary>
/// <param name="Mute">True silences the agent.</param>
/// <param name="Level">The agent's level, 0–2 (1 = as composed).</param>
public sealed record AgentPatch(bool? Mute = null, double? Level = null);
