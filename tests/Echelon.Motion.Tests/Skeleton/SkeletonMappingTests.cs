using Echelon.Motion.Skeleton;

namespace Echelon.Motion.Tests.Skeleton;

public sealed class SkeletonMappingTests
{
    // Joint names as they stand in ../shared/data/motion/cmu-131-bvh11/131_03.bvh and cmu-salsa-60_61/60_10_scaled.bvh.
    private static readonly string[] s_bvh11 = "Hips LHipJoint LeftHip LeftKnee LeftAnkle LeftToe RHipJoint RightHip RightKnee RightAnkle RightToe lowerback Chest Chest2 lowerneck Neck Head LeftCollar LeftShoulder LeftElbow LeftWrist lhand LFingers LThumb RightCollar RightShoulder RightElbow RightWrist rhand RFingers RThumb".Split(' ');
    private static readonly string[] s_salsa = "hip abdomen chest neck head leftEye rightEye rCollar rShldr rForeArm rHand rThumb1 rThumb2 rIndex1 rIndex2 rMid1 rMid2 rRing1 rRing2 rPinky1 rPinky2 lCollar lShldr lForeArm lHand lThumb1 lThumb2 lIndex1 lIndex2 lMid1 lMid2 lRing1 lRing2 lPinky1 lPinky2 rButtock rThigh rShin rFoot lButtock lThigh lShin lFoot".Split(' ');

    [Theory]
    [InlineData("bvh11", CanonicalJoint.LeftShoulder, "LeftShoulder")]
    [InlineData("bvh11", CanonicalJoint.LeftElbow, "LeftElbow")]
    [InlineData("bvh11", CanonicalJoint.LeftHand, "LeftWrist")]
    [InlineData("bvh11", CanonicalJoint.RightHip, "RightHip")]
    [InlineData("bvh11", CanonicalJoint.RightFoot, "RightAnkle")]
    [InlineData("bvh11", CanonicalJoint.Neck, "Neck")]
    [InlineData("salsa", CanonicalJoint.Pelvis, "hip")]
    [InlineData("salsa", CanonicalJoint.LeftShoulder, "lShldr")]
    [InlineData("salsa", CanonicalJoint.RightElbow, "rForeArm")]
    [InlineData("salsa", CanonicalJoint.RightHand, "rHand")]
    [InlineData("salsa", CanonicalJoint.LeftKnee, "lShin")]
    [InlineData("salsa", CanonicalJoint.LeftHip, "lThigh")]
    [InlineData("cgspeed", CanonicalJoint.LeftShoulder, "LeftArm")]
    [InlineData("cgspeed", CanonicalJoint.LeftElbow, "LeftForeArm")]
    [InlineData("cgspeed", CanonicalJoint.LeftKnee, "LeftLeg")]
    public void For_KnownNamingSchemes_MapsEveryCanonicalJoint(string scheme, CanonicalJoint joint, string expected)
    {
        SkeletonDefinition definition = scheme switch
        {
            "bvh11" => Chain(s_bvh11),
            "salsa" => Chain(s_salsa),
            _ => Chain("Hips Spine Spine1 Neck Head LeftShoulder LeftArm LeftForeArm LeftHand RightShoulder RightArm RightForeArm RightHand LeftUpLeg LeftLeg LeftFoot RightUpLeg RightLeg RightFoot".Split(' ')),
        };
        SkeletonMapping mapping = SkeletonMapping.For(definition);
        Assert.Equal(CanonicalSkeleton.JointCount, mapping.MappedCount);
        Assert.Equal(expected, definition.JointNames[mapping.SourceIndex(joint)]);
    }

    [Fact]
    public void For_TheCanonicalSkeleton_IsTheIdentity()
    {
        SkeletonMapping mapping = SkeletonMapping.For(CanonicalSkeleton.Definition);
        for (int j = 0; j < CanonicalSkeleton.JointCount; j++)
        {
            Assert.Equal(j, mapping.SourceIndex((CanonicalJoint)j));
        }
    }

    [Fact]
    public void For_AnUnknownSkeleton_MapsItsRootAsThePelvisAndNothingElse()
    {
        SkeletonMapping mapping = SkeletonMapping.For(Chain(["a", "b", "c"]));
        Assert.Equal(0, mapping.SourceIndex(CanonicalJoint.Pelvis));
        Assert.Equal(-1, mapping.SourceIndex(CanonicalJoint.Head));
        Assert.Equal(1, mapping.MappedCount);
    }

    private static SkeletonDefinition Chain(string[] names) =>
        new("test", names, Enumerable.Range(-1, names.Length).ToArray());
}
