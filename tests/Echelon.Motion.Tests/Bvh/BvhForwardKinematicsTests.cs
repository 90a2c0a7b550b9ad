using System.Globalization;
using System.Numerics;
using Echelon.Motion.Bvh;
using Echelon.Testing;

namespace Echelon.Motion.Tests.Bvh;

public sealed class BvhForwardKinematicsTests
{
    private const float Tolerance = 1e-5f;

    /// <summary>A root and one child at (1, 0, 0) with an End Site one unit further; one frame.</summary>
    private static string Chain(string rootChannels, string childChannels, string values, string rootOffset = "0 0 0") =>
        BvhText.Join(
        [
            "HIERARCHY",
            "ROOT Root",
            "{",
            $"  OFFSET {rootOffset}",
            $"  CHANNELS {rootChannels.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length} {rootChannels}",
            "  JOINT Child",
            "  {",
            "    OFFSET 1 0 0",
            $"    CHANNELS {childChannels.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length} {childChannels}",
            "    End Site",
            "    {",
            "      OFFSET 1 0 0",
            "    }",
            "  }",
            "}",
            "MOTION",
            "Frames: 1",
            "Frame Time: 0.01",
            values,
        ]);

    private static Vector3[] Pose(BvhFile file, int frame = 0)
    {
        var positions = new Vector3[file.PointCount];
        file.ComputePositions(frame, positions);
        return positions;
    }

    private static void AssertNear(Vector3 expected, Vector3 actual)
    {
        Assert.True(Vector3.Distance(expected, actual) < Tolerance, $"expected {expected}, got {actual}");
    }

    [Fact]
    public void RootZRotation90_MovesChildOffsetFromXToY()
    {
        BvhFile file = BvhText.Parse(Chain("Zrotation Xrotation Yrotation", "Zrotation Xrotation Yrotation", "90 0 0 0 0 0"));

        Vector3[] p = Pose(file);

        AssertNear(Vector3.Zero, p[0]);
        AssertNear(new Vector3(0, 1, 0), p[1]);
        AssertNear(new Vector3(0, 2, 0), p[2]); // Child_End
        Assert.Equal("Child_End", file.Names[2]);
    }

    [Fact]
    public void RestPose_IsTheSumOfOffsets()
    {
        BvhFile file = BvhText.Parse(Chain("Zrotation Xrotation Yrotation", "Zrotation Xrotation Yrotation", "0 0 0 0 0 0", rootOffset: "0.5 0 0"));

        Vector3[] p = Pose(file);

        AssertNear(new Vector3(0.5f, 0, 0), p[0]);
        AssertNear(new Vector3(1.5f, 0, 0), p[1]);
        AssertNear(new Vector3(2.5f, 0, 0), p[2]);
    }

    // Hand-computed with column vectors: the local rotation is the product of the axis rotations
    // in listed order, e.g. ZXY = Rz·Rx·Ry, applied to the child offset (1, 0, 0).
    //   ZXY, Z=90 X=90 Y=0:  Rx(1,0,0) = (1,0,0);  Rz → (0,1,0).
    //   XYZ, X=90 Y=0 Z=90:  Rz(1,0,0) = (0,1,0);  Rx → (0,0,1).
    //   ZXY, Z=X=Y=90:       Ry(1,0,0) = (0,0,−1); Rx → (0,1,0); Rz → (−1,0,0).
    //   XYZ, X=Y=Z=90:       Rz(1,0,0) = (0,1,0);  Ry → (0,1,0); Rx → (0,0,1).
    //   YXZ, Y=90 X=90 Z=0:  Rx(1,0,0) = (1,0,0);  Ry → (0,0,−1).
    [Theory]
    [InlineData("Zrotation Xrotation Yrotation", "90 90 0", 0, 1, 0)]
    [InlineData("Xrotation Yrotation Zrotation", "90 0 90", 0, 0, 1)]
    [InlineData("Zrotation Xrotation Yrotation", "90 90 90", -1, 0, 0)]
    [InlineData("Xrotation Yrotation Zrotation", "90 90 90", 0, 0, 1)]
    [InlineData("Yrotation Xrotation Zrotation", "90 90 0", 0, 0, -1)]
    public void ChannelOrder_DecidesTheRotation(string order, string values, float x, float y, float z)
    {
        BvhFile file = BvhText.Parse(Chain(order, "Zrotation Xrotation Yrotation", values + " 0 0 0"));

        AssertNear(new Vector3(x, y, z), Pose(file)[1]);
    }

