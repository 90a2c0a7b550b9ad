using System.Numerics;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Motion.Skeleton;
using Echelon.Sessions.Recording;
using Echelon.Sessions.Replay;
using Echelon.Sessions.Tests.Infrastructure;

namespace Echelon.Sessions.Tests.Replay;

public sealed class SessionReplaySourceTests(RecordedSessionFixture session) : IClassFixture<RecordedSessionFixture>
{
    [Fact]
    public void Replay_GivesTheRecordedFramesFieldByField_MergedByTimeThenDevice()
    {
        List<SensorFrame> expected = SyntheticSession.InReplayOrder(session.Frames);
        using var source = new SessionReplaySource(session.Directory);
        var actual = new List<SensorFrame>();
        while (source.TryRead(out SensorFrame? frame))
        {
            actual.Add(frame);
        }

        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            FrameAssert.Equal(expected[i], actual[i]);
        }

        // Ties happen (every 40 ms all three devices report) and come out by device id.
        Assert.Equal([SyntheticSession.Camera, SyntheticSession.Dancer, SyntheticSession.Phone], actual.Take(3).Select(f => f.DeviceId));
        Assert.All(actual.OfType<SkeletonFrame>(), f => Assert.Same(CanonicalSkeleton.Definition, f.Definition));
    }

    [Fact]
    public void Replay_NameAndDevicesComeFromTheManifest()
    {
        using var source = new SessionReplaySource(session.Directory);
        Assert.Equal("replay:" + session.Directory, source.Name);
        Assert.Equal(
            SyntheticSession.Devices.Select(d => d.ToSensorDevice()),
            source.Devices);
        Assert.Equal(0, source.RejectedFrames);
    }

    [Fact]
    public void ReadSensorStream_GivesOneDevicesFramesInFileOrder()
    {
        SessionReader reader = SessionReader.Open(session.Directory);
        List<SensorFrame> expected = [.. session.Frames.Where(f => f.DeviceId == SyntheticSession.Camera)];
        List<SensorFrame> actual = [.. reader.ReadSensorStream(SyntheticSession.Camera)];
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            FrameAssert.Equal(expected[i], actual[i]);
        }

        Assert.Throws<ArgumentException>(() => reader.ReadSensorStream("watch"));
    }

    [Fact]
    public void OpenDynamics128_FillsTheCallersVectorBitExactly()
    {
        using Dynamics128StreamReader reader = SessionReader.Open(session.Directory).OpenDynamics128();
        var vector = new Dynamics128Vector();
        int n = 0;
        while (reader.TryRead(vector))
        {
            FrameAssert.Equal(session.Vectors[n++], vector);
        }

        Assert.Equal(session.Vectors.Count, n);
        Assert.False(reader.TryRead(vector));
        Assert.Throws<ArgumentException>(() => SessionReader.Open(session.Directory).OpenDynamics128("sensors.phone"));
    }

    [Fact]
    public void Replay_EqualTimes_AreOrderedByDeviceIdThenFileOrder()
    {
        using var dir = new TempDirectory();
        string path = dir.File("session");
        using (SessionRecorder recorder = SessionRecorder.Create(path, new SessionRecorderOptions
        {
            Devices = [new SessionDevice("b", SensorKind.Imu, 10, ""), new SessionDevice("a", SensorKind.Imu, 10, "")],
        }))
        {
            recorder.TryAppend(new ImuFrame("b", 1, 100, Vector3.UnitX));
            recorder.TryAppend(new ImuFrame("b", 2, 100, Vector3.UnitY));
            recorder.TryAppend(new ImuFrame("a", 3, 100, Vector3.UnitZ));
            recorder.TryAppend(new ImuFrame("a", 4, 50, Vector3.One));
        }

        using var source = new SessionReplaySource(path);
        var order = new List<long>();
        while (source.TryRead(out SensorFrame? frame))
        {
            order.Add(frame.DeviceTimeNs);
        }

        // a's frame at 50 ns came after its frame at 100 ns, so the recorder refused it.
        Assert.Equal([3, 1, 2], order);
    }

    [Fact]
    public void Replay_OfAKilledUnrepairedSession_StopsAtTheTornTail()
    {
        using var dir = new TempDirectory();
        string path = dir.File("session");
        SessionFiles.RecordSmall(path);
        SessionFiles.MarkAsKilled(path);
        File.AppendAllText(SessionFiles.StreamPath(path, "sensors.phone"), "{\"t\":99999999999,\"device\":\"ph");
        int expected = SyntheticSession.Frames(1, 0.5).Count;
        using var source = new SessionReplaySource(path);
        int n = 0;
        while (source.TryRead(out _))
        {
            n++;
        }

        Assert.Equal(expected, n);
    }

    [Fact]
    public void Replay_DamagedLine_ThrowsWithFileLineAndField()
    {
        using var dir = new TempDirectory();
        string path = dir.File("session");
        SessionFiles.RecordSmall(path);
        string stream = SessionFiles.StreamPath(path, "sensors.dancer");
        List<string> lines = SessionFiles.Lines(stream);
        lines[3] = lines[3].Replace("\"joints\":[[", "\"joints\":[[\"x\",", StringComparison.Ordinal);
        SessionFiles.WriteLines(stream, lines);

        using var source = new SessionReplaySource(path);
        SessionFormatException ex = Assert.Throws<SessionFormatException>(() =>
        {
            while (source.TryRead(out _))
            {
            }
        });
        Assert.Equal((stream, 4, "joints[0][0]"), (ex.File, ex.Line, ex.Field));
    }
}
