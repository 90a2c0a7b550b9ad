namespace Echelon.Motion.Synthetic;

/// <summary>Amplitudes of one dance style: pelvis bounce and sway (m), arm swing (rad), step height (m).</summary>
internal readonly record struct StyleParameters(double Bounce, double Sway, double ArmSwing, double Step)
{
    public static StyleParameters For(DanceStyle style) => style switch
    {
        DanceStyle.Bounce => new StyleParameters(0.06, 0.03, 0.45, 0.05),
        DanceStyle.Groove => new StyleParameters(0.03, 0.08, 0.6, 0.03),
        DanceStyle.Sway => new StyleParameters(0.01, 0.06, 0.2, 0.0),
        DanceStyle.Hype => new StyleParameters(0.1, 0.05, 1.0, 0.12),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "Unknown dance style."),
    };
}
