namespace Echelon.Motion.Synthetic;

/// <summary>Movement presets of the synthetic dancer.</summary>
public enum DanceStyle
{
    /// <summary>A clear knee bounce on every beat, modest arm swing: the default.</summary>
    Bounce = 0,

    /// <summary>Hip sway over two beats, loose arms, light steps.</summary>
    Groove = 1,

    /// <summary>Slow, smooth weight shifts and little bounce: low energy.</summary>
    Sway = 2,

    /// <summary>Big bounce, big arms, high steps: high energy.</summary>
    Hype = 3,
}
