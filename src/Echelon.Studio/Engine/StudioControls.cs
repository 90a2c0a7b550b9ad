using System.Collections.Immutable;
using Echelon.Music.Composition;
using Echelon.Music.Theory;
using Echelon.Music.Transport;

namespace Echelon.Studio.Engine;

/// <summary>
/// What a performer or an operator sets by hand: key, mode, tempo (used when the tempo is fixed, and as the start
/// when following), base intensity, and each agent's mute and level. Immutable: a change is a new instance
/// published with one reference write, read by the control thread at its next frame.
/// </summary>
/// <param name="Key">Tonic pitch class, 0 = C … 11 = B.</param>
/// <param name="Mode">The mode of the key.</param>
/// <param name="Bpm">The set tempo.</param>
/// <param name="Intensity">Base intensity 0–1 (mappings add movement on top).</param>
/// <param name="Agents">Mixer settings by agent name (drums, bass, harmony, melody, percussion); every agent is present.</param>
public sealed record StudioControls(int Key, Mode Mode, Bpm Bpm, double Intensity, ImmutableSortedDictionary<string, AgentControl> Agents)
{
    /// <summary>C aeolian at 120 BPM, intensity 0.5, every agent at level 1.</summary>
    public static StudioControls Default { get; } = new(
        0,
        Mode.Aeolian,
        new Bpm(120),
        0.5,
        Arrangement.Agents.ToImmutableSortedDictionary(Arrangement.StemName, _ => new AgentControl(), StringComparer.Ordinal));

    /// <summary>The agent names, in stem order.</summary>
    public static IReadOnlyList<string> AgentNames { get; } = [.. Arrangement.Agents.Select(Arrangement.StemName)];

    /// <summary>The scale the key and mode make.</summary>
    public Scale Scale => new(Key, Mode);
}
