using Echelon.Music.Composition;
using Echelon.Music.Theory;

namespace Echelon.Studio.Configuration;

/// <summary>The <c>music</c> section: key, mode, meter, the composer's starting intensity, the master level and each agent's mix.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record MusicSettings
{
    /// <summary>
    /// <c>key</c>: the tonic as written (<c>A</c>, <c>F#</c>, <c>Bb</c>; see <see cref="KeyName"/>), normalised to an
    /// upper-case letter and <c>#</c> or <c>b</c>.
    /// </summary>
    public string Key { get; init; } = "A";

    /// <summary><c>mode</c>: one of the seven diatonic modes (<c>major</c> and <c>minor</c> are read as ionian and aeolian).</summary>
    public Mode Mode { get; init; } = Mode.Aeolian;

    /// <summary><c>beats_per_bar</c>: 1–16.</summary>
    public int BeatsPerBar { get; init; } = 4;

    /// <summary><c>intensity</c>: the composer's intensity before movement arrives, 0–1; a mapping to <c>composer.intensity</c> takes over from there.</summary>
    public double Intensity { get; init; } = 0.6;

    /// <summary><c>master_level</c>: the master gain before the limiter, 0–1 (linear).</summary>
    public double MasterLevel { get; init; } = 0.8;

    /// <summary><c>agents.drums</c>.</summary>
    public AgentSettings Drums { get; init; } = new();

    /// <summary><c>agents.bass</c>.</summary>
    public AgentSettings Bass { get; init; } = new();

    /// <summary><c>agents.harmony</c>.</summary>
    public AgentSettings Harmony { get; init; } = new();

    /// <summary><c>agents.melody</c>.</summary>
    public AgentSettings Melody { get; init; } = new();

    /// <summary><c>agents.percussion</c>.</summary>
    public AgentSettings Percussion { get; init; } = new();

    /// <summary>The tonic pitch class of <see cref="Key"/>, 0 (C) – 11 (B).</summary>
    public int Tonic => KeyName.Parse(Key);

    /// <summary>The key and mode as a scale.</summary>
    public Scale Scale => new(Tonic, Mode);

    /// <summary>The settings of <paramref name="agent"/>.</summary>
    public AgentSettings Agent(AgentKind agent) => agent switch
    {
        AgentKind.Drums => Drums,
        AgentKind.Bass => Bass,
        AgentKind.Harmony => Harmony,
        AgentKind.Melody => Melody,
        AgentKind.Percussion => Percussion,
        _ => throw new ArgumentOutOfRangeException(nameof(agent), agent, "Unknown agent."),
    };
}
