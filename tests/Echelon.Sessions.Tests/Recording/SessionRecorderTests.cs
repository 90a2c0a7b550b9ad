using System.Buffers;
using System.Numerics;
using System.Security.Cryptography;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Motion.Skeleton;
using Echelon.Sessions.Recording;
using Echelon.Sessions.Streams;
using Echelon.Sessions.Tests.Infrastructure;
using Echelon.Sessions.Validation;

namespace Echelon.Sessions.Tests.Recording;

public sealed class SessionRecorderTests
{
    [Fact]
    public void Create_WritesTheLayoutAndARecordingManifestAtOnce()
    {
        using var dir = new TempDirectory();
        string session = dir.File("s-2025");
        using SessionRecorder recorder = SessionRecorder.Create(session, SyntheticSession.Options());

        foreach (string folder in new[] { "streams", "audio", "reports" })
        {
            Assert.True(Directory.Exists(Path.Combine(session, folder)), folder);
        }

        SessionManifest manifest = SessionManifest.Load(SessionFiles.ManifestPath(session));
        Assert.Equal(SessionStatus.Recording, manifest.Status);
        Assert.Equal("s-2025", manifest.Id);
        Assert.Equal(["sensors.phone", "sensors.camera", "sensors.dancer", "dynamics128"], manifest.Streams.Select(s => s.Name));
        Assert.All(manifest.Streams, s => Assert.False(s.HasCounts));
        Assert.All(manifest.Streams, s => Assert.True(File.Exists(SessionLayout.FullPath(session, s.File))));
        Assert.Same(CanonicalSkeleton.Definition, manifest.FindDevice(SyntheticSession.Dancer)!.Skeleton);
    }

    [Fact]
    public void Close_ManifestCountsAndSha256MatchTheFiles_AndTheSessionValidates()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        List<SensorFrame> frames = SyntheticSession.Frames(seed: 5, seconds: 1);
        List<Dynamics128Vector> vectors = SyntheticSession.Vectors(seed: 5, count: 100);
        SessionManifest manifest = SessionFiles.Record(session, frames, vectors);

