namespace Echelon.Motion.Frames;

/// <summary>
/// One MediaPipe pose landmark: X and Y normalised to the image (0–1, origin top-left), Z a depth in
/// roughly the same scale with the hips' midpoint at 0 (smaller is nearer the camera), and the
/// model's visibility (0–1).
/// </summary>
public readonly record struct PoseLandmark(float X, float Y, float Z, float Visibility)
{
    /// <summary>True when all four numbers are finite.</summary>
    public bool IsFinite => float.IsFinite(X) && float.IsFinite(Y) && float.IsFinite(Z) && float.IsFinite(Visibility);
}
