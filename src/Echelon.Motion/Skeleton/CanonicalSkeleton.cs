namespace Echelon.Motion.Skeleton;

/// <summary>The canonical 16-joint skeleton (<see cref="CanonicalJoint"/>), y up, metres.</summary>
public static class CanonicalSkeleton
{
    /// <summary>Number of canonical joints.</summary>
    public const int JointCount = 16;

    /// <summary>The definition (names are the enum names; the hierarchy is pelvis → spine → limbs).</summary>
    public static SkeletonDefinition Definition { get; } = new(
        "canonical",
        Enum.GetNames<CanonicalJoint>(),
        [-1, 0, 1, 2, 1, 4, 5, 1, 7, 8, 0, 10, 11, 0, 13, 14]);

    /// <summary>
    /// The eight end-effectors of Dynamics128 slots 16–79, in slot order: head, hands, elbows, feet and
    /// the chest (the eighth: the upper-body bounce and lean that a dancer's torso carries).
    /// </summary>
    public static IReadOnlyList<CanonicalJoint> EndEffectors { get; } =
    [
        CanonicalJoint.Head,
        CanonicalJoint.LeftHand,
        CanonicalJoint.RightHand,
        CanonicalJoint.LeftElbow,
        CanonicalJoint.RightElbow,
        CanonicalJoint.LeftFoot,
        CanonicalJoint.RightFoot,
        CanonicalJoint.Chest,
    ];
}
