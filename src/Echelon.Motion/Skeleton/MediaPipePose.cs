using System.Numerics;
using Echelon.Motion.Frames;

namespace Echelon.Motion.Skeleton;

/// <summary>
/// MediaPipe Pose's 33 landmarks (indices as the model documents them) and their mapping onto the
/// canonical skeleton.
/// </summary>
public static class MediaPipePose
{
    /// <summary>Landmark names in index order.</summary>
    public static IReadOnlyList<string> LandmarkNames { get; } =
    [
        "nose", "left_eye_inner", "left_eye", "left_eye_outer", "right_eye_inner", "right_eye", "right_eye_outer",
        "left_ear", "right_ear", "mouth_left", "mouth_right", "left_shoulder", "right_shoulder", "left_elbow",
        "right_elbow", "left_wrist", "right_wrist", "left_pinky", "right_pinky", "left_index", "right_index",
        "left_thumb", "right_thumb", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle",
        "right_ankle", "left_heel", "right_heel", "left_foot_index", "right_foot_index",
    ];

    /// <summary>Index of the nose.</summary>
    public const int Nose = 0;

    /// <summary>Index of the left ear.</summary>
    public const int LeftEar = 7;

    /// <summary>Index of the right ear.</summary>
    public const int RightEar = 8;

    /// <summary>Index of the left shoulder.</summary>
    public const int LeftShoulder = 11;

    /// <summary>Index of the right shoulder.</summary>
    public const int RightShoulder = 12;

    /// <summary>Index of the left elbow.</summary>
    public const int LeftElbow = 13;

    /// <summary>Index of the right elbow.</summary>
    public const int RightElbow = 14;

    /// <summary>Index of the left wrist.</summary>
    public const int LeftWrist = 15;

    /// <summary>Index of the right wrist.</summary>
    public const int RightWrist = 16;

    /// <summary>Index of the left hip.</summary>
    public const int LeftHip = 23;

    /// <summary>Index of the right hip.</summary>
    public const int RightHip = 24;

    /// <summary>Index of the left knee.</summary>
    public const int LeftKnee = 25;

    /// <summary>Index of the right knee.</summary>
    public const int RightKnee = 26;

    /// <summary>Index of the left ankle.</summary>
    public const int LeftAnkle = 27;

    /// <summary>Index of the right ankle.</summary>
    public const int RightAnkle = 28;

    /// <summary>Landmarks below this visibility count as missing.</summary>
    public const float VisibilityThreshold = 0.5f;

    /// <summary>
    /// Writes canonical joint positions (metres, y up) from a pose frame into <paramref name="positions"/>
    /// and their presence into <paramref name="present"/>. World landmarks are used when the frame has
    /// them (MediaPipe's y points down, so it is negated); otherwise the image landmarks, with the
    /// image height taken as <paramref name="imageHeightMetres"/> (a person filling the frame).
    /// Joints built from a landmark under <see cref="VisibilityThreshold"/> are marked missing.
    /// Allocation-free.
    /// </summary>
    public static void ToCanonical(PoseFrame frame, Span<Vector3> positions, Span<bool> present, float imageHeightMetres = 2.0f)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (positions.Length != CanonicalSkeleton.JointCount || present.Length != CanonicalSkeleton.JointCount)
        {
            throw new ArgumentException($"positions and present must hold {CanonicalSkeleton.JointCount} entries.", nameof(positions));
        }

        Set(frame, positions, present, CanonicalJoint.Pelvis, LeftHip, RightHip, imageHeightMetres);
        Set(frame, positions, present, CanonicalJoint.Chest, LeftShoulder, RightShoulder, imageHeightMetres);
        Set(frame, positions, present, CanonicalJoint.Neck, LeftShoulder, RightShoulder, imageHeightMetres);
        Set(frame, positions, present, CanonicalJoint.Head, LeftEar, RightEar, imageHeightMetres);
        Set(frame, positions, present, CanonicalJoint.LeftShoulder, LeftShoulder, LeftShoulder, imageHeightMetres);
        Set(frame, positions, present, CanonicalJoint.LeftElbow, LeftElbow, LeftElbow, imageHeightMetres);
        Set(frame, positions, present, CanonicalJoint.LeftHand, LeftWrist, LeftWrist, imageHeightMetres);
        Set(frame, positions, present, CanonicalJoint.RightShoulder, RightShoulder, RightShoulder, imageHeightMetres);
        Set(frame, positions, present, CanonicalJoint.RightElbow, RightElbow, RightElbow, imageHeightMetres);
        Set(frame, positions, present, CanonicalJoint.RightHand, RightWrist, RightWrist, imageHeightMetres);
        Set(frame, positions, present, CanonicalJoint.LeftHip, LeftHip, LeftHip, imageHeightMetres);
        Set(frame, positions, present, CanonicalJoint.LeftKnee, LeftKnee, LeftKnee, imageHeightMetres);
        Set(frame, positions, present, CanonicalJoint.LeftFoot, LeftAnkle, LeftAnkle, imageHeightMetres);
        Set(frame, positions, present, CanonicalJoint.RightHip, RightHip, RightHip, imageHeightMetres);
        Set(frame, positions, present, CanonicalJoint.RightKnee, RightKnee, RightKnee, imageHeightMetres);
        Set(frame, positions, present, CanonicalJoint.RightFoot, RightAnkle, RightAnkle, imageHeightMetres);

        // The chest sits a quarter of the way from the shoulders' midpoint down to the pelvis.
        if (present[(int)CanonicalJoint.Chest] && present[(int)CanonicalJoint.Pelvis])
        {
            positions[(int)CanonicalJoint.Chest] = Vector3.Lerp(positions[(int)CanonicalJoint.Neck], positions[(int)CanonicalJoint.Pelvis], 0.25f);
        }
    }

    private static void Set(PoseFrame frame, Span<Vector3> positions, Span<bool> present, CanonicalJoint joint, int a, int b, float imageHeight)
    {
        PoseLandmark la = frame.Landmarks[a];
        PoseLandmark lb = frame.Landmarks[b];
        bool visible = la.Visibility >= VisibilityThreshold && lb.Visibility >= VisibilityThreshold;
        present[(int)joint] = visible;
        if (!visible)
        {
            positions[(int)joint] = Vector3.Zero;
            return;
        }

        Vector3 pa;
        Vector3 pb;
        if (frame.WorldLandmarks is { } world)
        {
            pa = new Vector3(world[a].X, -world[a].Y, -world[a].Z);
            pb = new Vector3(world[b].X, -world[b].Y, -world[b].Z);
        }
        else
        {
            pa = new Vector3(la.X * imageHeight, (1f - la.Y) * imageHeight, -la.Z * imageHeight);
            pb = new Vector3(lb.X * imageHeight, (1f - lb.Y) * imageHeight, -lb.Z * imageHeight);
        }

        positions[(int)joint] = (pa + pb) * 0.5f;
    }
}
