namespace Echelon.Studio.Engine;

/// <summary>One composer agent's mixer settings: muted or not, and its level (0–2, 1 = as composed).</summary>
/// <param name="Mute">True silences the agent's stem.</param>
/// <param name="Level">Gain of the agent's stem, 0–2.</param>
public sealed record AgentControl(bool Mute = false, double Level = 1.0)
{
    /// <summary>Largest level allowed.</summary>
    public const double MaxLevel = 2.0;

    /// <summary>The gain the stem is played at: 0 when muted, else the level.</summary>
    public float Gain => Mute ? 0f : (float)Level;
}
