namespace Echelon.Motion.Skeleton;

/// <summary>
/// The joints Dynamics128 reads, whatever the source: every skeleton (BVH, MediaPipe, the synthetic
/// dancer) is mapped onto these. Values are indices into <see cref="CanonicalSkeleton.Definition"/>.
/// </summary>
public enum CanonicalJoint
{
    /// <summary>Pelvis (hips' midpoint): the root.</summary>
    Pelvis = 0,

    /// <summary>Upper chest (shoulders' midpoint).</summary>
    Chest = 1,

    /// <summary>Base of the neck.</summary>
    Neck = 2,

    /// <summary>Head.</summary>
    Head = 3,

    /// <summary>Left shoulder.</summary>
    LeftShoulder = 4,

    /// <summary>Left elbow.</summary>
    LeftElbow = 5,

    /// <summary>Left hand (wrist).</summary>
    LeftHand = 6,

    /// <summary>Right shoulder.</summary>
    RightShoulder = 7,

    /// <summary>Right elbow.</summary>
    RightElbow = 8,

    /// <summary>Right hand (wrist).</summary>
    RightHand = 9,

    /// <summary>Left hip.</summary>
    LeftHip = 10,

    /// <summary>Left knee.</summary>
    LeftKnee = 11,

    /// <summary>Left foot (ankle).</summary>
    LeftFoot = 12,

    /// <summary>Right hip.</summary>
    RightHip = 13,

    /// <summary>Right knee.</summary>
    RightKnee = 14,

    /// <summary>Right foot (ankle).</summary>
    RightFoot = 15,
}
