namespace Echelon.Music.Composition.Agents;

/// <summary>
/// The General MIDI drum keys the agents emit (GM level 1, channel 10 key map), so the drum
/// voices and the composers agree on what a pitch means.
/// </summary>
public static class DrumKey
{
    /// <summary>Bass drum 1.</summary>
    public const byte Kick = 36;

    /// <summary>Acoustic snare.</summary>
    public const byte Snare = 38;

    /// <summary>Hand clap.</summary>
    public const byte Clap = 39;

    /// <summary>Closed hi-hat (also the shaker texture of the ambient percussion).</summary>
    public const byte ClosedHat = 42;

    /// <summary>Open hi-hat.</summary>
    public const byte OpenHat = 46;

    /// <summary>Crash cymbal 1.</summary>
    public const byte Crash = 49;
}
