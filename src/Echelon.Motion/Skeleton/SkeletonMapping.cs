namespace Echelon.Motion.Skeleton;

/// <summary>
/// Maps an arbitrary skeleton onto the canonical joints by name: the CMU/cgspeed names (Hips,
/// LeftUpLeg, LeftArm, LeftForeArm…), the bvh11 CMU names (LeftHip, LeftKnee, LeftShoulder, LeftWrist…),
/// the Poser/DAZ names of the salsa takes (hip, lThigh, lShldr, lForeArm…), and the canonical names.
/// </summary>
public sealed class SkeletonMapping
{
    // Candidates in order of preference, matched case-insensitively. Where naming schemes disagree
    // (cgspeed's LeftShoulder is the clavicle, bvh11's is the shoulder joint) the more specific name
    // comes first: LeftArm wins over LeftShoulder, LeftWrist over lHand.
    private static readonly string[][] s_aliases =
    [
        ["Pelvis", "Hips", "Hip", "Root"],
        ["Chest", "Chest2", "Spine2", "UpperChest", "Spine1", "Thorax", "Spine", "Abdomen"],
        ["Neck", "LowerNeck", "Neck1"],
        ["Head"],
        ["LeftArm", "LeftUpperArm", "lShldr", "LeftShoulder", "L_Shoulder"],
        ["LeftElbow", "LeftForeArm", "lForeArm", "LeftLowerArm"],
        ["LeftHand", "LeftWrist", "lHand"],
        ["RightArm", "RightUpperArm", "rShldr", "RightShoulder", "R_Shoulder"],
        ["RightElbow", "RightForeArm", "rForeArm", "RightLowerArm"],
        ["RightHand", "RightWrist", "rHand"],
        ["LeftUpLeg", "LeftHip", "lThigh", "LeftUpperLeg", "LeftThigh"],
        ["LeftKnee", "LeftLeg", "lShin", "LeftLowerLeg", "LeftShin"],
        ["LeftFoot", "LeftAnkle", "lFoot"],
        ["RightUpLeg", "RightHip", "rThigh", "RightUpperLeg", "RightThigh"],
        ["RightKnee", "RightLeg", "rShin", "RightLowerLeg", "RightShin"],
        ["RightFoot", "RightAnkle", "rFoot"],
    ];

    private readonly int[] _sourceIndex;

    private SkeletonMapping(SkeletonDefinition definition)
    {
        Definition = definition;
        _sourceIndex = new int[CanonicalSkeleton.JointCount];
        for (int c = 0; c < _sourceIndex.Length; c++)
        {
            _sourceIndex[c] = -1;
            foreach (string alias in s_aliases[c])
            {
                int i = definition.IndexOf(alias);
                if (i >= 0)
                {
                    _sourceIndex[c] = i;
                    break;
                }
            }
        }

        // The root joint of any skeleton is its pelvis when no name says so.
        if (_sourceIndex[(int)CanonicalJoint.Pelvis] < 0)
        {
            _sourceIndex[(int)CanonicalJoint.Pelvis] = 0;
        }
    }

    /// <summary>The skeleton this mapping reads.</summary>
    public SkeletonDefinition Definition { get; }

    /// <summary>Number of canonical joints this skeleton provides.</summary>
    public int MappedCount => _sourceIndex.Count(i => i >= 0);

    /// <summary>Builds the mapping for a skeleton (allocates; cache it per definition).</summary>
    public static SkeletonMapping For(SkeletonDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new SkeletonMapping(definition);
    }

    /// <summary>Index in the source skeleton of a canonical joint, or −1 when the skeleton lacks it.</summary>
    public int SourceIndex(CanonicalJoint joint) => _sourceIndex[(int)joint];
}
