using System.Numerics;
using Echelon.Motion.Frames;
using Echelon.Motion.Pose;
using Echelon.Motion.Skeleton;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Tests.Pose;

/// <summary>The pose JSONL shapes the reader accepts, and what it makes of them.</summary>
public sealed class PoseJsonlReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Landmarks33(string entry) => "[" + string.Join(',', Enumerable.Repeat(entry, 33)) + "]";

    [Fact]
    public void ArrayForm_GivesLandmarksWorldLandmarksAndTimes()
    {
        string file = _dir.Write("pose.jsonl", SyntheticPoseJsonl.Lines(40));

        PoseJsonlRecording recording = PoseJsonlReader.Read(file);

        Assert.Equal(40, recording.Frames.Count);
        Assert.Equal(0, recording.RejectedFrames);
        PoseFrame frame = recording.Frames[7];
        Assert.Equal("camera", frame.DeviceId);
        Assert.Equal(SyntheticPoseJsonl.StartNs + (7 * SyntheticPoseJsonl.PeriodNs), frame.DeviceTimeNs);
        Assert.Equal(7 * SyntheticPoseJsonl.PeriodNs, frame.HostTimeNs);

        float[] wrist = SyntheticPoseJsonl.ImageLandmarks(7)[MediaPipePose.LeftWrist];
        Assert.Equal(new PoseLandmark(wrist[0], wrist[1], wrist[2], wrist[3]), frame.Landmarks[MediaPipePose.LeftWrist]);
        float[] world = SyntheticPoseJsonl.WorldLandmarks(7)[MediaPipePose.RightWrist];
        Assert.NotNull(frame.WorldLandmarks);
        Assert.Equal(new Vector3(world[0], world[1], world[2]), frame.WorldLandmarks[MediaPipePose.RightWrist]);
    }

    [Fact]
    public void Devices_AreListedWithTheirRate()
    {
        string file = _dir.Write("pose.jsonl", SyntheticPoseJsonl.Lines(40));

        using var source = new PoseJsonlSource(file);

        Assert.Equal("pose:" + file, source.Name);
        SensorDevice device = Assert.Single(source.Devices);
        Assert.Equal("camera", device.Id);
        Assert.Equal(SensorKind.Pose, device.Kind);
        Assert.InRange(device.NominalRateHz, 29.9, 30.1);
    }

    [Fact]
    public void DeviceField_NamesTheDevice_InOrderOfAppearance()
    {
        var lines = new List<string>();
        for (int i = 0; i < 10; i++)
        {
            lines.Add(SyntheticPoseJsonl.Line(i, i % 2 == 0 ? "cam-front" : null));
        }

        string file = _dir.Write("pose.jsonl", [.. lines]);

        PoseJsonlRecording recording = PoseJsonlReader.Read(file, new PoseJsonlOptions { DeviceId = "cam-side" });

        Assert.Equal(["cam-front", "cam-side"], recording.Devices.Select(d => d.Id));
        Assert.Equal("cam-front", recording.Frames[0].DeviceId);
        Assert.Equal("cam-side", recording.Frames[1].DeviceId);
        Assert.All(recording.Devices, d => Assert.InRange(d.NominalRateHz, 14.9, 15.1));
    }

    [Fact]
    public void ObjectForm_WithSecondsTime()
    {
        string file = _dir.Write("pose.jsonl", SyntheticPoseJsonl.ObjectLine(1.5, wrapped: false), SyntheticPoseJsonl.ObjectLine(1.5333333333, wrapped: false));

        PoseJsonlRecording recording = PoseJsonlReader.Read(file);

        Assert.Equal(1_500_000_000, recording.Frames[0].DeviceTimeNs);
        Assert.Equal(1_533_333_333, recording.Frames[1].DeviceTimeNs);
        Assert.Equal(33_333_333, recording.Frames[1].HostTimeNs);
        float[] nose = SyntheticPoseJsonl.ImageLandmarks(0)[MediaPipePose.Nose];
        Assert.Equal(new PoseLandmark(nose[0], nose[1], nose[2], nose[3]), recording.Frames[0].Landmarks[MediaPipePose.Nose]);
        Assert.Null(recording.Frames[0].WorldLandmarks);
    }

    [Fact]
    public void ObjectForm_WithoutVisibility_ReadsVisibilityAsOne()
    {
        string file = _dir.Write("pose.jsonl", SyntheticPoseJsonl.ObjectLine(0, wrapped: false, withVisibility: false));

        PoseJsonlRecording recording = PoseJsonlReader.Read(file);

        Assert.All(recording.Frames[0].Landmarks, l => Assert.Equal(1f, l.Visibility));
    }

    [Fact]
    public void MediaPipePythonShape_PoseLandmarksDotLandmark_IsAccepted()
    {
        string file = _dir.Write("pose.jsonl", SyntheticPoseJsonl.ObjectLine(2.0, wrapped: true));

        PoseFrame frame = Assert.Single(PoseJsonlReader.Read(file).Frames);

        float[] wrist = SyntheticPoseJsonl.ImageLandmarks(0)[MediaPipePose.LeftWrist];
        Assert.Equal(new PoseLandmark(wrist[0], wrist[1], wrist[2], wrist[3]), frame.Landmarks[MediaPipePose.LeftWrist]);
        Assert.NotNull(frame.WorldLandmarks);
        float[] world = SyntheticPoseJsonl.WorldLandmarks(0)[MediaPipePose.LeftHip];
        Assert.Equal(new Vector3(world[0], world[1], world[2]), frame.WorldLandmarks[MediaPipePose.LeftHip]);
    }

    [Fact]
    public void WorldLandmarks_MayCarryVisibilityOrBeNull()
    {
        string file = _dir.Write("pose.jsonl",
            $"{{\"t_ns\": 0, \"landmarks\": {Landmarks33("[0.5,0.5,0,1]")}, \"world_landmarks\": {Landmarks33("[0.1,0.2,0.3,0.9]")}}}",
            $"{{\"t_ns\": 10, \"landmarks\": {Landmarks33("[0.5,0.5,0,1]")}, \"world_landmarks\": null}}");

        PoseJsonlRecording recording = PoseJsonlReader.Read(file);

        Assert.Equal(new Vector3(0.1f, 0.2f, 0.3f), recording.Frames[0].WorldLandmarks![0]);
        Assert.Null(recording.Frames[1].WorldLandmarks);
    }

    [Fact]
    public void BlankLines_AreSkipped()
    {
        string file = _dir.Write("pose.jsonl", string.Empty, SyntheticPoseJsonl.Line(0), "   ", SyntheticPoseJsonl.Line(1), string.Empty);

        PoseJsonlRecording recording = PoseJsonlReader.Read(file);

        Assert.Equal(2, recording.Frames.Count);
        Assert.Equal(2, recording.Records);
    }

    [Theory]
    [InlineData("1e39")]
    [InlineData("-1e39")]
    [InlineData("1e999")]
    public void NumberPastTheFloatRange_RejectsTheFrameAndCountsIt(string huge)
    {
        string bad = $"{{\"t_ns\": {SyntheticPoseJsonl.StartNs + (2 * SyntheticPoseJsonl.PeriodNs)}, \"landmarks\": {Landmarks33($"[0.5,{huge},0,1]")}}}";
        string file = _dir.Write("pose.jsonl", SyntheticPoseJsonl.Line(0), SyntheticPoseJsonl.Line(1), bad, SyntheticPoseJsonl.Line(3));

        using var source = new PoseJsonlSource(file);
        var frames = new List<SensorFrame>();
        while (source.TryRead(out SensorFrame? frame))
        {
            frames.Add(frame);
        }

        Assert.Equal(3, frames.Count);
        Assert.Equal(1, source.RejectedFrames);
        Assert.All(frames, f => Assert.True(f.IsFinite()));
        Assert.Equal(3 * SyntheticPoseJsonl.PeriodNs, frames[2].HostTimeNs);
    }

    [Fact]
    public void BackwardTimestamps_CanBeDroppedAndCounted()
    {
        string file = _dir.Write("pose.jsonl", SyntheticPoseJsonl.Line(0), SyntheticPoseJsonl.Line(2), SyntheticPoseJsonl.Line(1), SyntheticPoseJsonl.Line(3));

        PoseJsonlRecording recording = PoseJsonlReader.Read(file, new PoseJsonlOptions { BackwardTimestamps = BackwardTimestampPolicy.DropAndCount });

        Assert.Equal(3, recording.Frames.Count);
        Assert.Equal(1, recording.RejectedFrames);
        Assert.Equal(1, recording.BackwardTimestampRecords);
    }

    [Fact]
    public void Frames_FeedTheMediaPipeSkeletonMapping()
    {
        string file = _dir.Write("pose.jsonl", SyntheticPoseJsonl.Lines(2));
        PoseFrame frame = PoseJsonlReader.Read(file).Frames[0];

        var positions = new Vector3[CanonicalSkeleton.JointCount];
        bool[] present = new bool[CanonicalSkeleton.JointCount];
        MediaPipePose.ToCanonical(frame, positions, present);

        Assert.True(present[(int)CanonicalJoint.LeftHand]);
        Assert.True(Finite.Of(positions));
    }
}
