using System.Buffers;
using System.Numerics;
using System.Text;
using Echelon.Motion.Frames;
using Echelon.Motion.Skeleton;
using Echelon.Sessions.Streams;
using Echelon.Sessions.Tests.Infrastructure;

namespace Echelon.Sessions.Tests.Streams;

public sealed class SensorRecordCodecTests
{
    private static readonly Dictionary<string, SkeletonDefinition> s_skeletons = new() { ["canonical"] = CanonicalSkeleton.Definition };

    [Fact]
    public void WriteLine_Imu_HasTheDocumentedShapeOnOneLine()
    {
        var frame = new ImuFrame("phone", 7, 5, new Vector3(1, 2.5f, -3), null, null, null);
        Assert.Equal("{\"t\":5,\"device\":\"phone\",\"device_t\":7,\"kind\":\"imu\",\"acc\":[1,2.5,-3]}\n", Line(frame));

        var full = new ImuFrame("phone", 7, 5, Vector3.One, Vector3.UnitX, -Vector3.UnitY, new Quaternion(0, 0, 0, 1));
        Assert.Equal(
            "{\"t\":5,\"device\":\"phone\",\"device_t\":7,\"kind\":\"imu\",\"acc\":[1,1,1],\"gyro\":[1,0,0],\"gravity\":[-0,-1,-0],\"quat\":[0,0,0,1]}\n",
            Line(full));
    }

