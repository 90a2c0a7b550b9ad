using System.Numerics;
using Echelon.Motion.Bvh;
using Echelon.Motion.Frames;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Tests.Bvh;

public sealed class BvhSourceTests
{
    private static List<SkeletonFrame> ReadAll(BvhSource source)
    {
        var frames = new List<SkeletonFrame>();
        while (source.TryRead(out SensorFrame? frame))
        {
            frames.Add(Assert.IsType<SkeletonFrame>(frame));
        }

        return frames;
    }

    [Fact]
    public void RealTake_OneFramePerBvhFrame_TimedByFrameTime()
    {
        string path = MotionData.PathOf(MotionData.Cmu131);
        using var source = new BvhSource(path);

        List<SkeletonFrame> frames = ReadAll(source);

        Assert.Equal("bvh:" + path, source.Name);
        Assert.Equal(1102, frames.Count);
        Assert.Equal(0, source.RejectedFrames);
        SensorDevice device = Assert.Single(source.Devices);
        Assert.Equal("mocap", device.Id);
        Assert.Equal(SensorKind.Skeleton, device.Kind);
        Assert.Equal(1 / 0.0083333, device.NominalRateHz, 6);
        Assert.Contains("131_03.bvh", device.Description, StringComparison.Ordinal);
        Assert.Equal("131_03.bvh", source.Definition.Name);
        Assert.Equal(31 + 7, source.Definition.JointCount);
        Assert.Equal(0, source.Definition.IndexOf("Hips"));
        for (int i = 0; i < frames.Count; i++)
        {
            long expected = (long)Math.Round(i * 0.0083333 * 1e9);
            Assert.Equal(expected, frames[i].DeviceTimeNs);
            Assert.Equal(expected, frames[i].HostTimeNs);
            Assert.Equal("mocap", frames[i].DeviceId);
            Assert.Same(source.Definition, frames[i].Definition);
        }

        Assert.Equal(9_174_963_300, frames[^1].HostTimeNs); // frame 1101 × 8 333 300 ns
    }

    [Fact]
    public void Positions_AreTheFilesKinematicsInMetres()
    {
        BvhFile file = BvhFile.Load(MotionData.PathOf(MotionData.Salsa61));
        using var source = new BvhSource(file, "dancer-2", includeEndSites: false);
        var expected = new Vector3[file.JointCount];
        file.ComputePositions(100, expected);

        List<SkeletonFrame> frames = ReadAll(source);

        Assert.Equal(expected, frames[100].Positions);
        Assert.Equal(file.JointCount, source.Definition.JointCount);
        Assert.Equal("dancer-2", frames[0].DeviceId);
        Assert.Equal("61_10_scaled.bvh", frames[0].Definition.Name);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("inf")]
    [InlineData("-Infinity")]
    public void ANonFiniteValue_RejectsThatFrameAndCountsIt(string literal)
    {
        string text = BvhText.Join(
        [
            .. BvhText.Valid.Take(16),
            "Frames: 3",
            "Frame Time: 0.01",
            "0 1 0 0 0 0 0 0 0",
            $"0 1 0 0 0 {literal} 0 0 0",
            "0 1 0 0 0 0 0 0 10",
        ]);
        using var source = new BvhSource(BvhText.Parse(text));

        List<SkeletonFrame> frames = ReadAll(source);

        Assert.Equal(1, source.RejectedFrames);
        Assert.Equal(2, frames.Count);
        Assert.Equal([0L, 20_000_000L], frames.Select(f => f.HostTimeNs));
        Assert.All(frames, f => Assert.True(f.IsFinite()));
    }

    [Fact]
    public void AnInvalidDeviceId_IsRejected()
    {
        BvhFile file = BvhText.Parse(BvhText.Join(BvhText.Valid));

        Assert.Throws<ArgumentException>(() => new BvhSource(file, "bad id"));
    }

    [Fact]
    public void AfterDispose_TryReadThrows()
    {
        var source = new BvhSource(BvhText.Parse(BvhText.Join(BvhText.Valid)));
        source.Dispose();

        Assert.Throws<ObjectDisposedException>(() => source.TryRead(out _));
    }
}
