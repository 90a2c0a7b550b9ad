using System.Globalization;
using System.Numerics;
using Echelon.Motion.Bvh;
using Xunit.Abstractions;

namespace Echelon.Motion.Tests.Bvh;

/// <summary>The BVH files in ../shared/data/motion; the numbers were read from the files' own headers.</summary>
public sealed class BvhRealFilesTests(ITestOutputHelper output)
{
    // file, joints (ROOT + JOINT), End Sites, channels, Frames:, Frame Time:, rest-pose height in file units, detected unit.
    public static TheoryData<string, int, int, int, int, double, double, BvhLengthUnit> Files => new()
    {
        // 131_03: ROOT Hips + 30 JOINTs, 7 End Sites, 6 + 30 × 3 = 96 channels, "Frame Time: .0083333".
        // CMU original units: the rest pose is 24.27 units (Head_End 8.82 above the hips, toes 15.45 below),
        // which is no common unit, so it is normalised to 1.75 m.
        { MotionData.Cmu131, 31, 7, 96, 1102, 0.0083333, 24.267, BvhLengthUnit.NormalisedHeight },

        // The salsa takes: ROOT hip + 42 JOINTs (fingers included), 14 End Sites, 6 + 42 × 3 = 132 channels.
        // Metre-scaled, but the figure is small: sole to eyes (the highest point; no head-top End Site) is
        // 1.193 m, under the 1.2 m floor, so it too is normalised to 1.75 m.
        { MotionData.Salsa60, 43, 14, 132, 1197, 0.008333, 1.193, BvhLengthUnit.NormalisedHeight },
        { MotionData.Salsa61, 43, 14, 132, 1197, 0.008333, 1.193, BvhLengthUnit.NormalisedHeight },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_WithTheCountsInTheFile(
        string relative, int joints, int endSites, int channels, int frames, double frameTime, double restHeight, BvhLengthUnit unit)
    {
        BvhFile file = BvhFile.Load(MotionData.PathOf(relative));

        Assert.Equal(joints, file.JointCount);
        Assert.Equal(endSites, file.EndSiteCount);
        Assert.Equal(channels, file.ChannelCount);
        Assert.Equal(frames, file.FrameCount);
        Assert.Equal(frames, file.DeclaredFrameCount);
        Assert.Equal(0, file.MissingFrameCount);
        Assert.Equal(frameTime, file.FrameTimeSeconds, 12);
        Assert.Equal(frames * channels, file.Motion.Length);
        Assert.Equal(restHeight, file.RestHeight, 3);
        Assert.Equal(unit, file.Unit);
        Assert.Equal(BvhFile.NormalisedHeightMetres, file.RestHeightMetres, 6);
        Assert.Equal(-1, file.Parents[0]);
        Assert.Equal(6, file.GetChannels(0).Length);
        Assert.Equal(joints, file.CreateDefinition(includeEndSites: false).JointCount);
        Assert.Equal(joints + endSites, file.CreateDefinition().JointCount);
        for (int f = 0; f < file.FrameCount; f++)
        {
            Assert.True(file.IsFrameFinite(f), $"frame {f}");
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{relative}: {file.JointCount} joints + {file.EndSiteCount} end sites, {file.ChannelCount} channels, {file.FrameCount} frames, "
            + $"frame time {file.FrameTimeSeconds} s, rest height {file.RestHeight:0.####} units, unit {file.Unit} x{file.UnitScale:0.######} "
            + $"=> {file.RestHeightMetres:0.###} m"));
    }

    public static TheoryData<string> FileNames => [MotionData.Cmu131, MotionData.Salsa60, MotionData.Salsa61];

    [Theory]
    [MemberData(nameof(FileNames))]
    public void AfterUnitScaling_TheBodyHasAnAdultsProportions(string relative)
    {
        BvhFile file = BvhFile.Load(MotionData.PathOf(relative));
        Assert.InRange(file.RestHeightMetres, 1.4, 2.0);

        int[] feet = [.. Enumerable.Range(0, file.PointCount).Where(i => IsFoot(file.Names[i]))];
        Assert.True(feet.Length >= 4, $"found only {feet.Length} foot points: {string.Join(", ", feet.Select(i => file.Names[i]))}");
        var positions = new Vector3[file.PointCount];
        double lowest = double.MaxValue;
        double highest = double.MinValue;
        for (int f = 0; f < file.FrameCount; f++)
        {
            file.ComputePositions(f, positions);
            float foot = float.MaxValue;
            foreach (int i in feet)
            {
                foot = MathF.Min(foot, positions[i].Y);
            }

            double hipsAboveFoot = positions[0].Y - foot;
            lowest = Math.Min(lowest, hipsAboveFoot);
            highest = Math.Max(highest, hipsAboveFoot);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{relative}: hips {lowest:0.###}–{highest:0.###} m above the lowest foot point"));
        Assert.InRange(lowest, 0.6, 1.3);
        Assert.InRange(highest, 0.6, 1.3);
    }

    [Fact]
    public void Cmu131_IsReadWithCrlfAndLfMixedAndTabs()
    {
        // The file mixes CRLF and LF line ends and indents with tabs; names must come through clean.
        BvhFile file = BvhFile.Load(MotionData.PathOf(MotionData.Cmu131));

        Assert.Equal("Hips", file.Names[0]);
        Assert.Equal("LHipJoint", file.Names[1]);
        Assert.Contains("LeftToe_End", file.Names);
        Assert.All(file.Names, n => Assert.DoesNotContain('\r', n));
        Assert.Equal(
            [BvhChannel.XPosition, BvhChannel.YPosition, BvhChannel.ZPosition, BvhChannel.ZRotation, BvhChannel.YRotation, BvhChannel.XRotation],
            file.GetChannels(0).ToArray());
    }

    [Fact]
    public void Salsa_MixesChannelOrdersPerJoint()
    {
        BvhFile file = BvhFile.Load(MotionData.PathOf(MotionData.Salsa60));

        Assert.Equal([BvhChannel.ZRotation, BvhChannel.YRotation, BvhChannel.XRotation], file.GetChannels(0)[3..].ToArray());
        int abdomen = file.Names.ToList().IndexOf("abdomen");
        Assert.Equal([BvhChannel.ZRotation, BvhChannel.XRotation, BvhChannel.YRotation], file.GetChannels(abdomen).ToArray());
    }

    private static bool IsFoot(string name) =>
        name.Contains("foot", StringComparison.OrdinalIgnoreCase)
        || name.Contains("toe", StringComparison.OrdinalIgnoreCase)
        || name.Contains("ankle", StringComparison.OrdinalIgnoreCase);
}