    [Fact]
    public void SameAngles_DifferentOrders_GiveDifferentPoses()
    {
        BvhFile zxy = BvhText.Parse(Chain("Zrotation Xrotation Yrotation", "Zrotation", "30 40 50 0"));
        BvhFile xyz = BvhText.Parse(Chain("Xrotation Yrotation Zrotation", "Zrotation", "40 50 30 0"));

        Assert.True(Vector3.Distance(Pose(zxy)[1], Pose(xyz)[1]) > 0.1f);
    }

    [Fact]
    public void RootPositionChannels_TranslateEverything()
    {
        BvhFile file = BvhText.Parse(Chain("Xposition Yposition Zposition Zrotation Xrotation Yrotation", "Zrotation", "1 2 3 90 0 0 0"));

        Vector3[] p = Pose(file);

        AssertNear(new Vector3(1, 2, 3), p[0]);
        AssertNear(new Vector3(1, 3, 3), p[1]);
        AssertNear(new Vector3(1, 4, 3), p[2]);
    }

    [Fact]
    public void RootPositionChannels_AddToANonZeroRootOffset()
    {
        // bvh11 and Blender add; with the zero root offsets of real files this equals replacing.
        BvhFile file = BvhText.Parse(Chain("Xposition Yposition Zposition", "Zrotation", "1 2 3 0", rootOffset: "10 0 0"));

        AssertNear(new Vector3(11, 2, 3), Pose(file)[0]);
    }

    [Fact]
    public void ChildPositionChannels_AddToItsOffsetInTheParentsFrame()
    {
        BvhFile file = BvhText.Parse(Chain("Zrotation", "Xposition Yposition Zposition Zrotation", "90 0 0.5 0 0"));

        // Rz(90) · ((1, 0, 0) + (0, 0.5, 0)) = (−0.5, 1, 0).
        AssertNear(new Vector3(-0.5f, 1, 0), Pose(file)[1]);
    }

    [Fact]
    public void PositionChannelAfterARotation_TranslatesAlongTheRotatedAxis()
    {
        // The composition is in listed order (bvh11): Rz(90) then Xposition 2 moves along the rotated x, i.e. +y.
        BvhFile file = BvhText.Parse(Chain("Zrotation Xposition", "Zrotation", "90 2 0"));

        AssertNear(new Vector3(0, 2, 0), Pose(file)[0]);
        AssertNear(new Vector3(0, 3, 0), Pose(file)[1]);
    }

    [Fact]
    public void JointsOnlySpan_LeavesEndSitesOut()
    {
        BvhFile file = BvhText.Parse(Chain("Zrotation", "Zrotation", "90 0"));
        var joints = new Vector3[file.JointCount];

        file.ComputePositions(0, joints);

        AssertNear(new Vector3(0, 1, 0), joints[1]);
        Assert.Throws<ArgumentException>(() => file.ComputePositions(0, new Vector3[file.JointCount + 1].AsSpan(0, 1)));
    }

    [Fact]
    public void UnitScale_ScalesPositions()
    {
        BvhFile file = BvhText.Parse(Chain("Zrotation", "Zrotation", "90 0"), new BvhReadOptions { UnitScale = 0.01 });

        Assert.Equal(BvhLengthUnit.Explicit, file.Unit);
        AssertNear(new Vector3(0, 0.01f, 0), Pose(file)[1]);
    }

    [Theory]
    [InlineData(1.75, BvhLengthUnit.Metres, 1.0)]
    [InlineData(175.0, BvhLengthUnit.Centimetres, 0.01)]
    [InlineData(1750.0, BvhLengthUnit.Millimetres, 0.001)]
    [InlineData(68.0, BvhLengthUnit.Inches, 0.0254)]
    [InlineData(10.0, BvhLengthUnit.NormalisedHeight, 0.175)]
    [InlineData(24.267, BvhLengthUnit.NormalisedHeight, 1.75 / 24.267)]
    [InlineData(1.19, BvhLengthUnit.NormalisedHeight, 1.75 / 1.19)]
    [InlineData(2.4, BvhLengthUnit.NormalisedHeight, 1.75 / 2.4)]
    [InlineData(0.0, BvhLengthUnit.Metres, 1.0)]
    public void DetectUnit_PicksTheUnitThatMakesAnAdult(double restHeight, BvhLengthUnit unit, double scale)
    {
        (BvhLengthUnit u, double s) = BvhFile.DetectUnit(restHeight);

        Assert.Equal(unit, u);
        Assert.Equal(scale, s, 12);
    }

