namespace Echelon.Studio.Web;

/// <summary>One composer agent's mixer settings as <c>/api/v1/controls</c> shows them.</summary>
/// <param name="Mute">True when the agent is silenced.</param>
/// <param name="Level">The agent's level, 0–2.</param>
public sealed record AgentView(bool Mute, double Level);
