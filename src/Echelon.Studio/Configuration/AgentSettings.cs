namespace Echelon.Studio.Configuration;

/// <summary>One composer agent's entry in <c>music.agents</c>: whether it plays and how loud.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record AgentSettings
{
    /// <summary><c>mute</c>: silence the agent (it still follows the music, so unmuting lands in place).</summary>
    public bool Mute { get; init; }

    /// <summary><c>level</c>: the agent's stem gain, 0–1 (linear).</summary>
    public double Level { get; init; } = 1.0;
}
