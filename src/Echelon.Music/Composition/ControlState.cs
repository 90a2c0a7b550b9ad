namespace Echelon.Music.Composition;

/// <summary>
/// What the agents read: intensity (0 sparse and quiet … 1 dense and driving), density, brightness
/// and tension (each 0–1), and the section number (a change is a new section).
/// </summary>
public readonly record struct ControlState(float Intensity, float Density, float Brightness, float Tension, int Section)
{
    /// <summary>A middle state: everything at one half, section 0.</summary>
    public static ControlState Default { get; } = new(0.5f, 0.5f, 0.5f, 0.5f, 0);
}