        Assert.Equal(SessionStatus.Closed, manifest.Status);
        Assert.Equal(manifest.ToJson(), File.ReadAllText(SessionFiles.ManifestPath(session)));
        Assert.False(File.Exists(Path.Combine(session, SessionLayout.LockFileName)));
        foreach (SessionStreamInfo stream in manifest.Streams)
        {
            byte[] bytes = File.ReadAllBytes(SessionLayout.FullPath(session, stream.File));
            long expectedRecords = SessionLayout.TryGetSensorDevice(stream.Name, out string? device)
                ? frames.Count(f => f.DeviceId == device)
                : vectors.Count;
            Assert.Equal(expectedRecords, stream.Records);
            Assert.Equal(expectedRecords, SessionFiles.CountLines(bytes));
            Assert.Equal(bytes.Length, stream.Bytes);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stream.Sha256);
            Assert.Equal(0, stream.Dropped);
            Assert.Equal(0, stream.Rejected);
            Assert.Equal((byte)'\n', bytes[^1]);
        }

        ValidationReport report = SessionValidator.Validate(session);
        Assert.True(report.Ok, string.Join("\n", report.Errors));
        Assert.All(report.Streams, s => Assert.True(s.Sha256Matches));
        Assert.All(report.Streams, s => Assert.Equal(0, s.TornBytes));
    }

    [Fact]
    public void Stream_HoldsExactlyTheCodecsLines()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        List<SensorFrame> frames = [.. SyntheticSession.Frames(seed: 9, seconds: 0.2).Where(f => f.DeviceId == SyntheticSession.Phone)];
        SessionFiles.Record(session, frames);

        var expected = new ArrayBufferWriter<byte>();
        foreach (SensorFrame frame in frames)
        {
            SensorRecordCodec.WriteLine(expected, frame);
        }

        Assert.Equal(expected.WrittenSpan.ToArray(), File.ReadAllBytes(SessionFiles.StreamPath(session, "sensors.phone")));
    }

    [Fact]
    public void Append_ReachesTheFileWithinTheFlushInterval_WhileTheRecorderStaysOpen()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        using SessionRecorder recorder = SessionRecorder.Create(session, SyntheticSession.Options(TimeSpan.FromMilliseconds(100)));
        string path = SessionFiles.StreamPath(session, "sensors.phone");

        // The deadline is 100 flush intervals: CI runs the test assemblies in parallel on two cores next
        // to the render tests, and 1 s was missed there once. A recorder that only wrote on close, or only
        // when a buffer filled, never gets there however long it waits (the recorder stays open).
        TimeSpan deadline = TimeSpan.FromSeconds(10);
        for (int i = 1; i <= 3; i++)
        {
            Assert.True(recorder.TryAppend(new ImuFrame(SyntheticSession.Phone, i, i * 1000, new Vector3(i, 0, 0))));
            int expected = i;
            Assert.True(
                SessionFiles.WaitUntil(() => SessionFiles.CountLines(SessionFiles.ReadShared(path)) == expected, deadline),
                $"record {i} not on disk within {deadline.TotalMilliseconds} ms");
        }

        Assert.Equal(3, recorder.RecordsWritten);
        Assert.Equal(new FileInfo(path).Length, recorder.BytesWritten);
    }

    [Fact]
    public void TryAppend_QueueFull_DropsAndCountsWithoutBlocking()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        SessionRecorderOptions options = SyntheticSession.Options(TimeSpan.FromSeconds(10));
        using SessionRecorder recorder = SessionRecorder.Create(session, new SessionRecorderOptions
        {
            Devices = options.Devices,
            Dynamics128Streams = options.Dynamics128Streams,
            FlushInterval = TimeSpan.FromSeconds(10),
            Capacity = 4,
        });

        // The writer wakes only every 10 s, so the first four fill the queue and the rest are dropped.
        bool[] accepted = [.. Enumerable.Range(0, 10).Select(i => recorder.TryAppend(new ImuFrame(SyntheticSession.Phone, i, i, Vector3.One)))];
        Assert.Equal([true, true, true, true, false, false, false, false, false, false], accepted);
        Assert.Equal(6, recorder.RecordsDropped);

        recorder.Dispose();
        SessionStreamInfo phone = recorder.Manifest.FindStream("sensors.phone")!;
        Assert.Equal(4, phone.Records);
        Assert.Equal(6, phone.Dropped);
        Assert.Equal(4, recorder.RecordsWritten);
        Assert.True(SessionValidator.Validate(session).Ok);
    }

    [Fact]
    public void TryAppend_BadRecords_AreRefusedAndCounted_AndTheRecordingGoesOn()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        using SessionRecorder recorder = SessionRecorder.Create(session, SyntheticSession.Options());
        var otherSkeleton = new SkeletonDefinition("other", ["root"], [-1]);

        Assert.True(recorder.TryAppend(new ImuFrame(SyntheticSession.Phone, 0, 100, Vector3.One)));
        Assert.False(recorder.TryAppend(new ImuFrame(SyntheticSession.Phone, 0, 200, new Vector3(float.NaN, 0, 0))));
        Assert.False(recorder.TryAppend(new ImuFrame("watch", 0, 200, Vector3.One)));
        Assert.False(recorder.TryAppend(new ImuFrame(SyntheticSession.Dancer, 0, 200, Vector3.One)));
        Assert.False(recorder.TryAppend(new SkeletonFrame(SyntheticSession.Dancer, 0, 200, otherSkeleton, [Vector3.Zero])));
        var nanVector = new Dynamics128Vector { ProducerId = "p" };
        nanVector.Values[5] = float.PositiveInfinity;
        Assert.False(recorder.TryAppend(nanVector));

        // Accepted into the queue, but earlier than the stream's last record: the writer refuses it.
        Assert.True(recorder.TryAppend(new ImuFrame(SyntheticSession.Phone, 0, 50, Vector3.One)));
        Assert.True(recorder.TryAppend(new ImuFrame(SyntheticSession.Phone, 0, 300, Vector3.One)));
        Assert.Throws<ArgumentException>(() => recorder.TryAppend("dynamics128.missing", new Dynamics128Vector()));

        recorder.Dispose();
        Assert.Equal(6, recorder.RecordsRejected);
        SessionStreamInfo phone = recorder.Manifest.FindStream("sensors.phone")!;
        Assert.Equal(2, phone.Records);
        Assert.Equal(2, phone.Rejected);
        Assert.Equal(1, recorder.Manifest.FindStream("dynamics128")!.Rejected);
        Assert.True(SessionValidator.Validate(session).Ok);
    }

    [Fact]
    public void TryAppend_AfterClose_ReturnsFalseAndCountsADrop()
    {
        using var dir = new TempDirectory();
        SessionRecorder recorder = SessionRecorder.Create(dir.File("session"), SyntheticSession.Options());
        recorder.Dispose();
        recorder.Dispose();
        Assert.False(recorder.TryAppend(new ImuFrame(SyntheticSession.Phone, 0, 0, Vector3.One)));
        Assert.Equal(1, recorder.RecordsDropped);
    }

    [Fact]
    public void TryAppend_DynamicsVectorIsCopied_SoTheCallerMayReuseIt()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        List<Dynamics128Vector> expected = SyntheticSession.Vectors(seed: 3, count: 50);
        using (SessionRecorder recorder = SessionRecorder.Create(session, SyntheticSession.Options()))
        {
            var reused = new Dynamics128Vector();
            foreach (Dynamics128Vector vector in expected)
            {
                vector.CopyTo(reused);
                Assert.True(recorder.TryAppend(reused));
                Array.Fill(reused.Values, 99f);
            }
        }

        using Echelon.Sessions.Replay.Dynamics128StreamReader reader = Echelon.Sessions.Replay.SessionReader.Open(session).OpenDynamics128();
        var back = new Dynamics128Vector();
        foreach (Dynamics128Vector vector in expected)
        {
            Assert.True(reader.TryRead(back));
            FrameAssert.Equal(vector, back);
        }

        Assert.False(reader.TryRead(back));
    }

    [Fact]
    public async Task TryAppend_FromManyThreads_LosesNothingThatWasAccepted()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        SessionRecorder recorder = SessionRecorder.Create(session, SyntheticSession.Options(TimeSpan.FromMilliseconds(5)));
        await using (recorder)
        {
            // Each thread owns one device's stream, so each stream's times still rise.
            string[] devices = [SyntheticSession.Phone, SyntheticSession.Camera, SyntheticSession.Dancer];
            long[] accepted = new long[devices.Length];
            await Task.WhenAll(devices.Select((device, d) => Task.Run(() =>
            {
                for (int i = 0; i < 2000; i++)
                {
                    SensorFrame frame = device switch
                    {
                        SyntheticSession.Phone => new ImuFrame(device, i, i, Vector3.One),
                        SyntheticSession.Camera => new PoseFrame(device, i, i, new PoseLandmark[PoseFrame.LandmarkCount]),
                        _ => new SkeletonFrame(device, i, i, CanonicalSkeleton.Definition, new Vector3[CanonicalSkeleton.JointCount]),
                    };
                    if (recorder.TryAppend(frame))
                    {
                        accepted[d]++;
                    }
                }
            })));

            await recorder.CompleteAsync();
            for (int d = 0; d < devices.Length; d++)
            {
                SessionStreamInfo stream = recorder.Manifest.FindStream("sensors." + devices[d])!;
                Assert.Equal(accepted[d], stream.Records);
                Assert.Equal(2000, stream.Records + stream.Dropped);
            }
        }

        Assert.True(SessionValidator.Validate(session).Ok);
    }

    [Fact]
    public void Create_IntoANonEmptyFolder_Refuses()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "x.txt"), "x");
        Assert.Throws<IOException>(() => SessionRecorder.Create(dir.Path, SyntheticSession.Options()));
    }

    [Fact]
    public void Create_BadOptions_ThrowBeforeTouchingTheDisk()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionRecorder.Create(session, new SessionRecorderOptions { FlushInterval = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionRecorder.Create(session, new SessionRecorderOptions { Capacity = 0 }));
        Assert.Throws<ArgumentException>(() => SessionRecorder.Create(session, new SessionRecorderOptions { Dynamics128Streams = [new SessionStreamInfo("control", "p", 1)] }));
        Assert.False(Directory.Exists(session));
    }
}
