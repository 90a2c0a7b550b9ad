namespace Echelon.Music.Composition;

/// <summary>The composer agents (DESIGN §5), each rendered to its own stem.</summary>
public enum AgentKind
{
    /// <summary>Kick, snare and hats on the groove.</summary>
    Drums = 0,

    /// <summary>The bass line on the chord roots.</summary>
    Bass = 1,

    /// <summary>Pads and chords.</summary>
    Harmony = 2,

    /// <summary>The lead line in the scale.</summary>
    Melody = 3,

    /// <summary>Ambient percussion: soft kick, swells, shakers and hi-hat textures.</summary>
    Percussion = 4,
}