    [Fact]
    public void MatchesAQuaternionReference_OnARealTake()
    {
        // Reference twin: per joint, q = q_parent · q_axis1 · q_axis2 · q_axis3 and
        // p = p_parent + q_parent · (offset + position channels), float quaternions from System.Numerics.
        BvhFile file = BvhFile.Load(MotionData.PathOf(MotionData.Salsa60));
        var fast = new Vector3[file.PointCount];
        var reference = new Vector3[file.PointCount];
        var rotations = new Quaternion[file.PointCount];
        float worst = 0;
        for (int frame = 0; frame < file.FrameCount; frame += 37)
        {
            file.ComputePositions(frame, fast);
            ReadOnlySpan<double> values = file.GetFrame(frame);
            for (int i = 0; i < file.PointCount; i++)
            {
                Vector3 translation = file.GetOffset(i);
                Quaternion local = Quaternion.Identity;
                int column = file.GetChannelStart(i);
                foreach (BvhChannel channel in file.GetChannels(i))
                {
                    float v = (float)values[column++];
                    switch (channel)
                    {
                        case BvhChannel.XPosition: translation.X += v; break;
                        case BvhChannel.YPosition: translation.Y += v; break;
                        case BvhChannel.ZPosition: translation.Z += v; break;
                        default:
                            Vector3 axis = channel switch
                            {
                                BvhChannel.XRotation => Vector3.UnitX,
                                BvhChannel.YRotation => Vector3.UnitY,
                                _ => Vector3.UnitZ,
                            };
                            local *= Quaternion.CreateFromAxisAngle(axis, v * MathF.PI / 180f);
                            break;
                    }
                }

                int parent = file.Parents[i];
                Quaternion parentRotation = parent < 0 ? Quaternion.Identity : rotations[parent];
                Vector3 parentPosition = parent < 0 ? Vector3.Zero : reference[parent];
                rotations[i] = Quaternion.Normalize(parentRotation * local);
                reference[i] = parentPosition + Vector3.Transform(translation, parentRotation);
            }

            for (int i = 0; i < file.PointCount; i++)
            {
                worst = MathF.Max(worst, Vector3.Distance(reference[i] * (float)file.UnitScale, fast[i]));
            }
        }

        Assert.True(worst < 1e-4f, string.Create(CultureInfo.InvariantCulture, $"largest difference {worst} m"));
    }

    [Fact]
    public void ComputePositions_AllocatesNothingAfterWarmUp()
    {
        BvhFile file = BvhFile.Load(MotionData.PathOf(MotionData.Salsa60));
        var positions = new Vector3[file.PointCount];
        file.ComputePositions(0, positions);

        // Each round computes every frame of the file once.
        int computed = 0;
        long allocated = AllocationProbe.SteadyStateBytes(
            () => file.ComputePositions(computed++ % file.FrameCount, positions),
            warmUp: 0,
            iterations: file.FrameCount);

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ComputePositions_ForALargeSkeleton_UsesThePoolAndAllocatesNothingAfterWarmUp()
    {
        // 200 joints: more than fit the stack scratch, so the pooled path runs.
        const int Joints = 200;
        var lines = new List<string> { "HIERARCHY" };
        for (int j = 0; j < Joints; j++)
        {
            lines.Add(j == 0 ? "ROOT J0" : $"JOINT J{j}");
            lines.Add("{");
            lines.Add(j == 0 ? "OFFSET 0 0 0" : "OFFSET 0 0.01 0");
            lines.Add("CHANNELS 1 Zrotation");
        }

        lines.AddRange(Enumerable.Repeat("}", Joints));
        lines.Add("MOTION");
        lines.Add("Frames: 2");
        lines.Add("Frame Time: 0.01");
        lines.Add(string.Join(' ', Enumerable.Repeat("0", Joints)));
        lines.Add(string.Join(' ', Enumerable.Repeat("0.45", Joints))); // 200 × 0.45° = a 90° curl in all
        BvhFile file = BvhText.Parse(BvhText.Join(lines));
        var positions = new Vector3[file.PointCount];
        file.ComputePositions(0, positions);
        AssertNear(new Vector3(0, 1.99f, 0), positions[^1]);

        int k = 0;
        Assert.Equal(0, AllocationProbe.SteadyStateBytes(() => file.ComputePositions(k++ % 2, positions), warmUp: 0, iterations: 100));
        Assert.True(positions[^1].X < -0.5f, $"the chain should curl towards −x; tip at {positions[^1]}");
    }
}