    [Fact]
    public void WriteLine_SkeletonAndPose_NameTheirShapes()
    {
        var joints = new Vector3[CanonicalSkeleton.JointCount];
        string skeleton = Line(new SkeletonFrame("dancer", 1, 2, CanonicalSkeleton.Definition, joints));
        Assert.StartsWith("{\"t\":2,\"device\":\"dancer\",\"device_t\":1,\"kind\":\"skeleton\",\"skeleton\":\"canonical\",\"joints\":[[0,0,0],", skeleton, StringComparison.Ordinal);
        Assert.Single(skeleton, c => c == '\n');

        string pose = Line(new PoseFrame("cam", 1, 2, new PoseLandmark[PoseFrame.LandmarkCount]));
        Assert.StartsWith("{\"t\":2,\"device\":\"cam\",\"device_t\":1,\"kind\":\"pose\",\"landmarks\":[[0,0,0,0],", pose, StringComparison.Ordinal);
        Assert.DoesNotContain("world", pose, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RoundTrip_AllThreeKinds_IsBitExact(int seed)
    {
        List<SensorFrame> frames = SyntheticSession.Frames(seed, 0.3);
        Assert.Contains(frames, f => f is ImuFrame { RotationRate: null });
        Assert.Contains(frames, f => f is ImuFrame { Orientation: not null });
        Assert.Contains(frames, f => f is PoseFrame { WorldLandmarks: null });
        Assert.Contains(frames, f => f is PoseFrame { WorldLandmarks: not null });
        Assert.Contains(frames, f => f is SkeletonFrame);
        foreach (SensorFrame frame in frames)
        {
            string line = Line(frame);
            SensorFrame back = SensorRecordCodec.Read(Encoding.UTF8.GetBytes(line.TrimEnd('\n')), s_skeletons);
            FrameAssert.Equal(frame, back);
        }
    }

    [Fact]
    public void RoundTrip_AwkwardFloats_KeepEveryBit()
    {
        float[] values = SyntheticSession.AwkwardFloats;
        for (int i = 0; i < values.Length; i++)
        {
            var v = new Vector3(values[i], values[(i + 1) % values.Length], values[(i + 2) % values.Length]);
            var frame = new ImuFrame("phone", long.MinValue, long.MaxValue, v, -v, v, new Quaternion(v, values[i]));
            var back = (ImuFrame)SensorRecordCodec.Read(Encoding.UTF8.GetBytes(Line(frame).TrimEnd('\n')), null);
            FrameAssert.Equal(frame, back);
        }

        Assert.Contains("-0", Line(new ImuFrame("p", 0, 0, new Vector3(-0f, 0, 0))), StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_ReadSkeleton_UsesTheGivenDefinitionInstance()
    {
        var frame = new SkeletonFrame("dancer", 1, 2, CanonicalSkeleton.Definition, new Vector3[CanonicalSkeleton.JointCount]);
        var back = (SkeletonFrame)SensorRecordCodec.Read(Encoding.UTF8.GetBytes(Line(frame).TrimEnd('\n')), s_skeletons);
        Assert.Same(CanonicalSkeleton.Definition, back.Definition);
    }

    public static TheoryData<string> NonFiniteFrames => ["acc", "gyro", "gravity", "quat", "landmarks", "world", "joints"];

    [Theory]
    [MemberData(nameof(NonFiniteFrames))]
    public void WriteLine_NonFinite_ThrowsArgumentExceptionNamingTheFieldAndWritesNothing(string field)
    {
        float bad = field.Length % 2 == 0 ? float.NaN : float.PositiveInfinity;
        var badVector = new Vector3(1, bad, 2);
        SensorFrame frame = field switch
        {
            "acc" => new ImuFrame("phone", 0, 0, badVector),
            "gyro" => new ImuFrame("phone", 0, 0, Vector3.One, badVector),
            "gravity" => new ImuFrame("phone", 0, 0, Vector3.One, null, badVector),
            "quat" => new ImuFrame("phone", 0, 0, Vector3.One, null, null, new Quaternion(0, 0, 0, float.NaN)),
            "landmarks" => new PoseFrame("cam", 0, 0, [.. Enumerable.Range(0, 33).Select(i => new PoseLandmark(i == 4 ? bad : 0, 0, 0, 1))]),
            "world" => new PoseFrame("cam", 0, 0, new PoseLandmark[33], [.. Enumerable.Range(0, 33).Select(i => i == 32 ? badVector : Vector3.Zero)]),
            _ => new SkeletonFrame("dancer", 0, 0, CanonicalSkeleton.Definition, [.. Enumerable.Range(0, 16).Select(i => i == 3 ? badVector : Vector3.Zero)]),
        };
        var output = new ArrayBufferWriter<byte>();
        ArgumentException ex = Assert.Throws<ArgumentException>(() => SensorRecordCodec.WriteLine(output, frame));
        Assert.Contains($"'{field}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.WrittenCount);
    }

    [Theory]
    [InlineData("{\"device\":\"p\",\"t\":1,\"device_t\":1,\"kind\":\"imu\",\"acc\":[1,2,3]}", "t")]
    [InlineData("{\"t\":1.5,\"device\":\"p\",\"device_t\":1,\"kind\":\"imu\",\"acc\":[1,2,3]}", "t")]
    [InlineData("{\"t\":1,\"device\":\"p\",\"device_t\":1,\"kind\":\"imu\",\"acc\":[1,2]}", "acc")]
    [InlineData("{\"t\":1,\"device\":\"p\",\"device_t\":1,\"kind\":\"imu\",\"acc\":[1,2,3,4]}", "acc")]
    [InlineData("{\"t\":1,\"device\":\"p\",\"device_t\":1,\"kind\":\"imu\",\"acc\":[1e39,2,3]}", "acc[0]")]
    [InlineData("{\"t\":1,\"device\":\"p\",\"device_t\":1,\"kind\":\"imu\",\"acc\":[1,\"NaN\",3]}", "acc[1]")]
    [InlineData("{\"t\":1,\"device\":\"p\",\"device_t\":1,\"kind\":\"imu\",\"acc\":[1,2,3],\"acc\":[1,2,3]}", "acc")]
    [InlineData("{\"t\":1,\"device\":\"p\",\"device_t\":1,\"kind\":\"imu\",\"acc\":[1,2,3],\"colour\":1}", "colour")]
    [InlineData("{\"t\":1,\"device\":\"p\",\"device_t\":1,\"kind\":\"imu\"}", "acc")]
    [InlineData("{\"t\":1,\"device\":\"p\",\"kind\":\"imu\",\"acc\":[1,2,3]}", "device_t")]
    [InlineData("{\"t\":1,\"device\":\"p q\",\"device_t\":1,\"kind\":\"imu\",\"acc\":[1,2,3]}", "device")]
    [InlineData("{\"t\":1,\"device\":\"p\",\"device_t\":1,\"kind\":\"lidar\",\"acc\":[1,2,3]}", "kind")]
    [InlineData("{\"t\":1,\"device\":\"p\",\"device_t\":1,\"kind\":\"imu\",\"acc\":[1,2,3],\"joints\":[]}", "joints")]
    [InlineData("{\"t\":1,\"device\":\"p\",\"device_t\":1,\"kind\":\"pose\",\"landmarks\":[[1,2,3,4]]}", "landmarks")]
    [InlineData("{\"t\":1,\"device\":\"p\",\"device_t\":1,\"kind\":\"skeleton\",\"skeleton\":\"bvh\",\"joints\":[[1,2,3]]}", "skeleton")]
    [InlineData("{\"t\":1,\"device\":\"p\",\"device_t\":1,\"kind\":\"skeleton\",\"skeleton\":\"canonical\",\"joints\":[[1,2,3]]}", "joints")]
    [InlineData("{\"t\":1,\"device\":\"p\",\"device_t\":1,\"kind\":\"skeleton\",\"skeleton\":\"canonical\",\"joints\":[[1,2,3],5]}", "joints[1]")]
    [InlineData("{\"t\":1,\"device\":\"p\",\"device_t\":1,\"kind\":\"imu\",\"acc\":[1,2,3]} {}", "$")]
    [InlineData("[1,2,3]", "$")]
    [InlineData("hello", "$")]
    [InlineData("{\"t\":1,\"device\":\"p\",\"device_t\":1,\"kind\":\"imu\",\"acc\":[1,2,", "acc")]
    public void Read_BadRecord_NamesFileLineAndField(string record, string field)
    {
        SessionFormatException ex = Assert.Throws<SessionFormatException>(
            () => SensorRecordCodec.Read(Encoding.UTF8.GetBytes(record), s_skeletons, "sensors.p.jsonl", 42));
        Assert.Equal("sensors.p.jsonl", ex.File);
        Assert.Equal(42, ex.Line);
        Assert.StartsWith(field, ex.Field, StringComparison.Ordinal);
        Assert.StartsWith("sensors.p.jsonl:42: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FieldsInAnyOrderAfterT_Accepted()
    {
        SensorFrame frame = SensorRecordCodec.Read("{\"t\":3,\"acc\":[1,2,3],\"kind\":\"imu\",\"device_t\":9,\"device\":\"p\"}"u8, null);
        var imu = Assert.IsType<ImuFrame>(frame);
        Assert.Equal(3, imu.HostTimeNs);
        Assert.Equal(9, imu.DeviceTimeNs);
        Assert.Equal(new Vector3(1, 2, 3), imu.Acceleration);
    }

    [Fact]
    public void Write_ToIndentedWriter_IsRefused()
    {
        using var writer = new System.Text.Json.Utf8JsonWriter(new ArrayBufferWriter<byte>(), new System.Text.Json.JsonWriterOptions { Indented = true });
        Assert.Throws<ArgumentException>(() => SensorRecordCodec.Write(writer, new ImuFrame("p", 0, 0, Vector3.One)));
    }

    private static string Line(SensorFrame frame)
    {
        var output = new ArrayBufferWriter<byte>();
        SensorRecordCodec.WriteLine(output, frame);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
