namespace Echelon.Motion.Synthetic;

/// <summary>Scripted gestures the synthetic dancer can perform.</summary>
public enum GestureKind
{
    /// <summary>Both hands raised above the head.</summary>
    HandsUp = 0,

    /// <summary>A full turn about the vertical axis.</summary>
    Spin = 1,

    /// <summary>A jump: pelvis and feet leave the floor.</summary>
    Jump = 2,
}
